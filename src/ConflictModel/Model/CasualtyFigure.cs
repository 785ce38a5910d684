using System;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A number of people as reported: a best figure, a low and a high bound, each of which may be absent, with
/// open bounds ("over 200" is a low of 200, exclusive; "at least 58" a low of 58; "up to 100" a high of 100),
/// whether it is approximate ("about", "dozens"), and the verbatim phrase. An unknown figure has none of the three
/// numbers: unknown is not zero. The model keeps figures whose best lies outside [low, high], as real datasets have
/// them (about 1% of UCDP GED events); validation reports them.
/// </summary>
public sealed record CasualtyFigure : ExtensibleRecord
{
    private readonly long? _low;
    private readonly long? _best;
    private readonly long? _high;
    private readonly bool _lowExclusive;
    private readonly bool _highExclusive;
    private readonly string? _phrase;

    /// <summary>Creates a figure.</summary>
    /// <param name="best">The best or only figure (UCDP <c>best</c>, ACLED <c>fatalities</c>).</param>
    /// <param name="low">The lower bound (UCDP <c>low</c>).</param>
    /// <param name="high">The upper bound (UCDP <c>high</c>).</param>
    /// <param name="lowExclusive">Whether the lower bound is exclusive ("over 200", "more than").</param>
    /// <param name="highExclusive">Whether the upper bound is exclusive ("fewer than", "under").</param>
    /// <param name="isApproximate">Whether the figure is approximate ("about 200", "dozens").</param>
    /// <param name="phrase">The words the source used ("over 200", "dozens").</param>
    /// <exception cref="ArgumentException">A number is negative, an exclusive flag has no bound to apply to, "fewer than 0" is given, or the phrase is empty.</exception>
    public CasualtyFigure(long? best = null, long? low = null, long? high = null, bool lowExclusive = false, bool highExclusive = false, bool isApproximate = false, string? phrase = null)
    {
        Best = best;
        Low = low;
        High = high;
        LowExclusive = lowExclusive;
        HighExclusive = highExclusive;
        IsApproximate = isApproximate;
        Phrase = phrase;
    }

    /// <summary>Gets the best or only figure.</summary>
    public long? Best { get => _best; init => _best = ModelGuards.NotNegative(value, nameof(Best)); }

    /// <summary>Gets the lower bound.</summary>
    public long? Low
    {
        get => _low;
        init
        {
            _low = ModelGuards.NotNegative(value, nameof(Low));
            CheckExclusive(_lowExclusive, _low, nameof(Low));
        }
    }

    /// <summary>Gets the upper bound.</summary>
    public long? High
    {
        get => _high;
        init
        {
            _high = ModelGuards.NotNegative(value, nameof(High));
            CheckExclusive(_highExclusive, _high, nameof(High));
        }
    }

    /// <summary>Gets whether the lower bound is exclusive ("over 200").</summary>
    public bool LowExclusive
    {
        get => _lowExclusive;
        init => _lowExclusive = CheckExclusive(value, _low, nameof(LowExclusive));
    }

    /// <summary>Gets whether the upper bound is exclusive ("fewer than 10").</summary>
    public bool HighExclusive
    {
        get => _highExclusive;
        init
        {
            _highExclusive = CheckExclusive(value, _high, nameof(HighExclusive));
            if (value && _high == 0)
            {
                throw new ArgumentException("\"Fewer than 0\" is not a number of people.", nameof(HighExclusive));
            }
        }
    }

    /// <summary>Gets whether the figure is approximate.</summary>
    public bool IsApproximate { get; init; }

    /// <summary>Gets the words the source used.</summary>
    public string? Phrase { get => _phrase; init => _phrase = Guard.Against.Blank(value, nameof(Phrase)); }

    /// <summary>Gets whether nothing numeric is known: no best, low or high figure.</summary>
    public bool IsUnknown => _best is null && _low is null && _high is null;

    /// <summary>Creates an exact figure ("58 soldiers").</summary>
    /// <param name="count">The number.</param>
    /// <param name="phrase">The words the source used.</param>
    /// <returns>The figure.</returns>
    public static CasualtyFigure Exactly(long count, string? phrase = null) => new(best: count, phrase: phrase);

    /// <summary>Creates an open lower bound: "over 200" (exclusive) or "at least 58" (inclusive).</summary>
    /// <param name="count">The bound.</param>
    /// <param name="exclusive">Whether the bound itself is excluded ("over", "more than").</param>
    /// <param name="phrase">The words the source used.</param>
    /// <returns>The figure.</returns>
    public static CasualtyFigure AtLeast(long count, bool exclusive = false, string? phrase = null) => new(low: count, lowExclusive: exclusive, phrase: phrase);

    /// <summary>Creates an open upper bound: "up to 100" (inclusive) or "fewer than 100" (exclusive).</summary>
    /// <param name="count">The bound.</param>
    /// <param name="exclusive">Whether the bound itself is excluded ("fewer than", "under").</param>
    /// <param name="phrase">The words the source used.</param>
    /// <returns>The figure.</returns>
    public static CasualtyFigure AtMost(long count, bool exclusive = false, string? phrase = null) => new(high: count, highExclusive: exclusive, phrase: phrase);

    /// <summary>Creates a figure of which nothing numeric is known ("heavy losses").</summary>
    /// <param name="phrase">The words the source used.</param>
    /// <returns>The figure.</returns>
    public static CasualtyFigure Unknown(string? phrase = null) => new(phrase: phrase);

    /// <summary>
    /// Gets the smallest count the figure allows, inclusive: the low bound (plus one if exclusive), else the
    /// best figure (less <paramref name="approximateTolerance"/> if approximate), else 0 when only a high bound
    /// is known; null when the figure is unknown.
    /// </summary>
    /// <param name="approximateTolerance">The relative margin allowed around an approximate best figure, 0 to 1.</param>
    /// <returns>The smallest count allowed.</returns>
    public long? Minimum(double approximateTolerance = 0.1)
    {
        Guard.Against.OutOfRange(approximateTolerance, nameof(approximateTolerance), 0d, 1d);
        if (_low is { } low)
        {
            return _lowExclusive ? low + 1 : low;
        }

        if (_best is { } best)
        {
            // Decimal arithmetic: 200 × 1.1 in binary floating point is 220.00000000000003, whose ceiling is 221.
            return IsApproximate ? (long)Math.Floor(best * (1 - (decimal)approximateTolerance)) : best;
        }

        return _high is null ? null : 0;
    }

    /// <summary>
    /// Gets the largest count the figure allows, inclusive: the high bound (less one if exclusive), else
    /// unbounded (<see cref="long.MaxValue"/>) when a low bound is given, else the best figure (plus
    /// <paramref name="approximateTolerance"/> if approximate); null when the figure is unknown.
    /// </summary>
    /// <param name="approximateTolerance">The relative margin allowed around an approximate best figure, 0 to 1.</param>
    /// <returns>The largest count allowed.</returns>
    public long? Maximum(double approximateTolerance = 0.1)
    {
        Guard.Against.OutOfRange(approximateTolerance, nameof(approximateTolerance), 0d, 1d);
        if (_high is { } high)
        {
            return _highExclusive ? high - 1 : high;
        }

        if (_low is not null)
        {
            return long.MaxValue;
        }

        if (_best is { } best)
        {
            return IsApproximate ? (long)Math.Min(long.MaxValue, Math.Ceiling(best * (1 + (decimal)approximateTolerance))) : best;
        }

        return null;
    }

    /// <summary>
    /// Returns the figure in words, as reported: <c>200 ("200")</c>, <c>about 60</c>, <c>over 200 ("over 200")</c>,
    /// <c>150 (100 to 200)</c>, <c>unknown ("dozens")</c>; the verbatim phrase, when given, in quotes at the end.
    /// </summary>
    /// <returns>The figure in words.</returns>
    public override string ToString()
    {
        string bounds = (_low, _high) switch
        {
            ({ } low, { } high) => $"{(_lowExclusive ? "over " : string.Empty)}{CasualtyText.Number(low)} to {(_highExclusive ? "under " : string.Empty)}{CasualtyText.Number(high)}",
            ({ } low, null) => _lowExclusive ? $"over {CasualtyText.Number(low)}" : $"at least {CasualtyText.Number(low)}",
            (null, { } high) => _highExclusive ? $"fewer than {CasualtyText.Number(high)}" : $"up to {CasualtyText.Number(high)}",
            _ => string.Empty,
        };
        string figure = _best is { } best
            ? $"{(IsApproximate ? "about " : string.Empty)}{CasualtyText.Number(best)}{(bounds.Length > 0 ? $" ({bounds})" : string.Empty)}"
            : bounds.Length > 0 ? bounds : "unknown";
        return _phrase is null ? figure : $"{figure} (\"{_phrase}\")";
    }

    private static bool CheckExclusive(bool exclusive, long? bound, string parameterName)
        => exclusive && bound is null
            ? throw new ArgumentException("An exclusive bound needs the bound's number.", parameterName)
            : exclusive;
}

using System.Globalization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>Says in words what a casualty figure's bounds allow, and computes them without overflow.</summary>
internal static class FigureText
{
    /// <summary>Gets the smallest count the bounds allow, inclusive, or null when there is no low bound.</summary>
    public static long? LowestAllowed(CasualtyFigure figure)
        => figure.Low is { } low ? (figure.LowExclusive && low < long.MaxValue ? low + 1 : low) : null;

    /// <summary>Gets the largest count the bounds allow, inclusive, or null when there is no high bound.</summary>
    public static long? HighestAllowed(CasualtyFigure figure)
        => figure.High is { } high ? (figure.HighExclusive && high > 0 ? high - 1 : high) : null;

    public static string Bounds(CasualtyFigure figure) => (figure.Low, figure.High) switch
    {
        ({ } low, { } high) => $"{Number(low)}{(figure.LowExclusive ? " (exclusive)" : string.Empty)} to {Number(high)}{(figure.HighExclusive ? " (exclusive)" : string.Empty)}",
        ({ } low, null) => figure.LowExclusive ? $"over {Number(low)}" : $"at least {Number(low)}",
        (null, { } high) => figure.HighExclusive ? $"fewer than {Number(high)}" : $"up to {Number(high)}",
        _ => "any number",
    };

    public static string Range(long min, long max)
        => min == max ? Number(min) : max == long.MaxValue ? $"at least {Number(min)}" : $"{Number(min)} to {Number(max)}";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Adds counts, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

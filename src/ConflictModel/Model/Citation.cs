using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A reference from a record to the <see cref="Source"/> that reports it, with the words that source used.
/// Two sources reporting one claim are two citations of that claim, each with its own excerpt.
/// </summary>
public sealed record Citation : ExtensibleRecord
{
    private readonly SourceId _source;
    private readonly string? _excerpt;
    private readonly string? _locator;
    private readonly ReportingHedge? _hedge;
    private readonly string? _quote;

    /// <summary>Creates a citation.</summary>
    /// <param name="source">The source cited.</param>
    /// <param name="excerpt">The passage of the source that reports the record, verbatim; null when none is recorded.</param>
    /// <param name="locator">Where in the source (a paragraph, page, timestamp); null when not recorded.</param>
    /// <exception cref="System.ArgumentException"><paramref name="source"/> is the default id, or a text is empty.</exception>
    public Citation(SourceId source, string? excerpt = null, string? locator = null)
    {
        Source = source;
        Excerpt = excerpt;
        Locator = locator;
    }

    /// <summary>Gets the source cited.</summary>
    public SourceId Source { get => _source; init => _source = Guard.Against.DefaultId(value, nameof(Source)); }

    /// <summary>Gets the passage of the source that reports the record, verbatim.</summary>
    public string? Excerpt { get => _excerpt; init => _excerpt = Guard.Against.Blank(value, nameof(Excerpt)); }

    /// <summary>Gets where in the source the passage is.</summary>
    public string? Locator { get => _locator; init => _locator = Guard.Against.Blank(value, nameof(Locator)); }

    /// <summary>
    /// Gets how this source hedges what it reports ("reportedly", "allegedly", "confirmed"); null when it reports
    /// it in its own voice without a hedge, or the hedge is not recorded.
    /// </summary>
    public ReportingHedge? Hedge { get => _hedge; init => _hedge = Guard.Against.Undefined(value, nameof(Hedge)); }

    /// <summary>
    /// Gets the claimant's words as this source gives them, verbatim, where they differ from the record's own quote
    /// (two outlets quoting one statement in different translations).
    /// </summary>
    public string? Quote { get => _quote; init => _quote = Guard.Against.Blank(value, nameof(Quote)); }

    /// <summary>
    /// Gets the figure as this source gives it, where it differs from the record's own (one claim reported as
    /// "58 soldiers" by one outlet and "about 60" by another); for casualty estimates and claims about them.
    /// </summary>
    public CasualtyFigure? Figure { get; init; }
}

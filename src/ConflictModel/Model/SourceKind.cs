namespace ConflictModel.Model;

/// <summary>What kind of document a <see cref="Source"/> is.</summary>
public enum SourceKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A news report.</summary>
    NewsArticle,

    /// <summary>A broadcast or published interview ("in an interview with Geo TV").</summary>
    Interview,

    /// <summary>A government's or group's own statement, press release or briefing.</summary>
    OfficialStatement,

    /// <summary>A social media post.</summary>
    SocialMedia,

    /// <summary>A report by an NGO, international organisation or researcher.</summary>
    Report,

    /// <summary>A dataset (UCDP GED, ACLED).</summary>
    Dataset,

    /// <summary>Anything else.</summary>
    Other,
}

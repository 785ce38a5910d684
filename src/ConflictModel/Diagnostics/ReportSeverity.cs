namespace ConflictModel.Diagnostics;

/// <summary>
/// The severity configured for a rule, a category or every rule, as in Roslyn's <c>ReportDiagnostic</c>.
/// <see cref="Default"/> leaves the level to the next less specific setting (in the end, the descriptor's default);
/// <see cref="Suppress"/> (written <c>none</c> in configuration) stops the diagnostic from being reported at all.
/// </summary>
public enum ReportSeverity
{
    /// <summary>No setting at this level: use the less specific one, or the descriptor's default.</summary>
    Default,

    /// <summary>Report as an error.</summary>
    Error,

    /// <summary>Report as a warning.</summary>
    Warning,

    /// <summary>Report as information.</summary>
    Info,

    /// <summary>Report as hidden.</summary>
    Hidden,

    /// <summary>Do not report (<c>none</c> in configuration).</summary>
    Suppress,
}

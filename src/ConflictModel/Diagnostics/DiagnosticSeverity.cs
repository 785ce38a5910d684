namespace ConflictModel.Diagnostics;

/// <summary>How serious a reported <see cref="Diagnostic"/> is, from least to most. Values are ordered.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported but not shown by default: tooling may use it; a person rarely needs to see it.</summary>
    Hidden,

    /// <summary>Worth knowing; not a problem.</summary>
    Info,

    /// <summary>Probably a mistake in the data; the dataset is still usable.</summary>
    Warning,

    /// <summary>A mistake: the data is wrong or could not be read.</summary>
    Error,
}

namespace ConflictModel.Diagnostics;

/// <summary>Well-known values of <see cref="DiagnosticDescriptor.CustomTags"/>.</summary>
public static class DiagnosticTags
{
    /// <summary>
    /// The diagnostic's severity cannot be changed or turned off by configuration or suppressions: the data could
    /// not be read at that point (malformed JSON, invalid UTF-8, a limit exceeded) or a rule failed.
    /// </summary>
    public const string NotConfigurable = "NotConfigurable";

    /// <summary>The diagnostic is reported by <see cref="Serialization.DatasetReader"/> while reading, not by a rule.</summary>
    public const string Reader = "Reader";
}

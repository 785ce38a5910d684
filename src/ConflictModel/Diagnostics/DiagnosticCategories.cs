namespace ConflictModel.Diagnostics;

/// <summary>
/// The categories of <see cref="DiagnosticDescriptor"/>, each with its own range of ids. Configuration refers to a
/// category as <c>category:Name</c>.
/// </summary>
public static class DiagnosticCategories
{
    /// <summary>CM00xx–CM08xx: the file cannot be read as JSON, or a value does not have the shape the wire format requires.</summary>
    public const string Format = "Format";

    /// <summary>CM09xx: a problem with the validation configuration or a rule itself, not with the data.</summary>
    public const string Configuration = "Configuration";

    /// <summary>CM1xxx: references between records and the identity of records.</summary>
    public const string References = "References";

    /// <summary>CM2xxx: casualty figures and estimates.</summary>
    public const string Casualties = "Casualties";

    /// <summary>CM3xxx: dates and the order of things in time.</summary>
    public const string Dates = "Dates";

    /// <summary>CM4xxx: ceasefires, agreements and mediation.</summary>
    public const string Diplomacy = "Diplomacy";

    /// <summary>CM5xxx: claims, attributions and provenance (sources).</summary>
    public const string Provenance = "Provenance";
}

namespace ConflictModel.Diagnostics;

/// <summary>
/// The descriptors of problems with validation itself rather than with the data (CM09xx): the configuration, its
/// suppressions, and a rule or the reader failing.
/// </summary>
public static class ValidationDiagnostics
{
    /// <summary>CM0900: a rule (or the reader) threw; its findings for this dataset are incomplete.</summary>
    public static DiagnosticDescriptor InternalError { get; } = new(
        "CM0900", "Internal error", "{0} failed on this dataset: {1}", DiagnosticCategories.Configuration, DiagnosticSeverity.Error, true,
        "A rule or the reader threw an exception. Validation went on without it, so problems it would have found may be missing. Please report it with the dataset that triggers it.",
        customTags: [DiagnosticTags.NotConfigurable]);

    /// <summary>CM0901: a suppression without a justification, which is therefore not applied.</summary>
    public static DiagnosticDescriptor SuppressionWithoutJustification { get; } = new(
        "CM0901", "Suppression without justification", "The suppression of {0} has no justification, so it is not applied; say why the finding is acceptable", DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
        "Every suppression must say why the finding is acceptable, so that the next editor can judge whether it still is.");

    /// <summary>CM0902: a suppression that matched nothing in a file it applies to.</summary>
    public static DiagnosticDescriptor UnusedSuppression { get; } = new(
        "CM0902", "Unused suppression", "The suppression of {0} matched nothing in this file; remove it if the problem is fixed", DiagnosticCategories.Configuration, DiagnosticSeverity.Info, true,
        "A suppression that no longer matches anything hides nothing today but would hide a new problem tomorrow.");

    /// <summary>CM0903: configuration that names a rule, category or preset that does not exist.</summary>
    public static DiagnosticDescriptor UnknownConfigurationKey { get; } = new(
        "CM0903", "Unknown rule or category", "'{0}' is not a rule id, category or '*'; the setting is ignored", DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
        "A severity setting names something this version does not know: a typo, or a rule from another version.");

    /// <summary>CM0904: configuration that tries to change a diagnostic that cannot be configured.</summary>
    public static DiagnosticDescriptor NotConfigurable { get; } = new(
        "CM0904", "Setting has no effect", "{0} cannot be configured or suppressed; the setting is ignored", DiagnosticCategories.Configuration, DiagnosticSeverity.Warning, true,
        "Syntax errors, limits and internal errors mean the data could not be read; they cannot be turned off.");

    /// <summary>Gets every descriptor of this class.</summary>
    internal static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = [InternalError, SuppressionWithoutJustification, UnusedSuppression, UnknownConfigurationKey, NotConfigurable];
}

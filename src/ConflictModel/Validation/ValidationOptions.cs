using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// How a <see cref="DatasetValidator"/> runs: which rules, at which severities, with which suppressions. Severities
/// are set per rule id (<c>CM2001</c>), per category (<c>category:Casualties</c>) and for every rule (<c>*</c>); the
/// most specific setting wins, over the <see cref="Preset"/>, over the descriptor's default. Build one from a
/// configuration file with <see cref="ValidationConfiguration.ToOptions"/>. Immutable.
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>The key that sets the severity of every rule.</summary>
    public const string AllRulesKey = "*";

    /// <summary>The prefix of keys that set the severity of a category.</summary>
    public const string CategoryPrefix = "category:";

    /// <summary>Gets the options with every built-in rule at its default severity.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Gets the rules to run; every built-in rule by default.</summary>
    public ImmutableArray<DatasetRule> Rules { get; init; } = RuleCatalog.Rules;

    /// <summary>Gets the preset applied before the individual settings.</summary>
    public ValidationPreset Preset { get; init; }

    /// <summary>Gets the severity settings, keyed by rule id, <c>category:Name</c> or <c>*</c>.</summary>
    public ImmutableDictionary<string, ReportSeverity> Severities { get; init; } = ImmutableDictionary.Create<string, ReportSeverity>(StringComparer.Ordinal);

    /// <summary>Gets whether warnings are reported as errors (after every other setting).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Gets the suppressions.</summary>
    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>Gets the directory suppression file patterns are relative to (the configuration file's); null to match paths as given.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Gets the configuration file (<c>.conflictmodel.json</c>) these options were made from, as a full path; null when
    /// none was (the built-in defaults, or options built in code). <see cref="ValidationConfiguration.ToOptions"/> sets
    /// it, so that a report can name the configuration in force: the tool's text output prints it, and SARIF can record
    /// it in the run's invocation. It takes no part in validation, nor in equality.
    /// </summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Gets the date rules treat as today; null for the current UTC date.</summary>
    public LocalDate? Today { get; init; }

    /// <summary>Gets problems found in the configuration itself, reported with every validation.</summary>
    public ImmutableArray<Diagnostic> ConfigurationDiagnostics { get; init; } = [];

    /// <summary>Returns a copy with one severity setting changed, as a command-line override would.</summary>
    /// <param name="idOrCategory">A rule id, <c>category:Name</c> (or a bare category name), or <c>*</c>.</param>
    /// <param name="severity">The severity; <see cref="ReportSeverity.Default"/> removes the setting.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">The key is not a rule id, a category or <c>*</c>.</exception>
    public ValidationOptions WithSeverity(string idOrCategory, ReportSeverity severity)
    {
        string key = NormalizeKey(idOrCategory) ?? throw new ArgumentException($"'{idOrCategory}' is not a rule id (CM2001), a category (category:Casualties) or '*'.", nameof(idOrCategory));
        return this with { Severities = severity == ReportSeverity.Default ? Severities.Remove(key) : Severities.SetItem(key, severity) };
    }

    /// <summary>Returns a copy that does or does not report warnings as errors.</summary>
    /// <param name="value">Whether warnings are errors.</param>
    /// <returns>The copy.</returns>
    public ValidationOptions WithWarningsAsErrors(bool value) => this with { WarningsAsErrors = value };

    /// <summary>
    /// Gets the severity a descriptor's diagnostics are reported with, or null when they are not reported. Diagnostics
    /// that are not configurable keep their default severity (but warnings still become errors under
    /// <see cref="WarningsAsErrors"/>).
    /// </summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <returns>The effective severity, or null when disabled or suppressed by configuration.</returns>
    public DiagnosticSeverity? GetEffectiveSeverity(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        DiagnosticSeverity level = descriptor.DefaultSeverity;
        if (descriptor.IsConfigurable)
        {
            bool enabled = descriptor.IsEnabledByDefault;
            switch (Preset)
            {
                case ValidationPreset.Strict:
                    enabled = true;
                    level = level switch { DiagnosticSeverity.Info => DiagnosticSeverity.Warning, DiagnosticSeverity.Hidden => DiagnosticSeverity.Info, _ => level };
                    break;
                case ValidationPreset.Lenient:
                    level = level == DiagnosticSeverity.Warning ? DiagnosticSeverity.Info : level;
                    break;
            }

            bool byId = Severities.TryGetValue(descriptor.Id, out ReportSeverity setting) && setting != ReportSeverity.Default;
            if (!byId && !(Severities.TryGetValue(CategoryPrefix + descriptor.Category, out setting) && setting != ReportSeverity.Default))
            {
                Severities.TryGetValue(AllRulesKey, out setting);
            }

            if (setting == ReportSeverity.Suppress)
            {
                return null;
            }

            if (setting != ReportSeverity.Default && (byId || enabled))
            {
                enabled = true;
                level = ToSeverity(setting);
            }

            if (!enabled)
            {
                return null;
            }
        }

        return WarningsAsErrors && level == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : level;
    }

    /// <summary>Turns a user's key into the form <see cref="Severities"/> uses, or null when it names nothing.</summary>
    internal static string? NormalizeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        key = key.Trim();
        if (key == AllRulesKey || DiagnosticDescriptor.IsValidId(key))
        {
            return key;
        }

        string name = key.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase) ? key[CategoryPrefix.Length..] : key;
        string? category = RuleCatalog.Categories.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        return category is null ? null : CategoryPrefix + category;
    }

    private static DiagnosticSeverity ToSeverity(ReportSeverity setting) => setting switch
    {
        ReportSeverity.Error => DiagnosticSeverity.Error,
        ReportSeverity.Warning => DiagnosticSeverity.Warning,
        ReportSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    /// <summary>Compares the options' contents, element by element.</summary>
    /// <param name="other">The other options.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ValidationOptions? other)
        => other is not null
           && Rules.SequenceEqual(other.Rules)
           && Preset == other.Preset
           && Severities.Count == other.Severities.Count && !Severities.Except(other.Severities).Any()
           && WarningsAsErrors == other.WarningsAsErrors
           && Suppressions.SequenceEqual(other.Suppressions)
           && string.Equals(BaseDirectory, other.BaseDirectory, StringComparison.Ordinal)
           && Today == other.Today
           && ConfigurationDiagnostics.SequenceEqual(other.ConfigurationDiagnostics);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Preset, Severities.Count, WarningsAsErrors, Suppressions.Length, BaseDirectory, Today);
}

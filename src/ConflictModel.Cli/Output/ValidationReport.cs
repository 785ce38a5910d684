using System.Collections.Generic;
using System.Linq;
using ConflictModel.Validation;

namespace ConflictModel.Cli.Output;

/// <summary>What a validate run found, ready to be written in any output format.</summary>
/// <param name="Files">The files validated, as displayed (relative, forward slashes).</param>
/// <param name="Diagnostics">Every diagnostic, in file, line, column order; suppressed ones included and marked.</param>
/// <param name="Rules">The descriptors of every rule that can report, for SARIF's rule table.</param>
/// <param name="RecordCount">The number of records read.</param>
/// <param name="Truncated">The number of diagnostics left out by --max-diagnostics.</param>
/// <param name="Configurations">The configuration files in force, as displayed; null or empty when none.</param>
internal sealed record ValidationReport(
    IReadOnlyList<string> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<DiagnosticDescriptor> Rules,
    long RecordCount,
    int Truncated,
    IReadOnlyList<string>? Configurations = null)
{
    /// <summary>Gets the configuration files in force (relative to the working directory where possible); empty when none.</summary>
    public IReadOnlyList<string> ConfigurationFiles => Configurations ?? [];

    public int Errors => Diagnostics.Count(d => !d.IsSuppressed && d.Severity == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => !d.IsSuppressed && d.Severity == DiagnosticSeverity.Warning);

    public int Infos => Diagnostics.Count(d => !d.IsSuppressed && d.Severity == DiagnosticSeverity.Info);

    public int Suppressed => Diagnostics.Count(d => d.IsSuppressed);

    /// <summary>Gets the diagnostics a reader sees: not hidden, not suppressed.</summary>
    public IEnumerable<Diagnostic> Visible => Diagnostics.Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden);
}

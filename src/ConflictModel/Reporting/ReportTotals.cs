using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// The true counts of a report: by severity, by rule id and by file, over every diagnostic that is reported
/// (neither suppressed nor hidden), plus the number suppressed. Immutable.
/// </summary>
public sealed class ReportTotals
{
    private ReportTotals(int errors, int warnings, int infos, int suppressed, ImmutableSortedDictionary<string, int> byId, ImmutableSortedDictionary<string, int> byFile)
    {
        Errors = errors;
        Warnings = warnings;
        Infos = infos;
        Suppressed = suppressed;
        ById = byId;
        ByFile = byFile;
    }

    /// <summary>Gets the number of errors (not suppressed).</summary>
    public int Errors { get; }

    /// <summary>Gets the number of warnings (not suppressed).</summary>
    public int Warnings { get; }

    /// <summary>Gets the number of infos (not suppressed).</summary>
    public int Infos { get; }

    /// <summary>Gets the number of suppressed diagnostics, whatever their severity.</summary>
    public int Suppressed { get; }

    /// <summary>Gets the number of reported diagnostics: errors, warnings and infos.</summary>
    public int Reported => Errors + Warnings + Infos;

    /// <summary>Gets the number of reported diagnostics of each rule id, in ordinal order of the id.</summary>
    public ImmutableSortedDictionary<string, int> ById { get; }

    /// <summary>Gets the number of reported diagnostics in each file (<c>&lt;stdin&gt;</c> for none), in ordinal order.</summary>
    public ImmutableSortedDictionary<string, int> ByFile { get; }

    /// <summary>Counts diagnostics.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is null.</exception>
    public static ReportTotals Of(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int errors = 0, warnings = 0, infos = 0, suppressed = 0;
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                suppressed++;
                continue;
            }

            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                case DiagnosticSeverity.Info: infos++; break;
                default: continue;
            }

            byId[diagnostic.Id] = byId.GetValueOrDefault(diagnostic.Id) + 1;
            string file = diagnostic.Location.FilePath ?? "<stdin>";
            byFile[file] = byFile.GetValueOrDefault(file) + 1;
        }

        return new ReportTotals(
            errors,
            warnings,
            infos,
            suppressed,
            byId.ToImmutableSortedDictionary(StringComparer.Ordinal),
            byFile.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }
}

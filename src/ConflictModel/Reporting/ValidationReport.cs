using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// What a validation run found, ready to be written in any report format: the files read, every diagnostic
/// (suppressed ones kept and marked), the rules that could report, and the true totals. A report always holds every
/// diagnostic; a writer's <see cref="ReportOptions.MaxDiagnostics"/> only limits what is listed, never the totals.
/// Immutable and thread-safe.
/// </summary>
public sealed class ValidationReport
{
    /// <summary>Initializes a new instance of the <see cref="ValidationReport"/> class.</summary>
    /// <param name="files">The files validated, as they should be displayed (relative, forward slashes).</param>
    /// <param name="diagnostics">Every diagnostic, in the order they should be listed; suppressed and hidden ones included.</param>
    /// <param name="rules">The descriptors of every rule that can report, for SARIF's rule table; null for none.</param>
    /// <param name="recordCount">The number of records read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or <paramref name="diagnostics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordCount"/> is negative.</exception>
    public ValidationReport(IEnumerable<string> files, IEnumerable<Diagnostic> diagnostics, IEnumerable<DiagnosticDescriptor>? rules, long recordCount)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        Files = [.. files];
        Diagnostics = [.. diagnostics];
        Rules = rules is null ? [] : [.. rules.DistinctBy(r => r.Id, StringComparer.Ordinal)];
        RecordCount = recordCount;
        Totals = ReportTotals.Of(Diagnostics);
    }

    /// <summary>Gets the files validated, as displayed.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>Gets every diagnostic, in the order they are listed; suppressed and hidden ones included.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the descriptors of every rule that can report.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>Gets the number of records read.</summary>
    public long RecordCount { get; }

    /// <summary>Gets the totals over every diagnostic, whatever a writer lists.</summary>
    public ReportTotals Totals { get; }

    /// <summary>
    /// Gets the configuration files (<c>.conflictmodel.json</c>) that applied to the run, as displayed; empty when
    /// none did. SARIF names them in the invocation and the JSON report lists them, so that a silenced rule is never
    /// invisible.
    /// </summary>
    public ImmutableArray<string> ConfigurationFiles { get; init; } = [];

    /// <summary>
    /// Gets how each diagnostic compares with a baseline (keyed by reference: identical findings can differ), or null
    /// when no baseline was used. Diagnostics in the baseline are usually suppressed with a justification naming it.
    /// </summary>
    public IReadOnlyDictionary<Diagnostic, BaselineState>? BaselineStates { get; init; }

    /// <summary>Gets the baseline's entries that no longer match any finding (fixed, or changed).</summary>
    public ImmutableArray<BaselineEntry> AbsentBaselineEntries { get; init; } = [];

    /// <summary>Gets a diagnostic's state against the baseline: <see cref="BaselineState.New"/> unless the baseline has it; null without a baseline.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The state, or null.</returns>
    public BaselineState? BaselineStateOf(Diagnostic diagnostic)
        => BaselineStates is null ? null : BaselineStates.TryGetValue(diagnostic, out BaselineState state) ? state : BaselineState.New;

    /// <summary>Gets whether any diagnostic that is not suppressed is an error.</summary>
    public bool HasErrors => Totals.Errors > 0;

    /// <summary>Creates a report from the results of validating one or more datasets.</summary>
    /// <param name="results">The results, in the order to report them.</param>
    /// <param name="rules">The descriptors of the rules that can report; by default every rule of <see cref="RuleCatalog"/>.</param>
    /// <returns>The report; files without a path are shown as <c>&lt;stdin&gt;</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static ValidationReport FromResults(IEnumerable<ValidationResult> results, IEnumerable<DiagnosticDescriptor>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        List<ValidationResult> list = [.. results];
        return new ValidationReport(
            list.Select(r => r.FilePath ?? "<stdin>"),
            list.SelectMany(r => r.Diagnostics),
            rules ?? RuleCatalog.Descriptors,
            list.Sum(r => r.RecordCount));
    }

    /// <summary>Returns whether a diagnostic is listed in reports: neither suppressed nor hidden.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>True when it is reported.</returns>
    public static bool IsReported(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return !diagnostic.IsSuppressed && diagnostic.Severity != DiagnosticSeverity.Hidden;
    }

    /// <summary>
    /// Gets the diagnostics to list, in order: the first <paramref name="maxDiagnostics"/> that a reader sees
    /// (<see cref="IsReported"/>), and, when asked, every suppressed one (they do not count against the limit).
    /// Hidden diagnostics are never listed.
    /// </summary>
    /// <param name="maxDiagnostics">The most reported diagnostics to list; null for all.</param>
    /// <param name="includeSuppressed">Whether to list suppressed diagnostics too, as SARIF and JSON do.</param>
    /// <returns>The diagnostics to list.</returns>
    public IEnumerable<Diagnostic> Listed(int? maxDiagnostics, bool includeSuppressed = false)
    {
        int listed = 0;
        foreach (Diagnostic diagnostic in Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Hidden)
            {
                continue;
            }

            if (diagnostic.IsSuppressed)
            {
                if (includeSuppressed)
                {
                    yield return diagnostic;
                }
            }
            else if (maxDiagnostics is not { } max || listed < max)
            {
                listed++;
                yield return diagnostic;
            }
        }
    }

    /// <summary>Gets how many reported diagnostics a limit leaves out of the listing.</summary>
    /// <param name="maxDiagnostics">The most to list; null for all.</param>
    /// <returns>The number not listed; 0 when nothing is left out.</returns>
    public int NotListed(int? maxDiagnostics)
        => maxDiagnostics is { } max ? Math.Max(0, Totals.Reported - max) : 0;
}

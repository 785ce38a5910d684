using System;
using System.Globalization;
using System.Linq;
using System.IO;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// The canonical compiler line, <c>path(line,col): error CM2001: message</c>, which MSBuild, VS Code problem matchers
/// and GitHub's dotnet matchers read; then how many were left out, if any, and a summary with the true totals. Every
/// value from the data is escaped (<see cref="TerminalText"/>), so each diagnostic is exactly one line.
/// </summary>
public sealed class TextReportWriter : ReportWriter
{
    /// <summary>Initializes a new instance of the <see cref="TextReportWriter"/> class.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    public TextReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc/>
    public override ReportFormat Format => ReportFormat.Text;

    /// <summary>Formats one diagnostic as its compiler line, escaped.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The line, without a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is null.</exception>
    internal static string FormatLine(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        DiagnosticLocation location = diagnostic.Location;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{TerminalText.Escape(location.FilePath ?? "<stdin>")}({location.StartLine},{location.StartColumn}): {Diagnostic.SeverityText(diagnostic.Severity)} {diagnostic.Id}: {TerminalText.Escape(diagnostic.GetMessage(CultureInfo.InvariantCulture))}");
    }

    /// <summary>Formats the summary line: files, records and the true totals by severity.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The line, such as <c>6 file(s), 323 record(s): 0 error(s), 0 warning(s), 3 info(s)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    internal static string FormatSummary(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportTotals totals = report.Totals;
        string suppressed = totals.Suppressed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {totals.Suppressed} suppressed") : string.Empty;
        string baseline = report.BaselineStates is { } states
            ? string.Create(CultureInfo.InvariantCulture, $"; baseline: {states.Values.Count(s => s == BaselineState.Unchanged)} unchanged, {report.AbsentBaselineEntries.Length} no longer found")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Files.Length} file(s), {report.RecordCount} record(s): {totals.Errors} error(s), {totals.Warnings} warning(s), {totals.Infos} info(s){suppressed}{baseline}");
    }

    /// <summary>Formats the line that says how many diagnostics a limit left out, or null when none were.</summary>
    /// <param name="report">The report.</param>
    /// <param name="maxDiagnostics">The limit applied; null for none.</param>
    /// <returns>The line, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    internal static string? FormatNotListed(ValidationReport report, int? maxDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(report);
        int left = report.NotListed(maxDiagnostics);
        return left == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"... {left} more diagnostic(s) not shown (--max-diagnostics {maxDiagnostics})");
    }

    /// <inheritdoc/>
    public override void Write(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        foreach (Diagnostic diagnostic in report.Listed(Options.MaxDiagnostics))
        {
            if (Options.ErrorsOnly && diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            writer.WriteLine(FormatLine(diagnostic));
        }

        if (FormatNotListed(report, Options.MaxDiagnostics) is { } notListed)
        {
            writer.WriteLine(notListed);
        }

        if (!Options.ErrorsOnly)
        {
            foreach (BaselineEntry absent in report.AbsentBaselineEntries)
            {
                writer.WriteLine($"baseline: no longer found: {TerminalText.Escape(absent.ToString())}");
            }
        }

        if (!Options.ErrorsOnly)
        {
            writer.WriteLine(FormatSummary(report));
            if (report.ConfigurationFiles.Length > 0)
            {
                // A configuration can turn rules off; a clean run must say which one was in force.
                writer.WriteLine($"configuration: {TerminalText.Escape(string.Join(", ", report.ConfigurationFiles))}");
            }
        }
    }
}

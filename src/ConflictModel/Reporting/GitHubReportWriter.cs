using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=CM2001…::message</c>) that become
/// annotations on the pull request. GitHub shows at most 10 annotations of each level per step (and 50 per job), so
/// at most <see cref="ReportOptions.MaxAnnotationsPerLevel"/> of each level are written; the summary line after them
/// gives the true totals, and <see cref="WriteJobSummary"/> writes the whole picture (totals by rule and by file, and
/// the findings that got no annotation) as Markdown for <c>$GITHUB_STEP_SUMMARY</c>. Escaping follows the runner: in
/// the message <c>%</c>, CR and LF; in property values also <c>:</c> and <c>,</c>.
/// </summary>
public sealed class GitHubReportWriter : ReportWriter
{
    /// <summary>GitHub's own limit on a step summary: 1 MiB.</summary>
    public const int MaxJobSummaryBytes = 1024 * 1024;

    private const int MaxSummaryRows = 1000;

    /// <summary>Initializes a new instance of the <see cref="GitHubReportWriter"/> class.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    public GitHubReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc/>
    public override ReportFormat Format => ReportFormat.GitHub;

    /// <summary>Formats one diagnostic as a workflow command.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The command, without a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is null.</exception>
    internal static string FormatAnnotation(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        DiagnosticLocation location = diagnostic.Location;
        var line = new StringBuilder();
        line.Append("::").Append(Command(diagnostic.Severity)).Append(' ');
        if (location.FilePath is { } file)
        {
            line.Append("file=").Append(EscapeProperty(file)).Append(',');
        }

        line.Append(CultureInfo.InvariantCulture, $"line={location.StartLine},col={location.StartColumn},");
        if (location.EndLine is { } endLine && location.EndColumn is { } endColumn)
        {
            line.Append(CultureInfo.InvariantCulture, $"endLine={endLine},endColumn={endColumn},");
        }

        line.Append("title=").Append(EscapeProperty($"{diagnostic.Id}: {diagnostic.Descriptor.Title}"));
        line.Append("::").Append(EscapeData(diagnostic.GetMessage(CultureInfo.InvariantCulture)));
        if (location.JsonPointer.Length > 0)
        {
            line.Append(EscapeData($" (at {location.JsonPointer})"));
        }

        return line.ToString();
    }

    /// <summary>Escapes a workflow command's message: <c>%</c>, CR and LF, as the runner expects.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped value.</returns>
    internal static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a workflow command's property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped value.</returns>
    internal static string EscapeProperty(string value)
        => EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Gets the diagnostics that get an annotation: the first <see cref="ReportOptions.MaxAnnotationsPerLevel"/> of each level, in order.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The diagnostics annotated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    internal IReadOnlyList<Diagnostic> Annotated(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var perLevel = new Dictionary<string, int>(StringComparer.Ordinal);
        var annotated = new List<Diagnostic>();
        foreach (Diagnostic diagnostic in report.Listed(Options.MaxDiagnostics))
        {
            string command = Command(diagnostic.Severity);
            int count = perLevel.GetValueOrDefault(command);
            if (count < Options.MaxAnnotationsPerLevel)
            {
                perLevel[command] = count + 1;
                annotated.Add(diagnostic);
            }
        }

        return annotated;
    }

    /// <inheritdoc/>
    public override void Write(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<Diagnostic> annotated = Annotated(report);
        foreach (Diagnostic diagnostic in annotated)
        {
            writer.WriteLine(FormatAnnotation(diagnostic));
        }

        int withoutAnnotation = report.Totals.Reported - annotated.Count;
        if (withoutAnnotation > 0)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"... {withoutAnnotation} more diagnostic(s) without an annotation (GitHub shows at most {Options.MaxAnnotationsPerLevel} of each level per step); the job summary has them all"));
        }

        writer.WriteLine(TextReportWriter.FormatSummary(report));
    }

    /// <summary>
    /// Writes the job summary as GitHub-flavoured Markdown: the true totals, a table by rule and a table by file, then
    /// the findings that got no annotation (up to 1,000 rows, within GitHub's 1 MiB limit on a step summary).
    /// </summary>
    /// <param name="writer">Where to write (the file <c>$GITHUB_STEP_SUMMARY</c> names, opened to append).</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void WriteJobSummary(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ReportTotals totals = report.Totals;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {Cell(Options.ToolName)}: {(totals.Errors > 0 ? "errors found" : "no errors")}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{Cell(TextReportWriter.FormatSummary(report))}\n\n");
        if (report.ConfigurationFiles.Length > 0)
        {
            text.Append("Configuration: ").Append(string.Join(", ", report.ConfigurationFiles.Select(f => $"`{Cell(f)}`"))).Append("\n\n");
        }

        if (totals.Reported > 0)
        {
            Dictionary<string, DiagnosticDescriptor> rules = report.Rules.Concat(report.Diagnostics.Select(d => d.Descriptor)).DistinctBy(r => r.Id, StringComparer.Ordinal).ToDictionary(r => r.Id, StringComparer.Ordinal);
            text.Append("| rule | title | count |\n|---|---|---:|\n");
            foreach ((string id, int count) in totals.ById)
            {
                string title = rules.TryGetValue(id, out DiagnosticDescriptor? rule) ? rule.Title : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"| [{id}]({(rule?.HelpLinkUri ?? string.Empty)}) | {Cell(title)} | {count} |\n");
            }

            text.Append("\n| file | count |\n|---|---:|\n");
            foreach ((string file, int count) in totals.ByFile)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Cell(file)} | {count} |\n");
            }

            var annotated = new HashSet<Diagnostic>(Annotated(report), ReferenceEqualityComparer.Instance);
            List<Diagnostic> rest = [.. report.Listed(Options.MaxDiagnostics).Where(d => !annotated.Contains(d))];
            if (rest.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n<details><summary>{rest.Count} finding(s) without an annotation</summary>\n\n| where | level | rule | message |\n|---|---|---|---|\n");
                int rows = 0;
                int bytes = Encoding.UTF8.GetByteCount(text.ToString());
                foreach (Diagnostic diagnostic in rest)
                {
                    string row = string.Create(CultureInfo.InvariantCulture, $"| {Cell(diagnostic.Location.FilePath ?? "<stdin>")}({diagnostic.Location.StartLine},{diagnostic.Location.StartColumn}) | {Diagnostic.SeverityText(diagnostic.Severity)} | {diagnostic.Id} | {Cell(diagnostic.GetMessage(CultureInfo.InvariantCulture))} |\n");
                    bytes += Encoding.UTF8.GetByteCount(row);
                    if (rows == MaxSummaryRows || bytes > MaxJobSummaryBytes - 4096)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\n{rest.Count - rows} more not shown here; the SARIF or JSON report lists every finding.\n");
                        break;
                    }

                    text.Append(row);
                    rows++;
                }

                text.Append("\n</details>\n");
            }

            if (report.NotListed(Options.MaxDiagnostics) is > 0 and int notListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{notListed} diagnostic(s) were left out of the listing (--max-diagnostics {Options.MaxDiagnostics}); the totals above count them.\n");
            }
        }

        writer.Write(text.ToString());
        writer.Write('\n');
    }

    private static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>Makes a value safe in one Markdown table cell: no line breaks or controls, pipes and markup escaped.</summary>
    private static string Cell(string value)
    {
        string escaped = TerminalText.Escape(value);
        var builder = new StringBuilder(escaped.Length);
        foreach (char c in escaped)
        {
            if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

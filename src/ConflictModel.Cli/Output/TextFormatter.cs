using System.Globalization;
using System.IO;
using ConflictModel.Validation;

namespace ConflictModel.Cli.Output;

/// <summary>
/// The canonical compiler line, <c>path(line,col): error CM2001: message</c>, which MSBuild, VS Code problem matchers
/// and GitHub's dotnet matchers already read; then a summary.
/// </summary>
internal static class TextFormatter
{
    public static void Write(TextWriter writer, ValidationReport report, bool quiet)
    {
        foreach (Diagnostic diagnostic in report.Visible)
        {
            if (quiet && diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            writer.WriteLine(Line(diagnostic));
        }

        if (report.Truncated > 0)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... {report.Truncated} more diagnostic(s) not shown (--max-diagnostics)"));
        }

        if (!quiet)
        {
            writer.WriteLine(Summary(report));
            if (report.ConfigurationFiles.Count > 0)
            {
                // A configuration can turn rules off; a clean run must say which one was in force.
                writer.WriteLine($"configuration: {string.Join(", ", report.ConfigurationFiles)}");
            }
        }
    }

    public static string Line(Diagnostic diagnostic)
    {
        DiagnosticLocation location = diagnostic.Location;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{location.FilePath ?? "<stdin>"}({location.StartLine},{location.StartColumn}): {Diagnostic.SeverityText(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    public static string Summary(ValidationReport report)
    {
        string suppressed = report.Suppressed > 0 ? $", {report.Suppressed} suppressed" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Files.Count} file(s), {report.RecordCount} record(s): {report.Errors} error(s), {report.Warnings} warning(s), {report.Infos} info(s){suppressed}");
    }
}

using System.Globalization;
using System.IO;
using System.Text;
using ConflictModel.Validation;

namespace ConflictModel.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=CM2001::message</c>) that become
/// annotations on the pull request. Escaping follows the runner: in the message <c>%</c>, CR and LF; in property
/// values also <c>:</c> and <c>,</c>.
/// </summary>
internal static class GitHubFormatter
{
    public static void Write(TextWriter writer, ValidationReport report)
    {
        foreach (Diagnostic diagnostic in report.Visible)
        {
            writer.WriteLine(Line(diagnostic));
        }

        writer.WriteLine(TextFormatter.Summary(report));
    }

    public static string Line(Diagnostic diagnostic)
    {
        string command = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        DiagnosticLocation location = diagnostic.Location;
        var line = new StringBuilder();
        line.Append("::").Append(command).Append(' ');
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

    public static string EscapeData(string value)
        => value.Replace("%", "%25", System.StringComparison.Ordinal)
            .Replace("\r", "%0D", System.StringComparison.Ordinal)
            .Replace("\n", "%0A", System.StringComparison.Ordinal);

    public static string EscapeProperty(string value)
        => EscapeData(value)
            .Replace(":", "%3A", System.StringComparison.Ordinal)
            .Replace(",", "%2C", System.StringComparison.Ordinal);
}

using System.IO;
using ConflictModel.Reporting;

namespace ConflictModel.Cli.Output;

/// <summary>The text format, written by the library's <see cref="TextReportWriter"/> (the tool adds nothing of its own).</summary>
internal static class TextFormatter
{
    public static void Write(TextWriter writer, ValidationReport report, bool quiet, ReportOptions? options = null)
        => new TextReportWriter((options ?? CliReportOptions.Default) with { ErrorsOnly = quiet }).Write(writer, report);
}

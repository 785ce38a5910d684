using System.IO;
using ConflictModel.Reporting;

namespace ConflictModel.Cli.Output;

/// <summary>The JSON report, written by the library's <see cref="JsonReportWriter"/>.</summary>
internal static class JsonFormatter
{
    public static void Write(Stream stream, ValidationReport report, ReportOptions? options = null)
        => new JsonReportWriter(options ?? CliReportOptions.Default).Write(stream, report);
}

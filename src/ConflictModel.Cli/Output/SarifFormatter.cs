using System.IO;
using ConflictModel.Reporting;

namespace ConflictModel.Cli.Output;

/// <summary>SARIF 2.1.0, written by the library's <see cref="SarifReportWriter"/>, with <c>%SRCROOT%</c> the working directory.</summary>
internal static class SarifFormatter
{
    public static void Write(Stream stream, ValidationReport report, string workingDirectory, ReportOptions? options = null)
        => new SarifReportWriter((options ?? CliReportOptions.Default) with { BaseDirectory = workingDirectory }).Write(stream, report);
}

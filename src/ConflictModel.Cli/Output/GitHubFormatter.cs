using System.IO;
using ConflictModel.Reporting;

namespace ConflictModel.Cli.Output;

/// <summary>The GitHub format, written by the library's <see cref="GitHubReportWriter"/>.</summary>
internal static class GitHubFormatter
{
    public static void Write(TextWriter writer, ValidationReport report, ReportOptions? options = null)
        => new GitHubReportWriter(options ?? CliReportOptions.Default).Write(writer, report);
}

using System.Reflection;
using ConflictModel.Reporting;

namespace ConflictModel.Cli.Output;

/// <summary>The report options every command starts from: the tool's own name and version.</summary>
internal static class CliReportOptions
{
    public static ReportOptions Default { get; } = new()
    {
        ToolName = "conflictmodel",
        ToolVersion = typeof(CliReportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
    };
}

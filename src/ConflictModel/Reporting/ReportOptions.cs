using System;
using System.Reflection;
using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>How a <see cref="ReportWriter"/> writes a report. Immutable; derive variants with <c>with</c> (<c>ReportOptions.Default with { MaxDiagnostics = 50 }</c>).</summary>
public sealed record ReportOptions
{
    private readonly int? _maxDiagnostics;
    private readonly int _maxAnnotationsPerLevel = 10;

    /// <summary>Gets the default options: every diagnostic listed, this library named as the tool.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>Gets the tool's name, as reports show it; <c>conflictmodel</c> by default.</summary>
    public string ToolName { get; init; } = "conflictmodel";

    /// <summary>Gets the tool's version; this library's informational version by default.</summary>
    public string ToolVersion { get; init; } = LibraryVersion;

    /// <summary>
    /// Gets the most diagnostics to list, or null (the default) for all. Totals stay true: the text summary, the JSON
    /// report's <c>totals</c> and SARIF's notification count every diagnostic, and say how many were left out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxDiagnostics
    {
        get => _maxDiagnostics;
        init
        {
            if (value is < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The limit must be 0 or more.");
            }

            _maxDiagnostics = value;
        }
    }

    /// <summary>Gets whether the text format lists errors only, without the summary (the tool's <c>--quiet</c>).</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>
    /// Gets the most GitHub annotations of each level (error, warning, notice) to write; 10 by default, GitHub's own
    /// cap per step. The rest are counted in the job summary (<see cref="GitHubReportWriter.WriteJobSummary"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxAnnotationsPerLevel
    {
        get => _maxAnnotationsPerLevel;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxAnnotationsPerLevel = value;
        }
    }

    /// <summary>
    /// Gets the directory relative file paths are relative to; SARIF names it <c>%SRCROOT%</c>. Null (the default)
    /// leaves SARIF's base undefined, for a consumer to supply.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Gets the repository the data comes from, for SARIF's version control provenance; null when unknown.</summary>
    public VersionControlDetails? VersionControl { get; init; }

    /// <summary>
    /// Gets a function that returns the text of a line of a file (the file path as diagnostics give it, the 1-based
    /// line number), without its line break, or null when it cannot; SARIF then carries the offending text and the
    /// lines around it as snippets. Null (the default) writes no snippets.
    /// </summary>
    public Func<string, int, string?>? SourceLine { get; init; }

    private static string LibraryVersion
        => typeof(ReportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

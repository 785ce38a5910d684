using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>The forms a <see cref="ValidationReport"/> can be written in. There is no value 0: a forgotten format is an error, not text.</summary>
public enum ReportFormat
{
    /// <summary>The compiler line, <c>path(line,col): error CM2001: message</c>, then a summary (<see cref="TextReportWriter"/>).</summary>
    Text = 1,

    /// <summary>One JSON object with the tool, the totals and the diagnostics (<see cref="JsonReportWriter"/>); schema in <c>schemas/validation-report.schema.json</c>.</summary>
    Json = 2,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (<see cref="SarifReportWriter"/>).</summary>
    Sarif = 3,

    /// <summary>GitHub Actions workflow commands that become annotations, within GitHub's caps (<see cref="GitHubReportWriter"/>).</summary>
    GitHub = 4,
}

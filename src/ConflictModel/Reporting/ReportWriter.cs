using System;
using System.IO;
using System.Text;
using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>
/// Writes a <see cref="ValidationReport"/> in one <see cref="ReportFormat"/>. The writers are the ones the
/// <c>conflictmodel</c> tool uses, so a service produces byte for byte the report the tool would. Instances are
/// immutable and can be shared between threads.
/// </summary>
public abstract class ReportWriter
{
    /// <summary>Initializes a new instance of the <see cref="ReportWriter"/> class.</summary>
    /// <param name="options">The options; null for <see cref="ReportOptions.Default"/>.</param>
    protected ReportWriter(ReportOptions? options) => Options = options ?? ReportOptions.Default;

    /// <summary>Gets the options this writer writes with.</summary>
    public ReportOptions Options { get; }

    /// <summary>Gets the format this writer writes.</summary>
    public abstract ReportFormat Format { get; }

    /// <summary>Creates the writer for a format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static ReportWriter Create(ReportFormat format, ReportOptions? options = null) => format switch
    {
        ReportFormat.Text => new TextReportWriter(options),
        ReportFormat.Json => new JsonReportWriter(options),
        ReportFormat.Sarif => new SarifReportWriter(options),
        ReportFormat.GitHub => new GitHubReportWriter(options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a report format."),
    };

    /// <summary>Parses a format's name as the tool takes it: <c>text</c>, <c>json</c>, <c>sarif</c> or <c>github</c>, in any case.</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format, when the name is known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseFormat(string? name, out ReportFormat format)
    {
        format = name?.ToUpperInvariant() switch
        {
            "TEXT" => ReportFormat.Text,
            "JSON" => ReportFormat.Json,
            "SARIF" => ReportFormat.Sarif,
            "GITHUB" => ReportFormat.GitHub,
            _ => 0,
        };
        return format != 0;
    }

    /// <summary>Writes the report as text.</summary>
    /// <param name="writer">Where to write; not closed.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public abstract void Write(TextWriter writer, ValidationReport report);

    /// <summary>Writes the report as UTF-8 without a byte order mark, lines ending in LF.</summary>
    /// <param name="stream">Where to write; not closed.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public virtual void Write(Stream stream, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(writer, report);
    }

    /// <summary>Writes the report to a string.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public string WriteToString(ValidationReport report)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, report);
        return writer.ToString();
    }
}

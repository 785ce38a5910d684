using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// The report as one JSON object, for other tools: the tool's name and version, the report format's version, the
/// files, the true totals (by severity, by rule id and by file), whether the listing was limited, the configuration
/// files that applied, then the diagnostics. The shape is fixed by <c>schemas/validation-report.schema.json</c> and
/// versioned by <see cref="FormatVersion"/>.
/// </summary>
public sealed class JsonReportWriter : ReportWriter
{
    /// <summary>The version of the report's shape: a new minor version only adds members; a new major one changes or removes them.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>Initializes a new instance of the <see cref="JsonReportWriter"/> class.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    public JsonReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc/>
    public override ReportFormat Format => ReportFormat.Json;

    /// <inheritdoc/>
    public override void Write(Stream stream, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        JsonReportOutput.Write(stream, json => WriteReport(json, report));
    }

    /// <inheritdoc/>
    public override void Write(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        JsonReportOutput.Write(writer, json => WriteReport(json, report));
    }

    private void WriteReport(Utf8JsonWriter writer, ValidationReport report)
    {
        ReportTotals totals = report.Totals;
        writer.WriteStartObject();
        writer.WriteString("formatVersion", FormatVersion);
        writer.WriteStartObject("tool");
        writer.WriteString("name", Options.ToolName);
        writer.WriteString("version", Options.ToolVersion);
        writer.WriteEndObject();

        writer.WriteStartArray("files");
        foreach (string file in report.Files)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("configurationFiles");
        foreach (string file in report.ConfigurationFiles)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteNumber("records", report.RecordCount);

        writer.WriteStartObject("totals");
        writer.WriteNumber("errors", totals.Errors);
        writer.WriteNumber("warnings", totals.Warnings);
        writer.WriteNumber("infos", totals.Infos);
        writer.WriteNumber("suppressed", totals.Suppressed);
        WriteCounts(writer, "byId", totals.ById);
        WriteCounts(writer, "byFile", totals.ByFile);
        writer.WriteEndObject();

        int notListed = report.NotListed(Options.MaxDiagnostics);
        writer.WriteBoolean("truncated", notListed > 0);
        if (Options.MaxDiagnostics is { } max)
        {
            writer.WriteNumber("maxDiagnostics", max);
        }

        writer.WriteNumber("notListed", notListed);

        writer.WriteStartArray("diagnostics");
        foreach (Diagnostic diagnostic in report.Listed(Options.MaxDiagnostics, includeSuppressed: true))
        {
            WriteDiagnostic(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, int>> counts)
    {
        writer.WriteStartObject(name);
        foreach ((string key, int count) in counts)
        {
            writer.WriteNumber(key, count);
        }

        writer.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", Diagnostic.SeverityText(diagnostic.Severity));
        writer.WriteString("category", diagnostic.Descriptor.Category);
        writer.WriteString("title", diagnostic.Descriptor.Title);
        writer.WriteString("message", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        writer.WriteString("file", location.FilePath);
        writer.WriteNumber("line", location.StartLine);
        writer.WriteNumber("column", location.StartColumn);
        if (location.EndLine is { } endLine)
        {
            writer.WriteNumber("endLine", endLine);
        }

        if (location.EndColumn is { } endColumn)
        {
            writer.WriteNumber("endColumn", endColumn);
        }

        writer.WriteString("jsonPointer", location.JsonPointer);
        writer.WriteString("helpUri", diagnostic.Descriptor.HelpLinkUri);
        writer.WriteBoolean("suppressed", diagnostic.IsSuppressed);
        if (diagnostic.SuppressionJustification is { } justification)
        {
            writer.WriteString("justification", justification);
        }

        writer.WriteEndObject();
    }
}

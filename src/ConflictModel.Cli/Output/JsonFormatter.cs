using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictModel.Validation;

namespace ConflictModel.Cli.Output;

/// <summary>The diagnostics as a JSON array, one object each, for other tools.</summary>
internal static class JsonFormatter
{
    public static void Write(Stream stream, ValidationReport report)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        writer.WriteStartArray();
        foreach (Diagnostic diagnostic in report.Diagnostics)
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

        writer.WriteEndArray();
        writer.Flush();
        stream.Write("\n"u8);
    }
}

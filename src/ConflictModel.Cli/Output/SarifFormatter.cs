using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictModel.Validation;

namespace ConflictModel.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: the rule table with descriptions and help links, results with levels and
/// regions, suppressed results marked as such, and artifact URIs relative to <c>%SRCROOT%</c> (the working
/// directory), as GitHub code scanning expects.
/// </summary>
internal static class SarifFormatter
{
    public const string SourceRoot = "SRCROOT";

    public static void Write(Stream stream, ValidationReport report, string workingDirectory)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        List<DiagnosticDescriptor> rules = report.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        List<string> artifacts = report.Files.Where(f => f != "<stdin>").ToList();
        var artifactIndex = artifacts.Select((file, index) => (file, index)).ToDictionary(p => p.file, p => p.index, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "conflictmodel");
        writer.WriteString("fullName", "ConflictModel dataset validator");
        string version = ToolVersion();
        writer.WriteString("version", version);
        writer.WriteString("semanticVersion", version.Split('+')[0]);
        writer.WriteString("informationUri", "https://github.com/conflictmodel/conflictmodel");
        writer.WriteStartArray("rules");
        foreach (DiagnosticDescriptor rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", PascalName(rule.Title));
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Title);
            writer.WriteEndObject();
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description);
            writer.WriteEndObject();
            writer.WriteStartObject("messageStrings");
            writer.WriteStartObject("default");
            writer.WriteString("text", Sentence(SarifMessageFormat(rule.MessageFormat)));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("helpUri", rule.HelpLinkUri);
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.DefaultSeverity));
            writer.WriteBoolean("enabled", rule.IsEnabledByDefault);
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("category", rule.Category);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("originalUriBaseIds");
        writer.WriteStartObject(SourceRoot);
        writer.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(workingDirectory) + Path.DirectorySeparatorChar).AbsoluteUri);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("artifacts");
        foreach (string file in artifacts)
        {
            writer.WriteStartObject();
            WriteArtifactLocation(writer, file, null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("results");
        foreach (Diagnostic diagnostic in report.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden))
        {
            WriteResult(writer, diagnostic, ruleIndex, artifactIndex);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", true);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.Write("\n"u8);
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, Dictionary<string, int> ruleIndex, Dictionary<string, int> artifactIndex)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex.TryGetValue(diagnostic.Id, out int index))
        {
            writer.WriteNumber("ruleIndex", index);
        }

        writer.WriteString("level", Level(diagnostic.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", Sentence(diagnostic.GetMessage(CultureInfo.InvariantCulture)));
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        WriteLocation(writer, location, artifactIndex);
        writer.WriteEndArray();
        if (!diagnostic.AdditionalLocations.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (DiagnosticLocation related in diagnostic.AdditionalLocations)
            {
                WriteLocation(writer, related, artifactIndex, id++);
            }

            writer.WriteEndArray();
        }

        if (diagnostic.IsSuppressed)
        {
            writer.WriteStartArray("suppressions");
            writer.WriteStartObject();
            writer.WriteString("kind", "external");
            writer.WriteString("status", "accepted");
            if (diagnostic.SuppressionJustification is { } justification)
            {
                writer.WriteString("justification", justification);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter writer, DiagnosticLocation location, Dictionary<string, int> artifactIndex, int? id = null)
    {
        writer.WriteStartObject();
        if (id is { } value)
        {
            writer.WriteNumber("id", value);
        }

        writer.WriteStartObject("physicalLocation");
        WriteArtifactLocation(writer, location.FilePath, location.FilePath is { } f && artifactIndex.TryGetValue(f, out int index) ? index : null);
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", location.StartLine);
        writer.WriteNumber("startColumn", location.StartColumn);
        if (location.EndLine is { } endLine && location.EndColumn is { } endColumn && (endLine > location.StartLine || (endLine == location.StartLine && endColumn >= location.StartColumn)))
        {
            writer.WriteNumber("endLine", endLine);
            writer.WriteNumber("endColumn", endColumn);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        if (location.JsonPointer.Length > 0)
        {
            writer.WriteStartArray("logicalLocations");
            writer.WriteStartObject();
            writer.WriteString("fullyQualifiedName", location.JsonPointer);
            writer.WriteString("kind", "element");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter writer, string? file, int? index)
    {
        writer.WriteStartObject("artifactLocation");
        if (file is null || file == "<stdin>")
        {
            writer.WriteString("uri", "stdin");
        }
        else if (Path.IsPathRooted(file))
        {
            writer.WriteString("uri", new Uri(file).AbsoluteUri);
        }
        else
        {
            writer.WriteString("uri", string.Join('/', file.Split('/').Select(Uri.EscapeDataString)));
            writer.WriteString("uriBaseId", SourceRoot);
        }

        if (index is { } i)
        {
            writer.WriteNumber("index", i);
        }

        writer.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>SARIF message strings use {0}-style placeholders too, but only plain ones: drop format specifiers.</summary>
    private static string SarifMessageFormat(string format)
        => System.Text.RegularExpressions.Regex.Replace(format, @"\{(\d+)(?:[,:][^}]*)?\}", "{$1}");

    /// <summary>SARIF asks for plain-text messages to be complete sentences (SARIF2001).</summary>
    private static string Sentence(string text)
        => text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";

    private static string PascalName(string title)
        => string.Concat(title.Split([' ', '-', '/', ',', '.', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string ToolVersion()
        => typeof(SarifFormatter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

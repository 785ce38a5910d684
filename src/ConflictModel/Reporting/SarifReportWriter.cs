using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: the rule table (descriptions, help links, default levels,
/// message templates), results with levels, regions, snippets when <see cref="ReportOptions.SourceLine"/> is given,
/// the JSON Pointer as a logical location, <c>partialFingerprints</c> that do not depend on line numbers, suppressed
/// results marked with their justification, artifact URIs relative to <c>%SRCROOT%</c>, and in the invocation a
/// notification when the listing was limited and the configuration files that applied. The output passes Microsoft's
/// SARIF multitool and the SARIF 2.1.0 JSON Schema (both run by the end-to-end tests).
/// </summary>
public sealed partial class SarifReportWriter : ReportWriter
{
    /// <summary>The <c>uriBaseId</c> of relative artifact locations: the base directory.</summary>
    public const string SourceRoot = "SRCROOT";

    /// <summary>The <c>uriBaseId</c> of the repository's root, when it is not the base directory.</summary>
    public const string RepositoryRoot = "REPOROOT";

    /// <summary>The key of the fingerprint in each result's <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "conflictModelFingerprint/v1";

    private const string AbsentMessageId = "absent";
    private const int MaxContextLength = 400;
    private const int MaxSnippetLines = 50;

    /// <summary>Initializes a new instance of the <see cref="SarifReportWriter"/> class.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    public SarifReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc/>
    public override ReportFormat Format => ReportFormat.Sarif;

    /// <summary>
    /// Computes a result's fingerprint: a hash of the rule id, the file, the JSON Pointer and the message, so the same
    /// finding keeps it when lines move. Identical findings in one file are told apart by an occurrence number.
    /// </summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>32 lower-case hexadecimal digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is null.</exception>
    public static string Fingerprint(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        string key = string.Join('\0', diagnostic.Id, diagnostic.Location.FilePath ?? string.Empty, diagnostic.Location.JsonPointer, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    /// <inheritdoc/>
    public override void Write(Stream stream, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        JsonReportOutput.Write(stream, json => WriteLog(json, report));
    }

    /// <inheritdoc/>
    public override void Write(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        JsonReportOutput.Write(writer, json => WriteLog(json, report));
    }

    private void WriteLog(Utf8JsonWriter writer, ValidationReport report)
    {
        List<DiagnosticDescriptor> rules = [.. report.Rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        Dictionary<string, int> ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        Dictionary<string, MessageTemplate> templates = rules.ToDictionary(r => r.Id, r => MessageTemplate.For(r.MessageFormat), StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        WriteTool(writer, rules, templates);
        string? baseUri = Options.BaseDirectory is { } baseDirectory ? DirectoryUri(baseDirectory) : null;
        string? repositoryRootUri = Options.VersionControl?.LocalRoot is { } root ? DirectoryUri(root) : null;
        string? mappedTo = repositoryRootUri is null ? null : repositoryRootUri == baseUri ? SourceRoot : RepositoryRoot;

        // Below a repository's root, paths are given relative to it (%REPOROOT%), as code scanning expects.
        string? repositoryRoot = mappedTo == RepositoryRoot && Options.BaseDirectory is not null ? Path.GetFullPath(Options.VersionControl!.LocalRoot!) : null;
        if (baseUri is not null || mappedTo == RepositoryRoot)
        {
            writer.WriteStartObject("originalUriBaseIds");
            if (baseUri is not null)
            {
                writer.WriteStartObject(SourceRoot);
                writer.WriteString("uri", baseUri);
                writer.WriteEndObject();
            }

            if (mappedTo == RepositoryRoot)
            {
                writer.WriteStartObject(RepositoryRoot);
                writer.WriteString("uri", repositoryRootUri);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (Options.VersionControl is { } vcs)
        {
            writer.WriteStartArray("versionControlProvenance");
            writer.WriteStartObject();
            writer.WriteString("repositoryUri", vcs.RepositoryUri.AbsoluteUri);
            if (vcs.RevisionId is { } revision)
            {
                writer.WriteString("revisionId", revision);
            }

            if (vcs.Branch is { } branch)
            {
                writer.WriteString("branch", branch);
            }

            if (mappedTo is not null)
            {
                writer.WriteStartObject("mappedTo");
                writer.WriteString("uriBaseId", mappedTo);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartArray("results");
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in report.Listed(Options.MaxDiagnostics, includeSuppressed: true))
        {
            string fingerprint = Fingerprint(diagnostic);
            int occurrence = occurrences.GetValueOrDefault(fingerprint) + 1;
            occurrences[fingerprint] = occurrence;
            MessageTemplate template = templates.TryGetValue(diagnostic.Id, out MessageTemplate? known) ? known : MessageTemplate.For(diagnostic.Descriptor.MessageFormat);
            WriteResult(writer, diagnostic, ruleIndex, template, string.Create(CultureInfo.InvariantCulture, $"{fingerprint}:{occurrence}"), report.BaselineStateOf(diagnostic), repositoryRoot);
        }

        foreach (BaselineEntry absent in report.AbsentBaselineEntries)
        {
            WriteAbsent(writer, absent, ruleIndex);
        }

        writer.WriteEndArray();

        WriteInvocation(writer, report);
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteTool(Utf8JsonWriter writer, List<DiagnosticDescriptor> rules, Dictionary<string, MessageTemplate> templates)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", Options.ToolName);
        writer.WriteString("fullName", "ConflictModel dataset validator");
        writer.WriteString("version", Options.ToolVersion);
        writer.WriteString("semanticVersion", Options.ToolVersion.Split('+')[0]);
        writer.WriteString("informationUri", "https://github.com/conflictmodel/conflictmodel");
        writer.WriteStartArray("rules");
        foreach (DiagnosticDescriptor rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", PascalName(rule.Title));
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", Sentence(rule.Title));
            writer.WriteEndObject();
            writer.WriteStartObject("fullDescription");
            writer.WriteString("text", Sentence(string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description));
            writer.WriteEndObject();
            writer.WriteStartObject("messageStrings");
            writer.WriteStartObject("default");
            writer.WriteString("text", templates[rule.Id].Text);
            writer.WriteEndObject();
            writer.WriteStartObject(AbsentMessageId);
            writer.WriteString("text", "No longer found: '{0}'.");
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
    }

    private void WriteInvocation(Utf8JsonWriter writer, ValidationReport report)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", true);
        int notListed = report.NotListed(Options.MaxDiagnostics);
        if (notListed > 0)
        {
            writer.WriteStartArray("toolExecutionNotifications");
            writer.WriteStartObject();
            writer.WriteStartObject("descriptor");
            writer.WriteString("id", "ResultsLimited");
            writer.WriteEndObject();
            writer.WriteString("level", "warning");
            writer.WriteStartObject("message");
            writer.WriteString("text", string.Create(CultureInfo.InvariantCulture, $"Only the first {Options.MaxDiagnostics} of {report.Totals.Reported} results are listed; {notListed} were left out (--max-diagnostics)."));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        writer.WriteStartArray("configurationFiles");
        foreach (string file in report.ConfigurationFiles)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("totals");
        writer.WriteNumber("errors", report.Totals.Errors);
        writer.WriteNumber("warnings", report.Totals.Warnings);
        writer.WriteNumber("infos", report.Totals.Infos);
        writer.WriteNumber("suppressed", report.Totals.Suppressed);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, Dictionary<string, int> ruleIndex, MessageTemplate template, string fingerprint, BaselineState? baselineState, string? repositoryRoot)
    {
        DiagnosticLocation location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex.TryGetValue(diagnostic.Id, out int index))
        {
            writer.WriteNumber("ruleIndex", index);
        }

        writer.WriteString("level", Level(diagnostic.Severity));
        string[] arguments = template.Arguments(diagnostic);
        writer.WriteStartObject("message");
        writer.WriteString("text", template.Format(arguments));
        writer.WriteString("id", "default");
        writer.WriteStartArray("arguments");
        foreach (string argument in arguments)
        {
            writer.WriteStringValue(argument);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        WriteLocation(writer, location, repositoryRoot);
        writer.WriteEndArray();
        if (!diagnostic.AdditionalLocations.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (DiagnosticLocation related in diagnostic.AdditionalLocations)
            {
                WriteLocation(writer, related, repositoryRoot, id++);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, fingerprint);
        writer.WriteEndObject();
        if (baselineState is { } state)
        {
            writer.WriteString("baselineState", BaselineStateName(state));
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

    private void WriteLocation(Utf8JsonWriter writer, DiagnosticLocation location, string? repositoryRoot, int? id = null)
    {
        writer.WriteStartObject();
        if (id is { } value)
        {
            writer.WriteNumber("id", value);
            writer.WriteStartObject("message");
            writer.WriteString("text", location.JsonPointer.Length > 0 ? $"The related place ('{location.JsonPointer}')." : "The related place.");
            writer.WriteEndObject();
        }

        writer.WriteStartObject("physicalLocation");
        WriteArtifactLocation(writer, location.FilePath, repositoryRoot, Options.BaseDirectory);
        bool hasEnd = location.EndLine is { } endLine && location.EndColumn is { } endColumn
            && (endLine > location.StartLine || (endLine == location.StartLine && endColumn >= location.StartColumn));
        int lastLine = hasEnd ? location.EndLine!.Value : location.StartLine;
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", location.StartLine);
        writer.WriteNumber("startColumn", location.StartColumn);
        if (hasEnd)
        {
            writer.WriteNumber("endLine", location.EndLine!.Value);
            writer.WriteNumber("endColumn", location.EndColumn!.Value);
        }

        Func<int, string?> text = Options.SourceLine is { } source && location.FilePath is { } file ? line => source(file, line) : _ => null;
        if (hasEnd && RegionText(text, location) is { } snippet)
        {
            writer.WriteStartObject("snippet");
            writer.WriteString("text", snippet);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (ContextRegion(text, location, hasEnd, lastLine) is { } context)
        {
            writer.WriteStartObject("contextRegion");
            writer.WriteNumber("startLine", context.StartLine);
            writer.WriteNumber("startColumn", context.StartColumn);
            writer.WriteNumber("endLine", context.EndLine);
            writer.WriteNumber("endColumn", context.EndColumn);
            writer.WriteStartObject("snippet");
            writer.WriteString("text", context.Text);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

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

    /// <summary>A baseline entry no longer found: a result with <c>baselineState</c> absent, located by its record and pointer.</summary>
    private static void WriteAbsent(Utf8JsonWriter writer, BaselineEntry absent, Dictionary<string, int> ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", absent.Id);
        if (ruleIndex.TryGetValue(absent.Id, out int index))
        {
            writer.WriteNumber("ruleIndex", index);
        }

        writer.WriteString("kind", "pass");
        writer.WriteString("level", "none");
        writer.WriteStartObject("message");
        writer.WriteString("text", $"No longer found: '{absent}'.");
        if (ruleIndex.ContainsKey(absent.Id))
        {
            writer.WriteString("id", AbsentMessageId);
            writer.WriteStartArray("arguments");
            writer.WriteStringValue(absent.ToString());
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartArray("logicalLocations");
        writer.WriteStartObject();
        writer.WriteString("fullyQualifiedName", absent.RecordKind.Length == 0 ? absent.JsonPointer : $"{absent.RecordKind}/{absent.RecordId}{absent.JsonPointer}");
        writer.WriteString("kind", "element");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("baselineState", "absent");
        writer.WriteEndObject();
    }

    private static string BaselineStateName(BaselineState state) => state switch
    {
        BaselineState.Unchanged => "unchanged",
        BaselineState.Absent => "absent",
        _ => "new",
    };

    /// <summary>The region's text, when its lines are known and it spans at most <see cref="MaxSnippetLines"/> lines.</summary>
    private static string? RegionText(Func<int, string?> text, DiagnosticLocation location)
    {
        int endLine = location.EndLine!.Value;
        if (endLine - location.StartLine >= MaxSnippetLines)
        {
            return null;
        }

        var snippet = new StringBuilder();
        for (int number = location.StartLine; number <= endLine; number++)
        {
            if (text(number) is not { } line)
            {
                return null;
            }

            int from = number == location.StartLine ? location.StartColumn - 1 : 0;
            int to = number == endLine ? location.EndColumn!.Value - 1 : line.Length;
            if (from > line.Length || to > line.Length || from > to)
            {
                return null;
            }

            snippet.Append(line, from, to - from);
            if (number < endLine)
            {
                snippet.Append('\n');
            }
        }

        return snippet.ToString();
    }

    /// <summary>
    /// The region with a line of context on either side, whole lines, when they are known and short; a single long
    /// line (a JSON document on one line) gets a window around the region instead, so that a report never carries a
    /// whole file. SARIF wants the context a proper superset of the region: none is given when they would be equal.
    /// </summary>
    private static (int StartLine, int StartColumn, int EndLine, int EndColumn, string Text)? ContextRegion(Func<int, string?> text, DiagnosticLocation location, bool hasEnd, int lastLine)
    {
        if (lastLine - location.StartLine >= MaxSnippetLines || text(location.StartLine) is not { } startText)
        {
            return null;
        }

        int first = location.StartLine > 1 && text(location.StartLine - 1) is not null ? location.StartLine - 1 : location.StartLine;
        int last = text(lastLine + 1) is not null ? lastLine + 1 : lastLine;
        var lines = new List<string>();
        for (int number = first; number <= last; number++)
        {
            if (text(number) is not { } line)
            {
                return null;
            }

            lines.Add(line);
        }

        (int StartLine, int StartColumn, int EndLine, int EndColumn, string Text) context;
        if (lines.Sum(l => l.Length + 1) <= MaxContextLength * 4)
        {
            context = (first, 1, last, lines[^1].Length + 1, string.Join('\n', lines));
        }
        else if (lastLine == location.StartLine && location.StartColumn - 1 <= startText.Length)
        {
            int regionEnd = hasEnd ? Math.Min(startText.Length, location.EndColumn!.Value - 1) : Math.Min(startText.Length, location.StartColumn);
            int from = Math.Max(0, Math.Min(location.StartColumn - 1, regionEnd - MaxContextLength) - (MaxContextLength / 4));
            int to = Math.Min(startText.Length, Math.Max(regionEnd, from + MaxContextLength));
            context = (location.StartLine, from + 1, location.StartLine, to + 1, startText[from..to]);
        }
        else
        {
            return null;
        }

        bool sameAsRegion = hasEnd && context.StartLine == location.StartLine && context.StartColumn == location.StartColumn
            && context.EndLine == location.EndLine && context.EndColumn == location.EndColumn;
        return sameAsRegion ? null : context;
    }

    private static string DirectoryUri(string path)
        => new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static void WriteArtifactLocation(Utf8JsonWriter writer, string? file, string? repositoryRoot, string? baseDirectory)
    {
        writer.WriteStartObject("artifactLocation");
        string? inRepository = repositoryRoot is not null && baseDirectory is not null && file is not null && file != "<stdin>"
            ? Path.GetRelativePath(repositoryRoot, Path.GetFullPath(file, baseDirectory))
            : null;
        if (file is null || file == "<stdin>")
        {
            writer.WriteString("uri", "stdin");
        }
        else if (inRepository is not null && !inRepository.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inRepository))
        {
            writer.WriteString("uri", string.Join('/', inRepository.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)));
            writer.WriteString("uriBaseId", RepositoryRoot);
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

        writer.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>SARIF asks for plain-text messages to be complete sentences (SARIF2001).</summary>
    private static string Sentence(string text)
        => text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";

    /// <summary>
    /// A rule's name as a Pascal identifier (SARIF2012): words capitalised, acronyms as words (<c>Json</c>),
    /// single letters (an article, a possessive's s) dropped, so no two capitals meet.
    /// </summary>
    private static string PascalName(string title)
        => string.Concat(title.Split([' ', '-', '/', ',', '.', '\'', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length > 1 || char.IsDigit(word[0]))
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()));

    [GeneratedRegex(@"\{\{|\}\}|\{(\d+)([,:][^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>
    /// A rule's message as a SARIF message string: plain <c>{0}</c> placeholders (no format specifiers), each in
    /// single quotes (SARIF2015), and the JSON Pointer as the last argument so that every message has dynamic content
    /// (SARIF2014). Results carry the arguments and the text formatted from it, so both agree.
    /// </summary>
    private sealed class MessageTemplate
    {
        private readonly Dictionary<int, string> _specs;

        private MessageTemplate(string text, int pointerIndex, Dictionary<int, string> specs)
        {
            Text = text;
            PointerIndex = pointerIndex;
            _specs = specs;
        }

        public string Text { get; }

        public int PointerIndex { get; }

        public static MessageTemplate For(string format)
        {
            var specs = new Dictionary<int, string>();
            var text = new StringBuilder();
            int last = 0;
            foreach (Match match in Placeholder().Matches(format))
            {
                text.Append(format, last, match.Index - last);
                last = match.Index + match.Length;
                if (!match.Groups[1].Success)
                {
                    text.Append(match.Value);
                    continue;
                }

                int index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                specs.TryAdd(index, match.Groups[2].Value);
                bool quoted = match.Index > 0 && format[match.Index - 1] == '\'' && last < format.Length && format[last] == '\'';
                text.Append(quoted ? $"{{{index}}}" : $"'{{{index}}}'");
            }

            text.Append(format, last, format.Length - last);
            int pointer = specs.Count == 0 ? 0 : specs.Keys.Max() + 1;
            string body = text.ToString().TrimEnd('.');
            return new MessageTemplate(string.Create(CultureInfo.InvariantCulture, $"{body} (at '{{{pointer}}}')."), pointer, specs);
        }

        public string[] Arguments(Diagnostic diagnostic)
        {
            var arguments = new string[PointerIndex + 1];
            for (int i = 0; i < PointerIndex; i++)
            {
                object? value = i < diagnostic.Arguments.Length ? diagnostic.Arguments[i] : null;
                string spec = _specs.GetValueOrDefault(i, string.Empty);
                arguments[i] = value is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0" + spec + "}", value);
            }

            arguments[PointerIndex] = diagnostic.Location.JsonPointer;
            return arguments;
        }

        public string Format(string[] arguments)
            => Placeholder().Replace(Text, match => match.Value switch
            {
                "{{" => "{",
                "}}" => "}",
                _ => arguments[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)],
            });
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConflictModel.Reporting;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// <c>--baseline FILE</c>: the findings a team has accepted for now, keyed by content (<see cref="BaselineEntry"/>), so
/// that only new findings fail the run. The file is JSON, sorted, one entry per finding (identical findings repeat):
/// <c>{"formatVersion":"1.0","entries":[{"id":…,"recordKind":…,"recordId":…,"jsonPointer":…,"valueHash":…}]}</c>.
/// </summary>
internal static class Baseline
{
    public const string FormatVersion = "1.0";
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static List<BaselineEntry> Load(string path, string displayPath)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"{displayPath}: not a conflictmodel baseline (expected an object with \"entries\")");
            }

            return [.. entries.EnumerateArray().Select(e => new BaselineEntry(
                Text(e, "id"), Text(e, "recordKind"), Text(e, "recordId"), Text(e, "jsonPointer"), Text(e, "valueHash")))];
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException($"{displayPath}: no such baseline; --update-baseline creates it", ex);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{displayPath}: not a valid baseline: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException($"{displayPath}: not a valid baseline: {ex.Message}", ex);
        }
    }

    public static void Save(string path, IEnumerable<BaselineEntry> entries)
    {
        List<BaselineEntry> sorted = [.. entries.OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.RecordKind, StringComparer.Ordinal)
            .ThenBy(e => e.RecordId, StringComparer.Ordinal).ThenBy(e => e.JsonPointer, StringComparer.Ordinal).ThenBy(e => e.ValueHash, StringComparer.Ordinal)];
        AtomicFile.Write(path, stream =>
        {
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("formatVersion", FormatVersion);
                writer.WriteStartArray("entries");
                foreach (BaselineEntry entry in sorted)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", entry.Id);
                    writer.WriteString("recordKind", entry.RecordKind);
                    writer.WriteString("recordId", entry.RecordId);
                    writer.WriteString("jsonPointer", entry.JsonPointer);
                    writer.WriteString("valueHash", entry.ValueHash);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            stream.Write("\n"u8);
        });
    }

    /// <summary>
    /// Compares the findings with the baseline, as multisets: each entry matches one finding with the same key. Returns
    /// each finding's state and the entries left over.
    /// </summary>
    public static (Dictionary<Diagnostic, BaselineState> States, List<BaselineEntry> Absent) Compare(IReadOnlyList<(Diagnostic Diagnostic, BaselineEntry Key)> findings, IEnumerable<BaselineEntry> baseline)
    {
        var remaining = new Dictionary<BaselineEntry, int>();
        foreach (BaselineEntry entry in baseline)
        {
            remaining[entry] = remaining.GetValueOrDefault(entry) + 1;
        }

        var states = new Dictionary<Diagnostic, BaselineState>(ReferenceEqualityComparer.Instance);
        foreach ((Diagnostic diagnostic, BaselineEntry key) in findings)
        {
            if (remaining.TryGetValue(key, out int count) && count > 0)
            {
                remaining[key] = count - 1;
                states[diagnostic] = BaselineState.Unchanged;
            }
            else
            {
                states[diagnostic] = BaselineState.New;
            }
        }

        List<BaselineEntry> absent = [.. remaining.SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).OrderBy(e => e.ToString(), StringComparer.Ordinal)];
        return (states, absent);
    }

    private static string Text(JsonElement entry, string name)
        => entry.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new InvalidOperationException($"an entry has no \"{name}\"");
}

/// <summary>
/// Finds the record a diagnostic is in and the value it points at, reading each file once more: a JSON Lines record is
/// its line; a document's record is the element of its collection (<c>/events/3</c>), named by its <c>id</c>, not its
/// position. The value is hashed as compact JSON, so reformatting does not change it.
/// </summary>
internal sealed class RecordKeys
{
    private readonly Dictionary<string, InputFile> _files;
    private readonly Dictionary<string, JsonDocument?> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, string>> _lines = new(StringComparer.Ordinal);

    public RecordKeys(IEnumerable<InputFile> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        _files = files.Where(f => !f.IsStandardInput).GroupBy(f => f.DisplayPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (IGrouping<string, Diagnostic> group in diagnostics.Where(d => d.Location.FilePath is not null && _files.ContainsKey(d.Location.FilePath)).GroupBy(d => d.Location.FilePath!, StringComparer.Ordinal))
        {
            InputFile file = _files[group.Key];
            if (IsJsonLines(file))
            {
                _lines[group.Key] = ReadLines(file, [.. group.Select(d => d.Location.StartLine)]);
            }
        }
    }

    public BaselineEntry KeyOf(Diagnostic diagnostic)
    {
        DiagnosticLocation location = diagnostic.Location;
        string pointer = location.JsonPointer;
        if (location.FilePath is not { } path || !_files.TryGetValue(path, out InputFile? file))
        {
            return new BaselineEntry(diagnostic.Id, string.Empty, string.Empty, pointer, string.Empty);
        }

        if (_lines.TryGetValue(path, out Dictionary<int, string>? lines))
        {
            if (!lines.TryGetValue(location.StartLine, out string? line))
            {
                return new BaselineEntry(diagnostic.Id, string.Empty, string.Empty, pointer, string.Empty);
            }

            try
            {
                using JsonDocument record = JsonDocument.Parse(line);
                return Key(diagnostic.Id, record.RootElement, Property(record.RootElement, "type"), pointer);
            }
            catch (JsonException)
            {
                // A broken line: the key is its text, without the whitespace around it.
                return new BaselineEntry(diagnostic.Id, string.Empty, string.Empty, pointer, Hash(line.Trim()));
            }
        }

        JsonDocument? document = Document(path, file);
        string[] tokens = Tokens(pointer);
        if (document is not null && tokens.Length >= 2 && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(tokens[0], out JsonElement collection) && collection.ValueKind == JsonValueKind.Array
            && int.TryParse(tokens[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < collection.GetArrayLength())
        {
            string kind = tokens[0].EndsWith('s') ? tokens[0][..^1] : tokens[0];
            string inner = string.Concat(tokens.Skip(2).Select(t => "/" + DiagnosticLocation.EscapePointerToken(t)));
            return Key(diagnostic.Id, collection[index], kind, inner);
        }

        return new BaselineEntry(diagnostic.Id, string.Empty, string.Empty, pointer, document is null ? string.Empty : ValueHash(document.RootElement, tokens));
    }

    /// <summary>
    /// The key of a finding in a record. A finding about the record as a whole (an empty pointer) is keyed by the record
    /// alone: hashing the whole record would reopen it at any edit of the record.
    /// </summary>
    private static BaselineEntry Key(string id, JsonElement record, string kind, string pointer)
        => new(id, kind, Property(record, "id"), pointer, pointer.Length == 0 ? string.Empty : ValueHash(record, Tokens(pointer)));

    private static string ValueHash(JsonElement root, string[] tokens)
    {
        JsonElement current = root;
        foreach (string token in tokens)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out JsonElement child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return string.Empty; // the value is missing: that is what the finding is about
            }
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            current.WriteTo(writer); // compact: the value without the file's whitespace
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan).AsSpan(0, 16));
    }

    private static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string Property(JsonElement record, string name)
        => record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static string[] Tokens(string pointer)
        => pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static bool IsJsonLines(InputFile file)
        => DatasetFormats.TryGetFromPath(file.FullPath, out DatasetFormat format, out _) ? format == DatasetFormat.JsonLines : FirstLineIsHeader(file);

    private static bool FirstLineIsHeader(InputFile file)
    {
        Dictionary<int, string> first = ReadLines(file, [1]);
        return first.TryGetValue(1, out string? line) && line.Contains("\"type\"", StringComparison.Ordinal) && line.Contains("\"dataset\"", StringComparison.Ordinal);
    }

    private JsonDocument? Document(string path, InputFile file)
    {
        if (!_documents.TryGetValue(path, out JsonDocument? document))
        {
            try
            {
                using Stream stream = Open(file);
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 256 });
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                document = null; // not readable as JSON: keys without values
            }

            _documents[path] = document;
        }

        return document;
    }

    private static Stream Open(InputFile file)
    {
        Stream raw = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return file.IsGzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    private static Dictionary<int, string> ReadLines(InputFile file, HashSet<int> wanted)
    {
        var lines = new Dictionary<int, string>();
        try
        {
            using var reader = new StreamReader(Open(file), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            int last = wanted.Count == 0 ? 0 : wanted.Max();
            for (int number = 1; number <= last && reader.ReadLine() is { } line; number++)
            {
                if (wanted.Contains(number))
                {
                    lines[number] = line;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Changed or gone since it was validated: keys without values.
        }

        return lines;
    }
}

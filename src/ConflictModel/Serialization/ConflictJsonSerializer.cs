using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using ConflictModel.Model;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads and writes datasets in the two wire forms, with System.Text.Json source generation:
/// <list type="bullet">
/// <item>a JSON document: <c>{"formatVersion":"1.0","info":{…},"sources":[…],"actors":[…],…}</c>, one array per
/// record kind, written indented with two spaces and <c>\n</c> line ends;</item>
/// <item>JSON Lines: a header line <c>{"type":"dataset","formatVersion":"1.0","info":{…}}</c>, then one record a
/// line, each beginning with its <c>type</c> (<c>actor</c>, <c>event</c>, <c>claim</c>, …).</item>
/// </list>
/// Writing is byte-stable for a given model, and reading what was written gives an equal model; members the model
/// does not know are kept (<see cref="ExtensibleRecord.Extensions"/>) and written back. Bad input throws a
/// <see cref="JsonException"/> that names the path and line; for a reader that never throws and reports every
/// problem, see the validation namespace. Thread-safe.
/// </summary>
public static class ConflictJsonSerializer
{
    /// <summary>The deepest nesting of JSON arrays and objects accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The JSON Lines discriminator member.</summary>
    public const string TypePropertyName = "type";

    /// <summary>The discriminator of the JSON Lines header line.</summary>
    public const string HeaderType = "dataset";

    private static readonly JsonSerializerOptions DocumentOptions = CreateOptions(lines: false);
    internal static readonly JsonSerializerOptions LinesOptions = CreateOptions(lines: true);

    /// <summary>
    /// Gets the read-only options of the JSON document form, for embedding the model's types in your own
    /// serialization (pass them, or their <see cref="JsonSerializerOptions.TypeInfoResolver"/>, to System.Text.Json).
    /// </summary>
    public static JsonSerializerOptions Options => DocumentOptions;

    /// <summary>Writes a dataset as an indented JSON document.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The UTF-8 JSON bytes, ending with a line feed.</returns>
    public static byte[] SerializeToUtf8Bytes(Dataset dataset)
    {
        Guard.Against.Null(dataset);
        var buffer = new ArrayBufferWriter<byte>();
        DatasetWriter.WriteWhole(WriterOutput.For(buffer), dataset, lines: false);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a dataset as an indented JSON document.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    public static string Serialize(Dataset dataset) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(dataset));

    /// <summary>Writes a dataset as an indented JSON document to a stream.</summary>
    /// <param name="utf8Json">The stream to write UTF-8 JSON to; left open.</param>
    /// <param name="dataset">The dataset.</param>
    public static void Serialize(Stream utf8Json, Dataset dataset)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(dataset);
        DatasetWriter.WriteWhole(WriterOutput.For(utf8Json, DatasetWriterOptions.DefaultFlushThreshold), dataset, lines: false);
    }

    /// <summary>Reads a dataset from a JSON document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON, optionally with a byte order mark.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    public static Dataset Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        ReadOnlySpan<byte> json = utf8Json.StartsWith(Utf8Bom) ? utf8Json[Utf8Bom.Length..] : utf8Json;
        try
        {
            Dataset dataset = JsonSerializer.Deserialize(json, TypeInfo<Dataset>(DocumentOptions))
                ?? throw new JsonException("The document is null, not a dataset object.", "$", 0, 0);
            CheckFormatVersion(dataset, lineNumber: null);
            return dataset;
        }
        catch (JsonException ex) when (!ex.Message.Contains(" Path: ", StringComparison.Ordinal) && ex.Path is not null)
        {
            throw new JsonException($"{ex.Message} Path: {ex.Path} | LineNumber: {ex.LineNumber} | BytePositionInLine: {ex.BytePositionInLine}.", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
        catch (ArgumentException ex)
        {
            throw InvalidValue(ex, lineNumber: null);
        }
    }

    /// <summary>Reads a dataset from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    public static Dataset Deserialize(string json)
    {
        Guard.Against.Null(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a dataset from a stream holding a JSON document.</summary>
    /// <param name="utf8Json">The stream of UTF-8 JSON; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    public static Dataset Deserialize(Stream utf8Json)
    {
        Guard.Against.Null(utf8Json);

        // Into one array, sized from the stream when it can tell (no growing copies then). Not a pooled array: the
        // shared pool would keep a large one alive after the dataset is built.
        byte[] buffer = new byte[utf8Json.CanSeek ? (int)Math.Clamp(utf8Json.Length - utf8Json.Position + 1, 1, Array.MaxLength) : 64 * 1024];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, Array.MaxLength));
            }

            int read = utf8Json.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return Deserialize(buffer.AsSpan(0, length));
    }

    /// <summary>Writes a dataset as JSON Lines: the header line, then one record a line.</summary>
    /// <param name="utf8Stream">The stream to write to; left open.</param>
    /// <param name="dataset">The dataset.</param>
    /// <exception cref="JsonException">The dataset or one of its records has an extension member named <c>type</c>, which JSON Lines reserves; nothing is written.</exception>
    public static void SerializeLines(Stream utf8Stream, Dataset dataset)
    {
        Guard.Against.Null(utf8Stream);
        Guard.Against.Null(dataset);
        DatasetWriter.WriteWhole(WriterOutput.For(utf8Stream, DatasetWriterOptions.DefaultFlushThreshold), dataset, lines: true);
    }

    /// <summary>Writes a dataset as JSON Lines.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The text: the header line, then one record a line, each ending with a line feed.</returns>
    /// <exception cref="JsonException">The dataset or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static string SerializeLines(Dataset dataset)
    {
        Guard.Against.Null(dataset);
        var buffer = new ArrayBufferWriter<byte>();
        DatasetWriter.WriteWhole(WriterOutput.For(buffer), dataset, lines: true);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one record as a JSON Lines line, beginning with its <c>type</c>, without a line end.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The line.</returns>
    public static string SerializeRecord(ConflictRecord record)
    {
        Guard.Against.Null(record);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = LinesOptions.Encoder }))
        {
            WriteRecord(writer, record);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Reads one record from a JSON Lines line.</summary>
    /// <param name="utf8Line">The line's UTF-8 bytes, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record.</exception>
    public static ConflictRecord DeserializeRecord(ReadOnlySpan<byte> utf8Line)
    {
        try
        {
            return ReadRecordLine(utf8Line, lineNumber: 1) as ConflictRecord
                ?? throw new JsonException("The line is the dataset header, not a record.", "$", 0, 0);
        }
        catch (ArgumentException ex)
        {
            throw InvalidValue(ex, lineNumber: 1);
        }
    }

    /// <summary>Reads one record from a JSON Lines line.</summary>
    /// <param name="line">The line's text, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record.</exception>
    public static ConflictRecord DeserializeRecord(string line)
    {
        Guard.Against.Null(line);
        return DeserializeRecord(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>Reads a JSON Lines dataset: the header line, then records, one a line. Blank lines are skipped.</summary>
    /// <param name="utf8Stream">The stream of UTF-8 text, optionally with a byte order mark; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated; the message names the line and path.</exception>
    public static Dataset DeserializeLines(Stream utf8Stream)
    {
        Guard.Against.Null(utf8Stream);
        Dataset? header = null;
        var records = new List<ConflictRecord>(DeserializeRecords(utf8Stream, h => header = h));
        if (header is null)
        {
            throw new JsonException("The JSON Lines text has no dataset header line.", "$", 0, 0);
        }

        Dataset grouped = Dataset.Create(header.Info, records);
        return header with
        {
            Sources = grouped.Sources,
            Actors = grouped.Actors,
            Events = grouped.Events,
            CasualtyEstimates = grouped.CasualtyEstimates,
            Attributions = grouped.Attributions,
            Claims = grouped.Claims,
            Ceasefires = grouped.Ceasefires,
            Mediations = grouped.Mediations,
            Agreements = grouped.Agreements,
        };
    }

    /// <summary>
    /// Reads the records of a JSON Lines dataset one at a time, as the stream delivers them, holding only the
    /// current line: for files too large to load whole. The header line is checked (and handed to
    /// <paramref name="header"/> when given) but not yielded. Blank lines are skipped.
    /// </summary>
    /// <param name="utf8Stream">The stream of UTF-8 text, optionally with a byte order mark; read as the enumeration proceeds and left open.</param>
    /// <param name="header">Called with the header (a dataset with no records) before the first record.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="JsonException">While enumerating: a line is malformed or invalid, or the header is missing or repeated; the message names the line.</exception>
    public static IEnumerable<ConflictRecord> DeserializeRecords(Stream utf8Stream, Action<Dataset>? header = null)
    {
        Guard.Against.Null(utf8Stream);
        return Enumerate(utf8Stream, header);

        static IEnumerable<ConflictRecord> Enumerate(Stream stream, Action<Dataset>? onHeader)
        {
            bool seenHeader = false;
            foreach ((ReadOnlyMemory<byte> line, long number) in JsonLines.Split(stream))
            {
                object item;
                try
                {
                    item = ReadRecordLine(line.Span, number);
                }
                catch (ArgumentException ex)
                {
                    throw InvalidValue(ex, number);
                }

                if (item is Dataset dataset)
                {
                    if (seenHeader)
                    {
                        throw new JsonException($"Line {number}: the dataset header must be the first line, and only the first.", "$", number - 1, 0);
                    }

                    if (dataset.RecordCount > 0)
                    {
                        throw new JsonException($"Line {number}: the header line holds no records; write each record on a line of its own.", "$", number - 1, 0);
                    }

                    CheckFormatVersion(dataset, number);
                    seenHeader = true;
                    onHeader?.Invoke(dataset);
                    continue;
                }

                if (!seenHeader)
                {
                    throw new JsonException($"Line {number}: a JSON Lines dataset begins with its header line {{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{{…}}}}.", "$", number - 1, 0);
                }

                yield return (ConflictRecord)item;
            }

            if (!seenHeader)
            {
                throw new JsonException("The JSON Lines text is empty: it has no dataset header line.", "$", 0, 0);
            }
        }
    }

    /// <summary>Reads a JSON Lines dataset from text.</summary>
    /// <param name="jsonLines">The text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated; the message names the line and path.</exception>
    public static Dataset DeserializeLines(string jsonLines)
    {
        Guard.Against.Null(jsonLines);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonLines), writable: false);
        return DeserializeLines(stream);
    }

    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    internal static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <exception cref="JsonException">The dataset has an extension member named <c>type</c>.</exception>
    internal static void CheckNoTypeExtension(Dataset dataset)
    {
        if (dataset.Extensions.TryGetValue(TypePropertyName, out _))
        {
            // Read from a document that had an unknown "type" member; the header line would hold "type" twice and
            // could not be read back (found by fuzzing, docs/reliability.md).
            throw new JsonException("The dataset has an extension member named \"type\", which JSON Lines reserves for the header's \"dataset\"; rename it to write JSON Lines.");
        }
    }

    /// <exception cref="JsonException">The record has an extension member named <c>type</c>.</exception>
    internal static void CheckNoTypeExtension(ConflictRecord record)
    {
        if (record.Extensions.TryGetValue(TypePropertyName, out _))
        {
            // A document may carry an unknown "type" member; on a JSON Lines line it would collide with the discriminator.
            throw new JsonException($"The {record.RecordKind} '{record.RecordId}' has an extension member named \"type\", which JSON Lines reserves for the record type; rename it to write JSON Lines.");
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, ConflictRecord record)
    {
        CheckNoTypeExtension(record);
        switch (record)
        {
            case Source r: JsonSerializer.Serialize(writer, r, TypeInfo<Source>(LinesOptions)); break;
            case Actor r: JsonSerializer.Serialize(writer, r, TypeInfo<Actor>(LinesOptions)); break;
            case Event r: JsonSerializer.Serialize(writer, r, TypeInfo<Event>(LinesOptions)); break;
            case CasualtyEstimate r: JsonSerializer.Serialize(writer, r, TypeInfo<CasualtyEstimate>(LinesOptions)); break;
            case Attribution r: JsonSerializer.Serialize(writer, r, TypeInfo<Attribution>(LinesOptions)); break;
            case Claim r: JsonSerializer.Serialize(writer, r, TypeInfo<Claim>(LinesOptions)); break;
            case Ceasefire r: JsonSerializer.Serialize(writer, r, TypeInfo<Ceasefire>(LinesOptions)); break;
            case Mediation r: JsonSerializer.Serialize(writer, r, TypeInfo<Mediation>(LinesOptions)); break;
            case Agreement r: JsonSerializer.Serialize(writer, r, TypeInfo<Agreement>(LinesOptions)); break;
            default: throw new ArgumentException($"Unknown record type {record.GetType()}.", nameof(record));
        }
    }

    /// <summary>Reads one line: a record, or the header as a <see cref="Dataset"/>.</summary>
    private static object ReadRecordLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        string type;
        try
        {
            type = JsonLines.ReadDiscriminator(line);
        }
        catch (JsonException ex)
        {
            throw AtLine(ex, lineNumber);
        }

        try
        {
            return type switch
            {
                HeaderType => ReadHeader(line),
                "source" => Read<Source>(line),
                "actor" => Read<Actor>(line),
                "event" => Read<Event>(line),
                "casualtyEstimate" => Read<CasualtyEstimate>(line),
                "attribution" => Read<Attribution>(line),
                "claim" => Read<Claim>(line),
                "ceasefire" => Read<Ceasefire>(line),
                "mediation" => Read<Mediation>(line),
                "agreement" => Read<Agreement>(line),
                _ => throw new JsonException($"'{WireText.Clip(type)}' is not a record type; expected one of dataset, source, actor, event, casualtyEstimate, attribution, claim, ceasefire, mediation, agreement.", "$.type", 0, null),
            };
        }
        catch (JsonException ex)
        {
            throw AtLine(ex, lineNumber);
        }

        static Dataset ReadHeader(ReadOnlySpan<byte> json)
        {
            if (TryReadHeaderFast(json) is { } dataset)
            {
                return dataset;
            }

            // Records in the header, or an invalid header: the full path gives the result and the exact error.
            return Read<Dataset>(json);
        }

        static T Read<T>(ReadOnlySpan<byte> json)
            where T : class
            => JsonSerializer.Deserialize(json, TypeInfo<T>(LinesOptions)) ?? throw new JsonException("The line is null, not a record.", "$", 0, 0);
    }

    /// <summary>
    /// Reads a header line as a <see cref="DatasetHeader"/>; null when the line is anything but a plain header
    /// (a record array, a repeated or odd member, an invalid value), which the caller then reads as a
    /// <see cref="Dataset"/>.
    /// </summary>
    private static Dataset? TryReadHeaderFast(ReadOnlySpan<byte> line)
    {
        try
        {
            DatasetHeader? header = JsonSerializer.Deserialize(line, TypeInfo<DatasetHeader>(LinesOptions));
            if (header is null)
            {
                return null;
            }

            var extensions = new List<KeyValuePair<string, string>>(header.Extensions.Count);
            bool typeSeen = false;
            foreach (KeyValuePair<string, string> member in header.Extensions)
            {
                if (string.Equals(member.Key, TypePropertyName, StringComparison.Ordinal) && !typeSeen)
                {
                    typeSeen = true; // the discriminator, which a Dataset does not keep
                    continue;
                }

                if (IsDatasetMember(member.Key) || string.Equals(member.Key, TypePropertyName, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                extensions.Add(member);
            }

            var dataset = new Dataset(header.Info, header.FormatVersion);
            if (extensions.Count > 0)
            {
                ((IExtensible)dataset).AttachExtensions(ExtensionData.Create(extensions));
            }

            return dataset;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        static bool IsDatasetMember(string name) => name.ToUpperInvariant() is "SOURCES" or "ACTORS" or "EVENTS" or "CASUALTYESTIMATES" or "ATTRIBUTIONS"
            or "CLAIMS" or "CEASEFIRES" or "MEDIATIONS" or "AGREEMENTS" or "FORMATVERSION" or "INFO" or "RECORDCOUNT";
    }

    /// <summary>The major format version this library reads; minor versions only add optional members.</summary>
    private const int SupportedMajorVersion = 1;

    internal static void CheckFormatVersion(Dataset dataset, long? lineNumber)
    {
        string version = dataset.FormatVersion;
        int major = int.TryParse(version.AsSpan(0, version.IndexOf('.', StringComparison.Ordinal)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : -1;
        if (major != SupportedMajorVersion)
        {
            string where = lineNumber is null ? string.Empty : $"Line {lineNumber}: ";
            throw new JsonException($"{where}format version {version} is not supported: this library reads {SupportedMajorVersion}.x.", "$.formatVersion", lineNumber - 1, null);
        }
    }

    private static JsonException AtLine(JsonException ex, long lineNumber)
    {
        // System.Text.Json puts the path in its own messages; a converter's message has it only in ex.Path.
        string message = ex.Message.Contains(" Path: ", StringComparison.Ordinal) || ex.Path is null
            ? ex.Message
            : $"{ex.Message} Path: {ex.Path} | BytePositionInLine: {ex.BytePositionInLine}.";
        return new($"Line {lineNumber}: {message}", ex.Path, lineNumber - 1, ex.BytePositionInLine, ex);
    }

    private static JsonException InvalidValue(ArgumentException ex, long? lineNumber)
    {
        string where = lineNumber is null ? string.Empty : $"Line {lineNumber}: ";
        return new JsonException($"{where}Invalid value: {ex.Message}", null, lineNumber - 1, null, ex);
    }

    private static JsonSerializerOptions CreateOptions(bool lines)
    {
        IJsonTypeInfoResolver resolver = ConflictJsonContext.Default.WithAddedModifier(WireContract.Shape);
        if (lines)
        {
            resolver = resolver.WithAddedModifier(WireContract.AddTypeDiscriminator);
        }

        var options = new JsonSerializerOptions(ConflictJsonContext.Default.Options)
        {
            TypeInfoResolver = resolver,
            WriteIndented = !lines,
            IndentSize = 2,
            NewLine = "\n",

            // Data files are not HTML: keep the seeds' typographic quotes and non-Latin names readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}

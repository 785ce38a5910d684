using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Ardalis.GuardClauses;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads and writes datasets in the two wire forms:
/// <list type="bullet">
/// <item>a JSON document: <c>{"formatVersion":"1.0","info":{…},"sources":[…],"actors":[…],…}</c>, one array per
/// record kind, written indented with two spaces and <c>\n</c> line ends;</item>
/// <item>JSON Lines: a header line <c>{"type":"dataset","formatVersion":"1.0","info":{…}}</c>, then one record a
/// line, each beginning with its <c>type</c> (<c>actor</c>, <c>event</c>, <c>claim</c>, …).</item>
/// </list>
/// Reading goes through the one reader, <see cref="DatasetReader"/>, the reader <c>conflictmodel validate</c> uses:
/// the <c>Deserialize*</c> methods are its throwing fronts. The first error becomes a <see cref="JsonException"/>
/// whose message is the validator's (<c>(3,58): error CM0009: 'stat' is not a known actor kind; … (at
/// /actors/0/kind)</c>); use <see cref="DatasetReader"/> itself for every problem with its location, without an
/// exception. Writing uses System.Text.Json source generation and is byte-stable for a given model; reading what was
/// written gives an equal model; members the model does not know are kept (<see cref="ExtensibleRecord.Extensions"/>)
/// and written back. Thread-safe.
/// </summary>
public static class ConflictJsonSerializer
{
    /// <summary>The deepest nesting of JSON arrays and objects accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The JSON Lines discriminator member.</summary>
    public const string TypePropertyName = "type";

    /// <summary>The discriminator of the JSON Lines header line.</summary>
    public const string HeaderType = "dataset";

    internal static readonly JsonSerializerOptions DocumentOptions = CreateOptions(lines: false);
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
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    public static Dataset Deserialize(ReadOnlySpan<byte> utf8Json)
        => Reader.ReadUtf8(utf8Json, DatasetFormat.Document).GetDatasetOrThrow();

    /// <summary>Reads a dataset from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    public static Dataset Deserialize(string json)
    {
        Guard.Against.Null(json);
        return Reader.ReadText(json, DatasetFormat.Document).GetDatasetOrThrow();
    }

    /// <summary>Reads a dataset from a stream holding a JSON document (or gzip-compressed JSON).</summary>
    /// <param name="utf8Json">The stream of UTF-8 JSON; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="NotSupportedException">The stream allows only asynchronous reads (an ASP.NET Core request body): use <see cref="DeserializeAsync(Stream, CancellationToken)"/>.</exception>
    public static Dataset Deserialize(Stream utf8Json)
    {
        Guard.Against.Null(utf8Json);
        return Reader.Read(utf8Json, null, DatasetFormat.Document).GetDatasetOrThrow();
    }

    /// <summary>Reads a dataset from a stream holding a JSON document, with asynchronous reads only.</summary>
    /// <param name="utf8Json">The stream of UTF-8 JSON (or gzip-compressed JSON); read to its end and left open.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public static async Task<Dataset> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        return (await Reader.ReadAsync(utf8Json, null, DatasetFormat.Document, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDatasetOrThrow();
    }
#pragma warning restore RS0026

    /// <summary>Reads a dataset from a pipe holding a JSON document (an ASP.NET Core request's <c>BodyReader</c>, for one); the pipe is not completed.</summary>
    /// <param name="utf8Json">The pipe of UTF-8 JSON (or gzip-compressed JSON), read to its end.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public static async Task<Dataset> DeserializeAsync(PipeReader utf8Json, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        return (await Reader.ReadAsync(utf8Json, null, DatasetFormat.Document, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDatasetOrThrow();
    }
#pragma warning restore RS0026

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






    /// <summary>Reads one record from a JSON Lines line, with the line parser of <see cref="DatasetRecordReader"/>.</summary>
    /// <param name="utf8Line">The line's UTF-8 bytes, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record: the message is the first error's diagnostic, at line 1.</exception>
    public static ConflictRecord DeserializeRecord(ReadOnlySpan<byte> utf8Line) => RecordLine.Read(utf8Line);

    /// <summary>Reads one record from a JSON Lines line.</summary>
    /// <param name="line">The line's text, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record: the message is the first error's diagnostic, at line 1.</exception>
    public static ConflictRecord DeserializeRecord(string line)
    {
        Guard.Against.Null(line);
        return RecordLine.Read(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>Reads a JSON Lines dataset: the header line, then records, one a line. Blank lines are skipped.</summary>
    /// <param name="utf8Stream">The stream of UTF-8 text (or gzip-compressed text), optionally with a byte order mark; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="NotSupportedException">The stream allows only asynchronous reads: use <see cref="DeserializeLinesAsync(Stream, CancellationToken)"/>.</exception>
    public static Dataset DeserializeLines(Stream utf8Stream)
    {
        Guard.Against.Null(utf8Stream);
        return Reader.Read(utf8Stream, null, DatasetFormat.JsonLines).GetDatasetOrThrow();
    }

    /// <summary>Reads a JSON Lines dataset with asynchronous reads only.</summary>
    /// <param name="utf8Stream">The stream of UTF-8 text (or gzip-compressed text); read to its end and left open.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public static async Task<Dataset> DeserializeLinesAsync(Stream utf8Stream, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Stream);
        return (await Reader.ReadAsync(utf8Stream, null, DatasetFormat.JsonLines, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDatasetOrThrow();
    }
#pragma warning restore RS0026

    /// <summary>Reads a JSON Lines dataset from a pipe; the pipe is not completed.</summary>
    /// <param name="utf8Lines">The pipe of UTF-8 text (or gzip-compressed text), read to its end.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public static async Task<Dataset> DeserializeLinesAsync(PipeReader utf8Lines, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Lines);
        return (await Reader.ReadAsync(utf8Lines, null, DatasetFormat.JsonLines, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDatasetOrThrow();
    }
#pragma warning restore RS0026

    /// <summary>
    /// Reads the records of a JSON Lines dataset one at a time, as the stream delivers them, holding only the
    /// current line (through <see cref="DatasetRecordReader"/>): for files too large to load whole. The header line is
    /// checked (and handed to <paramref name="header"/> when given) but not yielded. Blank lines are skipped.
    /// </summary>
    /// <param name="utf8Stream">The stream of UTF-8 text (or gzip-compressed text), optionally with a byte order mark; read as the enumeration proceeds and left open.</param>
    /// <param name="header">Called with the header (a dataset with no records) before the first record.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="JsonException">While enumerating: a line is malformed or invalid, or the header is missing or repeated; the message is that line's first error diagnostic, with its line, column and JSON Pointer. The records before it have been yielded.</exception>
    public static IEnumerable<ConflictRecord> DeserializeRecords(Stream utf8Stream, Action<Dataset>? header = null)
    {
        Guard.Against.Null(utf8Stream);
        return Enumerate(utf8Stream, header);

        static IEnumerable<ConflictRecord> Enumerate(Stream stream, Action<Dataset>? onHeader)
        {
            using DatasetRecordReader records = Reader.OpenRecords(stream, null, DatasetFormat.JsonLines);
            while (records.Read())
            {
                StreamedRecord entry = records.Current;
                if (FirstReadError.Find(entry.Diagnostics, entry.Window) is { } error)
                {
                    throw error;
                }

                if (entry.IsHeader)
                {
                    onHeader?.Invoke(RecordLine.Header(entry));
                }
                else if (entry.Record is { } record)
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>Reads a JSON Lines dataset from text.</summary>
    /// <param name="jsonLines">The text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated: the message is the first error's diagnostic, with its line, column and JSON Pointer.</exception>
    public static Dataset DeserializeLines(string jsonLines)
    {
        Guard.Against.Null(jsonLines);
        return Reader.ReadText(jsonLines, DatasetFormat.JsonLines).GetDatasetOrThrow();
    }

    /// <summary>The reader behind every Deserialize method: default limits (<see cref="DatasetReaderOptions.Default"/>).</summary>
    private static DatasetReader Reader { get; } = new();

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

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Ardalis.GuardClauses;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Writes a dataset record by record, in either wire form, to a <see cref="Stream"/>, an
/// <see cref="IBufferWriter{T}"/> or a <see cref="PipeWriter"/>, in bounded memory; the bytes are those
/// <see cref="ConflictJsonSerializer.Serialize(Dataset)"/> and <see cref="ConflictJsonSerializer.SerializeLines(Dataset)"/>
/// write for the same dataset.
/// <list type="bullet">
/// <item>JSON Lines (<see cref="CreateJsonLines(Stream, Dataset)"/>): the header line, then
/// each record on a line of its own as it is written; nothing is held back.</item>
/// <item>The JSON document (<see cref="CreateDocument(Stream, Dataset)"/>): one array per
/// record kind, in the fixed order sources, actors, events, casualty estimates, attributions, claims, ceasefires,
/// mediations, agreements. Records may be written in any order of kinds: sources go out as they are written, every
/// other kind waits in memory up to <see cref="DatasetWriterOptions.MaxBufferedBytes"/>, then in temporary files,
/// until <see cref="Complete"/> writes the arrays in order.</item>
/// </list>
/// Finish with <see cref="Complete"/> or <see cref="CompleteAsync"/>: it writes what is held back and the end of the
/// document, and flushes. Disposing a writer that was not completed abandons the output: nothing more is written
/// (a document's root object is left unclosed, so no reader takes it for a whole dataset, while JSON Lines already
/// written stays a readable prefix), and the temporary files are removed. For all-or-nothing output, write to a
/// temporary file and move it into place once <see cref="Complete"/> has returned.
/// Not thread-safe: one writer, one caller at a time. The output is never closed or completed by the writer.
/// </summary>
/// <example>
/// <code>
/// await using var writer = DatasetWriter.CreateJsonLines(stream, new Dataset(new DatasetInfo("Imported")));
/// foreach (ConflictRecord record in records)
/// {
///     await writer.WriteAsync(record, cancellationToken);
/// }
///
/// await writer.CompleteAsync(cancellationToken);
/// </code>
/// </example>
public sealed class DatasetWriter : IDisposable, IAsyncDisposable
{
    private const int KindCount = 9;

    /// <summary>The JSON names of the document's arrays, in the wire order of <see cref="Dataset.Records"/>.</summary>
    private static readonly string[] ArrayNames = ["sources", "actors", "events", "casualtyEstimates", "attributions", "claims", "ceasefires", "mediations", "agreements"];

    private static readonly JsonSerializerOptions DocumentOptions = ConflictJsonSerializer.Options;
    private static readonly JsonSerializerOptions LinesOptions = ConflictJsonSerializer.LinesOptions;
    private static readonly JsonWriterOptions DocumentWriterOptions = new()
    {
        Encoder = DocumentOptions.Encoder,
        Indented = DocumentOptions.WriteIndented,
        IndentCharacter = DocumentOptions.IndentCharacter,
        IndentSize = DocumentOptions.IndentSize,
        NewLine = DocumentOptions.NewLine,
        MaxDepth = DocumentOptions.MaxDepth,
    };

    private static readonly JsonWriterOptions LinesWriterOptions = new() { Encoder = LinesOptions.Encoder };

    /// <summary>Each array's opening, <c>,\n  "actors": [</c>, as the indented writer writes it after <c>info</c>.</summary>
    private static readonly byte[][] ArrayOpenings = CreateArrayOpenings();

    /// <summary>An array's closing after its last element, <c>\n  ]</c>.</summary>
    private static readonly byte[] ArrayClosing = CreateArrayClosing();

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly bool _lines;
    private WriterOutput _output;
    private Dataset _header;
    private readonly DatasetWriterOptions _options;
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly RecordSpill?[] _spills = new RecordSpill?[KindCount];
    private SpillBudget? _budget;
    private bool _started;
    private bool _sourcesOpen;
    private bool _completed;
    private bool _disposed;
    private bool _faulted;
    private bool _grouped; // every record held back by kind until CompleteTo names the output and the header
    private byte[] _documentEnd = [];

    private DatasetWriter(WriterOutput output, Dataset header, bool lines, DatasetWriterOptions? options)
    {
        _output = output;
        _header = header;
        _lines = lines;
        _options = options ?? DatasetWriterOptions.Default;
        _json = new Utf8JsonWriter(_scratch, lines ? LinesWriterOptions : DocumentWriterOptions);
        if (!lines)
        {
            PositionAtElement();
        }

        RecordCount = header.RecordCount;
    }

    /// <summary>
    /// Gets the number of records written so far, the header dataset's included; a record whose write threw is not
    /// counted.
    /// </summary>
    public long RecordCount { get; private set; }

    /// <summary>Creates a writer of the JSON document form over a stream.</summary>
    /// <param name="utf8Stream">The stream to write UTF-8 to; written in pieces of <see cref="DatasetWriterOptions.FlushThreshold"/> bytes, flushed by <see cref="Complete"/>, left open.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(Stream utf8Stream, Dataset header) => CreateDocument(utf8Stream, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON document form over a stream.</summary>
    /// <param name="utf8Stream">The stream to write UTF-8 to; written in pieces of <see cref="DatasetWriterOptions.FlushThreshold"/> bytes, flushed by <see cref="Complete"/>, left open.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(Stream utf8Stream, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Stream);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Stream, Threshold(options)), header, lines: false, options);
    }

    /// <summary>Creates a writer of the JSON document form into a buffer.</summary>
    /// <param name="utf8Output">The buffer to write UTF-8 to; written to as records are placed.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(IBufferWriter<byte> utf8Output, Dataset header) => CreateDocument(utf8Output, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON document form into a buffer.</summary>
    /// <param name="utf8Output">The buffer to write UTF-8 to; written to as records are placed.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(IBufferWriter<byte> utf8Output, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Output);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Output), header, lines: false, options);
    }

    /// <summary>Creates a writer of the JSON document form into a pipe.</summary>
    /// <param name="utf8Output">The pipe to write UTF-8 to; flushed by the asynchronous methods each <see cref="DatasetWriterOptions.FlushThreshold"/> bytes and at the end (the synchronous ones leave what they write unflushed), never completed.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(PipeWriter utf8Output, Dataset header) => CreateDocument(utf8Output, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON document form into a pipe.</summary>
    /// <param name="utf8Output">The pipe to write UTF-8 to; flushed by the asynchronous methods each <see cref="DatasetWriterOptions.FlushThreshold"/> bytes and at the end (the synchronous ones leave what they write unflushed), never completed.</param>
    /// <param name="header">The dataset's description, format version and extension members; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes.</exception>
    public static DatasetWriter CreateDocument(PipeWriter utf8Output, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Output);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Output, Threshold(options)), header, lines: false, options);
    }

    /// <summary>Creates a writer of the JSON Lines form over a stream.</summary>
    /// <param name="utf8Stream">The stream to write UTF-8 to; written in pieces of <see cref="DatasetWriterOptions.FlushThreshold"/> bytes (or at <see cref="Flush"/>), flushed by <see cref="Complete"/>, left open.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(Stream utf8Stream, Dataset header) => CreateJsonLines(utf8Stream, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON Lines form over a stream.</summary>
    /// <param name="utf8Stream">The stream to write UTF-8 to; written in pieces of <see cref="DatasetWriterOptions.FlushThreshold"/> bytes (or at <see cref="Flush"/>), flushed by <see cref="Complete"/>, left open.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(Stream utf8Stream, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Stream);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Stream, Threshold(options)), header, lines: true, options);
    }

    /// <summary>Creates a writer of the JSON Lines form into a buffer.</summary>
    /// <param name="utf8Output">The buffer to write UTF-8 to; written to line by line.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(IBufferWriter<byte> utf8Output, Dataset header) => CreateJsonLines(utf8Output, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON Lines form into a buffer.</summary>
    /// <param name="utf8Output">The buffer to write UTF-8 to; written to line by line.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(IBufferWriter<byte> utf8Output, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Output);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Output), header, lines: true, options);
    }

    /// <summary>Creates a writer of the JSON Lines form into a pipe.</summary>
    /// <param name="utf8Output">The pipe to write UTF-8 to; flushed by the asynchronous methods each <see cref="DatasetWriterOptions.FlushThreshold"/> bytes and at the end (the synchronous ones leave what they write unflushed), never completed.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(PipeWriter utf8Output, Dataset header) => CreateJsonLines(utf8Output, header, DatasetWriterOptions.Default);

    /// <summary>Creates a writer of the JSON Lines form into a pipe.</summary>
    /// <param name="utf8Output">The pipe to write UTF-8 to; flushed by the asynchronous methods each <see cref="DatasetWriterOptions.FlushThreshold"/> bytes and at the end (the synchronous ones leave what they write unflushed), never completed.</param>
    /// <param name="header">The dataset's description, format version and extension members, for the header line; records it holds are written first, before any written with <see cref="Write"/>.</param>
    /// <param name="options">How to buffer.</param>
    /// <returns>The writer; nothing is written until the first record, <see cref="Flush"/> or <see cref="Complete"/>.</returns>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or the header or one of its records has an extension member named <c>type</c>, which JSON Lines reserves.</exception>
    public static DatasetWriter CreateJsonLines(PipeWriter utf8Output, Dataset header, DatasetWriterOptions options)
    {
        Guard.Against.Null(utf8Output);
        Guard.Against.Null(options);
        return Create(WriterOutput.For(utf8Output, Threshold(options)), header, lines: true, options);
    }

    /// <summary>Writes a record.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="JsonException">
    /// JSON Lines only: the record has an extension member named <c>type</c>, which JSON Lines reserves for the record
    /// type. Nothing of this record is written; the records before it stay written, and the writer can go on.
    /// </exception>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    /// <exception cref="IOException">The output or a temporary file could not be written; the writer cannot go on.</exception>
    public void Write(ConflictRecord record)
    {
        Guard.Against.Null(record);
        ThrowIfUnusable();
        if (!_started && !_grouped)
        {
            Run(Start());
        }

        int kind = Format(record);
        Guarded(() => Place(kind));
        RecordCount++;
        if (_output.ShouldFlush)
        {
            Guarded(() => _output.Flush(final: false));
        }
    }

    /// <summary>
    /// Creates a writer that holds every record back by kind (sources too, and in JSON Lines too) until
    /// <see cref="CompleteTo"/> names the output and the header. For a reader whose header is known only at the end
    /// (a document's members may follow its arrays), writing what <see cref="ConflictJsonSerializer.Serialize(Dataset)"/>
    /// or <see cref="ConflictJsonSerializer.SerializeLines(Dataset)"/> would write for the dataset read (JSON Lines
    /// grouped by kind, in the wire order), in bounded memory: the records wait in temporary files, as the document
    /// form's do. Until then nothing is written anywhere else, so an input found broken leaves no output at all.
    /// </summary>
    /// <param name="lines">Whether to write JSON Lines rather than the document.</param>
    /// <param name="options">How to buffer (the memory before the temporary files, and their folder).</param>
    internal static DatasetWriter CreateGrouped(bool lines, DatasetWriterOptions options)
    {
        Guard.Against.Null(options);
        return new DatasetWriter(WriterOutput.For(Stream.Null, Threshold(options)), new Dataset(new DatasetInfo("Untitled")), lines, options) { _grouped = true };
    }

    /// <summary>
    /// Completes a writer made by <see cref="CreateGrouped"/>: writes the header, then every record held back, grouped
    /// by kind in the wire order, to <paramref name="utf8Stream"/> (left open, flushed), and removes the temporary files.
    /// </summary>
    /// <param name="utf8Stream">The output.</param>
    /// <param name="header">The dataset's description, format version and extension members; no records.</param>
    /// <exception cref="JsonException">The header's format version is not one this library writes, or (JSON Lines) it has an extension member named <c>type</c>.</exception>
    internal void CompleteTo(Stream utf8Stream, Dataset header)
    {
        Guard.Against.Null(utf8Stream);
        Guard.Against.Null(header);
        ThrowIfUnusable();
        if (!_grouped)
        {
            throw new InvalidOperationException("Only a writer made by CreateGrouped is given its output at the end.");
        }

        if (header.RecordCount > 0)
        {
            throw new ArgumentException("The header of a grouped writer holds no records.", nameof(header));
        }

        ConflictJsonSerializer.CheckFormatVersion(header, lineNumber: null);
        if (_lines)
        {
            ConflictJsonSerializer.CheckNoTypeExtension(header);
        }

        _header = header;
        _output = WriterOutput.For(utf8Stream, Threshold(_options));
        _grouped = false;
        Complete();
    }

    /// <summary>Writes a record, writing to the output asynchronously when enough is gathered.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write; a write canceled while the output was being written leaves the writer unusable.</param>
    /// <returns>A task that completes when the record is written or held back.</returns>
    /// <exception cref="JsonException">
    /// JSON Lines only: the record has an extension member named <c>type</c>, which JSON Lines reserves for the record
    /// type. Nothing of this record is written; the records before it stay written, and the writer can go on.
    /// </exception>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    /// <exception cref="IOException">The output or a temporary file could not be written; the writer cannot go on.</exception>
    public async ValueTask WriteAsync(ConflictRecord record, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(record);
        ThrowIfUnusable();
        cancellationToken.ThrowIfCancellationRequested();
        if (!_started && !_grouped)
        {
            await RunAsync(Start(), cancellationToken).ConfigureAwait(false);
        }

        int kind = Format(record);
        Guarded(() => Place(kind));
        RecordCount++;
        if (_output.ShouldFlush)
        {
            await GuardedAsync(() => _output.FlushAsync(final: false, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes to the output what is gathered: every JSON Lines line written so far, and in the document form its
    /// beginning and the sources (the other kinds wait for <see cref="Complete"/>). Does not flush a pipe (see
    /// <see cref="FlushAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Flush()
    {
        ThrowIfUnusable();
        Run(Start());
        Guarded(() => _output.Flush(final: true));
    }

    /// <summary>Writes to the output what is gathered, as <see cref="Flush"/> does, and flushes a pipe.</summary>
    /// <param name="cancellationToken">Cancels the flush; a canceled flush leaves the writer unusable.</param>
    /// <returns>A task that completes when the output is written.</returns>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        await RunAsync(Start(), cancellationToken).ConfigureAwait(false);
        await GuardedAsync(() => _output.FlushAsync(final: true, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes the dataset: writes the records held back and the end of the document (JSON Lines has none), flushes
    /// the output, and removes the temporary files. Nothing can be written after it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    /// <exception cref="IOException">The output or a temporary file could not be written or read.</exception>
    public void Complete()
    {
        ThrowIfUnusable();
        Run(Finish());
        Guarded(() => _output.Flush(final: true));
        _completed = true;
        ReleaseSpills();
    }

    /// <summary>Finishes the dataset as <see cref="Complete"/> does, writing to the output asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the completion; a canceled completion leaves the output unfinished and the writer unusable.</param>
    /// <returns>A task that completes when the dataset is written and flushed.</returns>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier on its output.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    /// <exception cref="IOException">The output or a temporary file could not be written or read.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        await RunAsync(Finish(), cancellationToken).ConfigureAwait(false);
        await GuardedAsync(() => _output.FlushAsync(final: true, cancellationToken)).ConfigureAwait(false);
        _completed = true;
        ReleaseSpills();
    }

    /// <summary>
    /// Releases the writer: a completed writer has nothing left to do; one that was not completed abandons its output
    /// (see the remarks on <see cref="DatasetWriter"/>). Removes the temporary files. The output is left open.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReleaseSpills();
        _json.Dispose();
    }

    /// <summary>Releases the writer as <see cref="Dispose"/> does; it writes nothing, so it completes at once.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the dataset's records straight from the model: they are grouped already, so nothing is held back.</summary>
    internal static void WriteWhole(WriterOutput output, Dataset dataset, bool lines)
    {
        using DatasetWriter writer = Create(output, dataset, lines, options: null);
        writer.Complete();
    }

    private static DatasetWriter Create(WriterOutput output, Dataset header, bool lines, DatasetWriterOptions? options)
    {
        Guard.Against.Null(header);
        if (options is not null)
        {
            Guard.Against.NegativeOrZero(options.FlushThreshold, nameof(options));
            Guard.Against.Negative(options.MaxBufferedBytes, nameof(options));
        }

        ConflictJsonSerializer.CheckFormatVersion(header, lineNumber: null); // write only what can be read back
        if (lines)
        {
            ConflictJsonSerializer.CheckNoTypeExtension(header);
            foreach (ConflictRecord record in header.Records)
            {
                ConflictJsonSerializer.CheckNoTypeExtension(record); // before anything is written, so nothing is half-written
            }
        }

        return new DatasetWriter(output, header, lines, options);
    }

    private static int Threshold(DatasetWriterOptions? options) => Math.Max(1, (options ?? DatasetWriterOptions.Default).FlushThreshold);

    private static int KindOf(ConflictRecord record) => record switch
    {
        Source => 0,
        Actor => 1,
        Event => 2,
        CasualtyEstimate => 3,
        Attribution => 4,
        Claim => 5,
        Ceasefire => 6,
        Mediation => 7,
        Agreement => 8,
        _ => throw new ArgumentException($"Unknown record type {record.GetType()}.", nameof(record)),
    };

    private static IEnumerable<ConflictRecord> RecordsOfKind(Dataset dataset, int kind) => kind switch
    {
        0 => dataset.Sources,
        1 => dataset.Actors,
        2 => dataset.Events,
        3 => dataset.CasualtyEstimates,
        4 => dataset.Attributions,
        5 => dataset.Claims,
        6 => dataset.Ceasefires,
        7 => dataset.Mediations,
        _ => dataset.Agreements,
    };

    private static bool HasRecordsOfKind(Dataset dataset, int kind) => kind switch
    {
        0 => !dataset.Sources.IsEmpty,
        1 => !dataset.Actors.IsEmpty,
        2 => !dataset.Events.IsEmpty,
        3 => !dataset.CasualtyEstimates.IsEmpty,
        4 => !dataset.Attributions.IsEmpty,
        5 => !dataset.Claims.IsEmpty,
        6 => !dataset.Ceasefires.IsEmpty,
        7 => !dataset.Mediations.IsEmpty,
        _ => !dataset.Agreements.IsEmpty,
    };

    private static void SerializeRecord(Utf8JsonWriter writer, ConflictRecord record, JsonSerializerOptions options)
    {
        switch (record)
        {
            case Source r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Source>(options)); break;
            case Actor r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Actor>(options)); break;
            case Event r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Event>(options)); break;
            case CasualtyEstimate r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<CasualtyEstimate>(options)); break;
            case Attribution r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Attribution>(options)); break;
            case Claim r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Claim>(options)); break;
            case Ceasefire r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Ceasefire>(options)); break;
            case Mediation r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Mediation>(options)); break;
            case Agreement r: JsonSerializer.Serialize(writer, r, ConflictJsonSerializer.TypeInfo<Agreement>(options)); break;
            default: throw new ArgumentException($"Unknown record type {record.GetType()}.", nameof(record));
        }
    }

    private static Dataset WithoutRecords(Dataset dataset) => dataset.RecordCount == 0 ? dataset : dataset with
    {
        Sources = [], Actors = [], Events = [], CasualtyEstimates = [], Attributions = [], Claims = [], Ceasefires = [], Mediations = [], Agreements = [],
    };

    private static byte[][] CreateArrayOpenings()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var openings = new byte[KindCount][];
        for (int kind = 0; kind < KindCount; kind++)
        {
            // The writer is placed after a member of the root object, as after "info"; what it writes next is the opening.
            using var writer = new Utf8JsonWriter(buffer, DocumentWriterOptions);
            writer.WriteStartObject();
            writer.WriteNumber("info"u8, 0);
            writer.Flush();
            buffer.ResetWrittenCount();
            writer.WritePropertyName(ArrayNames[kind]);
            writer.WriteStartArray();
            writer.Flush();
            openings[kind] = buffer.WrittenSpan.ToArray();
            buffer.ResetWrittenCount();
        }

        return openings;
    }

    private static byte[] CreateArrayClosing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, DocumentWriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("sources"u8);
        writer.WriteNumberValue(0);
        writer.Flush();
        buffer.ResetWrittenCount();
        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Splits the document of the record-less header, as the serializer writes it, after its <c>info</c> member: the
    /// arrays go between the two parts, and the second holds the dataset's extension members and its end.
    /// </summary>
    private static (byte[] Beginning, byte[] End) SplitDocument(Dataset header)
    {
        byte[] document = JsonSerializer.SerializeToUtf8Bytes(WithoutRecords(header), ConflictJsonSerializer.TypeInfo<Dataset>(DocumentOptions));
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth + 1 });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool info = reader.ValueTextEquals("info"u8);
            reader.Read();
            reader.Skip();
            if (info)
            {
                int split = checked((int)reader.BytesConsumed);
                return (document[..split], [.. document.AsSpan(split), (byte)'\n']);
            }
        }

        throw new InvalidOperationException("The serialized dataset has no \"info\" member.");
    }

    /// <summary>
    /// Places the element writer inside an array at the records' depth, after an element: each record it writes then
    /// begins with the separator, <c>,\n    {</c>, which the first record of an array leaves out.
    /// </summary>
    private void PositionAtElement()
    {
        _json.Reset(_scratch);
        _json.WriteStartObject();
        _json.WriteStartArray("sources"u8);
        _json.WriteNumberValue(0);
        _json.Flush();
        _scratch.ResetWrittenCount();
    }

    /// <summary>Serializes a record into the scratch buffer; on failure nothing is kept and the writer is ready for the next.</summary>
    /// <returns>The record's kind.</returns>
    private int Format(ConflictRecord record)
    {
        int kind = KindOf(record);
        if (_lines)
        {
            ConflictJsonSerializer.CheckNoTypeExtension(record);
        }

        _scratch.ResetWrittenCount();
        try
        {
            if (_lines)
            {
                _json.Reset(_scratch);
                SerializeRecord(_json, record, LinesOptions);
            }
            else
            {
                SerializeRecord(_json, record, DocumentOptions);
            }

            _json.Flush();
        }
        catch
        {
            _scratch.ResetWrittenCount();
            if (!_lines)
            {
                PositionAtElement();
            }

            throw;
        }

        return kind;
    }

    /// <summary>Puts the formatted record where it goes: the output, or its kind's spill.</summary>
    private void Place(int kind)
    {
        ReadOnlySpan<byte> bytes = _scratch.WrittenSpan;
        if (_lines && !_grouped)
        {
            _output.Write(bytes);
            _output.Write(NewLine);
        }
        else if (kind == 0 && !_grouped)
        {
            if (_sourcesOpen)
            {
                _output.Write(bytes);
            }
            else
            {
                _output.Write(ArrayOpenings[0]);
                _output.Write(bytes[1..]);
                _sourcesOpen = true;
            }
        }
        else
        {
            _budget ??= new SpillBudget(_options.MaxBufferedBytes, _options.TemporaryDirectory ?? Path.GetTempPath());
            RecordSpill spill = _spills[kind] ??= new RecordSpill(_budget);
            spill.Write(bytes);
            if (_lines)
            {
                spill.Write(NewLine);
            }
        }

    }

    /// <summary>The beginning: the header (line or document beginning), then the records the header dataset holds that can go out now.</summary>
    private IEnumerable<bool> Start()
    {
        if (_started)
        {
            yield break;
        }

        if (_grouped)
        {
            throw new InvalidOperationException("A grouped writer writes nothing before CompleteTo.");
        }

        _started = true;
        if (_lines)
        {
            _scratch.ResetWrittenCount();
            _json.Reset(_scratch);
            JsonSerializer.Serialize(_json, WithoutRecords(_header), ConflictJsonSerializer.TypeInfo<Dataset>(LinesOptions));
            _json.Flush();
            _output.Write(_scratch.WrittenSpan);
            _output.Write(NewLine);
            yield return true;
            foreach (ConflictRecord record in _header.Records)
            {
                Format(record);
                Place(0);
                yield return true;
            }

            yield break;
        }

        (byte[] beginning, _documentEnd) = SplitDocument(_header);
        _output.Write(beginning);
        yield return true;
        foreach (ConflictRecord record in _header.Sources)
        {
            Format(record);
            Place(0);
            yield return true;
        }
    }

    private IEnumerable<bool> Finish()
    {
        foreach (bool step in Start())
        {
            yield return step;
        }

        if (_lines)
        {
            // Held back only by a grouped writer: each kind's lines, in the wire order.
            for (int kind = 0; kind < KindCount; kind++)
            {
                if (_spills[kind] is { } held)
                {
                    foreach (ReadOnlyMemory<byte> piece in held.Read())
                    {
                        _output.Write(piece.Span);
                        yield return true;
                    }

                    held.Dispose();
                    _spills[kind] = null;
                }
            }

            yield break;
        }

        if (_spills[0] is { Length: > 0 } sources)
        {
            // Sources held back by a grouped writer go after the header's own, if any.
            bool first = !_sourcesOpen;
            if (first)
            {
                _output.Write(ArrayOpenings[0]);
            }

            foreach (ReadOnlyMemory<byte> piece in sources.Read())
            {
                _output.Write(first ? piece.Span[1..] : piece.Span);
                first = false;
                yield return true;
            }

            sources.Dispose();
            _spills[0] = null;
            _sourcesOpen = true;
        }

        if (_sourcesOpen)
        {
            _output.Write(ArrayClosing);
        }

        for (int kind = 1; kind < KindCount; kind++)
        {
            RecordSpill? spill = _spills[kind];
            bool fromHeader = HasRecordsOfKind(_header, kind);
            if (!fromHeader && (spill is null || spill.Length == 0))
            {
                continue;
            }

            _output.Write(ArrayOpenings[kind]);
            bool first = true;
            if (fromHeader)
            {
                foreach (ConflictRecord record in RecordsOfKind(_header, kind))
                {
                    Format(record);
                    _output.Write(first ? _scratch.WrittenSpan[1..] : _scratch.WrittenSpan);
                    first = false;
                    yield return true;
                }
            }

            if (spill is not null)
            {
                foreach (ReadOnlyMemory<byte> piece in spill.Read())
                {
                    _output.Write(first ? piece.Span[1..] : piece.Span);
                    first = false;
                    yield return true;
                }

                spill.Dispose();
                _spills[kind] = null;
            }

            _output.Write(ArrayClosing);
            yield return true;
        }

        _output.Write(_documentEnd);
        yield return true;
    }

    private void Run(IEnumerable<bool> steps)
    {
        try
        {
            foreach (bool _ in steps)
            {
                if (_output.ShouldFlush)
                {
                    _output.Flush(final: false);
                }
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private async ValueTask RunAsync(IEnumerable<bool> steps, CancellationToken cancellationToken)
    {
        try
        {
            foreach (bool _ in steps)
            {
                if (_output.ShouldFlush)
                {
                    await _output.FlushAsync(final: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private async ValueTask GuardedAsync(Func<ValueTask> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The dataset writer is completed; nothing more can be written.");
        }

        if (_faulted)
        {
            throw new InvalidOperationException("The dataset writer failed earlier on its output and cannot go on; its output is incomplete.");
        }
    }

    private void ReleaseSpills()
    {
        for (int kind = 0; kind < KindCount; kind++)
        {
            _spills[kind]?.Dispose();
            _spills[kind] = null;
        }
    }
}

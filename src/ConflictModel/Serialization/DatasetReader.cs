using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.IO.Pipelines;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads a dataset in either wire form and returns what it could read together with every problem found, as
/// diagnostics with exact positions: like Roslyn's parser, it never throws because of the data. Syntax errors,
/// shape errors (a missing member, a wrong JSON type, an unknown value, an invalid EDTF date), value errors and
/// exceeded limits are all diagnostics; a bad record does not hide the records after it, and in JSON Lines every
/// other line is still read. A UTF-8 byte order mark is accepted; gzip input is decompressed. Only I/O failures the
/// caller must handle (a missing file, a denied permission) throw. Thread-safe: one reader may read many inputs.
/// </summary>
public sealed class DatasetReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="options">Limits and switches; <see cref="DatasetReaderOptions.Default"/> when null.</param>
    public DatasetReader(DatasetReaderOptions? options = null) => Options = options ?? DatasetReaderOptions.Default;

    /// <summary>Gets the reader's options.</summary>
    public DatasetReaderOptions Options { get; }

    /// <summary>
    /// Reads a file, telling its form from its extension (<c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>, each optionally
    /// followed by <c>.gz</c>) or, failing that, from its first bytes.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    /// <exception cref="IOException">The file cannot be opened or read (missing, locked, a device error).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission to read the file is denied.</exception>
    public DatasetReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        bool known = DatasetFormats.TryGetFromPath(path, out DatasetFormat format, out bool gzip);
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path, known ? format : null, gzip);
    }

    /// <summary>Reads a stream to its end (leaving it open).</summary>
    /// <param name="stream">The UTF-8 (or gzip-compressed UTF-8) input.</param>
    /// <param name="path">The file it comes from, for locations; null for none.</param>
    /// <param name="format">The wire form.</param>
    /// <param name="gzip">Whether the stream is gzip-compressed; gzip data is also recognised by its first bytes.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public DatasetReadResult Read(Stream stream, string? path, DatasetFormat format, bool gzip = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(stream, path, (DatasetFormat?)format, gzip);
    }

    /// <summary>
    /// Reads a file asynchronously, telling its form as <see cref="Read(string)"/> does. The input is read with
    /// asynchronous I/O; the parsing that follows runs on the calling context once the bytes are in.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission to read the file is denied.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing is returned.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public async Task<DatasetReadResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        bool known = DatasetFormats.TryGetFromPath(path, out DatasetFormat format, out bool gzip);
        FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, known ? format : null, gzip, cancellationToken).ConfigureAwait(false);
        }
    }
#pragma warning restore RS0026

    /// <summary>
    /// Reads a stream to its end (leaving it open) with asynchronous reads only, so it can read an ASP.NET Core
    /// request body, where synchronous I/O is disallowed. The result is the one <see cref="Read(Stream, string?, DatasetFormat, bool)"/> gives.
    /// </summary>
    /// <param name="stream">The UTF-8 (or gzip-compressed UTF-8) input.</param>
    /// <param name="path">The file it comes from, for locations; null for none.</param>
    /// <param name="format">The wire form; null to tell it from the first bytes.</param>
    /// <param name="gzip">Whether the stream is gzip-compressed; gzip data is also recognised by its first bytes.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing is returned.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public async Task<DatasetReadResult> ReadAsync(Stream stream, string? path = null, DatasetFormat? format = null, bool gzip = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var early = new List<Diagnostic>();
        (byte[] buffer, int length) = await ReadAllAsync(stream, path, early, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return ReadBuffer(buffer, length, path, format, gzip, early);
    }
#pragma warning restore RS0026

    /// <summary>
    /// Reads a <see cref="PipeReader"/> to its end, as <see cref="ReadAsync(Stream, string?, DatasetFormat?, bool, CancellationToken)"/>
    /// reads a stream (an ASP.NET Core request's <c>BodyReader</c>, for one). The pipe is not completed: its owner does that.
    /// </summary>
    /// <param name="reader">The pipe of UTF-8 (or gzip-compressed UTF-8) input.</param>
    /// <param name="path">The file it comes from, for locations; null for none.</param>
    /// <param name="format">The wire form; null to tell it from the first bytes.</param>
    /// <param name="gzip">Whether the input is gzip-compressed; gzip data is also recognised by its first bytes.</param>
    /// <param name="cancellationToken">Observed while the input is read.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing is returned.</exception>
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    public async Task<DatasetReadResult> ReadAsync(PipeReader reader, string? path = null, DatasetFormat? format = null, bool gzip = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Stream stream = reader.AsStream(leaveOpen: true);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, path, format, gzip, cancellationToken).ConfigureAwait(false);
        }
    }
#pragma warning restore RS0026

    /// <summary>Reads text.</summary>
    /// <param name="text">The dataset's text.</param>
    /// <param name="format">The wire form.</param>
    /// <param name="path">A file name for locations; null for none.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    public DatasetReadResult ReadText(string text, DatasetFormat format, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Parse(bytes, bytes.Length, path, format, []);
    }

    /// <summary>Reads UTF-8 bytes (copied; the caller's buffer is not changed).</summary>
    /// <param name="utf8">The dataset's UTF-8 bytes, optionally with a byte order mark.</param>
    /// <param name="format">The wire form.</param>
    /// <param name="path">A file name for locations; null for none.</param>
    /// <returns>What could be read, with its diagnostics.</returns>
    public DatasetReadResult ReadUtf8(ReadOnlySpan<byte> utf8, DatasetFormat format, string? path = null)
    {
        byte[] bytes = utf8.ToArray();
        return Parse(bytes, bytes.Length, path, format, []);
    }

    /// <summary>
    /// Opens a file for reading record by record (see <see cref="DatasetRecordReader"/>), telling its form from its
    /// extension or, failing that, from its first bytes.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The record reader; dispose it.</returns>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission to read the file is denied.</exception>
    public DatasetRecordReader OpenRecords(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        bool known = DatasetFormats.TryGetFromPath(path, out DatasetFormat format, out bool gzip);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            var records = new DatasetRecordReader(this, stream, path, known ? format : null, gzip, ownsStream: true);
            records.Begin();
            return records;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a stream for reading record by record (see <see cref="DatasetRecordReader"/>); the stream is left open.
    /// JSON Lines streams; a document is read whole first.
    /// </summary>
    /// <param name="stream">The UTF-8 (or gzip-compressed UTF-8) input.</param>
    /// <param name="path">The file it comes from, for locations; null for none.</param>
    /// <param name="format">The wire form; null to tell it from the first bytes.</param>
    /// <param name="gzip">Whether the stream is gzip-compressed; gzip data is also recognised by its first bytes.</param>
    /// <returns>The record reader; dispose it.</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public DatasetRecordReader OpenRecords(Stream stream, string? path, DatasetFormat? format = null, bool gzip = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new DatasetRecordReader(this, stream, path, format, gzip, ownsStream: false);
        records.Begin();
        return records;
    }

    /// <summary>
    /// Opens a stream to read its records one at a time as <see cref="OpenRecords(Stream, string?, DatasetFormat?, bool)"/>
    /// does, reading its first bytes without blocking a thread; read on with <see cref="DatasetRecordReader.ReadAsync"/>.
    /// </summary>
    /// <param name="stream">The input; not closed by the reader.</param>
    /// <param name="path">The file name for locations, or null.</param>
    /// <param name="format">The wire form, or null to detect it from the first bytes.</param>
    /// <param name="gzip">Whether the input is gzip-compressed (also detected from its first bytes).</param>
    /// <param name="cancellationToken">Cancels the wait for input.</param>
    /// <returns>The record reader; dispose it.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<DatasetRecordReader> OpenRecordsAsync(Stream stream, string? path = null, DatasetFormat? format = null, bool gzip = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new DatasetRecordReader(this, stream, path, format, gzip, ownsStream: false);
        try
        {
            await records.BeginAsync(cancellationToken).ConfigureAwait(false);
            return records;
        }
        catch
        {
            records.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the records of a JSON Lines or JSON document stream one at a time, without blocking a thread and without
    /// holding the input: each record as it is read. Records that cannot be read are left out; what the reader found
    /// wrong (with its location) goes to <paramref name="diagnostics"/> when given. Reading never throws because of
    /// the data.
    /// </summary>
    /// <param name="stream">The input; not closed.</param>
    /// <param name="path">The file name for locations, or null.</param>
    /// <param name="format">The wire form, or null to detect it from the first bytes.</param>
    /// <param name="diagnostics">Receives the reader's diagnostics as they are found; null to ignore them.</param>
    /// <param name="cancellationToken">Cancels the reading; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The records, in input order.</returns>
    public async IAsyncEnumerable<Model.ConflictRecord> ReadRecordsAsync(Stream stream, string? path = null, DatasetFormat? format = null, ICollection<Diagnostic>? diagnostics = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using DatasetRecordReader records = await OpenRecordsAsync(stream, path, format, false, cancellationToken).ConfigureAwait(false);
        while (await records.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            StreamedRecord entry = records.Current;
            if (diagnostics is not null)
            {
                foreach (Diagnostic diagnostic in entry.Diagnostics)
                {
                    diagnostics.Add(diagnostic);
                }
            }

            if (entry.Record is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Opens a decompressing view of gzip data with the checks the reader makes (for callers that read gzip input
    /// themselves, such as the tool's <c>stats</c> and <c>import</c>): unlike <see cref="GZipStream"/>, truncated data,
    /// a missing or wrong trailer, bytes after the end and data that is not gzip at all throw
    /// <see cref="InvalidDataException"/> naming the compressed byte offset, and so does output past
    /// <see cref="DatasetReaderOptions.MaxInputBytes"/> or past <see cref="DatasetReaderOptions.MaxCompressionRatio"/>
    /// times the compressed bytes read (once 64 MiB has come out), before those bytes are handed out.
    /// Concatenated gzip members are read in turn.
    /// </summary>
    /// <param name="compressed">The gzip data.</param>
    /// <param name="leaveOpen">Whether disposing the returned stream leaves <paramref name="compressed"/> open.</param>
    /// <returns>A read-only, forward-only stream of the decompressed bytes.</returns>
    public Stream OpenGzip(Stream compressed, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        return new GzipInput(compressed, Options.MaxInputBytes, Options.MaxCompressionRatio, leaveOpen);
    }

    /// <summary>Reads an already decompressed stream whole (a document met by <see cref="DatasetRecordReader"/>).</summary>
    internal DatasetReadResult ReadDecompressed(Stream stream, string? path, DatasetFormat format, IEnumerable<Diagnostic> earlier)
    {
        var early = new List<Diagnostic>(earlier);
        byte[] buffer;
        int length;
        try
        {
            (buffer, length) = ReadAll(stream, path, early);
        }
        catch (InvalidDataException ex)
        {
            early.Add(ReaderDiagnostics.ForGzip(ex, path));
            (buffer, length) = ([], 0);
        }

        return Parse(buffer, length, path, format, early);
    }

    private DatasetReadResult Read(Stream stream, string? path, DatasetFormat? format, bool gzip)
    {
        var early = new List<Diagnostic>();
        (byte[] buffer, int length) = ReadAll(stream, path, early);
        return ReadBuffer(buffer, length, path, format, gzip, early);
    }

    private DatasetReadResult ReadBuffer(byte[] buffer, int length, string? path, DatasetFormat? format, bool gzip, List<Diagnostic> early)
    {
        if (DatasetFormats.IsGzip(buffer.AsSpan(0, length)))
        {
            (buffer, length) = Decompress(buffer, length, path, early);
        }
        else if (gzip && length > 0)
        {
            early.Add(ReaderDiagnostics.NotGzip(buffer.AsSpan(0, length), path));
        }

        DatasetFormat detected = format ?? DatasetFormats.Detect(buffer.AsSpan(0, Math.Min(length, 4096)));
        return Parse(buffer, length, path, detected, early);
    }

    private DatasetReadResult Parse(byte[] buffer, int length, string? path, DatasetFormat format, List<Diagnostic> early)
    {
        List<int> invalid = DatasetParser.ReplaceInvalidUtf8(buffer.AsSpan(0, length));
        var text = new SourceText(path, buffer.AsMemory(0, length), invalid);
        return DatasetParser.Parse(text, format, Options, early);
    }

    private (byte[] Buffer, int Length) ReadAll(Stream stream, string? path, List<Diagnostic> early)
    {
        long limit = Options.MaxInputBytes;
        byte[] buffer = new byte[stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position, 0, limit) + 1 : 64 * 1024];
        int length = 0;
        while (true)
        {
            if (length >= limit)
            {
                // One more byte tells input exactly at the limit from larger input.
                if (stream.ReadByte() >= 0)
                {
                    early.Add(Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(path), limit));
                }

                break;
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 1024), limit));
            }

            int read = stream.Read(buffer, length, (int)Math.Min(buffer.Length - length, limit - length));
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return (buffer, length);
    }

    private async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, string? path, List<Diagnostic> early, CancellationToken cancellationToken)
    {
        // As ReadAll, with asynchronous reads.
        long limit = Options.MaxInputBytes;
        byte[] buffer = new byte[stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position, 0, limit) + 1 : 64 * 1024];
        int length = 0;
        while (true)
        {
            if (length >= limit)
            {
                byte[] probe = new byte[1];
                if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0)
                {
                    early.Add(Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(path), limit));
                }

                break;
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 1024), limit));
            }

            int read = await stream.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit - length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return (buffer, length);
    }

    private (byte[] Buffer, int Length) Decompress(byte[] compressed, int length, string? path, List<Diagnostic> early)
    {
        using var input = new MemoryStream(compressed, 0, length, writable: false);
        using var gzip = new GzipInput(input, maxRatio: Options.MaxCompressionRatio);
        long limit = Options.MaxInputBytes;
        byte[] buffer = new byte[(int)Math.Min(Math.Max(length * 4L, 1024), limit)];
        int total = 0;
        try
        {
            while (true)
            {
                if (total >= limit)
                {
                    if (gzip.ReadByte() >= 0)
                    {
                        early.Add(Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(path), limit));
                    }

                    break;
                }

                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
                }

                int read = gzip.Read(buffer, total, (int)Math.Min(buffer.Length - total, limit - total));
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (InvalidDataException ex)
        {
            early.Add(ReaderDiagnostics.ForGzip(ex, path));
        }

        return (buffer, total);
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads a dataset record by record without holding the input: JSON Lines is read through one pooled buffer,
/// refilled at line boundaries, and each line's record is handed out with the diagnostics found on that line and
/// its position, then forgotten. A line longer than <see cref="DatasetReaderOptions.MaxRecordBytes"/> grows the
/// buffer up to that limit, is then reported (CM0004) and skipped, and the lines after it are still read. The
/// records and diagnostics are exactly those <see cref="DatasetReader.Read(Stream, string?, DatasetFormat, bool)"/>
/// gives for the same input. A JSON document (one object with an array per kind) is read whole and then handed out
/// record by record, so it does not stream. Like <see cref="DatasetReader"/>, it never throws because of the data.
/// Not thread-safe; dispose it to return the buffer.
/// </summary>
public sealed class DatasetRecordReader : IDisposable
{
    private const int InitialBuffer = 64 * 1024;

    private readonly DatasetReaderOptions _options;
    private readonly Stream _stream;
    private readonly DatasetFormat? _givenFormat;
    private readonly bool _givenGzip;
    private Stream? _input;
    private readonly Stream? _owned;
    private DatasetParser _parser;
    private bool _document;
    private readonly Queue<StreamedRecord> _pending = new();
    private readonly long _limit;
    private byte[] _buffer;
    private int _start; // first unconsumed byte
    private int _end; // end of the bytes in the buffer
    private long _bufferOffset; // input offset of _buffer[0]
    private int _linesBefore; // input lines before _start
    private long _total; // decompressed bytes taken from the input
    private bool _eof;
    private bool _anyLine;
    private bool _finished;
    private bool _spooling;
    private StreamedRecord? _current;

    // A document: bytes up to _validEnd have had bytes that are not UTF-8 replaced (a sequence cut by the end of the
    // buffer waits for the rest); the consumed position's line, its UTF-16 column and its bytes into the line; and the
    // same for the validated position, where bytes that are not UTF-8 are reported.
    private int _validEnd;
    private bool _bomChecked;
    private int _line;
    private int _column;
    private long _bytesIntoLine;
    private int _scanLine;
    private int _scanColumn;
    private readonly List<Checkpoint> _checkpoints = [];
    private DatasetParser? _lookup;
    private bool _needInput;
    private bool _draining;
    private LongLine? _longLine;

    internal DatasetRecordReader(DatasetReader reader, Stream stream, string? path, DatasetFormat? format, bool gzip, bool ownsStream)
    {
        _owned = ownsStream ? stream : null;
        _options = reader.Options;
        FilePath = path;
        _limit = _options.MaxInputBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        RandomAccessSource = gzip ? null : InputBytes.OverFile(stream);
        _stream = stream;
        _givenFormat = format;
        _givenGzip = gzip;
        _parser = DatasetParser.ForLines(_options, path); // replaced in Begin for a document
    }

    /// <summary>Reads the first bytes: the gzip magic number, then enough to tell the form.</summary>
    internal void Begin()
    {
        byte[] raw = new byte[2];
        int peeked = 0;
        while (peeked < 2 && _stream.Read(raw, peeked, 2 - peeked) is > 0 and int read)
        {
            peeked += read;
        }

        SetInput(raw, peeked);
        Fill(4096);
        Started();
    }

    /// <summary>Reads the first bytes as <see cref="Begin"/> does, without blocking a thread.</summary>
    internal async ValueTask BeginAsync(CancellationToken cancellationToken)
    {
        byte[] raw = new byte[2];
        int peeked = 0;
        while (peeked < 2 && await _stream.ReadAsync(raw.AsMemory(peeked, 2 - peeked), cancellationToken).ConfigureAwait(false) is > 0 and int read)
        {
            peeked += read;
        }

        SetInput(raw, peeked, cancellationToken);
        await FillAsync(4096, cancellationToken).ConfigureAwait(false);
        Started();
    }

    /// <param name="raw">The first bytes, read to tell gzip.</param>
    /// <param name="peeked">How many of them there are.</param>
    /// <param name="pump">
    /// For <see cref="BeginAsync"/>: gzip is inflated by synchronous reads, so the compressed bytes are copied from the
    /// input asynchronously into a pipe the inflater reads, and the input itself (a request body, say) is never read
    /// synchronously. Null when reading synchronously.
    /// </param>
    private void SetInput(byte[] raw, int peeked, CancellationToken? pump = null)
    {
        // The peeked bytes are read again, through the decompressor if they are the gzip magic number.
        var replay = new ReplayStream(raw.AsMemory(0, peeked), _stream);
        bool isGzip = DatasetFormats.IsGzip(raw.AsSpan(0, peeked));

        // Named .gz but plain: said once (from the first bytes, once read), then read as the plain text it is.
        _notGzip = _givenGzip && !isGzip && peeked > 0;
        if (isGzip)
        {
            RandomAccessSource?.Dispose();
            RandomAccessSource = null;
        }

        _input = isGzip ? new GzipInput(pump is { } token ? Pumped(replay, token) : replay, maxRatio: _options.MaxCompressionRatio, leaveOpen: true) : replay;
    }

    /// <summary>Copies a stream into a pipe asynchronously, and returns the pipe's reading end.</summary>
    private static Stream Pumped(Stream source, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await source.CopyToAsync(pipe.Writer, cancellationToken).ConfigureAwait(false);
                    await pipe.Writer.CompleteAsync().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The reading end sees the failure: it is rethrown there.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    await pipe.Writer.CompleteAsync(ex).ConfigureAwait(false);
                }
            },
            CancellationToken.None);
        return pipe.Reader.AsStream();
    }

    private bool _notGzip;

    private void Started()
    {
        string? path = FilePath;
        if (_notGzip)
        {
            _gzipError = ReaderDiagnostics.NotGzip(_buffer.AsSpan(0, Math.Min(_end, 16)), path);
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(_gzipError), null, null, null));
        }

        Format = _givenFormat ?? DatasetFormats.Detect(_buffer.AsSpan(0, Math.Min(_end, 4096)));
        if (Format == DatasetFormat.Document)
        {
            _document = true;
            _parser = DatasetParser.ForDocument(_options, path);
            foreach (StreamedRecord early in _pending)
            {
                foreach (Diagnostic diagnostic in early.Diagnostics)
                {
                    _parser.ReportOutsideLines(diagnostic);
                }
            }

            _pending.Clear();
        }
    }

    private Diagnostic? _gzipError;

    /// <summary>Gets the file read, or null.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the wire form being read: given by the caller, or detected from the first bytes.</summary>
    public DatasetFormat Format { get; private set; }

    /// <summary>Gets whether records are read one at a time; always true: both JSON Lines and a JSON document are streamed.</summary>
#pragma warning disable CA1822 // An instance property of the public shape; documents were read whole before, and another form may not stream.
    public bool IsStreaming => true;
#pragma warning restore CA1822

    /// <summary>
    /// Gets the dataset's description once it has been read (the header line of JSON Lines; a document's
    /// <c>info</c> member, wherever it is in the document); null before it, or when it could not be read.
    /// </summary>
    public DatasetInfo? Info => _parser.Info;

    /// <summary>Gets the dataset's format version once it has been read, if it gave one.</summary>
    public string? FormatVersion => _parser.FormatVersion;

    /// <summary>
    /// Gets the dataset's header as read so far (description, format version, unknown members), without records, as
    /// <see cref="DatasetReader.Read(Stream, string?, DatasetFormat, bool)"/> builds it; complete once <see cref="Read"/>
    /// has returned false (a document's members may follow its arrays).
    /// </summary>
    internal Dataset Header => _parser.HeaderDataset();

    /// <summary>Gets how many (decompressed) bytes of the input have been consumed.</summary>
    public long BytesRead => _bufferOffset + _start;

    /// <summary>Gets the current entry; valid until the next <see cref="Read"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Read"/> has not been called, or returned false.</exception>
    public StreamedRecord Current => _current ?? throw new InvalidOperationException("Call Read first; there is no current entry.");

    /// <summary>Gets random access to the bytes already read, when <see cref="KeepRandomAccess"/> asked for it.</summary>
    internal InputBytes? RandomAccessSource { get; private set; }

    internal DatasetReaderOptions Options => _options;

    /// <summary>Gets the size of the buffer now held, for tests that the input is not held whole.</summary>
    internal int BufferLength => _buffer.Length;

    /// <summary>Makes the bytes read available again later (from the file itself, or from a temporary copy).</summary>
    internal void KeepRandomAccess()
    {
        if (RandomAccessSource is null)
        {
            RandomAccessSource = InputBytes.Spool();
            _spooling = true;
            RandomAccessSource.Append(_buffer.AsSpan(0, _end));
        }
    }

    /// <summary>
    /// Moves to the next entry: a line that held a record (read or not), the header, or diagnostics found outside any
    /// record (an empty input, an exceeded limit). Blank lines give no entry.
    /// </summary>
    /// <returns>False at the end of the input.</returns>
    public bool Read()
    {
        _current?.Expire();
        _current = null;
        while (_pending.Count == 0 && !_finished)
        {
            if (_needInput)
            {
                _needInput = false;
                Fill(0);
                Filled();
            }
            else
            {
                Step();
            }
        }

        if (_pending.Count == 0)
        {
            return false;
        }

        _current = _pending.Dequeue();
        return true;
    }

    /// <summary>
    /// Moves to the next entry as <see cref="Read"/> does, refilling the buffer with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>
    /// (no thread waits for the input: usable where synchronous I/O is disallowed, as in ASP.NET Core). After a
    /// cancellation the reader is left where it was between two entries: what it handed out before stays valid, and
    /// reading may go on.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for input.</param>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _current?.Expire();
        _current = null;
        while (_pending.Count == 0 && !_finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_needInput)
            {
                await FillAsync(0, cancellationToken).ConfigureAwait(false);
                _needInput = false;
                Filled();
            }
            else
            {
                Step();
            }
        }

        if (_pending.Count == 0)
        {
            return false;
        }

        _current = _pending.Dequeue();
        return true;
    }

    private void Step()
    {
        if (_document)
        {
            ReadNextDocumentUnit();
        }
        else if (_longLine is not null)
        {
            ContinueLongLine();
        }
        else
        {
            ReadNextLine();
        }
    }

    private void Filled()
    {
        if (_document)
        {
            ValidateDocumentBytes();
        }
    }

    /// <summary>Returns the buffer, deletes any temporary copy, and closes the file when the reader opened it.</summary>
    public void Dispose()
    {
        ReturnBuffer();
        if (_input is GzipInput gzip)
        {
            gzip.Dispose();
        }

        RandomAccessSource?.Dispose();
        RandomAccessSource = null;
        _parser.Dispose();
        _lookup?.Dispose();
        _owned?.Dispose();
    }

    // ---- JSON document ------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads the next unit of a document (see <see cref="DatasetParser.ReadDocumentStep"/>): the buffer holds the input
    /// from the last unit's end; it is refilled, compacted, or grown (a record up to the record limit; a root member
    /// whole) until the unit is in it.
    /// </summary>
    private void ReadNextDocumentUnit()
    {
        if (_draining)
        {
            DrainDocument();
            return;
        }

        if (!_bomChecked)
        {
            _bomChecked = true;
            ValidateDocumentBytes();
            if (_end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                _start = 3; // columns count from after the mark, as in a document read whole
            }
        }

        while (true)
        {
            var window = new SourceText(FilePath, _buffer.AsMemory(_start, _validEnd - _start), null, _bufferOffset + _start, _line, _column);
            bool final = _eof && _validEnd == _end;
            DatasetParser.DocumentStep step = _parser.ReadDocumentStep(window, final, _bytesIntoLine);
            if (step.Consumed > 0)
            {
                Consume(step.Consumed);
            }

            EnqueueDocumentStep(step);
            if (_parser.DocumentDone)
            {
                _draining = true;
                DrainDocument();
                return;
            }

            if (!step.NeedMore)
            {
                if (_pending.Count > 0)
                {
                    return;
                }

                continue;
            }

            if (final)
            {
                // The parser asks for more of an input that has ended: it has read all there is.
                _draining = true;
                DrainDocument();
                return;
            }

            if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Compact();
                }
                else
                {
                    Grow((int)Math.Min(Math.Max(_buffer.Length * 2L, InitialBuffer), Array.MaxLength));
                }
            }

            _needInput = true;
            return;
        }
    }

    private void EnqueueDocumentStep(DatasetParser.DocumentStep step)
    {
        if (step.Span is { } span && step.Window is { } window)
        {
            int index = span.KnownArrayIndex;
            if (_checkpoints.Count == 0 || _checkpoints[^1].Kind != span.Kind || window.BaseOffset - _checkpoints[^1].Offset >= CheckpointSpacing)
            {
                _checkpoints.Add(new Checkpoint(window.BaseOffset, window.ColumnBefore, index, span.Kind));
            }

            _pending.Enqueue(new StreamedRecord(span.Record, span.Kind, span.Id, false, step.Diagnostics, null, window, span, _options.MaxDepth));
        }
        else if (step.IsRootEnd)
        {
            SourceText? info = _parser.InfoWindow;
            RecordSpan? infoSpan = info is null ? null : new RecordSpan(RecordKind.Source, null, "/info", 0, info.Length, null, null);
            _pending.Enqueue(new StreamedRecord(null, null, null, true, step.Diagnostics, null, info, infoSpan));
        }
        else if (!step.Diagnostics.IsEmpty)
        {
            _pending.Enqueue(new StreamedRecord(null, null, null, false, step.Diagnostics, null, null, null));
        }
    }

    /// <summary>Moves the consumed position on, keeping its line, UTF-16 column and bytes into the line.</summary>
    private void Consume(int count)
    {
        ReadOnlySpan<byte> taken = _buffer.AsSpan(_start, count);
        int newlines = taken.Count((byte)'\n');
        if (newlines == 0)
        {
            _column += SourceText.CountUnits(taken);
            _bytesIntoLine += count;
        }
        else
        {
            int last = taken.LastIndexOf((byte)'\n');
            _line += newlines;
            _column = SourceText.CountUnits(taken[(last + 1)..]);
            _bytesIntoLine = count - last - 1;
        }

        _start += count;
    }

    /// <summary>
    /// Replaces bytes that are not UTF-8 in what has been read since the last call (but a sequence the buffer's end
    /// cuts, until its rest is read), and reports the first of each line, where the document read whole reports them.
    /// </summary>
    private void ValidateDocumentBytes()
    {
        int limit = _end;
        if (!_eof)
        {
            // Hold back a multi-byte sequence the end of what was read cuts short.
            for (int i = _end - 1; i >= Math.Max(_validEnd, _end - 3); i--)
            {
                byte b = _buffer[i];
                if ((b & 0xC0) == 0x80)
                {
                    continue;
                }

                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                if (_end - i < need)
                {
                    limit = i;
                }

                break;
            }
        }

        if (limit <= _validEnd)
        {
            return;
        }

        // The byte order mark is not counted in columns.
        int from = _validEnd;
        if (_bufferOffset + from == 0 && limit >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
        {
            from = 3;
        }

        Span<byte> fresh = _buffer.AsSpan(from, limit - from);
        List<int> invalid = DatasetParser.ReplaceInvalidUtf8(fresh);
        int scanned = 0;
        foreach (int offset in invalid)
        {
            Advance(ref _scanLine, ref _scanColumn, fresh[scanned..offset]);
            scanned = offset;
            var location = new DiagnosticLocation(FilePath, _scanLine + 1, _scanColumn + 1, string.Empty, _bufferOffset + from + offset, _scanLine + 1, _scanColumn + 2);
            _parser.ReportInvalidUtf8At(location);
        }

        Advance(ref _scanLine, ref _scanColumn, fresh[scanned..]);
        _validEnd = limit;

        static void Advance(ref int line, ref int column, ReadOnlySpan<byte> bytes)
        {
            int newlines = bytes.Count((byte)'\n');
            if (newlines == 0)
            {
                column += SourceText.CountUnits(bytes);
            }
            else
            {
                line += newlines;
                column = SourceText.CountUnits(bytes[(bytes.LastIndexOf((byte)'\n') + 1)..]);
            }
        }
    }

    /// <summary>Ends a document (a step at a time, between refills): reads the rest of the input for bytes that are not UTF-8 (reported even after a syntax error, as when read whole), then the parser's last word.</summary>
    private void DrainDocument()
    {
        if (!_eof)
        {
            // Keep only a sequence the buffer's end cut short, for the next read to complete.
            int tail = _end - _validEnd;
            Buffer.BlockCopy(_buffer, _validEnd, _buffer, 0, tail);
            _bufferOffset += _validEnd;
            _start = _validEnd = 0;
            _end = tail;
            _needInput = true;
            return;
        }

        ValidateDocumentBytes();
        ImmutableArray<Diagnostic> last = _parser.FinishDocument();
        if (!last.IsEmpty)
        {
            _pending.Enqueue(new StreamedRecord(null, null, null, false, last, null, null, null));
        }

        _finished = true;
    }

    private const int CheckpointSpacing = 16 * 1024;

    /// <summary>Where a record of a document starts, with its column and its index in its array: every array's first record and one every <see cref="CheckpointSpacing"/> bytes.</summary>
    private readonly record struct Checkpoint(long Offset, int Column, int Index, RecordKind Kind);

    /// <summary>
    /// Reads a record again by its mark, from the input file or the temporary copy of what was read: for JSON Lines
    /// its line (<see cref="DatasetParser.ReadLineAt"/>), for a document the record object itself. Gives the record
    /// (null if it cannot be read), the window it was read from and its span, from which its locations are computed.
    /// </summary>
    /// <param name="mark">Where the record is; its kind tells a document's record how to read it.</param>
    /// <returns>The record, its window and its span.</returns>
    internal RecordReadAgain ReadRecordAt(RecordMark mark)
    {
        InputBytes bytes = RandomAccessSource ?? throw new InvalidOperationException("The reader keeps no random access to its input.");
        if (!_document)
        {
            SourceText line = mark.ReadWindow(bytes, FilePath);
            if (_lookup is null)
            {
                _lookup = DatasetParser.ForLines(_options, FilePath);
                _lookup.AssumeHeaderSeen();
            }

            RecordSpan? found = _lookup.ReadLineAt(line, line.BomLength, line.Length).Span;
            return new RecordReadAgain(found?.Record, line, found);
        }

        (SourceText window, Func<int> index) = DocumentWindow(bytes, mark);
        _lookup ??= DatasetParser.ForDocument(_options, FilePath);
        RecordSpan? span = _lookup.ReadRecordAgain(window, mark.Kind, index);
        return new RecordReadAgain(span?.Record, window, span);
    }

    /// <summary>Reads a record's window again by its mark without reading the record, for its locations.</summary>
    /// <param name="mark">Where the record is.</param>
    /// <param name="record">The record, if known, for the span.</param>
    /// <returns>The window and the record's span in it.</returns>
    internal (SourceText Window, RecordSpan Span) ReadWindowAt(RecordMark mark, ConflictRecord? record = null)
    {
        InputBytes bytes = RandomAccessSource ?? throw new InvalidOperationException("The reader keeps no random access to its input.");
        if (!_document)
        {
            return (mark.ReadWindow(bytes, FilePath), mark.ToSpan(record));
        }

        (SourceText window, Func<int> index) = DocumentWindow(bytes, mark);
        return (window, new RecordSpan(mark.Kind, mark.Id, DatasetParser.ArrayNameOf(mark.Kind), index, mark.Start, mark.End, mark.Remaps, record));
    }

    /// <summary>A document record's window: the record's bytes, with its column (and its array index) found only when asked for.</summary>
    private (SourceText Window, Func<int> Index) DocumentWindow(InputBytes bytes, RecordMark mark)
    {
        byte[] text = bytes.Read(mark.WindowOffset, mark.WindowLength);
        DatasetParser.ReplaceInvalidUtf8(text);
        if (mark.ColumnBefore >= 0 && mark.ArrayIndex >= 0)
        {
            int known = mark.ArrayIndex;
            return (new SourceText(FilePath, text, null, mark.WindowOffset, mark.LinesBefore, mark.ColumnBefore), () => known);
        }

        var place = new Lazy<(int Column, int Index)>(() => PlaceOf(bytes, mark.WindowOffset), System.Threading.LazyThreadSafetyMode.None);
        return (new SourceText(FilePath, text, mark.WindowOffset, mark.LinesBefore, () => place.Value.Column), () => place.Value.Index);
    }

    /// <summary>
    /// Finds a document record's UTF-16 column and index in its array from the nearest checkpoint before it: the bytes
    /// between are read again and their elements (commas outside strings, at the array's level) and lines counted.
    /// </summary>
    private (int Column, int Index) PlaceOf(InputBytes bytes, long offset)
    {
        int low = 0, high = _checkpoints.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (_checkpoints[middle].Offset <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found < 0)
        {
            return (0, 0);
        }

        Checkpoint checkpoint = _checkpoints[found];
        byte[] between = bytes.Read(checkpoint.Offset, (int)(offset - checkpoint.Offset));
        DatasetParser.ReplaceInvalidUtf8(between);
        int depth = 0, elements = 0, lastNewline = -1;
        bool inString = false;
        for (int i = 0; i < between.Length; i++)
        {
            byte b = between[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
            }
            else if (b == (byte)',' && depth == 0)
            {
                elements++;
            }
            else if (b == (byte)'\n')
            {
                lastNewline = i;
            }
        }

        int column = lastNewline < 0
            ? checkpoint.Column + SourceText.CountUnits(between)
            : SourceText.CountUnits(between.AsSpan(lastNewline + 1));
        return (column, checkpoint.Index + elements);
    }

    private void ReadNextLine()
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = _start + newline;
                Line(_start, lineEnd);
                _start = lineEnd + 1;
                _linesBefore++;
                return;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    Line(_start, _end);
                    _start = _end;
                }

                Finish();
                return;
            }

            int maxLine = (int)Math.Min((long)_options.MaxRecordBytes + 2, Array.MaxLength);
            if (_end - _start >= maxLine)
            {
                StartLongLine();
                return;
            }

            if (_start > 0 && _end - _start < _buffer.Length)
            {
                Compact();
            }
            else if (_end == _buffer.Length)
            {
                Grow(Math.Min(Math.Max(_buffer.Length * 2, InitialBuffer), maxLine));
            }

            _needInput = true;
            return;
        }
    }

    private void Line(int start, int lineEnd)
    {
        int contentEnd = lineEnd > start && _buffer[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        int windowStart = start;
        int contentStart = start;
        if (_bufferOffset + start == 0 && _buffer.AsSpan(start, contentEnd - start).StartsWith("\uFEFF"u8))
        {
            contentStart += 3;
        }

        if (_buffer.AsSpan(contentStart, contentEnd - contentStart).IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return;
        }

        _anyLine = true;
        Span<byte> content = _buffer.AsSpan(windowStart, contentEnd - windowStart);
        List<int> invalid = DatasetParser.ReplaceInvalidUtf8(content);
        var window = new SourceText(FilePath, _buffer.AsMemory(windowStart, contentEnd - windowStart), invalid, _bufferOffset + windowStart, _linesBefore);
        DatasetParser.StreamedLine line = _parser.ReadLineAt(window, contentStart - windowStart, contentEnd - windowStart);
        RecordSpan? span = line.Span;
        _pending.Enqueue(new StreamedRecord(span?.Record, span?.Kind, span?.Id, line.IsHeader, line.Diagnostics, null, window, span, _options.MaxDepth));
    }

    /// <summary>Begins to skip a line too long for the buffer (it is reported once its end is found).</summary>
    private void StartLongLine()
    {
        long lineOffset = _bufferOffset + _start;
        bool bom = lineOffset == 0 && _buffer.AsSpan(_start).StartsWith("\uFEFF"u8);
        int skip = bom ? 3 : 0;
        byte[] head = _buffer.AsSpan(_start, Math.Min(_end - _start, 8 + skip)).ToArray();
        DatasetParser.ReplaceInvalidUtf8(head);
        bool blank = _buffer.AsSpan(_start + skip, _end - _start - skip).IndexOfAnyExcept(" \t\r"u8) < 0;
        _longLine = new LongLine(lineOffset, skip, head) { Blank = blank, Length = _end - _start - skip, Last = _buffer[_end - 1] };

        // The line so far is not needed any more: drop the buffer's contents and read on.
        _bufferOffset += _end;
        _start = _end = 0;
        _needInput = true;
    }

    /// <summary>Reads on through a long line with what the last refill brought, until its end.</summary>
    private void ContinueLongLine()
    {
        LongLine line = _longLine!;
        if (_end > 0)
        {
            int newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            int take = newline >= 0 ? newline : _end;
            line.Blank &= _buffer.AsSpan(0, take).IndexOfAnyExcept(" \t\r"u8) < 0;
            line.Length += take;
            if (take > 0)
            {
                line.Last = _buffer[take - 1];
            }

            if (newline < 0)
            {
                _bufferOffset += _end;
                _start = _end = 0;
                _needInput = true;
                return;
            }

            _start = newline + 1;
        }

        _longLine = null;
        long contentLength = line.Last == (byte)'\r' ? line.Length - 1 : line.Length;
        _linesBefore++;
        if (!line.Blank)
        {
            _anyLine = true;
            var window = new SourceText(FilePath, line.Head, null, line.Offset, _linesBefore - 1);
            Diagnostic tooLarge = Diagnostic.Create(ReaderDiagnostics.RecordTooLarge, window.GetLocation(line.Skip, line.Skip + 1, string.Empty), "line", contentLength, _options.MaxRecordBytes);
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(tooLarge), null, null, null));
        }
    }

    /// <summary>A line too long for the buffer, being skipped: where it began, its first bytes, and what is known of the rest.</summary>
    private sealed class LongLine(long offset, int skip, byte[] head)
    {
        public long Offset { get; } = offset;

        public int Skip { get; } = skip;

        public byte[] Head { get; } = head;

        public bool Blank { get; set; }

        public long Length { get; set; }

        public byte Last { get; set; }
    }

    private void Finish()
    {
        _finished = true;
        if (!_anyLine)
        {
            int bom = _total >= 3 && _bufferOffset == 0 && _buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8) ? 3 : 0;
            var text = new SourceText(FilePath, bom == 3 ? "\uFEFF"u8.ToArray() : ReadOnlyMemory<byte>.Empty);
            Diagnostic empty = Diagnostic.Create(ReaderDiagnostics.MalformedJson, text.GetLocation(bom, bom, string.Empty), "The input is empty: a JSON Lines dataset begins with its header line {\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{…}}");
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(empty), null, null, null));
        }
    }

    private void Compact()
    {
        int length = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, length);
        _bufferOffset += _start;
        _validEnd -= _start;
        _start = 0;
        _end = length;
    }

    private void Grow(int size)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
        ArrayPool<byte>.Shared.Return(_buffer);
        _bufferOffset += _start;
        _end -= _start;
        _validEnd -= _start;
        _start = 0;
        _buffer = bigger;
    }

    /// <summary>Reads more input into the buffer: at least <paramref name="atLeast"/> bytes when there are that many, else once.</summary>
    private void Fill(int atLeast)
    {
        do
        {
            if (_eof || _end == _buffer.Length)
            {
                return;
            }

            int want = (int)Math.Min(_buffer.Length - _end, _limit - _total);
            if (want <= 0)
            {
                // One more byte tells input exactly at the limit from larger input.
                if (SafeRead(_buffer.AsSpan(0, 0), probe: true) > 0)
                {
                    Diagnostic tooLarge = Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(FilePath), _limit);
                    _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(tooLarge), null, null, null));
                }

                _eof = true;
                return;
            }

            int read = SafeRead(_buffer.AsSpan(_end, want), probe: false);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            if (_spooling)
            {
                RandomAccessSource!.Append(_buffer.AsSpan(_end, read));
            }

            _end += read;
            _total += read;
        }
        while (_end < atLeast);
    }

    /// <summary>Reads more input as <see cref="Fill"/> does, with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
    private async ValueTask FillAsync(int atLeast, CancellationToken cancellationToken)
    {
        do
        {
            if (_eof || _end == _buffer.Length)
            {
                return;
            }

            int want = (int)Math.Min(_buffer.Length - _end, _limit - _total);
            if (want <= 0)
            {
                _probe ??= new byte[1];
                if (await SafeReadAsync(_probe, cancellationToken).ConfigureAwait(false) > 0)
                {
                    Diagnostic tooLarge = Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(FilePath), _limit);
                    _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(tooLarge), null, null, null));
                }

                _eof = true;
                return;
            }

            int read = await SafeReadAsync(_buffer.AsMemory(_end, want), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            if (_spooling)
            {
                RandomAccessSource!.Append(_buffer.AsSpan(_end, read));
            }

            _end += read;
            _total += read;
        }
        while (_end < atLeast);
    }

    private byte[]? _probe;

    private async ValueTask<int> SafeReadAsync(Memory<byte> into, CancellationToken cancellationToken)
    {
        try
        {
            return await _input!.ReadAsync(into, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            _gzipError = ReaderDiagnostics.ForGzip(ex, FilePath);
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(_gzipError), null, null, null));
            _eof = true;
            return 0;
        }
    }

    private int SafeRead(Span<byte> into, bool probe)
    {
        try
        {
            if (probe)
            {
                return _input!.ReadByte() >= 0 ? 1 : 0;
            }

            return _input!.Read(into);
        }
        catch (InvalidDataException ex)
        {
            _gzipError = ReaderDiagnostics.ForGzip(ex, FilePath);
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(_gzipError), null, null, null));

            _eof = true;
            return 0;
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Bytes already taken from a stream, then the rest of the stream.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                int n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_prefix.IsEmpty)
            {
                int n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer.Span);
                _prefix = _prefix[n..];
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A record read again by its mark: the record (null if it could not be read), the window it was read from, and its span there.</summary>
internal readonly record struct RecordReadAgain(ConflictRecord? Record, SourceText Window, RecordSpan? Span);

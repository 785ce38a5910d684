using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using ConflictModel.Model;

namespace ConflictModel.Validation;

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
    private DatasetParser? _lookupParser;
    private readonly Stream? _input;
    private readonly Stream? _owned;
    private readonly DatasetParser? _parser;
    private readonly ReadResult? _loaded;
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
    private IEnumerator<ConflictRecord>? _loadedRecords;
    private bool _loadedDone;
    private StreamedRecord? _current;

    internal DatasetRecordReader(DatasetReader reader, Stream stream, string? path, DatasetFormat? format, bool gzip, bool ownsStream)
    {
        _owned = ownsStream ? stream : null;
        _options = reader.Options;
        FilePath = path;
        _limit = _options.MaxInputBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        RandomAccessSource = gzip ? null : InputBytes.OverFile(stream);

        // Peek at the raw bytes for the gzip magic number without losing them.
        byte[] raw = new byte[2];
        int peeked = ReadAtLeast(stream, raw, 2);
        var replay = new ReplayStream(raw.AsMemory(0, peeked), stream);
        bool isGzip = DatasetFormats.IsGzip(raw.AsSpan(0, peeked));
        if (gzip && !isGzip && peeked > 0)
        {
            // Named .gz but plain: said once, then read as the plain text it is.
            byte[] start = new byte[16];
            raw.AsSpan(0, peeked).CopyTo(start);
            byte[] rest = new byte[start.Length - peeked];
            int more = ReadAtLeast(stream, rest, rest.Length);
            rest.AsSpan(0, more).CopyTo(start.AsSpan(peeked));
            _gzipError = ReaderDiagnostics.NotGzip(start.AsSpan(0, peeked + more), path);
            replay = new ReplayStream(start.AsMemory(0, peeked + more), stream);
        }

        if (isGzip)
        {
            RandomAccessSource?.Dispose();
            RandomAccessSource = null;
        }

        _input = isGzip ? new GzipInput(replay, maxRatio: _options.MaxCompressionRatio, leaveOpen: true) : replay;
        Fill(4096);
        Format = format ?? DatasetFormats.Detect(_buffer.AsSpan(0, Math.Min(_end, 4096)));
        if (Format == DatasetFormat.Document)
        {
            // A document is one JSON value: read it whole with the ordinary reader.
            var rest = new ReplayStream(_buffer.AsMemory(0, _end).ToArray(), _eof ? Stream.Null : _input);
            _loaded = reader.ReadDecompressed(rest, path, Format, _gzipError is { } failed ? [failed] : []);
            ReturnBuffer();
            RandomAccessSource?.Dispose();
            RandomAccessSource = null;
            return;
        }

        _parser = DatasetParser.ForLines(_options, path);
        if (_gzipError is { } early)
        {
            // Found before there was a parser to place it (a .gz name on plain text, gzip data damaged in its first bytes).
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(early), null, null, null));
        }
    }

    private Diagnostic? _gzipError;

    /// <summary>Gets the file read, or null.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the wire form being read: given by the caller, or detected from the first bytes.</summary>
    public DatasetFormat Format { get; }

    /// <summary>Gets whether records are read one at a time (JSON Lines) rather than from a document read whole.</summary>
    public bool IsStreaming => _loaded is null;

    /// <summary>Gets the dataset's description once the header has been read; null before it, or when it could not be read.</summary>
    public DatasetInfo? Info => _loaded is not null ? _loaded.Dataset.Info : _parser!.Info;

    /// <summary>Gets the dataset's format version once the header has been read, if it gave one.</summary>
    public string? FormatVersion => _loaded is not null ? _loaded.Dataset.FormatVersion : _parser!.FormatVersion;

    /// <summary>Gets how many (decompressed) bytes of the input have been consumed.</summary>
    public long BytesRead => _loaded is not null ? _loaded.Text.Length : _bufferOffset + _start;

    /// <summary>Gets the current entry; valid until the next <see cref="Read"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Read"/> has not been called, or returned false.</exception>
    public StreamedRecord Current => _current ?? throw new InvalidOperationException("Call Read first; there is no current entry.");

    /// <summary>Gets the document read whole, for a document input.</summary>
    internal ReadResult? Loaded => _loaded;

    /// <summary>Gets random access to the bytes already read, when <see cref="KeepRandomAccess"/> asked for it.</summary>
    internal InputBytes? RandomAccessSource { get; private set; }

    internal DatasetReaderOptions Options => _options;

    /// <summary>
    /// Reads a record the reader gave out earlier again, from the bytes kept by <see cref="KeepRandomAccess"/>: its
    /// text and its span, with the record (null when it cannot be read again). The one way back to a record's text: a
    /// JSON Lines record is its line, read and parsed again.
    /// </summary>
    /// <param name="mark">Where the record was (a mark from this reader, or one spanning the record's line).</param>
    /// <param name="parse">Whether to parse the record; false for its text only (to locate inside a record whose mark is exact).</param>
    /// <returns>The record's text and its span in it (null when not parsed, or when it cannot be read again).</returns>
    internal (SourceText Text, RecordSpan? Span) ReadRecordAt(RecordMark mark, bool parse = true)
    {
        InputBytes bytes = RandomAccessSource ?? throw new InvalidOperationException("Records can be read again only after KeepRandomAccess.");
        SourceText window = mark.ReadWindow(bytes, FilePath);
        if (!parse)
        {
            return (window, null);
        }

        if (_lookupParser is null)
        {
            _lookupParser = DatasetParser.ForLines(_options, FilePath);
            _lookupParser.AssumeHeaderSeen();
        }

        return (window, _lookupParser.ReadLineAt(window, window.BomLength, window.Length).Span);
    }

    /// <summary>Makes the bytes read available again later (from the file itself, or from a temporary copy).</summary>
    internal void KeepRandomAccess()
    {
        if (_loaded is null && RandomAccessSource is null)
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
        if (_loaded is not null)
        {
            return ReadLoaded();
        }

        while (_pending.Count == 0 && !_finished)
        {
            ReadNextLine();
        }

        if (_pending.Count == 0)
        {
            return false;
        }

        _current = _pending.Dequeue();
        return true;
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
        _owned?.Dispose();
    }

    private bool ReadLoaded()
    {
        ReadResult read = _loaded!;
        _loadedRecords ??= read.Dataset.Records.GetEnumerator();
        if (_loadedRecords.MoveNext())
        {
            ConflictRecord record = _loadedRecords.Current;
            _current = new StreamedRecord(record, record.RecordKind, record.RecordId, false, [], read, null, null);
            return true;
        }

        if (!_loadedDone)
        {
            _loadedDone = true;
            if (!read.Diagnostics.IsEmpty)
            {
                _current = new StreamedRecord(null, null, null, false, read.Diagnostics, read, null, null);
                return true;
            }
        }

        return false;
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
                SkipLongLine();
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

            Fill(0);
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
        DatasetParser.StreamedLine line = _parser!.ReadLineAt(window, contentStart - windowStart, contentEnd - windowStart);
        RecordSpan? span = line.Span;
        _pending.Enqueue(new StreamedRecord(span?.Record, span?.Kind, span?.Id, line.IsHeader, line.Diagnostics, null, window, span, _options.MaxDepth));
    }

    /// <summary>Reports a line too long for the buffer and skips to the next line.</summary>
    private void SkipLongLine()
    {
        long lineOffset = _bufferOffset + _start;
        bool bom = lineOffset == 0 && _buffer.AsSpan(_start).StartsWith("\uFEFF"u8);
        int skip = bom ? 3 : 0;
        byte[] head = _buffer.AsSpan(_start, Math.Min(_end - _start, 8 + skip)).ToArray();
        DatasetParser.ReplaceInvalidUtf8(head);
        bool blank = _buffer.AsSpan(_start + skip, _end - _start - skip).IndexOfAnyExcept(" \t\r"u8) < 0;
        long length = _end - _start - skip;
        byte last = _buffer[_end - 1];
        while (true)
        {
            // The line so far is not needed any more: drop the buffer's contents and read on.
            _bufferOffset += _end;
            _start = _end = 0;
            Fill(0);
            if (_end == 0)
            {
                break;
            }

            int newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            int take = newline >= 0 ? newline : _end;
            blank &= _buffer.AsSpan(0, take).IndexOfAnyExcept(" \t\r"u8) < 0;
            length += take;
            if (take > 0)
            {
                last = _buffer[take - 1];
            }

            if (newline >= 0)
            {
                _start = newline + 1;
                break;
            }
        }

        long contentLength = last == (byte)'\r' ? length - 1 : length;
        _linesBefore++;
        if (!blank)
        {
            _anyLine = true;
            var window = new SourceText(FilePath, head, null, lineOffset, _linesBefore - 1);
            Diagnostic tooLarge = Diagnostic.Create(ReaderDiagnostics.RecordTooLarge, window.GetLocation(skip, skip + 1, string.Empty), "line", contentLength, _options.MaxRecordBytes);
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser!.ReportOutsideLines(tooLarge), null, null, null));
        }
    }

    private void Finish()
    {
        _finished = true;
        if (!_anyLine)
        {
            int bom = _total >= 3 && _bufferOffset == 0 && _buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8) ? 3 : 0;
            var text = new SourceText(FilePath, bom == 3 ? "\uFEFF"u8.ToArray() : ReadOnlyMemory<byte>.Empty);
            Diagnostic empty = Diagnostic.Create(ReaderDiagnostics.MalformedJson, text.GetLocation(bom, bom, string.Empty), "The input is empty: a JSON Lines dataset begins with its header line {\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{…}}");
            _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser!.ReportOutsideLines(empty), null, null, null));
        }
    }

    private void Compact()
    {
        int length = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, length);
        _bufferOffset += _start;
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
                    _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser is null ? [tooLarge] : _parser.ReportOutsideLines(tooLarge), null, null, null));
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
            if (_parser is not null)
            {
                Diagnostic failed = _gzipError;
                _pending.Enqueue(new StreamedRecord(null, null, null, false, _parser.ReportOutsideLines(failed), null, null, null));
            }

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

    private static int ReadAtLeast(Stream stream, byte[] into, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = stream.Read(into, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
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

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Threading;

namespace ConflictModel.Diagnostics;

/// <summary>
/// The UTF-8 bytes a dataset was read from, with what is needed to turn byte offsets into 1-based lines and UTF-16
/// columns. Line starts and column checkpoints are computed on first use from the bytes held, never from
/// System.Text.Json's internals. Invalid UTF-8 has been replaced byte for byte before the text gets here, so every
/// offset the JSON reader gives is an offset into these bytes. Thread-safe.
/// </summary>
internal sealed class SourceText
{
    private const int BlockSize = 4096;

    private readonly ReadOnlyMemory<byte> _bytes;
    private Lock? _lock; // made on first use: a streaming read makes a text per line, and most are never asked for a position
    private int[]? _lineStarts;
    private int[]? _unitsAtBlock; // UTF-16 units from the start of the text (after the BOM) to the start of each block
    private int _blocksComputed;
    private Func<int>? _columnBeforeSource;
    private int _columnBefore;

    public SourceText(string? filePath, ReadOnlyMemory<byte> bytes, IReadOnlyList<int>? invalidUtf8Offsets = null)
        : this(filePath, bytes, invalidUtf8Offsets, 0, 0)
    {
    }

    /// <summary>
    /// Creates a window onto part of a larger input, as a streaming reader holds one line at a time: offsets are
    /// into <paramref name="bytes"/>, but locations carry the input's byte offsets and line numbers.
    /// </summary>
    /// <param name="filePath">The file.</param>
    /// <param name="bytes">The window's bytes; it starts at the start of a line.</param>
    /// <param name="invalidUtf8Offsets">Where bytes that were not UTF-8 were replaced, as offsets into the window.</param>
    /// <param name="baseOffset">The input's byte offset of the window's first byte.</param>
    /// <param name="linesBefore">The number of lines of the input before the window.</param>
    public SourceText(string? filePath, ReadOnlyMemory<byte> bytes, IReadOnlyList<int>? invalidUtf8Offsets, long baseOffset, int linesBefore)
        : this(filePath, bytes, invalidUtf8Offsets, baseOffset, linesBefore, 0)
    {
    }

    /// <summary>
    /// Creates a window that may start in the middle of a line, as a record of a JSON document does (a document may
    /// be one line of a gigabyte): <paramref name="columnBefore"/> is the number of UTF-16 code units of that line
    /// before the window's first byte, added to the columns of the window's first line only.
    /// </summary>
    /// <param name="filePath">The file.</param>
    /// <param name="bytes">The window's bytes.</param>
    /// <param name="invalidUtf8Offsets">Where bytes that were not UTF-8 were replaced, as offsets into the window.</param>
    /// <param name="baseOffset">The input's byte offset of the window's first byte.</param>
    /// <param name="linesBefore">The number of lines of the input before the window's first line.</param>
    /// <param name="columnBefore">The UTF-16 code units of the first line before the window.</param>
    public SourceText(string? filePath, ReadOnlyMemory<byte> bytes, IReadOnlyList<int>? invalidUtf8Offsets, long baseOffset, int linesBefore, int columnBefore)
    {
        _columnBefore = columnBefore;
        FilePath = filePath;
        _bytes = bytes;
        InvalidUtf8Offsets = invalidUtf8Offsets ?? [];
        BomLength = baseOffset == 0 && bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        BaseOffset = baseOffset;
        LinesBefore = linesBefore;
    }

    /// <summary>
    /// Creates a window whose column offset is computed only if a location is asked for (a record read again by its
    /// mark, whose column is found by reading the input before it).
    /// </summary>
    public SourceText(string? filePath, ReadOnlyMemory<byte> bytes, long baseOffset, int linesBefore, Func<int> columnBefore)
        : this(filePath, bytes, null, baseOffset, linesBefore, 0)
        => _columnBeforeSource = columnBefore;

    /// <summary>Gets the lock that guards the lazily computed line starts and column checkpoints, made once.</summary>
    private Lock Gate => _lock ?? Interlocked.CompareExchange(ref _lock, new Lock(), null) ?? _lock;

    /// <summary>Gets the UTF-16 code units of the first line before the window's first byte (0 unless this is a window starting mid-line).</summary>
    public int ColumnBefore
    {
        get
        {
            if (Volatile.Read(ref _columnBeforeSource) is not null)
            {
                lock (Gate)
                {
                    if (_columnBeforeSource is { } source)
                    {
                        _columnBefore = source();
                        Volatile.Write(ref _columnBeforeSource, null);
                    }
                }
            }

            return _columnBefore;
        }
    }

    /// <summary>Gets whether <see cref="ColumnBefore"/> is known without reading the input again.</summary>
    public bool HasColumnBefore => Volatile.Read(ref _columnBeforeSource) is null;

    /// <summary>Gets a copy of this text that does not share its bytes (a window kept after the reader's buffer moves on).</summary>
    public SourceText Detach() => new(FilePath, _bytes.ToArray(), InvalidUtf8Offsets, BaseOffset, LinesBefore, ColumnBefore);

    /// <summary>
    /// Gets the part of this text from <paramref name="start"/> to <paramref name="end"/> as a window of its own,
    /// with its line and column computed from the bytes before it (counted directly: the caller keeps that short).
    /// </summary>
    public SourceText Slice(int start, int end)
    {
        ReadOnlySpan<byte> before = _bytes.Span[..start];
        int newlines = before.Count((byte)'\n');
        int column;
        if (newlines == 0)
        {
            column = ColumnBefore + CountUnits(before[Math.Min(BomLength, before.Length)..]);
        }
        else
        {
            column = CountUnits(before[(before.LastIndexOf((byte)'\n') + 1)..]);
        }

        return new SourceText(FilePath, _bytes[start..end], null, BaseOffset + start, LinesBefore + newlines, column);
    }

    /// <summary>Gets the input's byte offset of the first byte held (0 unless this is a window).</summary>
    public long BaseOffset { get; }

    /// <summary>Gets the number of input lines before the first byte held (0 unless this is a window).</summary>
    public int LinesBefore { get; }

    public string? FilePath { get; }

    /// <summary>Gets where bytes that were not UTF-8 were replaced by '?'.</summary>
    public IReadOnlyList<int> InvalidUtf8Offsets { get; }

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public int BomLength { get; }

    public int Length => _bytes.Length;

    /// <summary>Gets the location of the bytes from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public DiagnosticLocation GetLocation(long start, long end, string pointer)
    {
        int s = (int)Math.Clamp(start, 0, _bytes.Length);
        int e = (int)Math.Clamp(end, s, _bytes.Length);
        (int startLine, int startColumn) = GetLineColumn(s);
        (int endLine, int endColumn) = e == s ? (startLine, startColumn) : GetLineColumn(e);
        return new DiagnosticLocation(FilePath, startLine, startColumn, pointer, BaseOffset + s, endLine, endColumn);
    }

    /// <summary>Gets the 1-based input line and UTF-16 column of a byte offset.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        (int line, int column) = GetLocalLineColumn(offset);
        return (line + LinesBefore, column);
    }

    private (int Line, int Column) GetLocalLineColumn(int offset)
    {
        int[] lineStarts = LineStarts();
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        int lineStart = Math.Max(lineStarts[line], BomLength);
        int columnBefore = line == 0 ? ColumnBefore : 0;
        if (offset < lineStart)
        {
            return (line + 1, 1 + columnBefore);
        }

        // Counting is additive byte by byte, so a short stretch is counted directly; the cached blocks are for the
        // columns of long lines (a JSON document on one line).
        int column = offset - lineStart <= 2 * BlockSize
            ? CountUnits(_bytes.Span[lineStart..offset])
            : UnitsBefore(offset) - UnitsBefore(lineStart);
        return (line + 1, column + columnBefore + 1);
    }

    /// <summary>Gets the offsets at which lines start.</summary>
    public int[] LineStarts()
    {
        int[]? starts = Volatile.Read(ref _lineStarts);
        if (starts is not null)
        {
            return starts;
        }

        lock (Gate)
        {
            if (_lineStarts is null)
            {
                var list = new List<int> { 0 };
                ReadOnlySpan<byte> span = _bytes.Span;
                int position = 0;
                while (true)
                {
                    int next = span[position..].IndexOf((byte)'\n');
                    if (next < 0)
                    {
                        break;
                    }

                    position += next + 1;
                    list.Add(position);
                }

                Volatile.Write(ref _lineStarts, list.ToArray());
            }

            return _lineStarts;
        }
    }

    /// <summary>Counts the UTF-16 code units the text's bytes from after the BOM up to <paramref name="offset"/> decode to.</summary>
    private int UnitsBefore(int offset)
    {
        int block = offset / BlockSize;
        int blockStart;
        int units;
        lock (Gate)
        {
            EnsureBlocks(block);
            units = _unitsAtBlock![block];
        }

        blockStart = Math.Max(block * BlockSize, BomLength);
        return offset <= blockStart ? units : units + CountUnits(_bytes.Span[blockStart..offset]);
    }

    private void EnsureBlocks(int block)
    {
        if (_unitsAtBlock is null)
        {
            _unitsAtBlock = new int[(_bytes.Length / BlockSize) + 1];
            _blocksComputed = 1; // block 0 starts at 0 units
        }

        ReadOnlySpan<byte> span = _bytes.Span;
        while (_blocksComputed <= block)
        {
            int previous = _blocksComputed - 1;
            int from = Math.Max(previous * BlockSize, BomLength);
            int to = Math.Min(_blocksComputed * BlockSize, span.Length);
            _unitsAtBlock[_blocksComputed] = _unitsAtBlock[previous] + (to > from ? CountUnits(span[from..to]) : 0);
            _blocksComputed++;
        }
    }

    /// <summary>Counts UTF-16 code units of valid UTF-8: one per lead byte, two for a four-byte sequence.</summary>
    internal static int CountUnits(ReadOnlySpan<byte> utf8)
    {
        if (Ascii.IsValid(utf8))
        {
            return utf8.Length;
        }

        // Every byte but a continuation byte (10xxxxxx) starts a character; a four-byte lead (11110xxx and above)
        // starts one that is two UTF-16 code units. Sixteen bytes at a time, then the rest one by one.
        int units = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> mask = Vector128.Create((byte)0xC0);
            Vector128<byte> continuation = Vector128.Create((byte)0x80);
            Vector128<byte> belowFourByteLead = Vector128.Create((byte)0xEF);
            for (; i + Vector128<byte>.Count <= utf8.Length; i += Vector128<byte>.Count)
            {
                Vector128<byte> bytes = Vector128.Create(utf8.Slice(i, Vector128<byte>.Count));
                uint continuations = Vector128.Equals(bytes & mask, continuation).ExtractMostSignificantBits();
                uint fourByteLeads = Vector128.GreaterThan(bytes, belowFourByteLead).ExtractMostSignificantBits();
                units += Vector128<byte>.Count - BitOperations.PopCount(continuations) + BitOperations.PopCount(fourByteLeads);
            }
        }

        foreach (byte b in utf8[i..])
        {
            if ((b & 0xC0) != 0x80)
            {
                units += b >= 0xF0 ? 2 : 1;
            }
        }

        return units;
    }
}

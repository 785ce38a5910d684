using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace ConflictModel.Validation;

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
    private readonly Lock _lock = new();
    private int[]? _lineStarts;
    private int[]? _unitsAtBlock; // UTF-16 units from the start of the text (after the BOM) to the start of each block
    private int _blocksComputed;

    public SourceText(string? filePath, ReadOnlyMemory<byte> bytes, IReadOnlyList<int>? invalidUtf8Offsets = null)
    {
        FilePath = filePath;
        _bytes = bytes;
        InvalidUtf8Offsets = invalidUtf8Offsets ?? [];
        BomLength = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
    }

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
        return new DiagnosticLocation(FilePath, startLine, startColumn, pointer, s, endLine, endColumn);
    }

    /// <summary>Gets the 1-based line and UTF-16 column of a byte offset.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        int[] lineStarts = LineStarts();
        int index = Array.BinarySearch(lineStarts, offset);
        int line = index >= 0 ? index : ~index - 1;
        int lineStart = Math.Max(lineStarts[line], BomLength);
        if (offset < lineStart)
        {
            return (line + 1, 1);
        }

        int column = UnitsBefore(offset) - UnitsBefore(lineStart);
        return (line + 1, column + 1);
    }

    /// <summary>Gets the offsets at which lines start.</summary>
    public int[] LineStarts()
    {
        int[]? starts = Volatile.Read(ref _lineStarts);
        if (starts is not null)
        {
            return starts;
        }

        lock (_lock)
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
        lock (_lock)
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

        int units = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                units += b >= 0xF0 ? 2 : 1;
            }
        }

        return units;
    }
}

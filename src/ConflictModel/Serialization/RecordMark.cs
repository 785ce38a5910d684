using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Where a streamed record was, compactly: its window's input offset, length and line number (a JSON Lines line, or a
/// document's record object itself), and the record's span within the window, so that a location inside it can be computed after the line has left the buffer, by reading the line
/// again from <see cref="InputBytes"/>. Keeps no text and no record.
/// </summary>
internal sealed class RecordMark
{
    private readonly Dictionary<string, int[]>? _remaps;

    internal RecordMark(RecordKind kind, string? id, long windowOffset, int windowLength, int linesBefore, int start, int end, Dictionary<string, int[]>? remaps, int columnBefore = -1, int arrayIndex = -1)
    {
        ColumnBefore = columnBefore;
        ArrayIndex = arrayIndex;
        Kind = kind;
        Id = id;
        WindowOffset = windowOffset;
        WindowLength = windowLength;
        LinesBefore = linesBefore;
        Start = start;
        End = end;
        _remaps = remaps;
    }

    public RecordKind Kind { get; }

    /// <summary>
    /// Gets, for a record of a JSON document (whose window is the record itself and may start mid-line), the UTF-16
    /// code units of its line before it; -1 when not known (a mark rebuilt from a handle or the id table, or JSON Lines).
    /// </summary>
    public int ColumnBefore { get; }

    /// <summary>Gets, for a record of a JSON document, its index in its array; -1 when not known (or JSON Lines).</summary>
    public int ArrayIndex { get; }

    /// <summary>Gets how pointers into members the reader kept only the last of are mapped (rarely any).</summary>
    public Dictionary<string, int[]>? Remaps => _remaps;

    public string? Id { get; }

    /// <summary>Gets the input offset of the line (of the byte order mark, for the first line).</summary>
    public long WindowOffset { get; }

    public int WindowLength { get; }

    public int LinesBefore { get; }

    /// <summary>Gets the record's start within the line.</summary>
    public int Start { get; }

    /// <summary>Gets the record's end within the line.</summary>
    public int End { get; }

    /// <summary>Gets the input offset of the record's first byte.</summary>
    public long Offset => WindowOffset + Start;

    /// <summary>Gets the input offset just past the record.</summary>
    public long EndOffset => WindowOffset + End;

    public static RecordMark Of(SourceText window, RecordSpan span)
        => new(span.Kind, span.Id, window.BaseOffset, window.Length, window.LinesBefore, span.Start, span.End, span.Remaps, window.HasColumnBefore ? window.ColumnBefore : -1, span.KnownArrayIndex);

    /// <summary>Gets the span of the record within its window, with the record if given.</summary>
    public RecordSpan ToSpan(ConflictRecord? record) => new(Kind, Id, string.Empty, Start, End, _remaps, record);

    /// <summary>Reads the line again (JSON Lines; a document's record is read again by <see cref="DatasetRecordReader.ReadWindowAt"/>).</summary>
    public SourceText ReadWindow(InputBytes bytes, string? path)
    {
        byte[] line = bytes.Read(WindowOffset, WindowLength);
        List<int> invalid = DatasetParser.ReplaceInvalidUtf8(line);
        return new SourceText(path, line, invalid, WindowOffset, LinesBefore);
    }
}

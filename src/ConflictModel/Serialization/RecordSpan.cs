using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Where one record was read from: its byte range, its JSON Pointer (in a document <c>/events/3</c>, in JSON Lines
/// <c>""</c> within its line), and, when invalid array elements were dropped, which wire index each kept element had,
/// so that a pointer built from the model's indices still finds the right element.
/// </summary>
internal sealed class RecordSpan(RecordKind kind, string? id, string? pointer, int start, int end, Dictionary<string, int[]>? remaps, ConflictRecord? record)
{
    private string? _pointer = pointer;
    private string? _arrayName;
    private int _index;
    private Func<int>? _indexSource;

    /// <summary>Creates the span of a record at <c>/<paramref name="arrayName"/>/<paramref name="index"/></c>, its pointer built only when asked for.</summary>
    public RecordSpan(RecordKind kind, string? id, string arrayName, int index, int start, int end, Dictionary<string, int[]>? remaps, ConflictRecord? record)
        : this(kind, id, null, start, end, remaps, record)
    {
        _arrayName = arrayName;
        _index = index;
    }

    /// <summary>Creates the span of a record read again by its mark, whose index in its array is found only if its pointer is asked for.</summary>
    public RecordSpan(RecordKind kind, string? id, string arrayName, Func<int> index, int start, int end, Dictionary<string, int[]>? remaps, ConflictRecord? record)
        : this(kind, id, null, start, end, remaps, record)
    {
        _arrayName = arrayName;
        _indexSource = index;
    }

    public RecordKind Kind { get; } = kind;

    /// <summary>Gets the record's index in its document array when it is known without reading the input again; -1 otherwise (and in JSON Lines).</summary>
    public int KnownArrayIndex => _arrayName is not null && _indexSource is null ? _index : -1;

    /// <summary>Gets the record's id when it could be read, even if the record itself could not.</summary>
    public string? Id { get; } = id;

    /// <summary>Gets the record's JSON Pointer from the start of the document or line.</summary>
    public string Pointer => _pointer ??= "/" + DiagnosticLocation.EscapePointerToken(_arrayName!) + "/" + (_indexSource?.Invoke() ?? _index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>Gets, per array (keyed by its wire pointer relative to the record), the wire index of each kept element.</summary>
    public Dictionary<string, int[]>? Remaps { get; } = remaps;

    /// <summary>Gets the record, or null when it could not be read.</summary>
    public ConflictRecord? Record { get; } = record;
}

using System.Collections.Generic;
using ConflictModel.Model;

namespace ConflictModel.Validation;

/// <summary>
/// Where one record was read from: its byte range, its JSON Pointer (in a document <c>/events/3</c>, in JSON Lines
/// <c>""</c> within its line), and, when invalid array elements were dropped, which wire index each kept element had,
/// so that a pointer built from the model's indices still finds the right element.
/// </summary>
internal sealed class RecordSpan(RecordKind kind, string? id, string pointer, int start, int end, Dictionary<string, int[]>? remaps, ConflictRecord? record)
{
    public RecordKind Kind { get; } = kind;

    /// <summary>Gets the record's id when it could be read, even if the record itself could not.</summary>
    public string? Id { get; } = id;

    public string Pointer { get; } = pointer;

    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>Gets, per array (keyed by its wire pointer relative to the record), the wire index of each kept element.</summary>
    public Dictionary<string, int[]>? Remaps { get; } = remaps;

    /// <summary>Gets the record, or null when it could not be read.</summary>
    public ConflictRecord? Record { get; } = record;
}

using System;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// One entry of a <see cref="DatasetRecordReader"/>: a line's record (or the header, or diagnostics found outside
/// any record) with the reader diagnostics found there. Its locations can be asked for only while it is the
/// reader's current entry, because the line's bytes are then reused; copy what you need. Not thread-safe.
/// </summary>
public sealed class StreamedRecord
{
    private readonly DatasetReadResult? _loaded;
    private readonly SourceText? _window;
    private readonly RecordSpan? _span;
    private readonly int _maxDepth;
    private bool _expired;

    internal StreamedRecord(ConflictRecord? record, RecordKind? kind, string? id, bool isHeader, ImmutableArray<Diagnostic> diagnostics, DatasetReadResult? loaded, SourceText? window, RecordSpan? span, int maxDepth = 64)
    {
        _maxDepth = maxDepth;
        Record = record;
        Kind = kind;
        Id = id;
        IsHeader = isHeader;
        Diagnostics = diagnostics;
        _loaded = loaded;
        _window = window;
        _span = span;
    }

    /// <summary>Gets the record, or null when the entry holds none (the header, a line that could not be read, diagnostics only).</summary>
    public ConflictRecord? Record { get; }

    /// <summary>Gets the kind of the record the line held, when its type could be read, even if the record could not.</summary>
    public RecordKind? Kind { get; }

    /// <summary>Gets the id of the record the line held, when it could be read, even if the record could not.</summary>
    public string? Id { get; }

    /// <summary>Gets whether the entry is the dataset's header line (its description is then in <see cref="DatasetRecordReader.Info"/>).</summary>
    public bool IsHeader { get; }

    /// <summary>Gets the reader diagnostics found in this entry, in the order found, with default severities.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the location of the record (or of the header line).</summary>
    /// <exception cref="InvalidOperationException">The reader has moved past this entry.</exception>
    public DiagnosticLocation Location => LocationOf(null);

    internal SourceText? Window => _window;

    internal RecordSpan? Span => _span;

    internal DatasetReadResult? Loaded => _loaded;

    /// <summary>
    /// Gets where a member of the record is, as <see cref="DatasetReadResult.LocationOf"/> does: a JSON Pointer relative to
    /// the record with the model's array indices; null for the record itself.
    /// </summary>
    /// <param name="relativePointer">The member; null or <c>""</c> for the record.</param>
    /// <returns>The location.</returns>
    /// <exception cref="InvalidOperationException">The reader has moved past this entry.</exception>
    public DiagnosticLocation LocationOf(string? relativePointer = null)
    {
        if (_expired)
        {
            throw new InvalidOperationException("The reader has moved past this entry; its text is gone. Ask for locations while it is current.");
        }

        if (_loaded is not null)
        {
            return Record is null ? _loaded.FileLocation : _loaded.LocationOf(Record, relativePointer);
        }

        if (_window is null || _span is null)
        {
            return Diagnostics.IsEmpty ? DiagnosticLocation.ForFile(null) : Diagnostics[0].Location;
        }

        (int start, int end, string pointer) = JsonPointerNavigator.Resolve(_window, _span, relativePointer, _maxDepth);
        return _window.GetLocation(start, end, pointer);
    }

    internal void Expire() => _expired = true;
}

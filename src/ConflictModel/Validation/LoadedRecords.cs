using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The records of a loaded dataset as the <see cref="RuleEngine"/> walks them: in input order (by where each was
/// read), with the complete symbol table, so that no lookup ever misses. Handles are places in that order.
/// </summary>
internal sealed class LoadedRecords : RecordSource
{
    private readonly DatasetReadResult _read;
    private readonly SymbolTable _symbols;
    private readonly ConflictRecord[] _records;
    private readonly RecordSpan?[] _spans;
    private int _current = -1;
    private Dictionary<(RecordKind Kind, string Id), int>? _numbers;
    private List<(RecordKind Kind, string Id)>? _numbered;

    public LoadedRecords(DatasetReadResult read)
    {
        _read = read;
        _symbols = new SymbolTable(read.Dataset, read.WasDeclared);
        var records = new List<ConflictRecord>(read.Dataset.RecordCount);
        var spans = new List<RecordSpan?>(read.Dataset.RecordCount);
        foreach (RecordSpan span in read.Spans)
        {
            if (span.Record is { } record)
            {
                records.Add(record);
                spans.Add(span);
            }
            else
            {
                NoteUnreadRecord();
            }
        }

        foreach (Diagnostic diagnostic in read.Diagnostics)
        {
            Note(diagnostic);
        }

        if (records.Count != read.Dataset.RecordCount)
        {
            // Not every record came from this input (never so for what the reader gives): walk the dataset's order.
            records.Clear();
            spans.Clear();
            foreach (ConflictRecord record in read.Dataset.Records)
            {
                records.Add(record);
                spans.Add(null);
            }
        }

        _records = [.. records];
        _spans = [.. spans];
    }

    public override ConflictRecord CurrentRecord => _records[_current];

    public override RecordHandle CurrentHandle => HandleAt(_current);

    public override bool CurrentIsFirstWithId
    {
        get
        {
            ConflictRecord record = _records[_current];
            return ReferenceEquals(_symbols.Find(record.RecordKind, record.RecordId), record);
        }
    }

    public override int CurrentPlace => _current;

    public override RecordHandle HandleOfPlace(int place)
        => (uint)place < (uint)_records.Length ? HandleAt(place) : throw new ArgumentOutOfRangeException(nameof(place), place, "The place is not one this validation gave out.");

    public override int IdNumberOfPlace(int place)
        => (uint)place < (uint)_records.Length ? IdNumber(_records[place].RecordKind, _records[place].RecordId) : throw new ArgumentOutOfRangeException(nameof(place), place, "The place is not one this validation gave out.");

    public override SymbolTable Symbols => _symbols;

    public override DatasetInfo Info => _read.Dataset.Info;

    public override DiagnosticLocation FileLocation => _read.FileLocation;

    /// <summary>Runs the engine over every record, in input order.</summary>
    public void Walk(RuleEngine engine)
    {
        for (_current = 0; _current < _records.Length; _current++)
        {
            engine.Run(_records[_current].RecordKind);
        }

        _current = -1;
    }

    public override bool TakeMissed() => false;

    public override DiagnosticLocation LocateCurrent(string? relativePointer) => LocateAt(_current, relativePointer);

    public override DiagnosticLocation Locate(RecordHandle handle, string? relativePointer)
        => handle.IsLoaded && (uint)handle.Index < (uint)_records.Length
            ? LocateAt(handle.Index, relativePointer)
            : throw new ArgumentException("The handle is not one this validation gave out.", nameof(handle));

    public override DiagnosticLocation Locate(ConflictRecord record, string? relativePointer) => _read.LocationOf(record, relativePointer);

    public override DiagnosticLocation LocateInfo(string? relativePointer) => _read.LocationOfInfo(relativePointer);

    public override ConflictRecord? ReadAgain(RecordHandle handle)
        => handle.IsLoaded && (uint)handle.Index < (uint)_records.Length
            ? _records[handle.Index]
            : throw new ArgumentException("The handle is not one this validation gave out.", nameof(handle));

    public override string? RecordIdAt(DiagnosticLocation location) => _read.TryGetRecordAt(location, out _, out string? id) ? id : null;

    public override int IdNumber(RecordKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _numbers ??= [];
        _numbered ??= [];
        if (!_numbers.TryGetValue((kind, id), out int number))
        {
            number = _numbered.Count;
            _numbers.Add((kind, id), number);
            _numbered.Add((kind, id));
        }

        return number;
    }

    public override (RecordKind Kind, string Id) IdOfNumber(int number)
        => _numbered is not null && (uint)number < (uint)_numbered.Count ? _numbered[number] : throw new ArgumentOutOfRangeException(nameof(number));

    private RecordHandle HandleAt(int index)
        => new(index, _read.Text.BaseOffset + (_spans[index]?.Start ?? 0), _records[index].RecordKind);

    private DiagnosticLocation LocateAt(int index, string? relativePointer)
        => _spans[index] is { } span ? _read.LocationOfSpan(span, relativePointer) : _read.LocationOf(_records[index], relativePointer);
}

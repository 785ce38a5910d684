using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The records of a streamed dataset as the <see cref="RuleEngine"/> walks them: the record being read, lookups by id
/// over the records met so far (<see cref="StreamingIdTable"/>: kind and id to the first such record's line; a miss is
/// noted, for the engine to run the action again later), locations, and records found again through the reader
/// (<see cref="DatasetRecordReader.ReadRecordAt"/>) or at hand in the <see cref="RecordCache"/>. Keeps no record
/// beyond the cache.
/// </summary>
internal sealed class StreamedRecords : RecordSource, IStreamingSymbols
{
    private static readonly DatasetInfo NoInfo = new("Untitled");

    private readonly DatasetRecordReader _reader;
    private readonly StreamingIdTable _ids = new();
    private readonly HashSet<(RecordKind Kind, string Id)> _unread = [];
    private readonly RecordCache _cache = new();
    private readonly RecordPlaces? _places;
    private readonly SymbolTable _symbols;
    private DatasetReadResult? _header;
    private bool _missed;

    private ConflictRecord? _record;
    private RecordMark? _mark;
    private SourceText? _window;
    private RecordSpan? _span;
    private bool? _firstWithId;
    private Dictionary<long, RecordMark>? _wideMarks; // by record offset: the marks of records too wide for a packed handle
    private ChunkedList<(RecordHandle Handle, int IdNumber)>? _placedAside; // the records of places that are not the id table's (~place)
    private int? _place;
    private RecordMark? _addedMark; // the mark of the record Add took last, and its pair's index in the id table
    private int _addedIndex;

    /// <summary>Creates the records of a reader; <paramref name="keepPlaces"/> keeps where each record is, for suppressions scoped to a record.</summary>
    public StreamedRecords(DatasetRecordReader reader, bool keepPlaces)
    {
        _reader = reader;
        _places = keepPlaces ? new RecordPlaces(_ids, reader.FilePath) : null;
        _symbols = new SymbolTable(this);
    }

    /// <summary>Gets the records at hand.</summary>
    public RecordCache Cache => _cache;

    /// <summary>Gets the mark of the current record.</summary>
    public RecordMark CurrentMark => _mark ?? throw new InvalidOperationException("There is no current record.");

    public override ConflictRecord CurrentRecord => _record ?? throw new InvalidOperationException("There is no current record.");

    public override RecordHandle CurrentHandle
    {
        get
        {
            RecordMark mark = CurrentMark;
            if (!RecordHandle.TryPack(mark, out RecordHandle handle))
            {
                // Rare (a record of 64 MiB or more, much space around it on its line): its place is kept here, once.
                _wideMarks ??= [];
                if (!_wideMarks.ContainsKey(mark.Offset))
                {
                    _wideMarks[mark.Offset] = new RecordMark(mark.Kind, null, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End, null);
                }
            }

            return handle;
        }
    }

    public override bool CurrentIsFirstWithId
        => _firstWithId ??= _ids.TryGetMark(CurrentRecord.RecordKind, CurrentRecord.RecordId, out RecordMark first) && first.WindowOffset == CurrentMark.WindowOffset;

    public override int CurrentPlace => _place ??= PlaceOfCurrent();

    public override RecordHandle HandleOfPlace(int place)
    {
        if (place < 0)
        {
            return Aside(place).Handle;
        }

        return _ids.TryGetHandleAt(place, out RecordHandle handle) && !handle.IsWide
            ? handle
            : throw new ArgumentOutOfRangeException(nameof(place), place, "The place is not one this validation gave out.");
    }

    /// <summary>The id table's index is the id's number; a place kept aside keeps its number beside its handle.</summary>
    public override int IdNumberOfPlace(int place)
    {
        if (place < 0)
        {
            return Aside(place).IdNumber;
        }

        return _ids.TryGetHandleAt(place, out _) ? place : throw new ArgumentOutOfRangeException(nameof(place), place, "The place is not one this validation gave out.");
    }

    private (RecordHandle Handle, int IdNumber) Aside(int place)
        => _placedAside is not null && ~place < _placedAside.Count
            ? _placedAside[~place]
            : throw new ArgumentOutOfRangeException(nameof(place), place, "The place is not one this validation gave out.");

    /// <summary>
    /// The id table's index when the table's mark of the current record's id packs to the current handle (the first
    /// record with the id, neither wide nor with remapped pointers); otherwise the handle is kept aside.
    /// </summary>
    private int PlaceOfCurrent()
    {
        RecordHandle handle = CurrentHandle;
        if (!handle.IsWide)
        {
            // The record just added already knows its pair's index: no second lookup of its id on the hot path.
            int index = ReferenceEquals(_addedMark, _mark) ? _addedIndex : _ids.IndexOf(CurrentRecord.RecordKind, CurrentRecord.RecordId);
            if (index >= 0 && _ids.TryGetHandleAt(index, out RecordHandle firstHandle) && firstHandle == handle)
            {
                return index;
            }
        }

        _placedAside ??= new ChunkedList<(RecordHandle, int)>();
        if (_placedAside.Count == int.MaxValue)
        {
            throw new InvalidOperationException("Too many records kept aside.");
        }

        _placedAside.Add((handle, _ids.Intern(CurrentRecord.RecordKind, CurrentRecord.RecordId)));
        return ~(_placedAside.Count - 1);
    }

    public override SymbolTable Symbols => _symbols;

    public override DatasetInfo Info => _reader.Info ?? NoInfo;

    public override DiagnosticLocation FileLocation => DiagnosticLocation.ForFile(_reader.FilePath);

    /// <summary>Takes the header line (copied: the reader reuses its buffer), for the description's locations.</summary>
    public void SetHeader(SourceText window, bool isInfo)
    {
        SourceText text = window.Detach();
        var dataset = new Dataset(Info, _reader.FormatVersion ?? Dataset.CurrentFormatVersion);
        _header = new DatasetReadResult(dataset, [], _reader.Format, text, _reader.Options, [], [], (text.BomLength, text.Length)) { HeaderIsInfo = isInfo };
    }

    /// <summary>Adds a record just read to the ids, places and recent records.</summary>
    /// <returns>Whether it is the first of its kind with its id.</returns>
    public bool Add(ConflictRecord record, RecordMark mark)
    {
        bool first = _ids.TryAdd(record.RecordKind, record.RecordId, mark, out int index);
        (_addedMark, _addedIndex) = (mark, index);
        _places?.Add(mark, index);
        _cache.AddRecent(record, mark);
        return first;
    }

    /// <summary>Notes a record that could not be read: references to its id are not dangling.</summary>
    public void AddUnread(RecordSpan span, RecordMark mark)
    {
        if (span.Id is not null)
        {
            _unread.Add((span.Kind, span.Id));
        }

        _places?.AddUnread(mark, span.Id);
    }

    /// <summary>Makes a record the current one; its text and span may be left out, to be read again only if a location in it is asked for.</summary>
    public void Enter(ConflictRecord record, RecordMark mark, SourceText? window, RecordSpan? span, bool? firstWithId)
    {
        _record = record;
        _mark = mark;
        _window = window;
        _span = span;
        _firstWithId = firstWithId;
        _place = null;
    }

    /// <summary>Leaves the current record (its text is the reader's and is about to be reused).</summary>
    public void Leave()
    {
        _record = null;
        _mark = null;
        _window = null;
        _span = null;
        _firstWithId = null;
        _place = null;
    }

    /// <summary>Reads a record again by a mark spanning it or its line: the record, and its exact mark.</summary>
    public (ConflictRecord Record, RecordMark Mark, SourceText Text, RecordSpan Span)? ReadAt(RecordMark mark)
    {
        RecordReadAgain again = _reader.ReadRecordAt(mark);
        return again.Span is { Record: { } record } span ? (record, RecordMark.Of(again.Window, span), again.Window, span) : null;
    }

    public override bool HasMissed => _missed;

    public override string? FilePath => _reader.FilePath;

    // A record's window starts at the start of its line (a document's record, within its line): nothing in it is earlier.
    public override int CurrentFirstLine => _mark is { } mark ? mark.LinesBefore + 1 : 0;

    public override int FirstLineOf(RecordHandle handle) => handle.IsLoaded || handle.IsDefault || handle.IsWide ? 0 : handle.LinesBefore + 1;

    public override bool TakeMissed()
    {
        bool missed = _missed;
        _missed = false;
        return missed;
    }

    public override DiagnosticLocation LocateCurrent(string? relativePointer)
    {
        RecordMark mark = CurrentMark;
        if (_window is null || _span is null)
        {
            // A record run again: its mark is exact and keeps its remapped pointers, so its text is enough.
            (_window, _span) = _reader.ReadWindowAt(mark);
        }

        return Resolve(_window, _span, relativePointer);
    }

    public override DiagnosticLocation Locate(RecordHandle handle, string? relativePointer)
    {
        if (handle.IsLoaded)
        {
            throw new ArgumentException("The handle is not one this validation gave out.", nameof(handle));
        }

        RecordMark mark = MarkOf(handle);
        if (handle.HasRemaps)
        {
            // The handle does not keep the record's remapped pointers: reading it again gives them.
            RecordReadAgain again = _reader.ReadRecordAt(mark);
            if (again.Span is { } span)
            {
                return Resolve(again.Window, span, relativePointer);
            }

            (SourceText window, RecordSpan fallback) = _reader.ReadWindowAt(mark);
            return Resolve(window, fallback, relativePointer);
        }

        return Locate(mark, relativePointer);
    }

    public override DiagnosticLocation Locate(ConflictRecord record, string? relativePointer)
    {
        if (ReferenceEquals(record, _record))
        {
            return LocateCurrent(relativePointer);
        }

        return _cache.MarkOf(record) is { } mark ? Locate(mark, relativePointer) : FileLocation;
    }

    public override DiagnosticLocation LocateInfo(string? relativePointer) => _header?.LocationOfInfo(relativePointer) ?? FileLocation;

    public override ConflictRecord? ReadAgain(RecordHandle handle)
    {
        if (handle.IsLoaded)
        {
            throw new ArgumentException("The handle is not one this validation gave out.", nameof(handle));
        }

        return RecordAt(MarkOf(handle));
    }

    /// <summary>Gets the mark of a streamed record's handle: unpacked, or kept aside for a wide one.</summary>
    private RecordMark MarkOf(RecordHandle handle)
        => !handle.IsWide ? handle.ToMark()
            : _wideMarks is not null && _wideMarks.TryGetValue(handle.ByteOffset, out RecordMark? mark) && mark.Kind == handle.Kind ? mark
            : throw new ArgumentException("The handle is not one this validation gave out.", nameof(handle));

    public override string? RecordIdAt(DiagnosticLocation location) => _places?.IdAt(location);

    public override int IdNumber(RecordKind kind, string id) => _ids.Intern(kind, id);

    public override (RecordKind Kind, string Id) IdOfNumber(int number) => (_ids.KindAt(number), _ids.IdAt(number));

    // ---- Lookups by id (IStreamingSymbols) ----------------------------------------------------------------------

    public ConflictRecord? Find(RecordKind kind, string id)
    {
        if (!_ids.TryGetMark(kind, id, out RecordMark mark))
        {
            _missed = true;
            return null;
        }

        return RecordAt(mark);
    }

    public ImmutableArray<ConflictRecord> FindAll(RecordKind kind, string id)
    {
        if (Find(kind, id) is not { } first)
        {
            return [];
        }

        return _record is { } current && !ReferenceEquals(current, first) && current.RecordKind == kind && string.Equals(current.RecordId, id, StringComparison.Ordinal)
            ? [first, current]
            : [first];
    }

    public bool Contains(RecordKind kind, string id)
    {
        if (_ids.Contains(kind, id))
        {
            return true;
        }

        _missed = true;
        return false;
    }

    public bool WasDeclared(RecordKind kind, string id)
    {
        if (_unread.Contains((kind, id)))
        {
            return true;
        }

        _missed = true;
        return false;
    }

    /// <summary>
    /// Gets the record a mark points at (a mark from the id table knows only the record's line): the current one, one
    /// at hand, or read again now.
    /// </summary>
    private ConflictRecord? RecordAt(RecordMark mark)
    {
        if (_mark is not null && mark.WindowOffset == _mark.WindowOffset)
        {
            return _record;
        }

        if (_cache.Find(mark.WindowOffset) is { } found)
        {
            return found;
        }

        if (ReadAt(mark) is not { } again)
        {
            return null;
        }

        _cache.AddReadAgain(again.Record, again.Mark);
        return again.Record;
    }

    private DiagnosticLocation Locate(RecordMark mark, string? relativePointer)
    {
        if (_mark is not null && mark.WindowOffset == _mark.WindowOffset)
        {
            return LocateCurrent(relativePointer);
        }

        // The mark is exact (a handle's, or a record's at hand, with its remapped pointers): the text is enough.
        (SourceText window, RecordSpan span) = _reader.ReadWindowAt(mark);
        return Resolve(window, span, relativePointer);
    }

    private DiagnosticLocation Resolve(SourceText window, RecordSpan span, string? relativePointer)
    {
        (int start, int end, string pointer) = JsonPointerNavigator.Resolve(window, span, relativePointer, _reader.Options.MaxDepth);
        return window.GetLocation(start, end, pointer);
    }
}

using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary>
/// What <c>export ucdp-ged</c> keeps of a streamed dataset so that each event's row can be joined without the dataset
/// in memory: where the first actor, source and casualty estimate with each id is (the validation's compact id table),
/// and each event's estimates as (event number, input order, place) in a sorted array (12 bytes an estimate). The rows
/// are then written from a second reading, each joined record read again by where it is through the first reader
/// (which keeps random access to its input: the file itself, or for gzip input a temporary copy of what it
/// decompressed), the actors and sources of recent rows kept at hand. Bounded by the records, not by their size: about 40 bytes each on GED-shaped data.
/// </summary>
internal sealed class GedExportIndex
{
    private const int CacheSize = 1024;
    private readonly StreamingIdTable _ids = new();
    private readonly List<RecordMark> _aside = []; // the estimates that are not the first with their id (rare), by ~place
    private readonly ChunkedList<(long Key, int Place)> _estimates = new();
    private long[] _keys = [];
    private int[] _places = [];
    private readonly Dictionary<(RecordKind Kind, string Id), ConflictRecord?> _cache = [];
    private DatasetRecordReader? _lookup;

    /// <summary>
    /// Reads every record, noting where the joined ones are; stops at the first reader error. The reader is then the one
    /// the lookups read through: keep it open until the rows are written.
    /// </summary>
    /// <returns>Whether the input read without error.</returns>
    public bool Build(DatasetRecordReader records)
    {
        records.KeepRandomAccess();
        _lookup = records;
        long order = 0;
        while (records.Read())
        {
            StreamedRecord entry = records.Current;
            foreach (Diagnostic diagnostic in entry.Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return false;
                }
            }

            if (entry.Record is not { } record || entry.Window is not { } window || entry.Span is not { } span)
            {
                continue;
            }

            RecordMark mark = RecordMark.Of(window, span);
            switch (record)
            {
                case Actor or Source:
                    _ids.TryAdd(record.RecordKind, record.RecordId, mark, out _);
                    break;
                case CasualtyEstimate estimate:
                    bool first = _ids.TryAdd(RecordKind.CasualtyEstimate, estimate.RecordId, mark, out int index);
                    if (estimate.Event is { } @event)
                    {
                        int place = first ? index : ~_aside.Count;
                        if (!first)
                        {
                            _aside.Add(new RecordMark(mark.Kind, null, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End, null));
                        }

                        _estimates.Add(((long)_ids.Intern(RecordKind.Event, @event.Value) << 32 | (uint)order++, place));
                    }

                    break;
            }
        }

        // By event number, then input order: an event's estimates are one run, found by a binary search.
        _keys = new long[_estimates.Count];
        _places = new int[_estimates.Count];
        for (int i = 0; i < _keys.Length; i++)
        {
            (_keys[i], _places[i]) = _estimates[i];
        }

        _estimates.Clear();
        Array.Sort(_keys, _places);
        return true;
    }

    /// <summary>Gets the events of a second reading of the same input, in input order.</summary>
    public static IEnumerable<Event> Events(DatasetRecordReader records)
    {
        while (records.Read())
        {
            if (records.Current.Record is Event @event)
            {
                yield return @event;
            }
        }
    }

    /// <summary>Gets the first record of a kind with an id, read again, or null.</summary>
    public TRecord? Find<TRecord>(RecordKind kind, string id)
        where TRecord : ConflictRecord
    {
        if (_cache.TryGetValue((kind, id), out ConflictRecord? cached))
        {
            return cached as TRecord;
        }

        TRecord? found = _ids.TryGetMark(kind, id, out RecordMark mark) ? ReadAt(mark) as TRecord : null;
        if (_cache.Count >= CacheSize)
        {
            _cache.Clear();
        }

        _cache[(kind, id)] = found;
        return found;
    }

    /// <summary>Gets every casualty estimate of an event, in input order, read again.</summary>
    public IEnumerable<CasualtyEstimate> EstimatesOf(EventId @event)
    {
        int number = _ids.IndexOfNumbered(RecordKind.Event, @event.Value);
        if (number < 0)
        {
            yield break;
        }

        int at = Array.BinarySearch(_keys, (long)number << 32);
        for (at = at < 0 ? ~at : at; at < _keys.Length && (int)(_keys[at] >> 32) == number; at++)
        {
            int place = _places[at];
            RecordMark? mark = place >= 0 ? (_ids.TryGetMarkAt(place, out RecordMark first) ? first : null) : _aside[~place];
            if (mark is not null && ReadAt(mark) is CasualtyEstimate estimate)
            {
                yield return estimate;
            }
        }
    }

    private ConflictRecord? ReadAt(RecordMark mark)
        => (_lookup ?? throw new InvalidOperationException("Build first.")).ReadRecordAt(mark).Record;
}

using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary>
/// The records of one kind <c>stats</c> has met, kept small: for each, a hash of its id and where it is in the input
/// (24 bytes a record), never the record. At the end the records asked for by id, and the ids met more than once, are
/// found by their hash and read again through the reader (<see cref="DatasetRecordReader.ReadRecordAt"/>), then
/// compared by their real id: a collision of hashes costs a read again, never a wrong record.
/// </summary>
/// <typeparam name="TRecord">The kind of record.</typeparam>
internal sealed class StatsPlaces<TRecord>
    where TRecord : ConflictRecord
{
    private readonly ChunkedList<Place> _places = new();
    private readonly Dictionary<int, TRecord> _held = [];
    private readonly RecordKind _kind;
    private readonly int _mask;
    private Func<RecordMark, ConflictRecord?>? _read;

    /// <summary>Creates the store; <paramref name="hashBits"/> below 32 keeps only that many bits of each hash, for tests that force collisions.</summary>
    public StatsPlaces(RecordKind kind, int hashBits)
    {
        _kind = kind;
        _mask = Mask(hashBits);
    }

    /// <summary>Gets how many records were met (an id met twice counts twice).</summary>
    public int Count => _places.Count;

    /// <summary>Gets the mask that keeps the bits of a hash asked for.</summary>
    public static int Mask(int hashBits) => hashBits >= 32 ? -1 : (int)((1u << Math.Max(hashBits, 0)) - 1);

    /// <summary>Notes a record and where it is (null when the reader gave no place: then the record itself is kept).</summary>
    /// <returns>Its index, in the order met.</returns>
    public int Add(TRecord record, RecordMark? mark)
    {
        int index = _places.Count;
        int id = IdHash(record.RecordId);
        if (mark is null)
        {
            _held[index] = record;
            _places.Add(new Place(id, -1, 0, 0, 0, 0));
        }
        else
        {
            _places.Add(new Place(id, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End));
        }

        return index;
    }

    /// <summary>Gives the way to read a record again by its mark (the reader's, while it is open).</summary>
    public void ReadAgainWith(Func<RecordMark, ConflictRecord?> read) => _read = read;

    /// <summary>Gets the indexes of the records whose id an earlier record already had.</summary>
    public HashSet<int> Repeats()
    {
        var repeats = new HashSet<int>();
        ulong[] sorted = HashRuns.Sorted(Count, i => _places[i].IdHash);
        for (int start = 0; start < sorted.Length;)
        {
            int end = HashRuns.RunEnd(sorted, start);
            if (end - start > 1)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int i = start; i < end; i++)
                {
                    int index = (int)(uint)sorted[i];
                    if (!seen.Add(ReadAgain(index).RecordId))
                    {
                        repeats.Add(index);
                    }
                }
            }

            start = end;
        }

        return repeats;
    }

    /// <summary>Gets, for each id asked for, the first record met with it (ids no record has are left out).</summary>
    public Dictionary<string, TRecord> FirstWith(IEnumerable<string> ids)
    {
        var wanted = new Dictionary<int, HashSet<string>>();
        foreach (string id in ids)
        {
            int hash = IdHash(id);
            if (!wanted.TryGetValue(hash, out HashSet<string>? set))
            {
                wanted[hash] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(id);
        }

        var found = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        // In the order met, so that the first record with an id is the one kept.
        for (int index = 0; index < Count; index++)
        {
            if (wanted.TryGetValue(_places[index].IdHash, out HashSet<string>? set) && set.Count > 0)
            {
                TRecord record = ReadAgain(index);
                if (set.Remove(record.RecordId))
                {
                    found[record.RecordId] = record;
                }
            }
        }

        return found;
    }

    /// <summary>Reads the record at an index again (or gives the one held).</summary>
    /// <exception cref="InputChangedException">The input no longer holds the record there.</exception>
    public TRecord ReadAgain(int index)
    {
        if (_held.TryGetValue(index, out TRecord? held))
        {
            return held;
        }

        Place place = _places[index];
        var mark = new RecordMark(_kind, null, place.WindowOffset, place.WindowLength, place.LinesBefore, place.Start, place.End, null);
        ConflictRecord? again = (_read ?? throw new InvalidOperationException("Nothing to read the records again with."))(mark);

        // Read once without an error, the same bytes read again give the same record: anything else is a file that changed.
        return again as TRecord ?? throw new InputChangedException(mark.Offset, 0);
    }

    private int IdHash(string id) => StringComparer.Ordinal.GetHashCode(id) & _mask;

    /// <summary>One record: its id's hash and where it is (a window offset of -1: the record is held).</summary>
    private readonly record struct Place(int IdHash, long WindowOffset, int WindowLength, int LinesBefore, int Start, int End);
}

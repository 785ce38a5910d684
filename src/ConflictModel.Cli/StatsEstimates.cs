using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary>
/// The casualty estimates <c>stats</c> has met, kept small: for each, a hash of the people it counts (the key
/// <see cref="CasualtyEnvelope.GroupsOf"/> groups by), a hash of its id, and where it is in the input (32 bytes an
/// estimate), never the record. At the end only the estimates whose hash another estimate shares are read again,
/// through the reader (<see cref="DatasetRecordReader.ReadRecordAt"/>), and grouped by their real key; the same goes
/// for ids met more than once and for the estimates claims are about. A collision of hashes therefore costs a read
/// again, never a wrong result.
/// </summary>
internal sealed class StatsEstimates
{
    private readonly ChunkedList<Entry> _entries = new();
    private readonly Dictionary<int, CasualtyEstimate> _held = [];
    private readonly int _mask;
    private Func<RecordMark, ConflictRecord?>? _read;

    /// <summary>Creates the store; <paramref name="hashBits"/> below 32 keeps only that many bits of each hash, for tests that force collisions.</summary>
    public StatsEstimates(int hashBits = 32)
    {
        _mask = hashBits >= 32 ? -1 : (int)((1u << Math.Max(hashBits, 0)) - 1);
    }

    /// <summary>Gets how many estimates were met (an id met twice counts twice).</summary>
    public int Count => _entries.Count;

    /// <summary>Notes an estimate and where it is (null when the reader gave no place: then the record itself is kept).</summary>
    /// <returns>Its index, in the order met.</returns>
    public int Add(CasualtyEstimate estimate, RecordMark? mark)
    {
        int index = _entries.Count;
        int key = KeyHash(estimate);
        int id = IdHash(estimate.Id);
        if (mark is null)
        {
            _held[index] = estimate;
            _entries.Add(new Entry(key, id, -1, 0, 0, 0, 0));
        }
        else
        {
            _entries.Add(new Entry(key, id, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End));
        }

        return index;
    }

    /// <summary>Gives the way to read a record again by its mark (the reader's, while it is open).</summary>
    public void ReadAgainWith(Func<RecordMark, ConflictRecord?> read) => _read = read;

    /// <summary>Gets the indexes of the estimates whose id an earlier estimate already had.</summary>
    public HashSet<int> Repeats()
    {
        var repeats = new HashSet<int>();
        ulong[] sorted = Sorted(byKey: false);
        for (int start = 0; start < sorted.Length;)
        {
            int end = HashRuns.RunEnd(sorted, start);
            if (end - start > 1)
            {
                var seen = new HashSet<CasualtyEstimateId>();
                for (int i = start; i < end; i++)
                {
                    int index = (int)(uint)sorted[i];
                    if (!seen.Add(ReadAgain(index).Id))
                    {
                        repeats.Add(index);
                    }
                }
            }

            start = end;
        }

        return repeats;
    }

    /// <summary>Gets, for each id asked for, the first estimate met with it (ids no estimate has are left out).</summary>
    public Dictionary<CasualtyEstimateId, CasualtyEstimate> FirstWith(IEnumerable<CasualtyEstimateId> ids)
    {
        var wanted = new Dictionary<int, List<CasualtyEstimateId>>();
        foreach (CasualtyEstimateId id in ids)
        {
            int hash = IdHash(id);
            if (!wanted.TryGetValue(hash, out List<CasualtyEstimateId>? list))
            {
                wanted[hash] = list = [];
            }

            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }

        var found = new Dictionary<CasualtyEstimateId, CasualtyEstimate>();
        if (wanted.Count == 0)
        {
            return found;
        }

        // In the order met, so that the first estimate with an id is the one kept.
        for (int index = 0; index < _entries.Count; index++)
        {
            if (wanted.TryGetValue(_entries[index].IdHash, out List<CasualtyEstimateId>? list) && list.Count > 0)
            {
                CasualtyEstimate estimate = ReadAgain(index);
                if (list.Remove(estimate.Id))
                {
                    found[estimate.Id] = estimate;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Gets the groups of two or more estimates of the same people whose figures cannot all be true, as
    /// <see cref="CasualtyEnvelope.GroupsOf"/> gives them over the estimates not <paramref name="superseded"/>: in the
    /// order of each group's first estimate, each group's estimates in the order met.
    /// </summary>
    public List<CasualtyEstimateGroup> Contested(Func<CasualtyEstimateId, bool> superseded, DatasetInfo info)
    {
        var contested = new List<(int First, CasualtyEstimateGroup Group)>();
        ulong[] sorted = Sorted(byKey: true);
        for (int start = 0; start < sorted.Length;)
        {
            int end = HashRuns.RunEnd(sorted, start);
            if (end - start > 1)
            {
                // Estimates whose key hashes are equal, in the order met: grouped again by their real key.
                var estimates = new List<CasualtyEstimate>(end - start);
                var indexes = new Dictionary<CasualtyEstimate, int>(ReferenceEqualityComparer.Instance);
                for (int i = start; i < end; i++)
                {
                    int index = (int)(uint)sorted[i];
                    CasualtyEstimate estimate = ReadAgain(index);
                    if (!superseded(estimate.Id))
                    {
                        estimates.Add(estimate);
                        indexes[estimate] = index;
                    }
                }

                if (estimates.Count > 1)
                {
                    foreach (CasualtyEstimateGroup group in CasualtyEnvelope.GroupsOf(Dataset.Create(info, estimates)))
                    {
                        if (group.IsContradictory)
                        {
                            contested.Add((indexes[group.Estimates[0]], group));
                        }
                    }
                }
            }

            start = end;
        }

        contested.Sort((a, b) => a.First.CompareTo(b.First));
        return contested.ConvertAll(c => c.Group);
    }

    private int KeyHash(CasualtyEstimate estimate)
        => (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location).GetHashCode() & _mask;

    private int IdHash(CasualtyEstimateId id) => id.GetHashCode() & _mask;

    /// <summary>Every estimate as its hash (high half) and index (low half), sorted: equal hashes together, each run in the order met.</summary>
    private ulong[] Sorted(bool byKey) => HashRuns.Sorted(_entries.Count, i => byKey ? _entries[i].KeyHash : _entries[i].IdHash);

    private CasualtyEstimate ReadAgain(int index)
    {
        if (_held.TryGetValue(index, out CasualtyEstimate? held))
        {
            return held;
        }

        Entry entry = _entries[index];
        var mark = new RecordMark(RecordKind.CasualtyEstimate, null, entry.WindowOffset, entry.WindowLength, entry.LinesBefore, entry.Start, entry.End, null);
        ConflictRecord? again = (_read ?? throw new InvalidOperationException("Nothing to read the estimates again with."))(mark);

        // Read once without an error, the same bytes read again give the same estimate: anything else is a file that changed.
        return again as CasualtyEstimate ?? throw new InputChangedException(mark.Offset, 0);
    }

    /// <summary>One estimate: its hashes and where it is (a window offset of -1: the record is held).</summary>
    private readonly record struct Entry(int KeyHash, int IdHash, long WindowOffset, int WindowLength, int LinesBefore, int Start, int End);
}

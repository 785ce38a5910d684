using System;
using System.Collections.Generic;

using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Which record actions to run again on which streamed records, because a lookup by id missed (the record named comes
/// later in the input). Most forward references point a few records ahead, so on its first run a record gets a second
/// try when it leaves the recent records (<see cref="RecordCache.RecentSize"/>; every id it named has usually been
/// read by then, and the records named are still at hand); what misses again, or belongs to an action past the 64th,
/// waits for the end, when every id is known. Actions are bits (action <c>64 * group + bit</c>); the actions a record
/// defers are run one after the other, so they share an entry. Keeps the line only, never the record.
/// </summary>
internal sealed class RetrySchedule
{
    private readonly Dictionary<long, ulong> _pending = [];
    private readonly ChunkedList<Deferred> _deferred = new();
    private readonly Func<RecordMark> _currentMark;

    /// <summary>Creates a schedule; <paramref name="currentMark"/> gives the mark of the record the engine is running actions on.</summary>
    public RetrySchedule(Func<RecordMark> currentMark) => _currentMark = currentMark;

    /// <summary>Gets how many records wait for the end.</summary>
    public int DeferredCount => _deferred.Count;

    /// <summary>Gets a record that waits for the end, and its actions.</summary>
    public Deferred DeferredAt(int index) => _deferred[index];

    /// <summary>Notes that an action's lookup missed on the current record, in a run that was not the last.</summary>
    public void Missed(int actionIndex, RulePass pass)
    {
        RecordMark mark = _currentMark();
        if (pass == RulePass.First && actionIndex < 64)
        {
            _pending[mark.WindowOffset] = (_pending.TryGetValue(mark.WindowOffset, out ulong actions) ? actions : 0) | (1UL << actionIndex);
        }
        else
        {
            (int group, int bit) = Math.DivRem(actionIndex, 64);
            Defer(group, 1UL << bit, mark);
        }
    }

    /// <summary>Forgets every record that waits for the end, and what waits for the recent records to go (once they have run).</summary>
    public void Clear()
    {
        _deferred.Clear();
        _pending.Clear();
        _pending.TrimExcess();
    }

    /// <summary>Takes the actions to run again on a record as it leaves the recent records.</summary>
    public bool TakePending(long windowOffset, out ulong actions) => _pending.Remove(windowOffset, out actions);

    /// <summary>Makes actions wait for the end.</summary>
    public void Defer(int group, ulong actions, RecordMark mark)
    {
        int last = _deferred.Count - 1;
        if (last >= 0 && _deferred[last].WindowOffset == mark.WindowOffset && _deferred[last].Group == group)
        {
            _deferred.At(last) = _deferred[last] with { Actions = _deferred[last].Actions | actions };
        }
        else
        {
            _deferred.Add(new Deferred(mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Kind, mark.Start, mark.End, group, actions));
        }
    }

    /// <summary>A record whose actions wait for the end: its window and its span in it (a JSON Lines line, a document's record), its kind, and which actions.</summary>
    internal readonly record struct Deferred(long WindowOffset, int WindowLength, int LinesBefore, RecordKind Kind, int Start, int End, int Group, ulong Actions)
    {
        /// <summary>Gets the record's mark, to read it again by (a document's record is parsed as its kind).</summary>
        public RecordMark ToMark() => new(Kind, null, WindowOffset, WindowLength, LinesBefore, Start, End, null);
    }
}

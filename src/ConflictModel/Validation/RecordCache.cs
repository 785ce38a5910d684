using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The streamed records a validation still has at hand, by their line's offset: the last <see cref="RecentSize"/>
/// read (the records looked up most are those just read: the event before its estimates, the parts of a total) and up
/// to <see cref="ReadAgainSize"/> read again (then forgotten all at once), with where each is, so that a record a
/// lookup gave can be located.
/// </summary>
internal sealed class RecordCache
{
    /// <summary>How many of the records just read are kept.</summary>
    public const int RecentSize = 512;

    /// <summary>How many records read again are kept before the cache starts over.</summary>
    public const int ReadAgainSize = 1024;

    private readonly Dictionary<long, (ConflictRecord Record, RecordMark Mark)> _recent = [];
    private readonly Queue<long> _recentOrder = new(RecentSize + 1);
    private readonly Dictionary<long, ConflictRecord> _readAgain = [];
    private readonly Dictionary<ConflictRecord, RecordMark> _readAgainMarks = new(ReferenceEqualityComparer.Instance);

    /// <summary>Gets how many recent records are kept; past <see cref="RecentSize"/>, the oldest should go (<see cref="DropOldest"/>).</summary>
    public int RecentCount => _recentOrder.Count;

    /// <summary>Gets the oldest of the recent records.</summary>
    public (ConflictRecord Record, RecordMark Mark) Oldest => _recent[_recentOrder.Peek()];

    /// <summary>Gets the line offsets of the recent records, oldest first.</summary>
    public IEnumerable<long> RecentOffsets => _recentOrder;

    /// <summary>Keeps a record just read.</summary>
    public void AddRecent(ConflictRecord record, RecordMark mark)
    {
        if (_recent.TryAdd(mark.WindowOffset, (record, mark)))
        {
            _recentOrder.Enqueue(mark.WindowOffset);
        }
    }

    /// <summary>Lets the oldest recent record go.</summary>
    public void DropOldest() => _recent.Remove(_recentOrder.Dequeue());

    /// <summary>Lets every recent record go (once reading is over).</summary>
    public void ClearRecent()
    {
        _recent.Clear();
        _recentOrder.Clear();
    }

    /// <summary>Gets a recent record and its mark by its line's offset.</summary>
    public bool TryGetRecent(long windowOffset, out (ConflictRecord Record, RecordMark Mark) recent) => _recent.TryGetValue(windowOffset, out recent);

    /// <summary>Gets a record at hand (recent, or read again) by its line's offset.</summary>
    public ConflictRecord? Find(long windowOffset)
        => _recent.TryGetValue(windowOffset, out (ConflictRecord Record, RecordMark Mark) recent) ? recent.Record
            : _readAgain.TryGetValue(windowOffset, out ConflictRecord? again) ? again : null;

    /// <summary>Keeps a record read again.</summary>
    public void AddReadAgain(ConflictRecord record, RecordMark mark)
    {
        if (_readAgain.Count >= ReadAgainSize)
        {
            _readAgain.Clear();
            _readAgainMarks.Clear();
        }

        _readAgain[mark.WindowOffset] = record;
        _readAgainMarks[record] = mark;
    }

    /// <summary>Gets where a record at hand is (a scan of the recent ones: needed only for a location in a report).</summary>
    public RecordMark? MarkOf(ConflictRecord record)
    {
        if (_readAgainMarks.TryGetValue(record, out RecordMark? mark))
        {
            return mark;
        }

        foreach ((ConflictRecord Record, RecordMark Mark) recent in _recent.Values)
        {
            if (ReferenceEquals(recent.Record, record))
            {
                return recent.Mark;
            }
        }

        return null;
    }
}

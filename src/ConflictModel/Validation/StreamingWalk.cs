using System;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Feeds a <see cref="RuleEngine"/> the records of a <see cref="DatasetRecordReader"/> as they are read (see
/// <see cref="DatasetValidator.Validate(DatasetRecordReader, Action{long})"/>): each record once, in input order, then,
/// as records leave the recent ones and at the end, the actions whose lookups missed (<see cref="RetrySchedule"/>).
/// </summary>
internal sealed class StreamingWalk
{
    private readonly DatasetRecordReader _reader;
    private readonly StreamedRecords _records;
    private readonly RuleEngine _engine;
    private readonly RetrySchedule _retries;
    private readonly DiagnosticCollector _diagnostics;
    private readonly Func<DiagnosticLocation, string?> _recordIdAt;

    public StreamingWalk(DatasetRecordReader reader, StreamedRecords records, RuleEngine engine, DiagnosticCollector diagnostics)
    {
        _reader = reader;
        _records = records;
        _engine = engine;
        _diagnostics = diagnostics;
        _recordIdAt = records.RecordIdAt;
        _retries = new RetrySchedule(() => records.CurrentMark);
        engine.Retries = _retries;
    }

    /// <summary>Gets how many records were read and checked.</summary>
    public long RecordCount { get; private set; }

    public void Run(Action<long>? progress)
    {
        RecordCache cache = _records.Cache;
        while (_reader.Read())
        {
            StreamedRecord entry = _reader.Current;
            foreach (Diagnostic diagnostic in entry.Diagnostics)
            {
                _diagnostics.Add(diagnostic, _recordIdAt);
                _records.Note(diagnostic);
            }

            if (entry.IsHeader)
            {
                if (_reader.Format == DatasetFormat.Document)
                {
                    // A document's header is its info value (read at the root's end, wherever it was), or nothing.
                    _records.SetHeader(entry.Window ?? new SourceText(_reader.FilePath, ReadOnlyMemory<byte>.Empty), isInfo: true);
                }
                else if (entry.Window is { } line)
                {
                    _records.SetHeader(line, isInfo: false);
                }

                continue;
            }

            if (entry.Window is not { } window)
            {
                continue;
            }

            if (entry.Span is not { } span)
            {
                continue;
            }

            RecordMark mark = RecordMark.Of(window, span);
            if (entry.Record is not { } record)
            {
                _records.NoteUnreadRecord();
                _records.AddUnread(span, mark);
                continue;
            }

            RecordCount++;
            if ((RecordCount & 0xFFFF) == 0)
            {
                progress?.Invoke(RecordCount);
            }

            bool first = _records.Add(record, mark);
            _records.Enter(record, mark, window, span, first);
            _engine.Run(record.RecordKind);
            _records.Leave();

            // The oldest recent record goes: what missed on it runs again now, while what it named is still at hand.
            while (cache.RecentCount > RecordCache.RecentSize)
            {
                (ConflictRecord oldest, RecordMark oldestMark) = cache.Oldest;
                if (_retries.TakePending(oldestMark.WindowOffset, out ulong actions))
                {
                    _records.Enter(oldest, oldestMark, null, null, null);
                    _engine.RunAgain(0, actions, RulePass.Retry);
                    _records.Leave();
                }

                cache.DropOldest();
            }
        }

        progress?.Invoke(RecordCount);

        DeferRecent(cache);
        RunDeferred();

        // The last records read, and the records that waited for the end, are not kept past the reading: the rules'
        // end actions come next, and with them the largest states of the run.
        cache.ClearRecent();
        _retries.Clear();
        _engine.End();
    }

    /// <summary>Records still among the recent ones with actions to run again wait for the end like the rest.</summary>
    /// <remarks>A method of its own, so that no record it touched stays referenced by the walk's frame while the rules' end actions run.</remarks>
    private void DeferRecent(RecordCache cache)
    {
        foreach (long offset in cache.RecentOffsets)
        {
            if (_retries.TakePending(offset, out ulong actions) && cache.TryGetRecent(offset, out (ConflictRecord Record, RecordMark Mark) recent))
            {
                _retries.Defer(0, actions, recent.Mark);
            }
        }
    }

    /// <summary>The id table is complete: what missed before is final now.</summary>
    private void RunDeferred()
    {
        for (int i = 0; i < _retries.DeferredCount; i++)
        {
            RetrySchedule.Deferred deferred = _retries.DeferredAt(i);
            if (_records.ReadAt(deferred.ToMark()) is { } again)
            {
                _records.Enter(again.Record, again.Mark, again.Text, again.Span, null);
                _engine.RunAgain(deferred.Group, deferred.Actions, RulePass.Final);
                _records.Leave();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation;

/// <summary>
/// One streaming validation (see <see cref="DatasetValidator.Validate(DatasetRecordReader, Action{long})"/>): record-scoped rules
/// run on each record as it arrives; rules with a <see cref="StreamingRuleState"/> see each record and finish at the
/// end; other dataset-scoped rules get the records they keep at the end. What stays in memory is the id table
/// (<see cref="StreamingIdTable"/>: kind and id to the first such record's line), the states, the records
/// dataset-scoped rules keep (none of the built-in ones), the records whose lookups missed (to be checked again at
/// the end, kept as their line only), a cache of records read again, and the diagnostics. Records are found again by
/// re-reading their line from the input (<see cref="InputBytes"/>).
/// </summary>
internal sealed class StreamingValidation : IStreamingSymbols
{
    private const int CacheSize = 4096;
    private const int RecentSize = 512;

    /// <summary>The unread ids of a one-record result: none (the validation keeps them; never written).</summary>
    private static readonly HashSet<(RecordKind Kind, string Id)> NoUnreadIds = [];
    private static readonly DatasetInfo NoInfo = new("Untitled");

    private readonly DatasetValidator _validator;
    private readonly DatasetRecordReader _records;
    private readonly LocalDate _today;
    private readonly List<DatasetRule> _recordRules = [];
    private readonly List<DatasetRule> _datasetRules = [];
    private readonly List<(DatasetRule Rule, StreamingRuleState State)> _states = [];
    private readonly HashSet<DatasetRule> _failed = new(ReferenceEqualityComparer.Instance);
    private readonly StreamingIdTable _ids = new();
    private readonly HashSet<(RecordKind Kind, string Id)> _unread = [];
    private readonly Dictionary<long, ConflictRecord> _cache = [];
    private readonly Dictionary<long, (ConflictRecord Record, RecordMark Mark)> _recent = [];
    private readonly Queue<long> _recentOrder = new(RecentSize + 1);
    private readonly Dictionary<long, ulong> _pending = [];
    private readonly List<Diagnostic> _found = [];
    private readonly Dictionary<ConflictRecord, RecordMark> _marks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ConflictRecord, RecordMark> _cachedMarks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, ConflictRecord> _retainedByOffset = [];
    private readonly ChunkedList<Deferred> _deferred = new();
    private readonly Dictionary<long, Dictionary<string, int[]>> _remaps = [];
    private readonly List<(ConflictRecord Record, RecordMark Mark)> _retained = [];
    private readonly ChunkedList<RecordPlace>? _allMarks;
    private readonly List<string> _unreadIds = [];
    private readonly DiagnosticCollector _diagnostics;
    private readonly SymbolTable _symbols;
    private readonly Action<Diagnostic> _report;
    private readonly Func<ConflictRecord, string?, DiagnosticLocation?> _locateExternal;
    private readonly Action<Diagnostic> _collect;
    private ConflictRecord? _current;
    private RecordMark? _currentMark;
    private bool _missed;
    private byte[]? _headerLine;
    private SourceText? _headerInfo;

    public StreamingValidation(DatasetValidator validator, DatasetRecordReader records, LocalDate today)
    {
        _validator = validator;
        _records = records;
        _today = today;
        _diagnostics = new DiagnosticCollector(validator.Options, records.Options.MaxDiagnostics);
        _symbols = new SymbolTable(this);
        _report = d => _diagnostics.Add(d, RecordIdAt);
        _locateExternal = Locate;
        _collect = _found.Add;
        _allMarks = validator.Options.Suppressions.IsEmpty ? null : new ChunkedList<RecordPlace>();
        foreach (DatasetRule rule in validator.EnabledRules())
        {
            if (rule.Scope == RuleScope.Record)
            {
                _recordRules.Add(rule);
            }
            else if (rule.BeginStreaming() is { } state)
            {
                _states.Add((rule, state));
            }
            else
            {
                _datasetRules.Add(rule);
            }
        }
    }

    public long RecordCount { get; private set; }

    public ValidationResult Run(Action<long>? progress)
    {
        while (_records.Read())
        {
            StreamedRecord entry = _records.Current;
            foreach (Diagnostic diagnostic in entry.Diagnostics)
            {
                _diagnostics.Add(diagnostic, RecordIdAt);
            }

            if (entry.IsHeader)
            {
                Header(entry);
                continue;
            }

            if (entry.Window is not { } window || entry.Span is not { } span)
            {
                continue;
            }

            RecordMark mark = RecordMark.Of(window, span);
            if (span.Remaps is { } remaps)
            {
                _remaps[mark.Offset] = remaps; // rare: a record whose reader dropped array elements
            }

            if (entry.Record is not { } record)
            {
                if (span.Id is not null)
                {
                    _unread.Add((span.Kind, span.Id));
                }

                if (_allMarks is not null)
                {
                    int idRef = -1;
                    if (span.Id is not null)
                    {
                        _unreadIds.Add(span.Id);
                        idRef = -1 - _unreadIds.Count;
                    }

                    _allMarks.Add(new RecordPlace(mark.Offset, mark.End - mark.Start, idRef));
                }

                continue;
            }

            RecordCount++;
            if ((RecordCount & 0xFFFF) == 0)
            {
                progress?.Invoke(RecordCount);
            }

            bool first = _ids.TryAdd(record.RecordKind, record.RecordId, mark, out int index);
            _allMarks?.Add(new RecordPlace(mark.Offset, mark.End - mark.Start, index));
            Remember(record, mark);
            CheckRecord(record, mark, window, span);
            if (_states.Count > 0)
            {
                var handle = new RecordHandle(mark);
                (SourceText, RecordSpan) here = (window, span);
                foreach ((DatasetRule rule, StreamingRuleState state) in _states)
                {
                    RunState(rule, state, record, handle, pointer => Resolve(here.Item1, here.Item2, pointer), first);
                }
            }
            Retry();
            foreach (DatasetRule rule in _datasetRules)
            {
                if (rule.Retains(record, first))
                {
                    _retained.Add((record, mark));
                    _retainedByOffset[mark.WindowOffset] = record;
                    _marks[record] = mark;
                    break;
                }
            }
        }

        progress?.Invoke(RecordCount);

        // Records still among the recent ones with rules to run again wait for the end like the rest.
        foreach (long offset in _recentOrder)
        {
            if (_pending.Remove(offset, out ulong rules))
            {
                Defer(0, rules, _recent[offset].Mark);
            }
        }

        // The id table is complete: what missed before is final now.
        for (int i = 0; i < _deferred.Count; i++)
        {
            Deferred deferred = _deferred[i];
            if (_records.ReadRecordAt(deferred.Mark) is { Record: { } record, Window: var window, Span: { } span })
            {
                RunRecordRules(deferred.Group, deferred.Rules, record, RecordMark.Of(window, span), SingleResult(record, window, span), RulePass.Final);
            }
        }

        // The last records read are not kept past the reading.
        _recent.Clear();
        _recentOrder.Clear();
        foreach ((DatasetRule rule, StreamingRuleState state) in _states)
        {
            RunState(rule, state, null, null, null, false);
        }

        RunDatasetRules();
        return _diagnostics.Finish(null, _records.FilePath, RecordCount);
    }

    private void Header(StreamedRecord entry)
    {
        if (_records.Format == DatasetFormat.Document)
        {
            // A document's header is its info value (read at the root's end, wherever it was), or nothing.
            _headerInfo = entry.Window ?? new SourceText(_records.FilePath, ReadOnlyMemory<byte>.Empty);
        }
        else if (entry.Window is null)
        {
            return;
        }

        SourceText window = _headerInfo ?? entry.Window!;
        _headerLine = window.Bytes.ToArray();
        ReadResult read = HeaderResult(window);
        foreach (DatasetRule rule in _recordRules)
        {
            Run(rule, read);
        }
    }

    private ReadResult HeaderResult(SourceText window)
    {
        var dataset = new Dataset(_records.Info ?? NoInfo, _records.FormatVersion ?? Dataset.CurrentFormatVersion);
        return new ReadResult(dataset, [], _records.Format, window, _records.Options, [], [], (window.BomLength, window.Length)) { HeaderIsInfo = _headerInfo is not null };
    }

    private void CheckRecord(ConflictRecord record, RecordMark mark, SourceText window, RecordSpan span)
    {
        if (_recordRules.Count == 0)
        {
            return;
        }

        ReadResult read = SingleResult(record, window, span);
        for (int i = 0; i < _recordRules.Count; i++)
        {
            RunRecordRule(i, record, mark, read, RulePass.First);
        }
    }

    /// <summary>Runs the record rules whose bits are set (rule <c>64 * group + bit</c>) on a record.</summary>
    private void RunRecordRules(int group, ulong rules, ConflictRecord record, RecordMark mark, ReadResult read, RulePass pass)
    {
        for (ulong left = rules; left != 0; left &= left - 1)
        {
            RunRecordRule((group * 64) + BitOperations.TrailingZeroCount(left), record, mark, read, pass);
        }
    }

    private ReadResult SingleResult(ConflictRecord record, SourceText window, RecordSpan span)
        => new(Single(record), [], DatasetFormat.JsonLines, window, _records.Options, [span], NoUnreadIds, null) { ExternalLocations = _locateExternal };

    private void RunRecordRule(int index, ConflictRecord record, RecordMark mark, ReadResult read, RulePass pass)
    {
        _current = record;
        _currentMark = mark;
        _missed = false;
        List<Diagnostic> found = Run(_recordRules[index], read, collect: pass != RulePass.Final);
        if (pass != RulePass.Final && _missed)
        {
            // Something it looked up is not known yet: check the record again later. Most forward references point
            // a few records ahead, so on its first pass a record gets a second try when it leaves the recent records
            // (every id it named has usually been read by then, and the records named are still at hand); the rest
            // are checked at the end, when every id is known.
            if (pass == RulePass.First && index < 64)
            {
                _pending[mark.WindowOffset] = (_pending.TryGetValue(mark.WindowOffset, out ulong rules) ? rules : 0) | (1UL << index);
            }
            else
            {
                (int group, int bit) = Math.DivRem(index, 64);
                Defer(group, 1UL << bit, mark);
            }
        }
        else if (pass != RulePass.Final)
        {
            foreach (Diagnostic diagnostic in found)
            {
                _diagnostics.Add(diagnostic, RecordIdAt);
            }
        }

        _current = null;
        _currentMark = null;
    }

    /// <summary>Runs a rule on a result; the diagnostics go to the collector, or (<paramref name="collect"/>) to a list reused by the next call.</summary>
    private List<Diagnostic> Run(DatasetRule rule, ReadResult read, bool collect = false)
    {
        List<Diagnostic> found = _found;
        found.Clear();
        Action<Diagnostic> sink = collect ? _collect : _report;
        var context = new RuleContext(read, _symbols, _today, rule, sink);
        try
        {
            rule.Analyze(context);
        }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            sink(Diagnostic.Create(ValidationDiagnostics.InternalError, read.FileLocation, $"Rule {rule.Name}", $"{ex.GetType().Name}: {ex.Message}"));
        }

        return found;
    }

    private void RunState(DatasetRule rule, StreamingRuleState state, ConflictRecord? record, RecordHandle? handle, Func<string?, DiagnosticLocation>? locateCurrent, bool firstWithId)
    {
        if (_failed.Contains(rule))
        {
            return;
        }

        var context = new StreamingRuleContext(rule, record, handle, _symbols, _today, (h, pointer) => Locate(MarkOf(h), pointer), locateCurrent, _report, h => RecordAt(MarkOf(h)), firstWithId);
        try
        {
            if (record is null)
            {
                state.End(context);
            }
            else
            {
                state.Record(context);
            }
        }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failed.Add(rule);
            _diagnostics.Add(Diagnostic.Create(ValidationDiagnostics.InternalError, DiagnosticLocation.ForFile(_records.FilePath), $"Rule {rule.Name}", $"{ex.GetType().Name}: {ex.Message}"), RecordIdAt);
        }
    }

    private DiagnosticLocation Resolve(SourceText window, RecordSpan span, string? relativePointer)
    {
        (int start, int end, string pointer) = JsonPointerNavigator.Resolve(window, span, relativePointer, _records.Options.MaxDepth);
        return window.GetLocation(start, end, pointer);
    }

    private RecordMark MarkOf(RecordHandle handle)
        => handle.ToMark(handle.HasRemaps && _remaps.TryGetValue(handle.ByteOffset, out Dictionary<string, int[]>? remaps) ? remaps : null);

    private DiagnosticLocation Locate(RecordMark mark, string? relativePointer)
    {
        (SourceText window, RecordSpan span) = _records.ReadWindowAt(mark);
        return Resolve(window, span, relativePointer);
    }

    private void RunDatasetRules()
    {
        if (_datasetRules.Count == 0)
        {
            return;
        }

        var builders = new Dictionary<RecordKind, List<ConflictRecord>>();
        foreach ((ConflictRecord record, _) in _retained)
        {
            if (!builders.TryGetValue(record.RecordKind, out List<ConflictRecord>? list))
            {
                builders[record.RecordKind] = list = [];
            }

            list.Add(record);
        }

        ImmutableArray<T> Of<T>(RecordKind kind)
            where T : ConflictRecord
            => builders.TryGetValue(kind, out List<ConflictRecord>? list) ? [.. list.Cast<T>()] : [];

        var dataset = new Dataset(
            _records.Info ?? NoInfo,
            _records.FormatVersion ?? Dataset.CurrentFormatVersion,
            Of<Source>(RecordKind.Source),
            Of<Actor>(RecordKind.Actor),
            Of<Event>(RecordKind.Event),
            Of<CasualtyEstimate>(RecordKind.CasualtyEstimate),
            Of<Attribution>(RecordKind.Attribution),
            Of<Claim>(RecordKind.Claim),
            Of<Ceasefire>(RecordKind.Ceasefire),
            Of<Mediation>(RecordKind.Mediation),
            Of<Agreement>(RecordKind.Agreement));
        SourceText header = _headerInfo ?? new(_records.FilePath, _headerLine ?? [], null, 0, 0);
        foreach (DatasetRule rule in _datasetRules)
        {
            var read = new ReadResult(dataset, [], _records.Format, header, _records.Options, [], [], _headerLine is null ? null : (header.BomLength, header.Length))
            {
                ExternalLocations = Locate,
                HeaderIsInfo = _headerInfo is not null,
            };
            Run(rule, read);
        }
    }

    private static Dataset Single(ConflictRecord record) => record switch
    {
        Source r => new Dataset(NoInfo, sources: [r]),
        Actor r => new Dataset(NoInfo, actors: [r]),
        Event r => new Dataset(NoInfo, events: [r]),
        CasualtyEstimate r => new Dataset(NoInfo, casualtyEstimates: [r]),
        Attribution r => new Dataset(NoInfo, attributions: [r]),
        Claim r => new Dataset(NoInfo, claims: [r]),
        Ceasefire r => new Dataset(NoInfo, ceasefires: [r]),
        Mediation r => new Dataset(NoInfo, mediations: [r]),
        Agreement r => new Dataset(NoInfo, agreements: [r]),
        _ => new Dataset(NoInfo),
    };

    // ---- Finding records again ----------------------------------------------------------------------------------

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

        return _current is { } current && !ReferenceEquals(current, first) && current.RecordKind == kind && string.Equals(current.RecordId, id, StringComparison.Ordinal)
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
    /// Gets the record on a mark's line (one record a line): the current one, one kept, one read again recently, or
    /// read again now. A mark from the id table knows only the line; the record's span and remapped pointers come
    /// from reading it again, and are what its locations are computed from.
    /// </summary>
    private ConflictRecord? RecordAt(RecordMark mark)
    {
        if (_currentMark is not null && mark.WindowOffset == _currentMark.WindowOffset)
        {
            return _current;
        }

        if (_recent.TryGetValue(mark.WindowOffset, out (ConflictRecord Record, RecordMark Mark) recent))
        {
            return recent.Record;
        }

        if (_retainedByOffset.TryGetValue(mark.WindowOffset, out ConflictRecord? retained) || _cache.TryGetValue(mark.WindowOffset, out retained))
        {
            return retained;
        }

        if (_records.ReadRecordAt(mark) is not { Record: { } record, Window: var window, Span: { } span })
        {
            return null;
        }

        if (_cache.Count >= CacheSize)
        {
            _cache.Clear();
            _cachedMarks.Clear();
        }

        _cache[mark.WindowOffset] = record;
        _cachedMarks[record] = RecordMark.Of(window, span);
        return record;
    }

    /// <summary>
    /// Keeps the last <see cref="RecentSize"/> records read, by their line: the records looked up most are those just
    /// read (the event before its estimates, the parts of a total), and these need no reading again.
    /// </summary>
    private void Remember(ConflictRecord record, RecordMark mark)
    {
        if (_recent.TryAdd(mark.WindowOffset, (record, mark)))
        {
            _recentOrder.Enqueue(mark.WindowOffset);
        }
    }

    /// <summary>
    /// Lets the oldest of the recent records go once there are more than <see cref="RecentSize"/>, running again the
    /// record rules that missed on it (see <see cref="RunRecordRule"/>): what misses again waits for the end.
    /// </summary>
    private void Retry()
    {
        while (_recentOrder.Count > RecentSize)
        {
            long offset = _recentOrder.Peek();
            if (_pending.Remove(offset, out ulong rules))
            {
                (ConflictRecord record, RecordMark mark) = _recent[offset];
                (SourceText window, RecordSpan span) = _records.ReadWindowAt(mark, record);
                RunRecordRules(0, rules, record, mark, SingleResult(record, window, span), RulePass.Retry);
            }

            _recentOrder.Dequeue();
            _recent.Remove(offset);
        }
    }

    /// <summary>Gets the mark of one of the recent records (a scan: needed only for an additional location).</summary>
    private RecordMark? RecentMark(ConflictRecord record)
    {
        foreach ((ConflictRecord Record, RecordMark Mark) recent in _recent.Values)
        {
            if (ReferenceEquals(recent.Record, record))
            {
                return recent.Mark;
            }
        }

        return null;
    }

    private DiagnosticLocation? Locate(ConflictRecord record, string? relativePointer)
    {
        if (!_marks.TryGetValue(record, out RecordMark? mark) && !_cachedMarks.TryGetValue(record, out mark) && (mark = RecentMark(record)) is null)
        {
            return null;
        }

        return Locate(mark, relativePointer);
    }

    private string? RecordIdAt(DiagnosticLocation location)
    {
        if (_allMarks is null || !string.Equals(location.FilePath, _records.FilePath, StringComparison.Ordinal))
        {
            return null;
        }

        long offset = location.ByteOffset;
        int lo = 0, hi = _allMarks.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_allMarks[mid].Offset <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        RecordPlace place = _allMarks[found];
        long end = place.Offset + place.Length;
        if (!(offset < end || (offset == place.Offset && place.Length == 0)))
        {
            return null;
        }

        return place.IdRef >= 0 ? _ids.IdAt(place.IdRef) : place.IdRef < -1 ? _unreadIds[-2 - place.IdRef] : null;
    }

    /// <summary>
    /// Record rules to run again on a record once every id is known: the record's line and, as bits, which of (up to)
    /// 64 record rules; the rules a record defers are run one after the other, so they share an entry.
    /// </summary>
    private readonly record struct Deferred(RecordMark Mark, int Group, ulong Rules)
    {
        public long WindowOffset => Mark.WindowOffset;
    }

    private void Defer(int group, ulong rules, RecordMark mark)
    {
        int last = _deferred.Count - 1;
        if (last >= 0 && _deferred[last].WindowOffset == mark.WindowOffset && _deferred[last].Group == group)
        {
            _deferred.At(last) = _deferred[last] with { Rules = _deferred[last].Rules | rules };
        }
        else
        {
            _deferred.Add(new Deferred(mark, group, rules));
        }
    }

    /// <summary>How a record rule runs: first, as the record is read; again, as it leaves the recent records; at the end.</summary>
    private enum RulePass
    {
        First,
        Retry,
        Final,
    }

    /// <summary>Where a record is in the input and which id it has (an index into the id table, or into the ids of unreadable records below -1), for finding the record a diagnostic is about.</summary>
    private readonly record struct RecordPlace(long Offset, int Length, int IdRef);
}

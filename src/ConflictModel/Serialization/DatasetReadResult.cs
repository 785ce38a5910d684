using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// What <see cref="DatasetReader"/> could read from one input, like a Roslyn syntax tree with its diagnostics: the
/// dataset (records that could not be used are left out and reported; a record missing only optional parts is
/// kept without them), the syntax, shape and value diagnostics found while reading, and where each record and each
/// of its members came from. Immutable and thread-safe.
/// </summary>
public sealed class DatasetReadResult
{
    private readonly SourceText _text;
    private readonly DatasetReaderOptions _options;
    private readonly RecordSpan[] _spans;
    private Dictionary<ConflictRecord, RecordSpan>? _byRecord;
    private int[]? _maxEnds;
    private readonly HashSet<(RecordKind Kind, string Id)> _unreadIds;
    private readonly RecordSpan _header;

    internal DatasetReadResult(
        Dataset dataset,
        ImmutableArray<Diagnostic> diagnostics,
        DatasetFormat format,
        SourceText text,
        DatasetReaderOptions options,
        List<RecordSpan> spans,
        HashSet<(RecordKind Kind, string Id)> unreadIds,
        (int Start, int End)? header)
    {
        Dataset = dataset;
        Diagnostics = diagnostics;
        Format = format;
        _text = text;
        _options = options;
        // The parser registers spans in input order; sorting (stable, by start) is needed only if that ever changes.
        bool sorted = true;
        for (int i = 1; i < spans.Count && sorted; i++)
        {
            sorted = spans[i - 1].Start <= spans[i].Start;
        }

        _spans = sorted ? [.. spans] : [.. spans.OrderBy(s => s.Start)];

        _unreadIds = unreadIds;
        (int start, int end) = header ?? (text.BomLength, text.BomLength);
        _header = new RecordSpan(RecordKind.Source, null, string.Empty, start, end, null, null);
    }

    /// <summary>Gets the dataset as far as it could be read. Its description is titled "Untitled" when none could be read.</summary>
    public Dataset Dataset { get; }

    /// <summary>Gets the problems found while reading, in the order found, with the descriptors' default severities.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the file read, or null for text or a stream without one.</summary>
    public string? FilePath => _text.FilePath;

    /// <summary>Gets the wire form the input was read as.</summary>
    public DatasetFormat Format { get; }

    /// <summary>Gets whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// Gets the dataset, or throws for the first error found, as NodaTime's <c>ParseResult&lt;T&gt;.Value</c> throws what
    /// <c>TryGetValue</c> reports: the exception's message is the validator's line for that diagnostic (1-based line
    /// and column, id, message, JSON Pointer), and its <see cref="System.Text.Json.JsonException.LineNumber"/>,
    /// <see cref="System.Text.Json.JsonException.BytePositionInLine"/> and <see cref="System.Text.Json.JsonException.Path"/>
    /// give the same place as System.Text.Json does (0-based, JSONPath). Warnings and infos do not throw.
    /// </summary>
    /// <returns>The dataset, when no diagnostic is an error.</returns>
    /// <exception cref="System.Text.Json.JsonException">A diagnostic is an error.</exception>
    public Dataset GetDatasetOrThrow() => FirstReadError.Find(Diagnostics, _text) is { } error ? throw error : Dataset;

    internal SourceText Text => _text;

    internal DatasetReaderOptions Options => _options;

    /// <summary>Gets the location of the whole input: line 1, column 1, pointer <c>""</c>.</summary>
    public DiagnosticLocation FileLocation => DiagnosticLocation.ForFile(_text.FilePath);

    /// <summary>
    /// Gets where a record, or a member inside it, was read from. <paramref name="relativePointer"/> is a JSON
    /// Pointer relative to the record, with the model's array indices (<c>/participants/1/actor</c>); when it names
    /// something that is not in the file (an absent member), the location is that of the deepest part of it that is,
    /// in the end the record itself. A record that was not read by this reader gets <see cref="FileLocation"/>.
    /// </summary>
    /// <param name="record">A record of <see cref="Dataset"/>.</param>
    /// <param name="relativePointer">The member, as a JSON Pointer from the record; null or <c>""</c> for the record.</param>
    /// <returns>The location, with the member's own JSON Pointer from the start of the document or line.</returns>
    public DiagnosticLocation LocationOf(ConflictRecord record, string? relativePointer = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_spans.Length <= 4)
        {
            // A streamed record's result holds one record: no index to build for it.
            foreach (RecordSpan candidate in _spans)
            {
                if (ReferenceEquals(candidate.Record, record))
                {
                    return Resolve(candidate, relativePointer);
                }
            }
        }
        else if (LazyInitializer.EnsureInitialized(ref _byRecord, IndexRecords).TryGetValue(record, out RecordSpan? span))
        {
            return Resolve(span, relativePointer);
        }

        return ExternalLocations?.Invoke(record, relativePointer) ?? FileLocation;
    }

    /// <summary>
    /// Gets or sets, for the partial results a streaming validation builds, where records this result does not hold
    /// were read from; null otherwise.
    /// </summary>
    internal Func<ConflictRecord, string?, DiagnosticLocation?>? ExternalLocations { get; init; }

    /// <summary>Gets where the dataset's description, or a member inside it, was read from.</summary>
    /// <param name="relativePointer">The member, as a JSON Pointer from the description (<c>/created</c>); null for the description.</param>
    /// <returns>The location.</returns>
    public DiagnosticLocation LocationOfInfo(string? relativePointer = null)
        => HeaderIsInfo
            ? Resolve(new RecordSpan(RecordKind.Source, null, "/info", _header.Start, _header.End, null, null), relativePointer)
            : Resolve(_header, "/info" + (relativePointer ?? string.Empty));

    /// <summary>
    /// Gets or sets whether the header text is the dataset's <c>info</c> value itself (a streamed document, whose
    /// info is kept without the rest of the root object), rather than a header line or a whole document.
    /// </summary>
    internal bool HeaderIsInfo { get; init; }

    /// <summary>
    /// Gets the record a location lies in (the innermost, for a record inside a JSON Lines header), whether or not the
    /// record could be read — for reports that group findings by record, and for suppressions scoped to a record.
    /// </summary>
    /// <param name="location">A location in this input.</param>
    /// <param name="kind">The record's kind.</param>
    /// <param name="id">The record's id.</param>
    /// <returns>Whether the location lies in a record whose id could be read.</returns>
    public bool TryGetRecordAt(DiagnosticLocation location, out RecordKind kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? id)
    {
        ArgumentNullException.ThrowIfNull(location);
        RecordSpan? span = string.Equals(location.FilePath, FilePath, StringComparison.Ordinal) ? SpanAt(location.ByteOffset) : null;
        kind = span?.Kind ?? default;
        id = span?.Id;
        return id is not null;
    }

    /// <summary>Gets where each record was read from, in input order.</summary>
    internal RecordSpan[] Spans => _spans;

    /// <summary>Gets where a member of the record at a span is.</summary>
    internal DiagnosticLocation LocationOfSpan(RecordSpan span, string? relativePointer) => Resolve(span, relativePointer);

    /// <summary>Gets whether a record of this kind and id was in the input, even if it could not be read.</summary>
    internal bool WasDeclared(RecordKind kind, string id) => _unreadIds.Contains((kind, id));

    /// <summary>Gets the innermost record whose text contains a byte offset, read or not.</summary>
    internal RecordSpan? SpanAt(long offset)
    {
        // The last span starting at or before the offset, then back while an earlier one may still contain it (the
        // innermost is the latest to start): a binary search instead of a walk over every record.
        int low = 0, high = _spans.Length - 1, last = -1;
        while (low <= high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            if (_spans[middle].Start <= offset)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        int[] maxEnds = LazyInitializer.EnsureInitialized(ref _maxEnds, MaxEnds);
        for (int i = last; i >= 0; i--)
        {
            RecordSpan span = _spans[i];
            if (offset < span.End || (offset == span.Start && span.End == span.Start))
            {
                return span;
            }

            if (maxEnds[i] <= offset && span.Start < offset)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>For each span, the furthest end of it and every span before it.</summary>
    private int[] MaxEnds()
    {
        var ends = new int[_spans.Length];
        int max = int.MinValue;
        for (int i = 0; i < _spans.Length; i++)
        {
            max = Math.Max(max, _spans[i].End);
            ends[i] = max;
        }

        return ends;
    }

    /// <summary>Each record's span, built on the first lookup: reading alone does not pay for it.</summary>
    private Dictionary<ConflictRecord, RecordSpan> IndexRecords()
    {
        var byRecord = new Dictionary<ConflictRecord, RecordSpan>(_spans.Length, ReferenceEqualityComparer.Instance);
        foreach (RecordSpan span in _spans)
        {
            if (span.Record is not null)
            {
                byRecord[span.Record] = span;
            }
        }

        return byRecord;
    }

    private DiagnosticLocation Resolve(RecordSpan span, string? relativePointer)
    {
        (int start, int end, string pointer) = JsonPointerNavigator.Resolve(_text, span, relativePointer, _options.MaxDepth);
        return _text.GetLocation(start, end, pointer);
    }
}

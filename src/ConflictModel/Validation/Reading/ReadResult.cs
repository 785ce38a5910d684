using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

namespace ConflictModel.Validation;

/// <summary>
/// What <see cref="DatasetReader"/> could read from one input, like a Roslyn syntax tree with its diagnostics: the
/// dataset (records that could not be used are left out and reported; a record missing only optional parts is
/// kept without them), the syntax, shape and value diagnostics found while reading, and where each record and each
/// of its members came from. Immutable and thread-safe.
/// </summary>
public sealed class ReadResult
{
    private readonly SourceText _text;
    private readonly DatasetReaderOptions _options;
    private readonly Dictionary<ConflictRecord, RecordSpan> _byRecord;
    private readonly RecordSpan[] _spans;
    private readonly HashSet<(RecordKind Kind, string Id)> _unreadIds;
    private readonly RecordSpan _header;

    internal ReadResult(
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
        _spans = [.. spans.OrderBy(s => s.Start)];
        _byRecord = new Dictionary<ConflictRecord, RecordSpan>(ReferenceEqualityComparer.Instance);
        foreach (RecordSpan span in spans)
        {
            if (span.Record is not null)
            {
                _byRecord[span.Record] = span;
            }
        }

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
        if (_byRecord.TryGetValue(record, out RecordSpan? span))
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
        => Resolve(_header, "/info" + (relativePointer ?? string.Empty));

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

    /// <summary>Gets whether a record of this kind and id was in the input, even if it could not be read.</summary>
    internal bool WasDeclared(RecordKind kind, string id) => _unreadIds.Contains((kind, id));

    /// <summary>Gets the innermost record whose text contains a byte offset, read or not.</summary>
    internal RecordSpan? SpanAt(long offset)
    {
        RecordSpan? found = null;
        foreach (RecordSpan span in _spans)
        {
            if (span.Start > offset)
            {
                break;
            }

            if (offset < span.End || (offset == span.Start && span.End == span.Start))
            {
                found = span;
            }
        }

        return found;
    }

    private DiagnosticLocation Resolve(RecordSpan span, string? relativePointer)
    {
        (int start, int end, string pointer) = JsonPointerNavigator.Resolve(_text, span, relativePointer, _options.MaxDepth);
        return _text.GetLocation(start, end, pointer);
    }
}

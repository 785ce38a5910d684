using System;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// A JSON document read record by record, as JSON Lines is read line by line: the caller hands in what it has of
/// the input (a window starting where the last step stopped), and each step reads one unit of the document with a
/// <see cref="Utf8JsonReader"/> resumed from the state the last step ended in — a member of the root object (its
/// whole value, or only the opening bracket of a record array), one element of a record array, or the root's end.
/// A unit is first found with a probe that does not report anything; when the window does not hold it whole, the
/// step asks for more input. The unit is then read by the same code as a document read whole, over exactly the
/// bytes and reader state that code would see, so that the diagnostics (positions, JSON Pointers, syntax errors
/// at the byte the whole-document reader stops at) are the same.
/// </summary>
internal sealed partial class DatasetParser
{
    private JsonReaderState _documentState;
    private DocumentPart _part;
    private ulong _rootSeen;
    private (long Offset, int Line, int Column) _rootStart;
    private RecordKind _arrayKind;
    private string _arrayName = string.Empty;
    private int _arrayIndex;
    private SourceText? _infoWindow;
    private (Diagnostic Diagnostic, int Line)? _pendingSyntax;
    private long _bytesIntoLine;
    private DiagnosticLocation? _documentStart;

    // A record too large to hold: skipped token by token, its id kept, reported at its end.
    private (long Offset, DiagnosticLocation Location, string? Id, bool NextIsId, byte[] FirstByte, int Line, int Column) _skipping;

    private enum DocumentPart
    {
        Start,
        Members,
        Elements,
        SkippingRecord,
        AfterRoot,
        Done,
    }

    /// <summary>Creates a parser that reads a JSON document one unit at a time (see <see cref="ReadDocumentStep"/>).</summary>
    public static DatasetParser ForDocument(DatasetReaderOptions options, string? path)
        => new(new SourceText(path, ReadOnlyMemory<byte>.Empty), options, streaming: true)
        {
            _documentState = new JsonReaderState(new JsonReaderOptions { MaxDepth = options.MaxDepth }),
        };

    /// <summary>Gets the window holding the dataset's <c>info</c> value (a copy), once it has been read.</summary>
    public SourceText? InfoWindow => _infoWindow;

    /// <summary>Gets whether the document has been read to its end (or to the syntax error that ends it).</summary>
    public bool DocumentDone => _part == DocumentPart.Done;

    /// <summary>
    /// Reads the next unit of a JSON document. <paramref name="window"/> holds the input from where the last step
    /// stopped (after any byte order mark) to as far as has been read; <paramref name="final"/> says it reaches the
    /// end of the input.
    /// <paramref name="bytesIntoLine"/> is the number of bytes of the window's first line before the window (after a
    /// byte order mark), for positions the JSON reader gives as line and byte in line.
    /// Never throws for anything in the data.
    /// </summary>
    public DocumentStep ReadDocumentStep(SourceText window, bool final, long bytesIntoLine)
    {
        _text = window;
        _base = 0;
        _bytesIntoLine = bytesIntoLine;
        try
        {
            return _part switch
            {
                DocumentPart.Start => StartStep(window, final),
                DocumentPart.Members => MemberStep(window, final),
                DocumentPart.Elements => ElementStep(window, final),
                DocumentPart.SkippingRecord => SkipStep(window, final),
                DocumentPart.AfterRoot => AfterRootStep(window, final),
                _ => new DocumentStep(0, false, null, null, false, Drain()),
            };
        }
#pragma warning disable CA1031 // A bug in the reader must not take down a linter run; it is reported instead.
        catch (Exception ex) when (ex is not JsonException)
#pragma warning restore CA1031
        {
            Add(Diagnostic.Create(ValidationDiagnostics.InternalError, DiagnosticLocation.ForFile(window.FilePath), "The dataset reader", $"{ex.GetType().Name}: {ex.Message}"));
            _path.Clear();
            _recordDepth = -1;
            _part = DocumentPart.Done;
            return new DocumentStep(0, false, null, null, false, Drain());
        }
    }

    /// <summary>Reports a byte that is not UTF-8, at most once a line, as the whole-document reader does before reading.</summary>
    public void ReportInvalidUtf8At(DiagnosticLocation location)
    {
        if (_invalidUtf8Lines.Add(location.StartLine))
        {
            Add(Diagnostic.Create(ReaderDiagnostics.InvalidUtf8, location));
        }
    }

    /// <summary>Ends a document input: the syntax error that ended it (unless its line had bytes that are not UTF-8), or the report of an empty input.</summary>
    public ImmutableArray<Diagnostic> FinishDocument()
    {
        if (_pendingSyntax is { } syntax && (syntax.Diagnostic.Id != ReaderDiagnostics.MalformedJson.Id || !_invalidUtf8Lines.Contains(syntax.Line)))
        {
            Add(syntax.Diagnostic);
        }

        _pendingSyntax = null;
        _part = DocumentPart.Done;
        return Drain();
    }

    private DocumentStep StartStep(SourceText window, bool final)
    {
        _documentStart ??= window.GetLocation(0, 0, string.Empty);
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        if (final && bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            // Only white space: the whole-document reader's message, at the start.
            Add(Diagnostic.Create(ReaderDiagnostics.MalformedJson, _documentStart, "The input is empty: a dataset document is a JSON object {\"formatVersion\":\"1.0\",\"info\":{…},…}"));
            _part = DocumentPart.Done;
            return new DocumentStep(bytes.Length, false, null, null, false, Drain());
        }

        var probe = new Utf8JsonReader(bytes, final, _documentState);
        bool any;
        try
        {
            any = probe.Read();
        }
        catch (JsonException ex)
        {
            return Syntax(ex, window, "document");
        }

        if (!any)
        {
            // Only white space so far: the reader has taken it (and counted its lines).
            _documentState = probe.CurrentState;
            return new DocumentStep((int)probe.BytesConsumed, true, null, null, false, []);
        }

        if (probe.TokenType == JsonTokenType.StartObject)
        {
            int start = (int)probe.TokenStartIndex;
            (int line, int column) = window.GetLineColumn(start);
            _rootStart = (window.BaseOffset + start, line, column);
            _documentState = probe.CurrentState;
            _part = DocumentPart.Members;
            _recordDepth = _path.Count;
            return new DocumentStep((int)probe.BytesConsumed, false, null, null, false, Drain());
        }

        // Not an object: the whole value is read and reported as the whole-document reader does.
        try
        {
            if (!probe.TrySkip())
            {
                return new DocumentStep(0, true, null, null, false, []);
            }
        }
        catch (JsonException ex)
        {
            return Unit(window, bytes.Length, ex, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadRootValue(ref r));
        }

        JsonReaderState after = probe.CurrentState;
        int end = (int)probe.BytesConsumed;
        DocumentStep step = Unit(window, end, null, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadRootValue(ref r));
        if (_part != DocumentPart.Done)
        {
            _documentState = after;
            _part = DocumentPart.AfterRoot;
        }

        return step;
    }

    private void ReadRootValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        WrongType(ref reader, "a dataset (a JSON object)");
    }

    private DocumentStep MemberStep(SourceText window, bool final)
    {
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        var probe = new Utf8JsonReader(bytes, final, _documentState);
        bool opensArray = false;
        try
        {
            if (!probe.Read())
            {
                return new DocumentStep(0, true, null, null, false, []);
            }

            if (probe.TokenType == JsonTokenType.EndObject)
            {
                return EndRoot(window, ref probe);
            }

            int member = !(probe.ValueIsEscaped && HasUnpairedSurrogate(probe.ValueSpan)) ? DatasetMembers.IndexOf(ref probe) : -1;
            if (!probe.Read())
            {
                return new DocumentStep(0, true, null, null, false, []);
            }

            opensArray = member >= 2 && (_rootSeen & (1UL << member)) == 0 && probe.TokenType == JsonTokenType.StartArray;
            if (!opensArray && !probe.TrySkip())
            {
                return new DocumentStep(0, true, null, null, false, []);
            }
        }
        catch (JsonException ex)
        {
            return Unit(window, bytes.Length, ex, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadRootMember(ref r, false));
        }

        JsonReaderState after = probe.CurrentState;
        int end = (int)probe.BytesConsumed;
        DocumentStep step = opensArray
            ? Unit(window, end, null, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadRootMember(ref r, true))
            : Unit(window, end, null, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadRootMember(ref r, false));
        if (_part != DocumentPart.Done)
        {
            _documentState = after;
        }

        return step;
    }

    /// <summary>Reads one member of the root object, as <see cref="ReadDatasetObject"/> does; a record array is only opened.</summary>
    private void ReadRootMember(ref Utf8JsonReader reader, bool opensArray)
    {
        reader.Read();
        int member = Match(ref reader, DatasetMembers, ref _rootSeen);
        switch (member)
        {
            case 0: ReadFormatVersion(ref reader); break;
            case 1:
                int valueStart = (int)TokenStart(ref reader);
                if (TryReadInfo(ref reader, out DatasetInfo? info))
                {
                    _info = info;
                    _infoWindow = _text.Slice(valueStart, _base + (int)reader.BytesConsumed).Detach();
                }

                break;
            case >= 2 and <= 10 when opensArray && reader.TokenType == JsonTokenType.StartArray:
                _arrayKind = ArrayKinds[member - 2];
                _arrayName = DatasetMembers.Names[member];
                _arrayIndex = 0;
                _part = DocumentPart.Elements;
                return; // the member stays on the path until the array ends
            case 2: ReadRecordArray(ref reader, RecordKind.Source, SourceReader, _records.Sources); break;
            case 3: ReadRecordArray(ref reader, RecordKind.Actor, ActorReader, _records.Actors); break;
            case 4: ReadRecordArray(ref reader, RecordKind.Event, EventReader, _records.Events); break;
            case 5: ReadRecordArray(ref reader, RecordKind.CasualtyEstimate, EstimateReader, _records.Estimates); break;
            case 6: ReadRecordArray(ref reader, RecordKind.Attribution, AttributionReader, _records.Attributions); break;
            case 7: ReadRecordArray(ref reader, RecordKind.Claim, ClaimReader, _records.Claims); break;
            case 8: ReadRecordArray(ref reader, RecordKind.Ceasefire, CeasefireReader, _records.Ceasefires); break;
            case 9: ReadRecordArray(ref reader, RecordKind.Mediation, MediationReader, _records.Mediations); break;
            case 10: ReadRecordArray(ref reader, RecordKind.Agreement, AgreementReader, _records.Agreements); break;
            case UnknownMember: ReadUnknown(ref reader, DatasetMembers, ref _datasetExtensions); break;
        }

        Pop();
        ClearRecords();
    }

    private static readonly RecordKind[] ArrayKinds =
    [
        RecordKind.Source, RecordKind.Actor, RecordKind.Event, RecordKind.CasualtyEstimate, RecordKind.Attribution,
        RecordKind.Claim, RecordKind.Ceasefire, RecordKind.Mediation, RecordKind.Agreement,
    ];

    private DocumentStep EndRoot(SourceText window, ref Utf8JsonReader probe)
    {
        _recordDepth = -1;
        int end = (int)probe.BytesConsumed;
        if ((_rootSeen & 2) == 0)
        {
            (int endLine, int endColumn) = window.GetLineColumn(end);
            var location = new DiagnosticLocation(window.FilePath, _rootStart.Line, _rootStart.Column, string.Empty, _rootStart.Offset, endLine, endColumn);
            Add(Diagnostic.Create(ReaderDiagnostics.MissingMember, location, DatasetMembers.Owner, "info"));
        }

        _documentState = probe.CurrentState;
        _part = DocumentPart.AfterRoot;
        return new DocumentStep(end, false, null, null, true, Drain());
    }

    private DocumentStep ElementStep(SourceText window, bool final)
    {
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        var probe = new Utf8JsonReader(bytes, final, _documentState);
        int recordStart = -1;
        try
        {
            if (!probe.Read())
            {
                return new DocumentStep(0, true, null, null, false, []);
            }

            if (probe.TokenType == JsonTokenType.EndArray)
            {
                Pop();
                _documentState = probe.CurrentState;
                _part = DocumentPart.Members;
                return new DocumentStep((int)probe.BytesConsumed, false, null, null, false, Drain());
            }

            if (probe.TokenType == JsonTokenType.StartObject)
            {
                recordStart = (int)probe.TokenStartIndex;
            }

            if (!probe.TrySkip())
            {
                if (recordStart >= 0 && bytes.Length - recordStart > _options.MaxRecordBytes)
                {
                    return BeginSkip(window, recordStart);
                }

                return new DocumentStep(0, true, null, null, false, []);
            }
        }
        catch (JsonException ex)
        {
            return recordStart >= 0
                ? RecordUnit(window, recordStart, bytes.Length, ex)
                : Unit(window, bytes.Length, ex, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadNonRecordElement(ref r));
        }

        JsonReaderState after = probe.CurrentState;
        int end = (int)probe.BytesConsumed;
        DocumentStep step = recordStart >= 0
            ? RecordUnit(window, recordStart, end, null)
            : Unit(window, end, null, "document", static (DatasetParser p, ref Utf8JsonReader r) => p.ReadNonRecordElement(ref r));
        if (_part != DocumentPart.Done)
        {
            _documentState = after;
        }

        return step;
    }

    private void ReadNonRecordElement(ref Utf8JsonReader reader)
    {
        reader.Read();
        Push(_arrayIndex);
        WrongType(ref reader, $"a {EnumNames<RecordKind>.NameOf(_arrayKind)} (a JSON object)");
        Pop();
        _arrayIndex++;
    }

    /// <summary>Reads one record of an array over a window that starts at the record's opening brace.</summary>
    private DocumentStep RecordUnit(SourceText window, int recordStart, int end, JsonException? probeError)
    {
        SourceText recordWindow = window.Slice(recordStart, end);
        // The reader is given all the bytes held, not the unit's alone: a number ending a unit needs the delimiter
        // after it, as in the whole document. The unit's code reads no further than the unit (or the syntax error).
        var reader = new Utf8JsonReader(window.Bytes.Span, isFinalBlock: true, _documentState);
        _text = recordWindow;
        _base = -recordStart;
        RecordSpan span;
        try
        {
            reader.Read();
            Push(_arrayIndex);
            span = _arrayKind switch
            {
                RecordKind.Source => ReadRecord(ref reader, RecordKind.Source, SourceReader),
                RecordKind.Actor => ReadRecord(ref reader, RecordKind.Actor, ActorReader),
                RecordKind.Event => ReadRecord(ref reader, RecordKind.Event, EventReader),
                RecordKind.CasualtyEstimate => ReadRecord(ref reader, RecordKind.CasualtyEstimate, EstimateReader),
                RecordKind.Attribution => ReadRecord(ref reader, RecordKind.Attribution, AttributionReader),
                RecordKind.Claim => ReadRecord(ref reader, RecordKind.Claim, ClaimReader),
                RecordKind.Ceasefire => ReadRecord(ref reader, RecordKind.Ceasefire, CeasefireReader),
                RecordKind.Mediation => ReadRecord(ref reader, RecordKind.Mediation, MediationReader),
                _ => ReadRecord(ref reader, RecordKind.Agreement, AgreementReader),
            };
            Pop();
            _arrayIndex++;
            if (probeError is not null)
            {
                throw probeError;
            }
        }
        catch (JsonException ex)
        {
            _text = window;
            _base = 0;
            return Syntax(ex, window, "document");
        }

        _text = window;
        _base = 0;
        return new DocumentStep(end, false, span, recordWindow, false, Drain());
    }

    private delegate void UnitReader(DatasetParser parser, ref Utf8JsonReader reader);

    /// <summary>Reads a unit (or, after a probe's syntax error, everything held) with the whole-document code.</summary>
    private DocumentStep Unit(SourceText window, int end, JsonException? probeError, string unit, UnitReader read)
    {
        SourceText unitWindow = end == window.Length ? window : window.Slice(0, end);
        _text = unitWindow;
        var reader = new Utf8JsonReader(window.Bytes.Span, isFinalBlock: true, _documentState);
        try
        {
            read(this, ref reader);
            if (probeError is not null)
            {
                throw probeError;
            }
        }
        catch (JsonException ex)
        {
            return Syntax(ex, window, unit);
        }

        return new DocumentStep(end, false, null, null, false, Drain());
    }

    private DocumentStep BeginSkip(SourceText window, int recordStart)
    {
        Push(_arrayIndex);
        DiagnosticLocation location = window.GetLocation(recordStart, recordStart + 1, Pointer(0));
        Pop();
        (int line, int column) = window.GetLineColumn(recordStart);
        _skipping = (window.BaseOffset + recordStart, location, null, false, [window.Bytes.Span[recordStart]], line, column);
        _part = DocumentPart.SkippingRecord;
        return new DocumentStep(0, false, null, null, false, []);
    }

    /// <summary>Reads on through a record too large to hold, token by token, keeping only its id.</summary>
    private DocumentStep SkipStep(SourceText window, bool final)
    {
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        var reader = new Utf8JsonReader(bytes, final, _documentState);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 3 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    _skipping.NextIsId = reader.ValueTextEquals("id"u8);
                    continue;
                }

                if (reader.CurrentDepth == 3 && _skipping.NextIsId && reader.TokenType == JsonTokenType.String && !(reader.ValueIsEscaped && HasUnpairedSurrogate(reader.ValueSpan)))
                {
                    _skipping.Id = reader.GetString();
                }

                _skipping.NextIsId = false;
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 2)
                {
                    long length = window.BaseOffset + reader.BytesConsumed - _skipping.Offset;
                    Add(Diagnostic.Create(ReaderDiagnostics.RecordTooLarge, _skipping.Location, "record", length, _options.MaxRecordBytes));
                    var first = new SourceText(window.FilePath, _skipping.FirstByte, null, _skipping.Offset, _skipping.Line - 1, _skipping.Column - 1);
                    var span = new RecordSpan(_arrayKind, _skipping.Id, _arrayName, _arrayIndex, 0, 1, null, null);
                    _arrayIndex++;
                    _documentState = reader.CurrentState;
                    _part = DocumentPart.Elements;
                    return new DocumentStep((int)reader.BytesConsumed, false, span, first, false, Drain());
                }
            }
        }
        catch (JsonException ex)
        {
            Push(_arrayIndex);
            return Syntax(ex, window, "document");
        }

        _documentState = reader.CurrentState;
        return new DocumentStep((int)reader.BytesConsumed, true, null, null, false, []);
    }

    private DocumentStep AfterRootStep(SourceText window, bool final)
    {
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        var probe = new Utf8JsonReader(bytes, final, _documentState);
        try
        {
            // Anything after the dataset other than white space is a syntax error, which Read reports by throwing.
            if (!probe.Read())
            {
                _documentState = probe.CurrentState;
                if (final)
                {
                    _part = DocumentPart.Done;
                }

                return new DocumentStep((int)probe.BytesConsumed, !final, null, null, false, Drain());
            }

            // A reader that accepts only one value throws on a second one: this is not reached.
            _part = DocumentPart.Done;
            return new DocumentStep(bytes.Length, false, null, null, false, Drain());
        }
        catch (JsonException ex)
        {
            return Syntax(ex, window, "document");
        }
    }

    /// <summary>
    /// Locates a syntax error as <see cref="ReportSyntax"/> does for a document read whole: the reader's line and byte
    /// in line (carried in its state from the start of the input) give the offset; nesting past the limit is told
    /// apart from other errors. The report waits for the end of the input, which says whether the line had bytes
    /// that are not UTF-8 (and then the error is theirs).
    /// </summary>
    private DocumentStep Syntax(JsonException ex, SourceText window, string unit)
    {
        int depthAtStart = OpenContainers(_documentState);
        _text = window;
        _base = 0;
        ReadOnlySpan<byte> bytes = window.Bytes.Span;
        long line = ex.LineNumber ?? 0;
        long offset;
        if (line <= window.LinesBefore)
        {
            // The error is on the window's first line: its byte in line counts from that line's start, before the window.
            offset = (ex.BytePositionInLine ?? 0) - _bytesIntoLine;
        }
        else
        {
            int position = 0;
            for (long i = window.LinesBefore; i < line; i++)
            {
                int next = bytes[position..].IndexOf((byte)'\n');
                if (next < 0)
                {
                    position = bytes.Length;
                    break;
                }

                position += next + 1;
            }

            offset = position + (ex.BytePositionInLine ?? 0);
        }

        offset = Math.Clamp(offset, 0, bytes.Length);
        long end = offset < bytes.Length && bytes[(int)offset] is not ((byte)'\n' or (byte)'\r') ? offset + 1 : offset;
        Diagnostic diagnostic;
        if (NextIsContainer(offset) && depthAtStart + DepthAt((int)offset) >= _options.MaxDepth)
        {
            diagnostic = Diagnostic.Create(ReaderDiagnostics.NestingTooDeep, _text.GetLocation(offset, end, Pointer(0)), _options.MaxDepth, unit);
        }
        else
        {
            diagnostic = Diagnostic.Create(ReaderDiagnostics.MalformedJson, _text.GetLocation(offset, end, Pointer(0)), SyntaxMessage(ex.Message));
        }

        _pendingSyntax = (diagnostic, window.GetLineColumn((int)offset).Line);
        _path.Clear();
        _recordDepth = -1;
        _part = DocumentPart.Done;
        return new DocumentStep(bytes.Length, false, null, null, false, Drain());
    }

    /// <summary>Counts the arrays and objects open where a reader state stands.</summary>
    private static int OpenContainers(JsonReaderState state)
    {
        var reader = new Utf8JsonReader([], false, state);
        return reader.CurrentDepth + (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0);
    }

    private bool _silent;

    /// <summary>Gets the wire name of the document array that holds records of a kind.</summary>
    public static string ArrayNameOf(RecordKind kind) => DatasetMembers.Names[2 + Array.IndexOf(ArrayKinds, kind)];

    /// <summary>
    /// Reads a record of a document again from a window holding exactly its object, as it was read the first time
    /// (the same record, span and remapped pointers), without reporting anything: its diagnostics were reported then.
    /// Its index in its array, for its pointer, is found only if asked for. Null if it cannot be read.
    /// </summary>
    public RecordSpan? ReadRecordAgain(SourceText window, RecordKind kind, Func<int> index)
    {
        _text = window;
        _base = 0;
        _silent = true;
        try
        {
            var reader = new Utf8JsonReader(window.Bytes.Span, ReaderOptions);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string arrayName = ArrayNameOf(kind);
            Push(arrayName);
            Push(0);
            RecordSpan span = kind switch
            {
                RecordKind.Source => ReadRecord(ref reader, RecordKind.Source, SourceReader),
                RecordKind.Actor => ReadRecord(ref reader, RecordKind.Actor, ActorReader),
                RecordKind.Event => ReadRecord(ref reader, RecordKind.Event, EventReader),
                RecordKind.CasualtyEstimate => ReadRecord(ref reader, RecordKind.CasualtyEstimate, EstimateReader),
                RecordKind.Attribution => ReadRecord(ref reader, RecordKind.Attribution, AttributionReader),
                RecordKind.Claim => ReadRecord(ref reader, RecordKind.Claim, ClaimReader),
                RecordKind.Ceasefire => ReadRecord(ref reader, RecordKind.Ceasefire, CeasefireReader),
                RecordKind.Mediation => ReadRecord(ref reader, RecordKind.Mediation, MediationReader),
                _ => ReadRecord(ref reader, RecordKind.Agreement, AgreementReader),
            };
            return new RecordSpan(kind, span.Id, arrayName, index, span.Start, span.End, span.Remaps, span.Record);
        }
#pragma warning disable CA1031 // The record was read once already; a failure now only means it is not found again.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
        finally
        {
            _path.Clear();
            _recordDepth = -1;
            _silent = false;
            ClearRecords();
        }
    }

    /// <summary>What one step of a document read gave: how many bytes it used, whether it needs more input first, a record (with its window) or the root's end, and the diagnostics found.</summary>
    internal readonly record struct DocumentStep(int Consumed, bool NeedMore, RecordSpan? Span, SourceText? Window, bool IsRootEnd, ImmutableArray<Diagnostic> Diagnostics);
}

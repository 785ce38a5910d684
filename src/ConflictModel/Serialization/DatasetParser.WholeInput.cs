using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>The two wire forms: a JSON document, and JSON Lines read line by line.</summary>
internal sealed partial class DatasetParser
{
    private static readonly MemberTable DatasetMembers = new(
        "the dataset", "formatVersion", "info", "sources", "actors", "events", "casualtyEstimates", "attributions", "claims", "ceasefires", "mediations", "agreements");

    private static readonly DatasetInfo PlaceholderInfo = new("Untitled");

    /// <summary>The major format version this library reads, as the serializer does.</summary>
    private const int SupportedMajorVersion = 1;

    private readonly Records _records = new();
    private DatasetInfo? _info;
    private string? _formatVersion;
    private List<KeyValuePair<string, string>>? _datasetExtensions;
    private (int Start, int End)? _header;
    private bool _linesMode;
    private bool _linesStarted;

    /// <summary>Reads a whole input. Never throws for anything in the data.</summary>
    public static DatasetReadResult Parse(SourceText text, DatasetFormat format, DatasetReaderOptions options, IEnumerable<Diagnostic>? earlier = null)
    {
        using var parser = new DatasetParser(text, options);
        if (earlier is not null)
        {
            foreach (Diagnostic diagnostic in earlier)
            {
                parser.Add(diagnostic);
            }
        }

        try
        {
            if (format == DatasetFormat.JsonLines)
            {
                parser._linesMode = true;
                if (options.Parallelism > 1)
                {
                    parser.ReadLinesParallel(options.Parallelism);
                }
                else
                {
                    parser.ReadLines();
                }
            }
            else
            {
                parser.ReadDocument();
            }
        }
#pragma warning disable CA1031 // A bug in the reader must not take down a linter run; it is reported instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            parser.Add(Diagnostic.Create(ValidationDiagnostics.InternalError, DiagnosticLocation.ForFile(text.FilePath), "The dataset reader", $"{ex.GetType().Name}: {ex.Message}"));
        }

        return parser.Build(format);
    }

    private DatasetReadResult Build(DatasetFormat format)
    {
        var dataset = new Dataset(
            _info ?? PlaceholderInfo,
            _formatVersion ?? Dataset.CurrentFormatVersion,
            _records.Sources.ToImmutable(),
            _records.Actors.ToImmutable(),
            _records.Events.ToImmutable(),
            _records.Estimates.ToImmutable(),
            _records.Attributions.ToImmutable(),
            _records.Claims.ToImmutable(),
            _records.Ceasefires.ToImmutable(),
            _records.Mediations.ToImmutable(),
            _records.Agreements.ToImmutable());
        dataset = Attach(dataset, _datasetExtensions);
        return new DatasetReadResult(dataset, [.. _diagnostics], format, _text, _options, _spans, _declared, _header);
    }

    // ---- JSON document ----------------------------------------------------------------------------------------

    private void ReadDocument()
    {
        ReportInvalidUtf8(0, _text.Length);
        int start = _text.BomLength;
        _base = start;
        ReadOnlySpan<byte> json = _text.Bytes.Span[start..];
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (json.TrimStart(" \t\r\n"u8).IsEmpty)
            {
                Report(ReaderDiagnostics.MalformedJson, start, start, "The input is empty: a dataset document is a JSON object {\"formatVersion\":\"1.0\",\"info\":{…},…}");
                return;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref reader, "a dataset (a JSON object)");
            }
            else
            {
                int root = (int)TokenStart(ref reader);
                ReadDatasetObject(ref reader, isHeader: false);
                _header = (root, _base + (int)reader.BytesConsumed);
            }

            // Anything after the dataset other than white space is a syntax error, which Read reports by throwing.
            reader.Read();
        }
        catch (JsonException ex)
        {
            ReportSyntax(ex, ref reader, "document");
        }
    }

    /// <summary>Reads the dataset object: a document's root, or a JSON Lines header line.</summary>
    private void ReadDatasetObject(ref Utf8JsonReader reader, bool isHeader)
    {
        long start = TokenStart(ref reader);
        ulong seen = 0;
        int recordsInHeader = 0;
        _recordDepth = _path.Count;
        while (NextMember(ref reader))
        {
            int member = Match(ref reader, DatasetMembers, ref seen);
            int before = _records.Count;
            switch (member)
            {
                case 0: ReadFormatVersion(ref reader); break;
                case 1:
                    if (TryReadInfo(ref reader, out DatasetInfo? info))
                    {
                        _info = info;
                    }

                    break;
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

            if (isHeader && member >= 2 && _records.Count > before)
            {
                recordsInHeader += _records.Count - before;
            }

            Pop();
        }

        _recordDepth = -1;
        if ((seen & 2) == 0)
        {
            Missing(start, _base + reader.BytesConsumed, DatasetMembers, "info");
        }

        if (recordsInHeader > 0)
        {
            Report(ReaderDiagnostics.MisplacedHeader, start, start + 1, "The header line holds records; write each record on a line of its own");
        }
    }

    private void ReadFormatVersion(ref Utf8JsonReader reader)
    {
        if (!TryReadText(ref reader, allowNull: false, out string? version))
        {
            return;
        }

        if (!Dataset.IsFormatVersion(version))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(version!), "a format version such as 1.0");
            return;
        }

        _formatVersion = version;
        int dot = version!.IndexOf('.', StringComparison.Ordinal);
        if (!int.TryParse(version.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int major) || major != SupportedMajorVersion)
        {
            ReportAtToken(ref reader, ReaderDiagnostics.UnsupportedFormatVersion, version, SupportedMajorVersion);
        }
    }

    private void ReadRecordArray<TRecord>(ref Utf8JsonReader reader, RecordKind kind, ValueReader<TRecord> read, ImmutableArray<TRecord>.Builder into)
        where TRecord : ConflictRecord
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref reader, "an array of records");
            return;
        }

        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Push(index);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref reader, $"a {EnumNames<RecordKind>.NameOf(kind)} (a JSON object)");
            }
            else
            {
                RecordSpan span = ReadRecord(ref reader, kind, read);
                Register(span);
                if (span.Record is TRecord record)
                {
                    into.Add(record);
                }
            }

            Pop();
            index++;
        }
    }

    /// <summary>Reads one record object, dropping it when it is unusable or too large; the caller registers the span.</summary>
    private RecordSpan ReadRecord<TRecord>(ref Utf8JsonReader reader, RecordKind kind, ValueReader<TRecord> read)
        where TRecord : ConflictRecord
    {
        int diagnosticsBefore = DiagnosticCount;

        // A record's pointer is "" in a line and /sources/3 in a document: the latter is built only if asked for.
        bool inArray = _path.Count == 2 && _path[0].Name is not null && _path[1].Name is null;
        string? pointer = inArray ? null : Pointer(0);
        (string? arrayName, int arrayIndex) = inArray ? (_path[0].Name, _path[1].Index) : (null, 0);
        int start = (int)TokenStart(ref reader);
        int depth = reader.CurrentDepth;
        int pathDepth = _path.Count;
        (int savedDepth, string? savedId, Dictionary<string, int[]>? savedRemaps) = (_recordDepth, _recordId, _remaps);
        _recordDepth = pathDepth;
        _recordId = null;
        _remaps = null;
        TRecord? record = null;
        try
        {
            if (read(this, ref reader, out TRecord? value))
            {
                record = value;
            }
        }
        catch (ArgumentException ex)
        {
            // The model refused a combination the checks above let through: report it and resynchronise.
            _path.RemoveRange(pathDepth, _path.Count - pathDepth);
            Report(ReaderDiagnostics.InconsistentMembers, start, start + 1, ex.Message);
            while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) && reader.Read())
            {
            }
        }

        int end = _base + (int)reader.BytesConsumed;
        if (end - start > _options.MaxRecordBytes)
        {
            TruncateDiagnostics(diagnosticsBefore);
            Report(ReaderDiagnostics.RecordTooLarge, start, start + 1, "record", end - start, _options.MaxRecordBytes);
            record = null;
        }

        RecordSpan span = inArray
            ? new RecordSpan(kind, _recordId, arrayName!, arrayIndex, start, end, _remaps, record)
            : new RecordSpan(kind, _recordId, pointer, start, end, _remaps, record);
        (_recordDepth, _recordId, _remaps) = (savedDepth, savedId, savedRemaps);
        return span;
    }

    private void Register(RecordSpan span)
    {
        _spans.Add(span);
        if (span.Record is null && span.Id is not null)
        {
            _declared.Add((span.Kind, span.Id));
        }
    }

    // ---- JSON Lines -------------------------------------------------------------------------------------------

    private void ReadLines()
    {
        ReadOnlySpan<byte> all = _text.Bytes.Span;
        int position = _text.BomLength;
        bool any = false;
        while (position < all.Length)
        {
            int newline = all[position..].IndexOf((byte)'\n');
            int lineEnd = newline < 0 ? all.Length : position + newline;
            int contentEnd = lineEnd > position && all[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            if (all[position..contentEnd].IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                ReadLine(position, contentEnd);
                any = true;
            }

            position = lineEnd + 1;
        }

        if (!any)
        {
            Report(ReaderDiagnostics.MalformedJson, _text.BomLength, _text.BomLength, "The input is empty: a JSON Lines dataset begins with its header line {\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{…}}");
        }
    }

    private void ReadLine(int start, int end)
    {
        _base = start;
        if (end - start > _options.MaxRecordBytes)
        {
            Report(ReaderDiagnostics.RecordTooLarge, start, start + 1, "line", end - start, _options.MaxRecordBytes);
            return;
        }

        // The invalid bytes were replaced, so the rest of the line can still be checked.
        ReportInvalidUtf8(start, end);

        ReadOnlySpan<byte> line = _text.Bytes.Span[start..end];
        var reader = new Utf8JsonReader(line, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref reader, "a record (a JSON object)");
                reader.Read();
                return;
            }

            Utf8JsonReader probe = reader;
            LineType type = FindType(ref probe, out long typeStart, out long typeEnd);
            bool first = !_linesStarted;
            _linesStarted |= type is not (LineType.Missing or LineType.NotString or LineType.Unknown);
            switch (type)
            {
                case LineType.Missing:
                    Report(ReaderDiagnostics.MissingMember, start, end, "a JSON Lines record", "type");
                    reader.Skip();
                    reader.Read();
                    return;
                case LineType.NotString:
                case LineType.Unknown:
                    Push("type");
                    if (type == LineType.Unknown)
                    {
                        Report(ReaderDiagnostics.UnknownRecordType, typeStart, typeEnd, Clip(TypeText(line, typeStart - start, typeEnd - start)));
                    }
                    else
                    {
                        Report(ReaderDiagnostics.WrongType, typeStart, typeEnd, "the record type (a string)", "another value");
                    }

                    Pop();
                    reader.Skip();
                    reader.Read();
                    return;
                case LineType.Dataset:
                    ReadHeaderLine(ref reader, start, end, first);
                    return;
            }

            if (first)
            {
                Report(ReaderDiagnostics.MissingHeader, start, end, EnumNames<RecordKind>.NameOf(KindOf(type)));
            }

            RecordSpan span = type switch
            {
                LineType.Source => ReadRecord(ref reader, RecordKind.Source, SourceReader),
                LineType.Actor => ReadRecord(ref reader, RecordKind.Actor, ActorReader),
                LineType.Event => ReadRecord(ref reader, RecordKind.Event, EventReader),
                LineType.CasualtyEstimate => ReadRecord(ref reader, RecordKind.CasualtyEstimate, EstimateReader),
                LineType.Attribution => ReadRecord(ref reader, RecordKind.Attribution, AttributionReader),
                LineType.Claim => ReadRecord(ref reader, RecordKind.Claim, ClaimReader),
                LineType.Ceasefire => ReadRecord(ref reader, RecordKind.Ceasefire, CeasefireReader),
                LineType.Mediation => ReadRecord(ref reader, RecordKind.Mediation, MediationReader),
                _ => ReadRecord(ref reader, RecordKind.Agreement, AgreementReader),
            };

            // Trailing text after the record throws here, and the line's record is then not kept.
            reader.Read();
            Register(span);
            _records.Add(span.Record);
        }
        catch (JsonException ex)
        {
            ReportSyntax(ex, ref reader, "line");
        }
    }

    private void ReadHeaderLine(ref Utf8JsonReader reader, int start, int end, bool first)
    {
        if (!first)
        {
            Report(ReaderDiagnostics.MisplacedHeader, start, end, "The dataset header must be the first line, and only the first; this one is ignored");
            reader.Skip();
            reader.Read();
            return;
        }

        ReadDatasetObject(ref reader, isHeader: true);
        reader.Read();
        _header = (start, end);
    }

    private static string TypeText(ReadOnlySpan<byte> line, long start, long end)
    {
        var reader = new Utf8JsonReader(line[(int)start..(int)end]);
        reader.Read();
        return reader.ValueIsEscaped && HasUnpairedSurrogate(reader.ValueSpan) ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString() ?? string.Empty;
    }

    /// <summary>Finds the record's <c>type</c> among the top-level members, wherever it is.</summary>
    private LineType FindType(ref Utf8JsonReader probe, out long start, out long end)
    {
        start = end = 0;
        while (NextMember(ref probe))
        {
            bool isType = !(probe.ValueIsEscaped && HasUnpairedSurrogate(probe.ValueSpan)) && probe.ValueTextEquals("type"u8);
            probe.Read();
            if (!isType)
            {
                probe.Skip();
                continue;
            }

            start = TokenStart(ref probe);
            end = probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? start + 1 : TokenEnd(ref probe);
            if (probe.TokenType != JsonTokenType.String)
            {
                return LineType.NotString;
            }

            if (probe.ValueIsEscaped && HasUnpairedSurrogate(probe.ValueSpan))
            {
                return LineType.Unknown;
            }

            for (int i = 0; i < LineTypes.Length; i++)
            {
                if (probe.ValueTextEquals(LineTypes[i]))
                {
                    return (LineType)i;
                }
            }

            return LineType.Unknown;
        }

        return LineType.Missing;
    }

    /// <summary>The record kind of a line type; the record types follow <c>dataset</c> in the table's order.</summary>
    private static RecordKind KindOf(LineType type)
        => type is > LineType.Dataset and <= LineType.Agreement
            ? Serialization.RecordWireNames.All[(int)type - 1].Kind
            : throw new System.Diagnostics.UnreachableException($"Line type {type} is not a record type.");

    private static readonly byte[][] LineTypes = ["dataset"u8.ToArray(), .. Serialization.RecordWireNames.Utf8Names];

    private enum LineType
    {
        Dataset,
        Source,
        Actor,
        Event,
        CasualtyEstimate,
        Attribution,
        Claim,
        Ceasefire,
        Mediation,
        Agreement,
        Unknown,
        NotString,
        Missing,
    }

    // ---- Syntax and encoding errors -----------------------------------------------------------------------------

    private void ReportSyntax(JsonException ex, ref Utf8JsonReader reader, string unit)
    {
        // In a document the reader's line 0 starts after the byte order mark; its other lines are the file's.
        long offset = _base + (ex.BytePositionInLine ?? 0);
        if (!_linesMode && ex.LineNumber is > 0 and { } line)
        {
            int[] starts = _text.LineStarts();
            offset = starts[(int)Math.Min(line, starts.Length - 1)] + (ex.BytePositionInLine ?? 0);
        }

        _ = reader;
        offset = Math.Min(offset, _text.Length);
        long end = offset < _text.Length && _text.Bytes.Span[(int)offset] is not ((byte)'\n' or (byte)'\r') ? offset + 1 : offset;
        if (NextIsContainer(offset) && DepthAt((int)offset) >= _options.MaxDepth)
        {
            Report(ReaderDiagnostics.NestingTooDeep, offset, end, _options.MaxDepth, unit);
        }
        else if (!_invalidUtf8Lines.Contains(_text.GetLineColumn((int)offset).Line))
        {
            Report(ReaderDiagnostics.MalformedJson, offset, end, SyntaxMessage(ex.Message));
        }

        _path.Clear();
        _recordDepth = -1;
    }

    /// <summary>Counts the arrays and objects open at an offset of the current reader's input, skipping strings.</summary>
    private int DepthAt(int offset)
    {
        ReadOnlySpan<byte> text = _text.Bytes.Span[_base..offset];
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'[' or (byte)'{')
            {
                depth++;
            }
            else if (b is (byte)']' or (byte)'}')
            {
                depth--;
            }
        }

        return depth;
    }

    private bool NextIsContainer(long offset)
    {
        ReadOnlySpan<byte> rest = _text.Bytes.Span[(int)offset..].TrimStart(" \t\r\n"u8);
        return !rest.IsEmpty && rest[0] is (byte)'[' or (byte)'{';
    }

    private static string SyntaxMessage(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        string text = (cut < 0 ? message : message[..cut]).Trim();
        return text.Length == 0 ? "The JSON is malformed." : text;
    }

    private readonly HashSet<int> _invalidUtf8Lines = [];

    /// <summary>
    /// Reports bytes in the range that are not UTF-8 (the caller's buffer has them replaced by '?' already, see
    /// <see cref="ReplaceInvalidUtf8"/>); at most one diagnostic per line. Returns whether any were found.
    /// </summary>
    private bool ReportInvalidUtf8(int start, int end)
    {
        // The offsets are in order: find the range's first by binary search and, once a line is reported, go on from
        // the next line, so that a file with a bad byte on every line, or a line of nothing else, costs linear time.
        IReadOnlyList<int> offsets = _text.InvalidUtf8Offsets;
        if (offsets.Count == 0)
        {
            return false;
        }

        int[] lineStarts = _text.LineStarts();
        bool any = false;
        int i = FirstAtOrAfter(offsets, start, 0);
        while (i < offsets.Count && offsets[i] < end)
        {
            int offset = offsets[i];
            int line = _text.GetLineColumn(offset).Line;
            if (_invalidUtf8Lines.Add(line))
            {
                Report(ReaderDiagnostics.InvalidUtf8, offset, offset + 1);
            }

            any = true;
            int nextLine = line < lineStarts.Length ? lineStarts[line] : int.MaxValue;
            i = FirstAtOrAfter(offsets, Math.Max(nextLine, offset + 1), i + 1);
        }

        return any;

        static int FirstAtOrAfter(IReadOnlyList<int> sorted, int value, int from)
        {
            int low = from, high = sorted.Count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (sorted[middle] < value)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }

    /// <summary>Replaces every byte of an invalid UTF-8 sequence by '?', in place, and returns where they were.</summary>
    internal static List<int> ReplaceInvalidUtf8(Span<byte> bytes)
    {
        var offsets = new List<int>();
        if (Utf8.IsValid(bytes))
        {
            return offsets;
        }

        int position = 0;
        while (position < bytes.Length)
        {
            // Not Utf8.IsValid on the rest: called at every bad byte, it made the scan quadratic.
            int valid = ValidPrefixLength(bytes[position..]);
            position += valid;
            if (position >= bytes.Length)
            {
                break;
            }

            System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out int consumed);
            _ = status;
            offsets.Add(position);
            for (int i = 0; i < Math.Max(consumed, 1); i++)
            {
                bytes[position + i] = (byte)'?';
            }

            position += Math.Max(consumed, 1);
        }

        return offsets;
    }

    private static int ValidPrefixLength(ReadOnlySpan<byte> bytes)
    {
        int position = 0;
        while (position < bytes.Length)
        {
            // Skip ASCII a vector at a time; decode only what is beyond it.
            int nonAscii = bytes[position..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                return bytes.Length;
            }

            position += nonAscii;
            System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return position;
            }

            position += consumed;
        }

        return position;
    }

    /// <summary>The records read so far, by kind, in order.</summary>
    private sealed class Records
    {
        public ImmutableArray<Source>.Builder Sources { get; } = ImmutableArray.CreateBuilder<Source>();

        public ImmutableArray<Actor>.Builder Actors { get; } = ImmutableArray.CreateBuilder<Actor>();

        public ImmutableArray<Event>.Builder Events { get; } = ImmutableArray.CreateBuilder<Event>();

        public ImmutableArray<CasualtyEstimate>.Builder Estimates { get; } = ImmutableArray.CreateBuilder<CasualtyEstimate>();

        public ImmutableArray<Attribution>.Builder Attributions { get; } = ImmutableArray.CreateBuilder<Attribution>();

        public ImmutableArray<Claim>.Builder Claims { get; } = ImmutableArray.CreateBuilder<Claim>();

        public ImmutableArray<Ceasefire>.Builder Ceasefires { get; } = ImmutableArray.CreateBuilder<Ceasefire>();

        public ImmutableArray<Mediation>.Builder Mediations { get; } = ImmutableArray.CreateBuilder<Mediation>();

        public ImmutableArray<Agreement>.Builder Agreements { get; } = ImmutableArray.CreateBuilder<Agreement>();

        public int Count => Sources.Count + Actors.Count + Events.Count + Estimates.Count + Attributions.Count + Claims.Count + Ceasefires.Count + Mediations.Count + Agreements.Count;

        /// <summary>Appends the records another parser read, kind by kind.</summary>
        public void Append(Records other)
        {
            Sources.AddRange(other.Sources);
            Actors.AddRange(other.Actors);
            Events.AddRange(other.Events);
            Estimates.AddRange(other.Estimates);
            Attributions.AddRange(other.Attributions);
            Claims.AddRange(other.Claims);
            Ceasefires.AddRange(other.Ceasefires);
            Mediations.AddRange(other.Mediations);
            Agreements.AddRange(other.Agreements);
        }

        public void Add(ConflictRecord? record)
        {
            switch (record)
            {
                case Source r: Sources.Add(r); break;
                case Actor r: Actors.Add(r); break;
                case Event r: Events.Add(r); break;
                case CasualtyEstimate r: Estimates.Add(r); break;
                case Attribution r: Attributions.Add(r); break;
                case Claim r: Claims.Add(r); break;
                case Ceasefire r: Ceasefires.Add(r); break;
                case Mediation r: Mediations.Add(r); break;
                case Agreement r: Agreements.Add(r); break;
            }
        }
    }
}

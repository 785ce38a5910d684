using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// A JSON document read record by record (<see cref="DatasetRecordReader"/>) against the same document read whole
/// (<see cref="DatasetReader.Read(Stream, string?, DatasetFormat, bool)"/>): the same records, description and
/// reader diagnostics (id, message, line, UTF-16 column, end, byte offset, JSON Pointer), with the input handed over
/// in pieces of 1, 7 and 4,096 bytes so that every token, string and UTF-8 sequence is cut by a buffer refill
/// somewhere; and streamed validation of documents against loaded validation.
/// </summary>
public sealed class DocumentStreamingTests
{
    private static readonly int[] Pieces = [1, 7, 4096];

    private static readonly RecordKind[] DatasetOrder =
    [
        RecordKind.Source, RecordKind.Actor, RecordKind.Event, RecordKind.CasualtyEstimate, RecordKind.Attribution,
        RecordKind.Claim, RecordKind.Ceasefire, RecordKind.Mediation, RecordKind.Agreement,
    ];

    private const string Info = "\"info\":{\"title\":\"Test\"}";

    private const string Actor = "{\"id\":\"a1\",\"name\":\"Army\",\"kind\":\"state\"}";

    private const string Source = "{\"id\":\"s1\",\"outlet\":\"Dawn\",\"kind\":\"newspaper\",\"title\":\"Report\",\"published\":\"2025-05-08\"}";

    [Fact]
    public void Read_ExamplesAndCorpusDocuments_SameAsLoadedAtEveryPieceSize()
    {
        string root = Root();
        IEnumerable<string> files = Directory.GetFiles(Path.Combine(root, "examples"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(root, "fuzz", "corpus"), "*.json"))
            .Order(StringComparer.Ordinal);
        int count = 0;
        foreach (string file in files)
        {
            AssertSameAsLoaded(File.ReadAllBytes(file), new DatasetReaderOptions { ReportUnknownMembers = true });
            count++;
        }

        Assert.True(count >= 20, $"only {count} documents found");
    }

    [Fact]
    public void Read_EveryTruncation_SameAsLoaded()
    {
        // Cut after every byte: inside names, strings, escapes, numbers, literals, a four-byte character, between records.
        string text = "\uFEFF{\"formatVersion\":\"1.0\",\r\n \"info\":{\"title\":\"Tëst 😀 \\u00e9\",\"created\":\"2025-01-02T03:04:05Z\"},\n"
            + "\"actors\":[" + Actor + ",{\"id\":\"a2\",\"name\":\"Ω\",\"kind\":\"nonState\",\"x\":[1.5e3,true,null]}],\"sources\":[" + Source + "]}\n";
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        for (int length = 0; length <= bytes.Length; length++)
        {
            AssertSameAsLoaded(bytes[..length], new DatasetReaderOptions(), pieces: [1, 4096]);
        }
    }

    [Fact]
    public void Read_DamagedDocuments_SameAsLoaded()
    {
        // Seeded damage to a real document: bytes dropped, repeated, replaced by structural characters or by bytes
        // that are not UTF-8.
        byte[] original = File.ReadAllBytes(Path.Combine(Root(), "examples", "seed-dar-kabul-visit.json"));
        byte[] structural = "{}[],:\"\\ 0-tn\n"u8.ToArray();
        var random = new Random(20261205);
        for (int i = 0; i < 120; i++)
        {
            var bytes = new List<byte>(original);
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes.RemoveAt(at); break;
                    case 1: bytes.Insert(at, bytes[at]); break;
                    case 2: bytes[at] = structural[random.Next(structural.Length)]; break;
                    default: bytes[at] = (byte)(0x80 + random.Next(0x80)); break;
                }
            }

            AssertSameAsLoaded([.. bytes], new DatasetReaderOptions { ReportUnknownMembers = true }, pieces: [7, 4096]);
        }
    }

    [Theory]
    [InlineData("a record member", "{" + Info + ",\"actors\":[{\"id\":\"a1\",\"name\":\"A\",\"kind\":\"state\",\"deep\":@}]}")]
    [InlineData("the info", "{\"info\":{\"title\":\"T\",\"deep\":@}}")]
    [InlineData("an unknown root member", "{" + Info + ",\"deep\":@}")]
    [InlineData("an array element", "{" + Info + ",\"actors\":[@]}")]
    [InlineData("the root", "@")]
    public void Read_NestingPastTheLimit_SameAsLoaded(string where, string template)
    {
        foreach (int depth in new[] { 7, 8, 9, 63, 64, 65, 200 })
        {
            string nested = new string('[', depth) + new string(']', depth);
            byte[] bytes = Encoding.UTF8.GetBytes(template.Replace("@", nested, StringComparison.Ordinal));
            string[] loaded = AssertSameAsLoaded(bytes, new DatasetReaderOptions(), pieces: [1, 4096]);
            Assert.True(depth < 200 || loaded.Any(d => d.Contains(ReaderDiagnostics.NestingTooDeep.Id + ":", StringComparison.Ordinal)), where);
            AssertSameAsLoaded(bytes, new DatasetReaderOptions { MaxDepth = 8 }, pieces: [7]);
        }
    }

    [Fact]
    public void Read_MinifiedOneLineWithNonAsciiBeforeRecords_ColumnsAreUtf16()
    {
        // One line: an info title of two-, three- and four-byte characters, then a record whose kind is wrong. The
        // column is counted in UTF-16 code units from the start of the line, as an editor counts it.
        string text = "{" + "\"info\":{\"title\":\"Ölçüm — 😀😀 데이터\"},\"actors\":[" + Actor + ",{\"id\":\"a2\",\"name\":\"Ünal\",\"kind\":\"stat\"}]}";
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        string[] loaded = AssertSameAsLoaded(bytes, new DatasetReaderOptions(), pieces: [1, 7, 4096]);

        (List<Diagnostic> diagnostics, _) = Stream(bytes, 7, new DatasetReaderOptions());
        Diagnostic kind = Assert.Single(diagnostics, d => d.Location.JsonPointer == "/actors/1/kind");
        Assert.Equal(1, kind.Location.StartLine);
        Assert.Equal(text.IndexOf("\"stat\"", StringComparison.Ordinal) + 1, kind.Location.StartColumn);
        Assert.Equal(Encoding.UTF8.GetByteCount(text[..text.IndexOf("\"stat\"", StringComparison.Ordinal)]), kind.Location.ByteOffset);
        Assert.Single(loaded);
    }

    [Fact]
    public void Read_ArraysInAnyOrderAndInfoLast_SameRecordsAndDescription()
    {
        string text = "{\"sources\":[" + Source + "],\"actors\":[" + Actor + "],\"x-extra\":{\"a\":[1,2]},\"formatVersion\":\"1.0\"," + Info + "}";
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        AssertSameAsLoaded(bytes, new DatasetReaderOptions { ReportUnknownMembers = true });

        using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(bytes), "test.json", DatasetFormat.Document);
        var kinds = new List<RecordKind>();
        while (records.Read())
        {
            if (records.Current.Record is { } record)
            {
                kinds.Add(record.RecordKind);
                Assert.Null(records.Info); // the info comes after the records
            }
        }

        Assert.Equal([RecordKind.Source, RecordKind.Actor], kinds);
        Assert.Equal("Test", records.Info?.Title);
        Assert.Equal("1.0", records.FormatVersion);
    }

    [Theory]
    [InlineData("{\"sorces\":[]," + Info + "}")] // misspelled
    [InlineData("{\"actors\":[" + Actor + "],\"actors\":[" + Actor + "]," + Info + "}")] // a repeated array
    [InlineData("{" + Info + ",\"info\":{\"title\":\"Again\"}}")] // a repeated info
    [InlineData("{" + Info + ",\"actors\":{},\"sources\":\"x\",\"events\":null}")] // arrays of the wrong type
    [InlineData("{" + Info + ",\"actors\":[1,null,\"a\"," + Actor + ",[]]}")] // elements that are not objects
    [InlineData("{\"formatVersion\":\"2.0\",\"formatVersion\":1," + Info + "}")]
    [InlineData("{\"formatVersion\":\"1.0\"}")] // no info
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF {" + Info + "} x")] // text after the root
    [InlineData("{" + Info + "}{}")]
    [InlineData("{" + Info + ",\"\\ud800\":1,\"actors\":[{\"id\":\"a\\udc00\",\"name\":\"A\",\"kind\":\"state\"}]}")] // unpaired surrogates
    [InlineData("{" + Info + ",\"actors\":[{\"id\":\"a1\",\"name\":\"A\",\"kind\":\"state\",\"id\":\"b\"}],\"y\":1,\"y\":2}")]
    public void Read_UnknownRepeatedAndMisplacedMembers_SameAsLoaded(string text)
    {
        AssertSameAsLoaded(Encoding.UTF8.GetBytes(text), new DatasetReaderOptions { ReportUnknownMembers = true });
        AssertSameAsLoaded(Encoding.UTF8.GetBytes(text), new DatasetReaderOptions());
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8_SameAsLoaded()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("{" + Info + ",\"actors\":[{\"id\":\"a1\",\"name\":\"");
        byte[] suffix = Encoding.UTF8.GetBytes("\",\"kind\":\"state\"}]}");
        foreach (byte[] bad in new[] { new byte[] { 0xFF }, [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF] })
        {
            AssertSameAsLoaded([.. prefix, .. bad, .. suffix], new DatasetReaderOptions());
            AssertSameAsLoaded([.. prefix, .. bad], new DatasetReaderOptions()); // cut at the end of the input
            AssertSameAsLoaded([.. prefix, .. bad, (byte)'\n', 0xFF, (byte)'"', .. suffix], new DatasetReaderOptions()); // a syntax error on a line with a bad byte
        }
    }

    [Fact]
    public void Read_RecordsLargerThanTheLimit_ReportedAndSkippedAsLoaded()
    {
        string big = "{\"id\":\"big\",\"name\":\"" + new string('x', 600) + "\",\"kind\":\"state\"}";
        string text = "{" + Info + ",\"actors\":[" + Actor + "," + big + ",{\"id\":\"a3\",\"name\":\"C\",\"kind\":\"state\"}]}";
        var options = new DatasetReaderOptions { MaxRecordBytes = 200 };
        string[] loaded = AssertSameAsLoaded(Encoding.UTF8.GetBytes(text), options, pieces: [1, 7, 64, 4096]);
        Assert.Contains(loaded, d => d.Contains("CM0004", StringComparison.Ordinal) && d.Contains("/actors/1", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LargeDocument_HandsOutRecordsBeforeTheInputIsRead()
    {
        // 20,000 actors (about 1 MB): the first record comes out when a small part of the input has been taken, and
        // the buffer never holds more than a small part of it.
        var text = new StringBuilder("{" + Info + ",\"actors\":[");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("{\"id\":\"a").Append(i).Append("\",\"name\":\"Actor ").Append(i).Append("\",\"kind\":\"state\"}");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.Append("]}").ToString());
        var input = new MemoryStream(bytes);
        using DatasetRecordReader records = new DatasetReader().OpenRecords(input, "big.json", DatasetFormat.Document);
        Assert.True(records.Read());
        Assert.NotNull(records.Current.Record);
        Assert.True(input.Position < bytes.Length / 4, $"read {input.Position} of {bytes.Length} bytes before the first record");
        int count = 1;
        while (records.Read())
        {
            count += records.Current.Record is null ? 0 : 1;
            Assert.True(records.BufferLength <= 256 * 1024, $"buffer of {records.BufferLength} bytes");
        }

        Assert.Equal(20_000, count);
    }

    [Fact]
    public void ReadRecordAt_DocumentAndLines_SameRecordAndLocationsAsWhenFirstRead()
    {
        string text = "{\"formatVersion\":\"1.0\",\"actors\":[" + Actor + ",\n  {\"id\":\"a2\",\"name\":\"Ü 😀\",\"kind\":\"state\"}," + string.Join(",", Enumerable.Range(3, 3000).Select(i => $"{{\"id\":\"a{i}\",\"name\":\"Ä{i}\",\"kind\":\"state\"}}")) + "]," + Info + "}";
        foreach ((byte[] bytes, DatasetFormat format) in new[]
        {
            (Encoding.UTF8.GetBytes(text), DatasetFormat.Document),
            (Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(new DatasetReader().ReadText(text, DatasetFormat.Document).Dataset)), DatasetFormat.JsonLines),
        })
        {
            using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(bytes), "test", format);
            records.KeepRandomAccess();
            var seen = new List<(RecordMark Mark, string Record, DiagnosticLocation Location)>();
            while (records.Read())
            {
                if (records.Current is { Record: { } record, Window: { } window, Span: { } span })
                {
                    seen.Add((RecordMark.Of(window, span), ConflictJsonSerializer.SerializeRecord(record), records.Current.LocationOf("/name")));
                }
            }

            Assert.Equal(3002, seen.Count);
            foreach ((RecordMark mark, string record, DiagnosticLocation location) in seen.Where((_, i) => i < 5 || i % 97 == 0 || i == seen.Count - 1))
            {
                RecordReadAgain again = records.ReadRecordAt(mark);
                Assert.Equal(record, ConflictJsonSerializer.SerializeRecord(again.Record!));

                // A mark rebuilt from a handle or the id table knows only the window: the column and index are found again.
                var bare = new RecordMark(mark.Kind, null, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End, null);
                (SourceText bareWindow, RecordSpan bareSpan) = records.ReadWindowAt(bare);
                (int start, int end, string pointer) = JsonPointerNavigator.Resolve(bareWindow, bareSpan, "/name", 64);
                Assert.Equal(location, bareWindow.GetLocation(start, end, pointer));
                RecordReadAgain bareAgain = records.ReadRecordAt(bare);
                Assert.Equal(record, ConflictJsonSerializer.SerializeRecord(bareAgain.Record!));
                Assert.Equal(location.JsonPointer, bareAgain.Span!.Pointer + "/name");
            }
        }
    }

    public static TheoryData<string> RuleCases()
    {
        var data = new TheoryData<string>();
        foreach (string name in RuleCorpus().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Validate_RuleCasesAsDocuments_StreamedMatchesLoaded(string name)
    {
        string document = RuleCorpus()[name];
        ValidationOptions options = RuleHarness.AllRulesOn();
        foreach (byte[] bytes in new[] { Encoding.UTF8.GetBytes(document), Encoding.UTF8.GetBytes(JsonNode.Parse(document)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })) })
        {
            var reader = new DatasetReader(new DatasetReaderOptions { ReportUnknownMembers = true });
            string[] expected = StreamingValidationTests.Describe(new DatasetValidator(options).Validate(reader.ReadUtf8(bytes, DatasetFormat.Document, "test.json")));
            using (DatasetRecordReader records = reader.OpenRecords(new Trickle(bytes, 7), "test.json", DatasetFormat.Document))
            {
                Assert.Equal(expected, StreamingValidationTests.Describe(new DatasetValidator(options).Validate(records)));
            }

            string path = Path.Combine(Path.GetTempPath(), $"cm-doc-{Guid.NewGuid():N}.json");
            try
            {
                File.WriteAllBytes(path, bytes);
                using DatasetRecordReader records = reader.OpenRecords(File.OpenRead(path), "test.json", DatasetFormat.Document);
                Assert.Equal(expected, StreamingValidationTests.Describe(new DatasetValidator(options).Validate(records)));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Reads a document whole and streamed in pieces of each size, asserts the same diagnostics, records and description, and returns the diagnostics.</summary>
    internal static string[] AssertSameAsLoaded(byte[] bytes, DatasetReaderOptions options, int[]? pieces = null)
    {
        DatasetReadResult loaded = new DatasetReader(options).Read(new MemoryStream(bytes), "test.json", DatasetFormat.Document);
        string[] expected = [.. loaded.Diagnostics.Select(Describe).Order(StringComparer.Ordinal)];
        string[] expectedRecords = [.. loaded.Dataset.Records.Select(ConflictJsonSerializer.SerializeRecord)];
        foreach (int piece in pieces ?? Pieces)
        {
            (List<Diagnostic> diagnostics, List<ConflictRecord> records) = Stream(bytes, piece, options, out DatasetInfo? info, out string? version);
            Assert.Equal(expected, diagnostics.Select(Describe).Order(StringComparer.Ordinal));

            // The loaded dataset lists records kind by kind; within a kind both keep the input's order.
            Assert.Equal(expectedRecords, records.OrderBy(r => Array.IndexOf(DatasetOrder, r.RecordKind)).Select(ConflictJsonSerializer.SerializeRecord));
            Assert.Equal(loaded.Dataset.Info.Title, (info ?? new DatasetInfo("Untitled")).Title);
            Assert.Equal(loaded.Dataset.FormatVersion, version ?? Dataset.CurrentFormatVersion);
        }

        return expected;
    }

    private static (List<Diagnostic> Diagnostics, List<ConflictRecord> Records) Stream(byte[] bytes, int piece, DatasetReaderOptions options)
        => Stream(bytes, piece, options, out _, out _);

    private static (List<Diagnostic> Diagnostics, List<ConflictRecord> Records) Stream(byte[] bytes, int piece, DatasetReaderOptions options, out DatasetInfo? info, out string? version)
    {
        var diagnostics = new List<Diagnostic>();
        var records = new List<ConflictRecord>();
        using DatasetRecordReader reader = new DatasetReader(options).OpenRecords(new Trickle(bytes, piece), "test.json", DatasetFormat.Document);
        while (reader.Read())
        {
            diagnostics.AddRange(reader.Current.Diagnostics);
            if (reader.Current.Record is { } record)
            {
                records.Add(record);
                _ = reader.Current.LocationOf("/id");
            }
        }

        info = reader.Info;
        version = reader.FormatVersion;
        return (diagnostics, records);
    }

    private static string Describe(Diagnostic d)
    {
        DiagnosticLocation l = d.Location;
        return $"{d} {l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} @{l.ByteOffset} '{l.JsonPointer}'";
    }

    /// <summary>Each rule test case (JSON Lines) as a document: records grouped by their type into the arrays, the type member dropped.</summary>
    private static Dictionary<string, string> RuleCorpus()
    {
        var corpus = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cases in new[] { ReferenceRuleTests.Cases(), CasualtyRuleTests.Cases(), DateRuleTests.Cases(), DiplomacyRuleTests.Cases(), ProvenanceRuleTests.Cases() })
        {
            foreach (RuleCase c in cases)
            {
                if (ToDocument(c.Trigger) is { } trigger)
                {
                    corpus[$"rule {c.Id} trigger {c.At}"] = trigger;
                }

                if (ToDocument(c.Clean) is { } clean)
                {
                    corpus[$"rule {c.Id} clean {c.At}"] = clean;
                }
            }
        }

        return corpus;
    }

    private static string? ToDocument(IEnumerable<string> lines)
    {
        var root = new JsonObject { ["formatVersion"] = "1.0", ["info"] = new JsonObject { ["title"] = "Test" } };
        foreach (string line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject record;
            try
            {
                record = JsonNode.Parse(line)!.AsObject();
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }

            string type = (string?)record["type"] ?? "x";
            record.Remove("type");
            string array = type switch
            {
                "casualtyEstimate" => "casualtyEstimates",
                "dataset" => "",
                _ => type + "s",
            };
            if (array.Length == 0)
            {
                continue;
            }

            if (root[array] is not JsonArray list)
            {
                root[array] = list = [];
            }

            list.Add(record);
        }

        return root.ToJsonString();
    }

    private static string Root()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ConflictModel.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }

    /// <summary>A stream that hands out at most a few bytes a read, as a slow network does.</summary>
    internal sealed class Trickle(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(piece, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

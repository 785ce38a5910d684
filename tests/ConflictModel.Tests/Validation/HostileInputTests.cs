using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Hostile input the unit suite can afford (the huge cases are in the end-to-end project's HostileInputTests): each
/// exceeded limit is one diagnostic and the other records are still read; NUL bytes, lone surrogates, invalid UTF-8,
/// 10,000-digit numbers, duplicate and innumerable members, and input that changes while it is read all end in
/// diagnostics with valid positions, never an exception. The limits (<see cref="DatasetReaderOptions"/>) and cases
/// are listed in docs/reliability.md.
/// </summary>
public class HostileInputTests
{
    private static readonly string Actor = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";

    private static readonly string Tail = "{\"type\":\"actor\",\"id\":\"z\",\"name\":\"Z\",\"kind\":\"state\"}";

    private static DatasetReadResult ReadLines(string body, DatasetReaderOptions? options = null)
        => new DatasetReader(options).ReadText(RuleHarness.Header + "\n" + body + "\n" + Tail + "\n", DatasetFormat.JsonLines, "hostile.jsonl");

    private static DatasetReadResult ReadLines(byte[] body, DatasetReaderOptions? options = null)
        => new DatasetReader(options).ReadUtf8([.. Encoding.UTF8.GetBytes(RuleHarness.Header + "\n"), .. body, .. Encoding.UTF8.GetBytes("\n" + Tail + "\n")], DatasetFormat.JsonLines, "hostile.jsonl");

    /// <summary>The line after the hostile one is read, and every location lies within the input.</summary>
    private static void AssertTailReadAndPositionsValid(DatasetReadResult read, int lines)
    {
        Assert.Contains(read.Dataset.Actors, a => a.RecordId == "z");
        foreach (Diagnostic d in read.Diagnostics)
        {
            Assert.InRange(d.Location.StartLine, 1, lines);
            Assert.True(d.Location.StartColumn >= 1, d.ToString());
            Assert.True(d.GetMessage().Length < 1000, $"a {d.GetMessage().Length}-character message");
        }
    }

    // ---- Limits -------------------------------------------------------------------------------------------------

    [Fact]
    public void MaxDepth_Exceeded_IsOneDiagnosticAndTheNextLineIsRead()
    {
        var options = new DatasetReaderOptions { MaxDepth = 16 };
        DatasetReadResult read = ReadLines("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"x\":" + new string('[', 20) + new string(']', 20) + "}", options);
        Assert.Equal(["CM0003"], read.Diagnostics.Select(d => d.Id));
        Assert.Equal(2, read.Diagnostics[0].Location.StartLine);
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void MaxDepth_OneMillionOpenBrackets_IsOneDiagnostic()
    {
        DatasetReadResult read = ReadLines("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"x\":" + new string('[', 1_000_000));
        Assert.Equal(["CM0003"], read.Diagnostics.Select(d => d.Id));
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Theory]
    [InlineData(DatasetFormat.JsonLines)]
    [InlineData(DatasetFormat.Document)]
    public void MaxRecordBytes_Exceeded_IsOneDiagnosticAndTheOtherRecordsAreRead(DatasetFormat format)
    {
        var options = new DatasetReaderOptions { MaxRecordBytes = 200 };
        string big = "{\"id\":\"big\",\"name\":\"" + new string('b', 300) + "\",\"kind\":\"state\"}";
        string text = format == DatasetFormat.JsonLines
            ? RuleHarness.Header + "\n" + big.Insert(1, "\"type\":\"actor\",") + "\n" + Tail + "\n"
            : "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"actors\":[" + big + ",{\"id\":\"z\",\"name\":\"Z\",\"kind\":\"state\"}]}";
        DatasetReadResult read = new DatasetReader(options).ReadText(text, format);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal("CM0004", d.Id);
        Assert.Equal("z", Assert.Single(read.Dataset.Actors).RecordId);
    }

    [Fact]
    public void MaxStringLength_Exceeded_IsOneDiagnosticAndTheRecordKeepsItsOtherMembers()
    {
        var options = new DatasetReaderOptions { MaxStringLength = 100 };
        DatasetReadResult read = ReadLines("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"description\":\"" + new string('d', 101) + "\"}", options);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0005", "/description"), (d.Id, d.Location.JsonPointer));
        Assert.Contains(read.Dataset.Actors, a => a.RecordId == "a" && a.Description is null);
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void MaxStringLength_InAnUnknownMember_DropsOnlyThatMember()
    {
        var options = new DatasetReaderOptions { MaxStringLength = 100 };
        DatasetReadResult read = ReadLines("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"x-notes\":[\"" + new string('d', 101) + "\"],\"x-kept\":1}", options);
        Assert.Equal(["CM0005"], read.Diagnostics.Select(d => d.Id));
        global::ConflictModel.Model.Actor actor = read.Dataset.Actors.Single(a => a.RecordId == "a");
        Assert.False(actor.Extensions.TryGetValue("x-notes", out _));
        Assert.True(actor.Extensions.TryGetValue("x-kept", out _));
    }

    [Fact]
    public void MaxDiagnostics_Exceeded_StopsAtTheLimitWithOneMoreDiagnosticAndKeepsReading()
    {
        var options = new DatasetReaderOptions { MaxDiagnostics = 100 };
        string broken = string.Join("\n", Enumerable.Repeat("{\"type\":\"actor\",\"id\":\"\",\"name\":\"A\",\"kind\":\"empire\"}", 5_000));
        DatasetReadResult read = ReadLines(broken, options);
        Assert.Equal(101, read.Diagnostics.Length);
        Assert.Equal("CM0023", read.Diagnostics[^1].Id);
        Assert.Single(read.Diagnostics, d => d.Id == "CM0023");
        AssertTailReadAndPositionsValid(read, 5_002);

        // The validator keeps to the same limit after adding the rules' findings.
        ValidationResult result = new DatasetValidator().Validate(read);
        Assert.Equal(101, result.Diagnostics.Length);
        Assert.Single(result.Diagnostics, d => d.Id == "CM0023");
    }

    [Fact]
    public void MaxInputBytes_Exceeded_IsOneDiagnosticAndTheFirstBytesAreRead()
    {
        string text = RuleHarness.Header + "\n" + Actor + "\n" + Tail + "\n";
        int limit = Encoding.UTF8.GetByteCount(RuleHarness.Header + "\n" + Actor + "\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxInputBytes = limit }).Read(stream, "big.jsonl", DatasetFormat.JsonLines);
        Assert.Equal(["CM0025"], read.Diagnostics.Select(d => d.Id));
        Assert.Equal("a", Assert.Single(read.Dataset.Actors).RecordId);
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedOnConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxDepth = 7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxDepth = 1025 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxRecordBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxStringLength = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxDiagnostics = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxInputBytes = (long)Array.MaxLength + 1 });
    }

    // ---- Hostile content ------------------------------------------------------------------------------------------

    [Fact]
    public void NulByte_RawInAString_IsMalformedJsonForThatLineOnly()
    {
        byte[] line = Encoding.UTF8.GetBytes("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\0B\",\"kind\":\"state\"}");
        DatasetReadResult read = ReadLines(line);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0001", 2), (d.Id, d.Location.StartLine));
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void NulByte_BetweenLinesAndAsAWholeFile_AreDiagnostics()
    {
        DatasetReadResult read = ReadLines(new byte[] { 0, 0, 0 });
        Assert.Equal(["CM0001"], read.Diagnostics.Select(d => d.Id));
        AssertTailReadAndPositionsValid(read, 3);

        DatasetReadResult zeros = new DatasetReader().ReadUtf8(new byte[4096], DatasetFormat.Document);
        Assert.Equal(["CM0001"], zeros.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void NulCharacter_Escaped_IsKeptInTextButRefusedInAnId()
    {
        DatasetReadResult read = ReadLines("{\"type\":\"actor\",\"id\":\"a\\u0000\",\"name\":\"A\\u0000B\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\\u0000\",\"kind\":\"state\"}");
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0011", "/id"), (d.Id, d.Location.JsonPointer));
        Assert.Equal("B\0", read.Dataset.Actors.Single(a => a.RecordId == "b").Name);
        AssertTailReadAndPositionsValid(read, 4);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("x\\ud800\\u0041")]
    [InlineData("\\ud800\\ud800")]
    public void LoneSurrogate_Escaped_IsOneDiagnosticWhereverItIs(string escaped)
    {
        string[] places =
        [
            "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"" + escaped + "\",\"kind\":\"state\"}",
            "{\"type\":\"actor\",\"id\":\"" + escaped + "\",\"name\":\"A\",\"kind\":\"state\"}",
            "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"" + escaped + "\":1}",
            "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"x\":{\"y\":[\"" + escaped + "\"]}}",
            "{\"type\":\"" + escaped + "\",\"id\":\"a\"}",
            "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"" + escaped + "\"}",
        ];
        foreach (string line in places)
        {
            DatasetReadResult read = ReadLines(line);
            Assert.True(read.Diagnostics.Length == 1, $"{line}: {string.Join("; ", read.Diagnostics)}");
            Assert.Equal(2, read.Diagnostics[0].Location.StartLine);
            AssertTailReadAndPositionsValid(read, 3);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded in UTF-8 (CESU-8)
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })] // a truncated sequence
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    public void InvalidUtf8_InANameOrAValue_IsOneDiagnosticPerLine(byte[] bad)
    {
        byte[] before = Encoding.UTF8.GetBytes("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A");
        byte[] after = Encoding.UTF8.GetBytes("\",\"kind\":\"state\",\"x");
        byte[] end = Encoding.UTF8.GetBytes("\":1}");
        DatasetReadResult read = ReadLines([.. before, .. bad, .. after, .. bad, .. end]);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0002", 2, before.Length + 1), (d.Id, d.Location.StartLine, d.Location.StartColumn));
        Assert.Contains(read.Dataset.Actors, a => a.RecordId == "a");
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void InvalidUtf8_OnEveryOneOfManyLines_IsReportedOnEachInLinearTime()
    {
        // Each line's check once scanned every bad byte of the file: 20,000 bad lines took 23 s, against 3 s now (on a loaded 2-core machine).
        const int Lines = 20_000;
        var body = new List<byte>();
        for (int i = 0; i < Lines; i++)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"A"));
            body.Add(0xFF);
            body.AddRange(Encoding.UTF8.GetBytes("\",\"kind\":\"state\"}\n"));
        }

        DatasetReadResult read = ReadLines([.. body], new DatasetReaderOptions { MaxDiagnostics = 100_000 });
        Assert.Equal(Lines, read.Diagnostics.Count(d => d.Id == "CM0002"));
        Assert.Equal(Lines + 1, read.Dataset.Actors.Length);
    }

    [Theory]
    [InlineData("figure\":{\"best\":", "/figure/best")]
    [InlineData("figure\":{\"low\":0,\"high\":", "/figure/high")]
    public void TenThousandDigitNumber_IsOneShortDiagnostic(string member, string pointer)
    {
        string digits = "9" + new string('0', 9_999);
        foreach (string number in new[] { digits, "-" + digits, "0." + digits, "1e" + digits, digits + ".5e-" + digits })
        {
            DatasetReadResult read = ReadLines("{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"" + member + number + "}}");
            Diagnostic d = Assert.Single(read.Diagnostics);
            Assert.Equal(("CM0013", pointer), (d.Id, d.Location.JsonPointer));
            AssertTailReadAndPositionsValid(read, 3);
        }
    }

    [Fact]
    public void TenThousandDigitNumber_InCoordinatesAndExtensions_IsReadWithoutHanging()
    {
        string digits = "1" + new string('0', 9_999);
        DatasetReadResult read = ReadLines("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"location\":{\"coordinates\":{\"latitude\":" + digits + ",\"longitude\":0." + digits + "}},\"x-n\":" + digits + "}");
        Assert.All(read.Diagnostics, d => Assert.Equal("CM0013", d.Id));
        Assert.NotEmpty(read.Diagnostics);
        global::ConflictModel.Model.Event e = Assert.Single(read.Dataset.Events);
        Assert.True(e.Extensions.TryGetValue("x-n", out string raw));
        Assert.Equal(digits, raw);
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void DuplicateKeys_TenThousandRepeats_AreCappedAtMaxDiagnostics()
    {
        string repeated = string.Concat(Enumerable.Repeat(",\"name\":\"B\"", 10_000));
        DatasetReadResult read = ReadLines("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"" + repeated + "}", new DatasetReaderOptions { MaxDiagnostics = 500 });
        Assert.Equal(501, read.Diagnostics.Length);
        Assert.All(read.Diagnostics.SkipLast(1), d => Assert.Equal(("CM0006", "/name"), (d.Id, d.Location.JsonPointer)));
        Assert.Equal("A", read.Dataset.Actors.Single(a => a.RecordId == "a").Name);
        AssertTailReadAndPositionsValid(read, 3);
    }

    [Fact]
    public void DuplicateKeys_AmongManyUnknownMembers_AreFoundInLinearTime()
    {
        // Each unknown member's name was once compared with every one before it: 100,000 members took six minutes.
        const int Members = 50_000;
        var line = new StringBuilder("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"");
        for (int i = 0; i < Members; i++)
        {
            line.Append(",\"m").Append(i).Append("\":0");
        }

        line.Append(",\"m7\":1}");
        DatasetReadResult read = ReadLines(line.ToString());
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0006", "/m7"), (d.Id, d.Location.JsonPointer));
        Assert.Equal(Members, read.Dataset.Actors.Single(a => a.RecordId == "a").Extensions.Count);
    }

    // ---- Input that changes while it is read ----------------------------------------------------------------------

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Stream_ShrinksWhileRead_ReadsWhatWasThereAndReportsTheCutLine(double keep)
    {
        byte[] full = Encoding.UTF8.GetBytes(RuleHarness.Header + "\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"A\",\"kind\":\"state\"}}")) + "\n");
        int cut = (int)(full.Length * keep);
        using var stream = new ChangingStream(full, reportedLength: full.Length, deliver: cut);
        DatasetReadResult read = new DatasetReader().Read(stream, "changing.jsonl", DatasetFormat.JsonLines);
        string[] seen = Encoding.UTF8.GetString(full, 0, cut).Split('\n')[1..];
        Assert.Equal(seen.Count(l => l.StartsWith('{') && l.EndsWith('}')), read.Dataset.Actors.Length);
        bool cutMidLine = seen[^1].Length > 0 && !seen[^1].EndsWith('}');
        Assert.Equal(cutMidLine ? ["CM0001"] : [], read.Diagnostics.Select(d => d.Id));
        Assert.All(read.Diagnostics, d => Assert.InRange(d.Location.ByteOffset, 0, cut));
    }

    [Fact]
    public void Stream_GrowsWhileRead_ReadsEverythingUpToTheEnd()
    {
        byte[] full = Encoding.UTF8.GetBytes(RuleHarness.Header + "\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"A\",\"kind\":\"state\"}}")) + "\n");
        using var stream = new ChangingStream(full, reportedLength: full.Length / 3, deliver: full.Length);
        DatasetReadResult read = new DatasetReader().Read(stream, "changing.jsonl", DatasetFormat.JsonLines);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(100, read.Dataset.Actors.Length);
    }

    /// <summary>
    /// A seekable stream whose <see cref="Length"/> is what the file measured when opened, while reading delivers what
    /// is there by the time it is read: fewer bytes (the file was truncated) or more (it was appended to).
    /// </summary>
    private sealed class ChangingStream(byte[] content, long reportedLength, int deliver) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => reportedLength;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Small reads, so that the change happens between them.
            int n = Math.Min(Math.Min(count, 97), deliver - _position);
            if (n <= 0)
            {
                return 0;
            }

            Array.Copy(content, _position, buffer, offset, n);
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

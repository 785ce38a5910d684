using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>The descriptors the reader reports, each triggered once at an asserted position.</summary>
public class ReaderRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM0001", [A, "{\"type\":\"actor\",\"id\":\"b\",,\"name\":\"B\",\"kind\":\"state\"}", A.Replace("\"a\"", "\"c\"", StringComparison.Ordinal)], 3, ",\"name", "", [A]),
        new("CM0006", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"name\":\"B\",\"kind\":\"state\"}"], 2, "\"name\":\"B\"", "/name", [A]),
        new("CM0007", ["{\"type\":\"actor\",\"id\":\"a\",\"kind\":\"state\"}"], 2, "{", "", [A]),
        new("CM0008", ["{\"type\":\"actor\",\"id\":5,\"name\":\"A\",\"kind\":\"state\"}"], 2, "5", "/id", [A]),
        new("CM0009", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"nation\"}"], 2, "\"nation\"", "/kind", [A]),
        new("CM0010", ["{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"date\":\"2023-02-30\"}"], 2, "\"2023-02-30\"", "/date", ["{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"date\":\"2024-02-29\"}"]),
        new("CM0011", ["{\"type\":\"actor\",\"id\":\" a\",\"name\":\"A\",\"kind\":\"state\"}"], 2, "\" a\"", "/id", [A]),
        new("CM0012", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"description\":\"  \"}"], 2, "\"  \"", "/description", [A]),
        new("CM0013", ["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1.5},\"period\":\"2025\"}"], 2, "1.5", "/figure/best",
            ["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1},\"period\":\"2025\"}"]),
        new("CM0014", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"country\":\"pk\"}"], 2, "\"pk\"", "/country", [A]),
        new("CM0015", ["{\"type\":\"agreement\",\"id\":\"g\",\"name\":\"G\",\"provisions\":[{\"kind\":\"amnesty\",\"ceasefire\":\"f\"}]}"], 2, "\"f\"", "/provisions/0/ceasefire",
            ["{\"type\":\"agreement\",\"id\":\"g\",\"name\":\"G\",\"provisions\":[{\"kind\":\"amnesty\"}]}"]),
        new("CM0017", [A, RuleHarness.Header], 3, "{", "", [A]),
        new("CM0018", ["{\"type\":\"person\",\"id\":\"a\"}"], 2, "\"person\"", "/type", [A]),
        new("CM0019", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"State\"}"], 2, "\"State\"", "/kind", [A]),
        new("CM0020", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"x-rank\":1}"], 2, "1}", "/x-rank", [A]),
        new("CM0021", ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"desciption\":\"x\"}"], 2, "\"x\"", "/desciption", [A]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);

    [Fact]
    public void MissingHeader_FirstLineIsRecord_ReportsAtLineOne()
    {
        DatasetReadResult read = new DatasetReader().ReadText(A + "\n", DatasetFormat.JsonLines, "x.jsonl");
        Diagnostic d = Assert.Single(read.Diagnostics, d => d.Id == "CM0016");
        Assert.Equal((1, 1, ""), (d.Location.StartLine, d.Location.StartColumn, d.Location.JsonPointer));
        Assert.Single(read.Dataset.Actors);
    }

    [Fact]
    public void UnsupportedFormatVersion_MajorTwo_ReportsAtVersion()
    {
        DatasetReadResult read = new DatasetReader().ReadText("{\"type\":\"dataset\",\"formatVersion\":\"2.0\",\"info\":{\"title\":\"t\"}}\n" + A, DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0022", 1, 35, "/formatVersion"), (d.Id, d.Location.StartLine, d.Location.StartColumn, d.Location.JsonPointer));
    }

    [Fact]
    public void InvalidUtf8_InName_ReportsAtByteAndReadsOn()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines([A.Replace("\"A\"", "\"Aé\"", StringComparison.Ordinal), A.Replace("\"a\"", "\"b\"", StringComparison.Ordinal)]));
        int at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = (byte)'x'; // a lead byte without its continuation
        DatasetReadResult read = new DatasetReader().ReadUtf8(bytes, DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0002", 2, A.IndexOf("\"A\"", StringComparison.Ordinal) + 3), (d.Id, d.Location.StartLine, d.Location.StartColumn));
        Assert.Equal(2, read.Dataset.Actors.Length);
        Assert.Equal("A?x", read.Dataset.Actors[0].Name);
    }

    [Fact]
    public void RecordTooLarge_LineOverLimit_IsSkippedAndReported()
    {
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxRecordBytes = 70 }).ReadText(
            RuleHarness.Header.Replace("Test", "T", StringComparison.Ordinal) + "\n" + A + "\n" + A.Replace("\"A\"", "\"" + new string('x', 100) + "\"", StringComparison.Ordinal) + "\n", DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0004", 3, 1), (d.Id, d.Location.StartLine, d.Location.StartColumn));
        Assert.Single(read.Dataset.Actors);
    }

    [Fact]
    public void StringTooLong_OverLimit_ReportsAtString()
    {
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxStringLength = 10 }).ReadText(
            RuleHarness.Lines([A.Replace("\"A\"", "\"" + new string('x', 11) + "\"", StringComparison.Ordinal)]), DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0005", 2, A.IndexOf("\"A\"", StringComparison.Ordinal) + 1, "/name"), (d.Id, d.Location.StartLine, d.Location.StartColumn, d.Location.JsonPointer));
        Assert.Empty(read.Dataset.Actors);
    }

    [Fact]
    public void TooManyDiagnostics_OverLimit_StopsWithOneNotice()
    {
        string text = RuleHarness.Lines(Enumerable.Range(0, 20).Select(_ => "{\"type\":\"actor\"}"));
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxDiagnostics = 5 }).ReadText(text, DatasetFormat.JsonLines);
        Assert.Equal(6, read.Diagnostics.Length);
        Assert.Equal("CM0023", read.Diagnostics[^1].Id);
    }

    [Fact]
    public void DecompressionFailed_CorruptGzip_ReportsAndReadsWhatItCan()
    {
        byte[] gzip = Gzip(Encoding.UTF8.GetBytes(RuleHarness.Lines(Enumerable.Range(0, 200).Select(i => A.Replace("\"a\"", $"\"a{i}\"", StringComparison.Ordinal)))));
        for (int i = 20; i < gzip.Length - 20; i += 7)
        {
            gzip[i] ^= 0x5A; // corrupt the deflate stream
        }

        using var stream = new MemoryStream(gzip);
        DatasetReadResult read = new DatasetReader().Read(stream, "x.jsonl.gz", DatasetFormat.JsonLines, gzip: true);
        Assert.Contains(read.Diagnostics, d => d.Id == "CM0024");
        Assert.DoesNotContain(read.Diagnostics, d => d.Id == "CM0900");
    }

    [Fact]
    public void Read_GzipByMagicBytes_Decompresses()
    {
        byte[] gzip = Gzip(Encoding.UTF8.GetBytes(RuleHarness.Lines([A])));
        using var stream = new MemoryStream(gzip);
        DatasetReadResult read = new DatasetReader().Read(stream, null, DatasetFormat.JsonLines);
        Assert.Empty(read.Diagnostics);
        Assert.Single(read.Dataset.Actors);
    }

    [Fact]
    public void InputTooLarge_OverLimit_ReadsThePrefix()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines([A, A.Replace("\"a\"", "\"b\"", StringComparison.Ordinal)]));
        using var stream = new MemoryStream(bytes);
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxInputBytes = bytes.Length - 5 }).Read(stream, null, DatasetFormat.JsonLines);
        Assert.Contains(read.Diagnostics, d => d.Id == "CM0025");
        Assert.Single(read.Dataset.Actors);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation.TestData;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>Hostile and broken input: every problem is a diagnostic with a position, and nothing is thrown.</summary>
public class BadInputTests
{
    private static readonly string Document = ConflictJsonSerializer.Serialize(FullDataset.Create());
    private static readonly string Lines = ConflictJsonSerializer.SerializeLines(FullDataset.Create());

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void ReadText_DocumentBrokenAt_KeepsRecordsBeforeAndReportsPosition(double where)
    {
        // Break the document by inserting a stray character at the start, in the middle or at the end of a line.
        string[] lines = Document.Split('\n');
        int line = where switch { 0.0 => 0, 1.0 => lines.Length - 2, _ => lines.Length / 2 };
        lines[line] = "@" + lines[line];
        DatasetReadResult read = new DatasetReader().ReadText(string.Join('\n', lines), DatasetFormat.Document, "x.json");
        Diagnostic error = Assert.Single(read.Diagnostics, d => d.Id == "CM0001");
        Assert.Equal(line + 1, error.Location.StartLine);
        Assert.True(read.Dataset.RecordCount < FullDataset.Create().RecordCount || where == 1.0);
        if (where == 0.5)
        {
            Assert.True(read.Dataset.RecordCount > 0);
        }
    }

    [Fact]
    public void ReadText_TruncatedDocument_ReportsAtTheEndAndKeepsCompleteRecords()
    {
        string truncated = Document[..(Document.Length * 2 / 3)];
        DatasetReadResult read = new DatasetReader().ReadText(truncated, DatasetFormat.Document, "x.json");
        Diagnostic error = Assert.Single(read.Diagnostics);
        Assert.Equal("CM0001", error.Id);
        Assert.Equal(truncated.Count(c => c == '\n') + 1, error.Location.StartLine);
        Assert.InRange(read.Dataset.RecordCount, 1, FullDataset.Create().RecordCount - 1);
    }

    [Fact]
    public void ReadText_TruncatedJsonLines_LosesOnlyTheLastLine()
    {
        string truncated = Lines.TrimEnd('\n')[..^10];
        DatasetReadResult read = new DatasetReader().ReadText(truncated, DatasetFormat.JsonLines);
        Assert.Equal(["CM0001"], read.Diagnostics.Select(d => d.Id));
        Assert.Equal(FullDataset.Create().RecordCount - 1, read.Dataset.RecordCount);
    }

    [Fact]
    public void Read_ByteOrderMark_IsAcceptedAndNotCounted()
    {
        foreach ((string text, DatasetFormat format) in new[] { (Document, DatasetFormat.Document), (Lines, DatasetFormat.JsonLines) })
        {
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\"Full dataset\"", "\"Full dataset\",\"tittle\":1", StringComparison.Ordinal))];
            DatasetReadResult read = new DatasetReader().ReadUtf8(bytes, format);
            Diagnostic typo = Assert.Single(read.Diagnostics);
            Assert.Equal("CM0021", typo.Id);
            Assert.Equal(FullDataset.Create().RecordCount, read.Dataset.RecordCount);
            if (format == DatasetFormat.JsonLines)
            {
                int column = text.IndexOf("\"Full dataset\"", StringComparison.Ordinal) + "\"Full dataset\",\"tittle\":".Length + 1;
                Assert.Equal((1, column), (typo.Location.StartLine, typo.Location.StartColumn));
            }
        }
    }

    [Fact]
    public void Read_InvalidUtf8InDocument_IsReportedOnceAndTheRestIsRead()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Document);
        int at = Document.IndexOf("Airstrike", StringComparison.Ordinal);
        bytes[Encoding.UTF8.GetByteCount(Document.AsSpan(0, at))] = 0xFF;
        DatasetReadResult read = new DatasetReader().ReadUtf8(bytes, DatasetFormat.Document);
        Assert.Equal(["CM0002"], read.Diagnostics.Select(d => d.Id));
        Assert.Equal(FullDataset.Create().RecordCount, read.Dataset.RecordCount);
    }

    [Theory]
    [InlineData(DatasetFormat.Document)]
    [InlineData(DatasetFormat.JsonLines)]
    public void Read_TenThousandDeepNesting_IsOneDiagnosticAndQuick(DatasetFormat format)
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);
        string prefix = format == DatasetFormat.Document ? "{\"info\":{\"title\":\"t\"},\"x\":" : "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"x\":";
        string text = format == DatasetFormat.Document
            ? prefix + deep + "}"
            : RuleHarness.Header + "\n" + prefix + deep + "}\n{\"type\":\"event\",\"id\":\"f\",\"kind\":\"other\"}\n";
        DatasetReadResult read = WithinHangGuard(() => new DatasetReader().ReadText(text, format));
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal("CM0003", d.Id);
        // The root object is one level; the 64th level is the 63rd bracket, so the 64th bracket is too deep.
        Assert.Equal(prefix.Length + 63 + 1, d.Location.StartColumn);
        Assert.Equal(format == DatasetFormat.Document ? 0 : 1, read.Dataset.Events.Length);
    }

    [Theory]
    [InlineData(DatasetFormat.Document)]
    [InlineData(DatasetFormat.JsonLines)]
    public void Read_FiftyMegabyteString_IsReportedQuickly(DatasetFormat format)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(format == DatasetFormat.Document
            ? "{\"info\":{\"title\":\"t\"},\"events\":[{\"id\":\"e\",\"kind\":\"other\",\"description\":\""
            : RuleHarness.Header + "\n{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"description\":\"");
        byte[] suffix = Encoding.UTF8.GetBytes(format == DatasetFormat.Document
            ? "\"},{\"id\":\"f\",\"kind\":\"other\"}]}"
            : "\"}\n{\"type\":\"event\",\"id\":\"f\",\"kind\":\"other\"}\n");
        byte[] bytes = new byte[prefix.Length + (50 * 1024 * 1024) + suffix.Length];
        prefix.CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length, 50 * 1024 * 1024).Fill((byte)'a');
        suffix.CopyTo(bytes, bytes.Length - suffix.Length);
        DatasetReadResult read = WithinHangGuard(() => new DatasetReader().ReadUtf8(bytes, format));
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal("CM0004", d.Id);
        Assert.Equal("f", Assert.Single(read.Dataset.Events).RecordId);
    }

    [Fact]
    public void Read_LargeStringUnderRecordLimit_IsStringTooLong()
    {
        string text = RuleHarness.Header + "\n{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"description\":\"" + new string('€', 2 * 1024 * 1024) + "\"}\n";
        DatasetReadResult read = new DatasetReader().ReadText(text, DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        Assert.Equal(("CM0005", "/description"), (d.Id, d.Location.JsonPointer));
        Assert.Equal(2L * 1024 * 1024, Convert.ToInt64(d.Arguments[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(read.Dataset.Events);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-99999999999999999999")]
    [InlineData("1e400")]
    [InlineData("3.0")]
    public void Read_NumberBeyondLong_IsInvalidNumber(string number)
    {
        string text = RuleHarness.Lines(["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":" + number + "},\"period\":\"2025\"}"]);
        DatasetReadResult read = new DatasetReader().ReadText(text, DatasetFormat.JsonLines);
        Diagnostic d = Assert.Single(read.Diagnostics);
        int column = text.Split('\n')[1].IndexOf(number, StringComparison.Ordinal) + 1;
        Assert.Equal(("CM0013", 2, column, "/figure/best"), (d.Id, d.Location.StartLine, d.Location.StartColumn, d.Location.JsonPointer));
        Assert.Null(Assert.Single(read.Dataset.CasualtyEstimates).Figure.Best);
    }

    [Fact]
    public void Read_DuplicateKeysInDocument_ReportsEachRepetition()
    {
        string text = "{\"info\":{\"title\":\"t\",\"title\":\"u\"},\"actors\":[],\"actors\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}]}";
        DatasetReadResult read = new DatasetReader().ReadText(text, DatasetFormat.Document);
        Assert.Equal([("CM0006", "/info/title"), ("CM0006", "/actors")], read.Diagnostics.Select(d => (d.Id, d.Location.JsonPointer)));
        Assert.Equal("t", read.Dataset.Info.Title);
        Assert.Empty(read.Dataset.Actors);
    }

    [Fact]
    public void Read_JsonLinesWithBrokenLine500_ValidatesLines501Onwards()
    {
        // Line 1 is the header, line 2 the source, lines 3 to 1000 actors, but for a broken line 500 and an event on line 700.
        var records = Enumerable.Range(3, 998).Select(line => line switch
        {
            500 => "{\"type\":\"actor\",\"id\":\"x500\",\"name\":",
            700 => "{\"type\":\"event\",\"id\":\"e700\",\"kind\":\"other\",\"participants\":[{\"actor\":\"nobody\",\"role\":\"target\"}],\"sources\":[{\"source\":\"s\"}]}",
            _ => $"{{\"type\":\"actor\",\"id\":\"x{line}\",\"name\":\"Actor {line}\",\"kind\":\"group\"}}",
        }).Prepend("{\"type\":\"source\",\"id\":\"s\"}");
        string text = RuleHarness.Header + "\n" + string.Join("\n", records) + "\n";
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(new DatasetReader().ReadText(text, DatasetFormat.JsonLines));
        Assert.Equal(500, result.Diagnostics.Single(d => d.Id == "CM0001").Location.StartLine);
        Diagnostic dangling = result.Diagnostics.Single(d => d.Id == "CM1001");
        Assert.Equal((700, "/participants/0/actor"), (dangling.Location.StartLine, dangling.Location.JsonPointer));
        Assert.Equal(996, result.Read!.Dataset.Actors.Length);
    }

    /// <summary>
    /// Runs a read that takes well under a second, failing (not hanging) if it has not finished in a minute. The bound is
    /// a guard against a hang or a blow-up (the quadratic and exponential kind), not a speed target: those live in the
    /// benchmarks, because a timed test fails on a busy machine (these once asserted 2 and 3 seconds).
    /// </summary>
    private static T WithinHangGuard<T>(Func<T> read)
    {
        var clock = Stopwatch.StartNew();
        Task<T> task = Task.Run(read);
        Assert.True(task.Wait(TimeSpan.FromMinutes(1)), $"the read had not finished after {clock.Elapsed}: a hang or a blow-up");
        return task.Result;
    }
}

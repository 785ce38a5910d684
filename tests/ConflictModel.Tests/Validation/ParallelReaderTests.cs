using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation.TestData;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// <see cref="DatasetReaderOptions.Parallelism"/> must not change what is read: the same records in the same order,
/// the same diagnostics in the same order, and the same locations, for valid and for broken JSON Lines.
/// </summary>
public class ParallelReaderTests
{
    private const int Seed = 20_261_124;

    private static readonly DatasetReader Serial = new(new DatasetReaderOptions { ReportUnknownMembers = true });

    // Chunks of a few hundred bytes, so that even the small test inputs are cut into many.
    private static readonly DatasetReader Parallel = new(new DatasetReaderOptions { ReportUnknownMembers = true, Parallelism = 3, MinChunkBytes = 200 });

    [Theory]
    [MemberData(nameof(ReaderDifferentialTests.Datasets), MemberType = typeof(ReaderDifferentialTests))]
    public void Read_ValidJsonLines_SameAsSerial(string name)
    {
        Dataset dataset = name == nameof(FullDataset) ? FullDataset.Create() : ReaderDifferentialTests.KitchenSinkFactory()!();
        string lines = ConflictJsonSerializer.SerializeLines(dataset);

        DatasetReadResult parallel = AssertSame(lines);

        Assert.False(parallel.HasErrors);
        Assert.Equal(SourceGeneratedReader.DeserializeLines(lines), parallel.Dataset);
    }

    [Fact]
    public void Read_ManyCopiesOfEveryRecord_SameAsSerialInInputOrder()
    {
        // 40 copies of every record line with the ids renamed per copy: many chunks, each with every kind of record.
        string lines = ConflictJsonSerializer.SerializeLines(FullDataset.Create());
        string[] split = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(split[0]).Append('\n');
        for (int copy = 0; copy < 40; copy++)
        {
            foreach (string line in split.Skip(1))
            {
                builder.Append(line.Replace("\"id\":\"", $"\"id\":\"c{copy}-", StringComparison.Ordinal)).Append('\n');
            }
        }

        DatasetReadResult parallel = AssertSame(builder.ToString());

        Assert.Equal(40 * (split.Length - 1), parallel.Dataset.Records.Count());
        Assert.Equal(Enumerable.Range(0, 40).SelectMany(c => SourceGeneratedReader.DeserializeLines(lines).Events.Select(e => $"c{c}-{e.Id}")), parallel.Dataset.Events.Select(e => e.Id.ToString()));
    }

    [Fact]
    public void Read_MutatedJsonLines_SameAsSerial()
    {
        var random = new Random(Seed);
        List<string> seeds = [.. GeneratedInputTests.Seeds().Where(s => s.Item2 == DatasetFormat.JsonLines).Select(s => s.Item1)];
        for (int i = 0; i < 150; i++)
        {
            AssertSame(GeneratedInputTests.Mutate(random, seeds[random.Next(seeds.Count)], DatasetFormat.JsonLines), $"iteration {i}");
        }
    }

    [Fact]
    public void Read_NoHeaderAndLateHeader_SameAsSerial()
    {
        string lines = ConflictJsonSerializer.SerializeLines(FullDataset.Create());
        string[] split = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string headerLast = string.Join('\n', split.Skip(1).Append(split[0]));
        string blankFirst = "\n  \n{\"no\":\"type\"}\n" + lines;

        Assert.Contains(AssertSame(headerLast).Diagnostics, d => d.Id == ReaderDiagnostics.MisplacedHeader.Id);
        Assert.Contains(AssertSame(headerLast).Diagnostics, d => d.Id == ReaderDiagnostics.MissingHeader.Id);
        Assert.Contains(AssertSame(blankFirst).Diagnostics, d => d.Id == ReaderDiagnostics.MissingMember.Id);
        Assert.Contains(AssertSame(string.Empty).Diagnostics, d => d.Id == ReaderDiagnostics.MalformedJson.Id);
    }

    [Fact]
    public void Read_MoreDiagnosticsThanTheLimit_SameAsSerial()
    {
        string lines = ConflictJsonSerializer.SerializeLines(FullDataset.Create());
        var builder = new StringBuilder(lines);
        for (int i = 0; i < 300; i++)
        {
            builder.Append("{\"type\":\"actor\",\"id\":\"a").Append(i).Append("\",\"kind\":\"nonsense\"}\n");
        }

        var options = new DatasetReaderOptions { MaxDiagnostics = 100 };
        DatasetReadResult serial = new DatasetReader(options).ReadText(builder.ToString(), DatasetFormat.JsonLines);
        DatasetReadResult parallel = new DatasetReader(options with { Parallelism = 4, MinChunkBytes = 100 }).ReadText(builder.ToString(), DatasetFormat.JsonLines);

        Assert.Equal(101, serial.Diagnostics.Length);
        Assert.Equal(serial.Diagnostics.Select(Describe), parallel.Diagnostics.Select(Describe));
    }

    private static DatasetReadResult AssertSame(string text, string? context = null)
    {
        DatasetReadResult serial = Serial.ReadText(text, DatasetFormat.JsonLines, "in.jsonl");
        DatasetReadResult parallel = Parallel.ReadText(text, DatasetFormat.JsonLines, "in.jsonl");
        Assert.True(serial.Dataset.Equals(parallel.Dataset), context);
        Assert.Equal(serial.Diagnostics.Select(Describe), parallel.Diagnostics.Select(Describe));
        Assert.Equal(serial.Dataset.Records.Select(r => (r.RecordKind, r.RecordId)), parallel.Dataset.Records.Select(r => (r.RecordKind, r.RecordId)));
        Assert.Equal(serial.Dataset.Records.Select(r => Describe(serial.LocationOf(r, "/id"))), parallel.Dataset.Records.Select(r => Describe(parallel.LocationOf(r, "/id"))));
        return parallel;
    }

    private static string Describe(Diagnostic d) => $"{d} {Describe(d.Location)}";

    private static string Describe(DiagnosticLocation l) => $"{l.FilePath}:{l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} {l.JsonPointer} @{l.ByteOffset}";
}

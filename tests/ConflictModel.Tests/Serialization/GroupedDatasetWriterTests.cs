using System;
using System.IO;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Examples;
using ConflictModel.Tests.Properties;
using ConflictModel.Tests.TestData;
using FsCheck.Xunit;
using Xunit;

namespace ConflictModel.Tests.Serialization;

/// <summary>
/// The grouped writer <c>convert</c> streams through (<see cref="DatasetWriter.CreateGrouped"/>): records handed over
/// in any order of kinds, the header given only at the end, come out as the serializer writes the whole dataset (both
/// forms, JSON Lines grouped by kind), through memory or temporary files, and nothing reaches the output before
/// <see cref="DatasetWriter.CompleteTo"/>.
/// </summary>
public sealed class GroupedDatasetWriterTests : IDisposable
{
    private readonly string _temporary = Directory.CreateTempSubdirectory("cm-grouped-").FullName;

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Theory]
    [InlineData("seed-merged.json")]
    [InlineData("seed-merged.jsonl")]
    [InlineData("seed-asif-geo-tv.json")]
    public void CompleteTo_ExampleInReverse_GivesTheSerializersBytes(string name)
    {
        Dataset dataset = ExampleFiles.Load(name);
        foreach (bool lines in new[] { false, true })
        {
            foreach (bool spill in new[] { false, true })
            {
                Assert.Equal(Expected(dataset, lines), Write(dataset, lines, spill, KindsReversed(dataset)));
                Assert.Equal(Expected(dataset, lines), Write(dataset, lines, spill, Interleaved(dataset)));
            }
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temporary));
    }

    [Fact]
    public void CompleteTo_ExtensionsOnTheHeader_KeepsThem()
    {
        Dataset dataset = KitchenSink.Create().WithExtensions(ExtensionData.Create([new("x-z", "{\"a\":[1,2]}"), new("x-é", "\"deux\"")]));
        foreach (bool lines in new[] { false, true })
        {
            Assert.Equal(Expected(dataset, lines), Write(dataset, lines, spill: true, Interleaved(dataset)));
        }
    }

    [Property(Arbitrary = [typeof(ModelGenerators)], MaxTest = 40)]
    public void CompleteTo_GeneratedDatasetShuffled_GivesTheSerializersBytes(Dataset dataset)
    {
        ConflictRecord[] shuffled = Interleaved(dataset);
        foreach (bool lines in new[] { false, true })
        {
            byte[] expected = Expected(dataset, lines);
            Assert.Equal(expected, Write(dataset, lines, spill: true, shuffled));
            Assert.Equal(expected, Write(dataset, lines, spill: false, shuffled));
        }
    }

    [Fact]
    public void Write_BeforeCompleteTo_WritesNothing_AndDisposeRemovesTheTemporaryFiles()
    {
        Dataset dataset = KitchenSink.Create();
        using (DatasetWriter writer = DatasetWriter.CreateGrouped(lines: true, Options(spill: true)))
        {
            foreach (ConflictRecord record in dataset.Records)
            {
                writer.Write(record);
            }

            Assert.Equal(dataset.RecordCount, writer.RecordCount);
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(_temporary).Concat(OpenTemporaryFiles()));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temporary));
        Assert.Empty(OpenTemporaryFiles());
    }

    [Fact]
    public void CompleteTo_HeaderWithRecords_Throws()
    {
        using DatasetWriter writer = DatasetWriter.CreateGrouped(lines: false, DatasetWriterOptions.Default);
        Assert.Throws<ArgumentException>(() => writer.CompleteTo(Stream.Null, KitchenSink.Create()));
    }

    [Fact]
    public void RecordReaderHeader_DocumentWithMembersAfterItsArrays_IsTheWholeReadsHeader()
    {
        const string text = """{"x-first":[1],"actors":[{"id":"a","name":"A","kind":"group"}],"info":{"title":"Late"},"formatVersion":"1.0","x-last":"z"}""";
        DatasetReadResult whole = new DatasetReader().ReadText(text, DatasetFormat.Document);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using DatasetRecordReader records = new DatasetReader().OpenRecords(stream, null, DatasetFormat.Document);
        while (records.Read())
        {
        }

        Dataset expected = whole.Dataset with { Actors = [] };
        Assert.Equal(expected, records.Header);
        Assert.Equal(["x-first", "x-last"], records.Header.Extensions.Select(e => e.Key));
    }

    /// <summary>The kinds last to first, each kind's records in their order (the order within a kind is the dataset's).</summary>
    private static ConflictRecord[] KindsReversed(Dataset dataset) => [.. dataset.Records.OrderByDescending(r => r.RecordKind)];

    /// <summary>The kinds interleaved, as in a JSON Lines file that writes an event with its estimates: first of each kind, second of each kind, …</summary>
    private static ConflictRecord[] Interleaved(Dataset dataset)
        => [.. dataset.Records.GroupBy(r => r.RecordKind).SelectMany(g => g.Select((record, index) => (record, index, g.Key))).OrderBy(t => t.index).ThenByDescending(t => t.Key).Select(t => t.record)];

    private static byte[] Expected(Dataset dataset, bool lines)
    {
        using var output = new MemoryStream();
        if (lines)
        {
            ConflictJsonSerializer.SerializeLines(output, dataset);
        }
        else
        {
            ConflictJsonSerializer.Serialize(output, dataset);
        }

        return output.ToArray();
    }

    /// <summary>The spill files are removed from their folder as soon as they are open: look for them among this process's open files.</summary>
    private string[] OpenTemporaryFiles()
        => OperatingSystem.IsLinux()
            ? [.. Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget).OfType<string>().Where(t => t.StartsWith(_temporary, StringComparison.Ordinal))]
            : [];

    private DatasetWriterOptions Options(bool spill) => DatasetWriterOptions.Default with { MaxBufferedBytes = spill ? 0 : DatasetWriterOptions.DefaultMaxBufferedBytes, TemporaryDirectory = _temporary };

    private byte[] Write(Dataset dataset, bool lines, bool spill, ConflictRecord[] records)
    {
        using var output = new MemoryStream();
        using (DatasetWriter writer = DatasetWriter.CreateGrouped(lines, Options(spill)))
        {
            foreach (ConflictRecord record in records)
            {
                writer.Write(record);
            }

            Assert.Equal(0, output.Length);
            writer.CompleteTo(output, new Dataset(dataset.Info, dataset.FormatVersion).WithExtensions(dataset.Extensions));
        }

        return output.ToArray();
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Examples;
using ConflictModel.Tests.Properties;
using ConflictModel.Tests.TestData;
using FsCheck.Xunit;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

/// <summary>
/// <see cref="DatasetWriter"/> writes, record by record, exactly the bytes the serializer's whole-dataset algorithm
/// writes — checked against that algorithm written out here (System.Text.Json over the whole dataset for the document,
/// the header then <see cref="ConflictJsonSerializer.SerializeRecord"/> lines for JSON Lines), on the examples, the
/// kitchen sink and generated datasets, in every order of kinds, over every output, through memory and temporary files.
/// </summary>
public sealed class DatasetWriterTests : IDisposable
{
    private static readonly string[] Examples = ["seed-asif-geo-tv.json", "seed-dar-kabul-visit.json", "seed-merged.json", "seed-merged.jsonl"];

    private readonly string _temporary = Directory.CreateTempSubdirectory("cm-writer-").FullName;

    public static TheoryData<string> ExampleNames => [.. Examples];

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public async Task WriteEachRecord_Example_GivesTheSerializersBytesInEveryWay(string name)
    {
        Dataset dataset = ExampleFiles.Load(name);
        await AssertWritesAsExpected(dataset);
        if (name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            Assert.Equal(ExampleFiles.ReadBytes(name), Write(dataset, lines: true, Target.Stream, Order.Wire, spill: false));
        }
        else
        {
            Assert.Equal(ExampleFiles.ReadBytes(name), Write(dataset, lines: false, Target.Stream, Order.Shuffled, spill: true));
        }
    }

    [Fact]
    public async Task WriteEachRecord_KitchenSink_GivesTheSerializersBytesInEveryWay()
        => await AssertWritesAsExpected(KitchenSink.Create());

    [Fact]
    public async Task WriteEachRecord_ExtensionsOnTheDataset_KeepsThemAfterTheArrays()
    {
        Dataset dataset = KitchenSink.Create().WithExtensions(ExtensionData.Create([new("x-z", "{\"a\":[1,2]}"), new("x-é", "\"deux\"")]));
        await AssertWritesAsExpected(dataset);
    }

    [Fact]
    public async Task WriteEachRecord_NoRecords_GivesTheSerializersBytes()
        => await AssertWritesAsExpected(new Dataset(new DatasetInfo("Empty")));

    [Property(Arbitrary = [typeof(ModelGenerators)], MaxTest = 40)]
    public void WriteEachRecord_GeneratedDataset_GivesTheSerializersBytes(Dataset dataset)
    {
        foreach (bool lines in new[] { false, true })
        {
            byte[] expected = Expected(dataset, lines);
            Assert.Equal(expected, Write(dataset, lines, Target.Stream, Order.Shuffled, spill: true));
            Assert.Equal(expected, Write(dataset, lines, Target.Buffer, Order.Reversed, spill: false));
            Assert.Equal(expected, Write(dataset, lines, Target.HeaderHoldsHalf, Order.Shuffled, spill: true));
        }
    }

    [Fact]
    public void Serialize_DelegatesToTheWriter_GivesTheSameBytesAsBefore()
    {
        Dataset dataset = KitchenSink.Create();
        Assert.Equal(Expected(dataset, lines: false), Encoding.UTF8.GetBytes(ConflictJsonSerializer.Serialize(dataset)));
        Assert.Equal(Expected(dataset, lines: true), Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(dataset)));
    }

    [Fact]
    public void WriteJsonLines_RecordWithTypeExtension_RefusesThatRecordOnlyAndGoesOn()
    {
        Dataset dataset = ExampleFiles.Load("seed-merged.json");
        var output = new ArrayBufferWriter<byte>();
        using DatasetWriter writer = DatasetWriter.CreateJsonLines(output, new Dataset(dataset.Info));
        writer.Write(dataset.Actors[0]);
        Actor bad = dataset.Actors[1].WithExtensions(ExtensionData.Create([new("type", "\"x\"")]));
        var ex = Assert.Throws<JsonException>(() => writer.Write(bad));
        Assert.Contains("extension member named \"type\"", ex.Message, StringComparison.Ordinal);
        writer.Write(dataset.Actors[2]);
        writer.Complete();

        Dataset read = ConflictJsonSerializer.DeserializeLines(Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(2, read.Actors.Length);
        Assert.Equal(dataset.Actors[0], read.Actors[0]);
        Assert.Equal(dataset.Actors[2], read.Actors[1]);
        Assert.Equal(2, writer.RecordCount);
    }

    [Fact]
    public void CreateJsonLines_HeaderWithTypeExtension_ThrowsAndWritesNothing()
    {
        Dataset dataset = new Dataset(new DatasetInfo("t")).WithExtensions(ExtensionData.Create([new("type", "1")]));
        using var stream = new MemoryStream();
        Assert.Throws<JsonException>(() => DatasetWriter.CreateJsonLines(stream, dataset));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void CreateDocument_RecordWithTypeExtension_WritesIt()
    {
        Dataset dataset = Dataset.Create(new DatasetInfo("t"), [new Actor(new ActorId("a"), "A", ActorKind.Group).WithExtensions(ExtensionData.Create([new("type", "1")]))]);
        Assert.Equal(Expected(dataset, lines: false), Write(dataset, lines: false, Target.Stream, Order.Wire, spill: true));
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesTheDocumentUnclosedAndRemovesTheTemporaryFiles()
    {
        Dataset dataset = KitchenSink.Create();
        using var stream = new MemoryStream();
        using (DatasetWriter writer = DatasetWriter.CreateDocument(stream, new Dataset(dataset.Info), Spilling))
        {
            foreach (ConflictRecord record in dataset.Records.Reverse())
            {
                writer.Write(record);
            }

            writer.Flush();
        }

        Assert.True(stream.Length > 0);
        Assert.ThrowsAny<JsonException>(() => ConflictJsonSerializer.Deserialize(stream.ToArray()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temporary));
    }

    [Fact]
    public void Complete_ThenWrite_Throws()
    {
        using var writer = DatasetWriter.CreateDocument(new ArrayBufferWriter<byte>(), new Dataset(new DatasetInfo("t")));
        writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Actor(new ActorId("a"), "A", ActorKind.Group)));
        Assert.Throws<InvalidOperationException>(writer.Complete);
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Write(new Actor(new ActorId("a"), "A", ActorKind.Group)));
    }

    [Fact]
    public void Write_OutputFails_FaultsTheWriterAndRemovesTheTemporaryFilesOnDispose()
    {
        Dataset dataset = KitchenSink.Create();
        var stream = new FailingStream(failAfter: 200);
        var writer = DatasetWriter.CreateDocument(stream, new Dataset(dataset.Info), Spilling with { FlushThreshold = 16 });
        Assert.Throws<IOException>(() =>
        {
            foreach (ConflictRecord record in dataset.Records.Reverse())
            {
                writer.Write(record);
            }

            writer.Complete();
        });
        var ex = Assert.Throws<InvalidOperationException>(writer.Complete);
        Assert.Contains("failed earlier", ex.Message, StringComparison.Ordinal);
        writer.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temporary));
    }

    [Fact]
    public async Task WriteAsync_Canceled_ThrowsAndWritesNothing()
    {
        using var stream = new MemoryStream();
        await using var writer = DatasetWriter.CreateJsonLines(stream, new Dataset(new DatasetInfo("t")));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writer.WriteAsync(new Actor(new ActorId("a"), "A", ActorKind.Group), cancel.Token));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task WriteAsync_PipeWithSmallThreshold_FlushesAsItGoesForAConcurrentReader()
    {
        Dataset dataset = ExampleFiles.Load("seed-merged.json");
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        Task<byte[]> reading = ReadAllAsync(pipe.Reader);
        await using (DatasetWriter writer = DatasetWriter.CreateJsonLines(pipe.Writer, new Dataset(dataset.Info), DatasetWriterOptions.Default with { FlushThreshold = 256 }))
        {
            foreach (ConflictRecord record in dataset.Records)
            {
                await writer.WriteAsync(record);
            }

            await writer.CompleteAsync();
        }

        await pipe.Writer.CompleteAsync();
        Assert.Equal(Expected(dataset, lines: true), await reading);
    }

    private DatasetWriterOptions Spilling => DatasetWriterOptions.Default with { MaxBufferedBytes = 0, TemporaryDirectory = _temporary };

    /// <summary>The whole-dataset algorithm the serializer used before the writer: the oracle.</summary>
    private static byte[] Expected(Dataset dataset, bool lines)
    {
        if (!lines)
        {
            return [.. JsonSerializer.SerializeToUtf8Bytes(dataset, ConflictJsonSerializer.Options), (byte)'\n'];
        }

        Dataset header = new Dataset(dataset.Info, dataset.FormatVersion).WithExtensions(dataset.Extensions);
        var text = new StringBuilder(JsonSerializer.Serialize(header, ConflictJsonSerializer.TypeInfo<Dataset>(ConflictJsonSerializer.LinesOptions))).Append('\n');
        foreach (ConflictRecord record in dataset.Records)
        {
            text.Append(ConflictJsonSerializer.SerializeRecord(record)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task AssertWritesAsExpected(Dataset dataset)
    {
        foreach (bool lines in new[] { false, true })
        {
            byte[] expected = Expected(dataset, lines);
            foreach (Target target in Enum.GetValues<Target>())
            {
                foreach (Order order in Enum.GetValues<Order>())
                {
                    foreach (bool spill in new[] { false, true })
                    {
                        string because = $"{(lines ? "JSON Lines" : "document")}, {target}, {order}, {(spill ? "spilled to files" : "in memory")}";
                        AssertBytes(expected, Write(dataset, lines, target, order, spill), because);
                        AssertBytes(expected, await WriteAsync(dataset, lines, target, order, spill), because + ", async");
                    }
                }
            }
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temporary));
    }

    private static void AssertBytes(byte[] expected, byte[] actual, string because)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail($"{because}: the bytes differ.\nExpected:\n{Encoding.UTF8.GetString(expected)}\nActual:\n{Encoding.UTF8.GetString(actual)}");
        }
    }

    /// <summary>
    /// The records in an order of kinds. JSON Lines writes lines in the order given, so only the wire order gives the
    /// serializer's bytes and it always gets that; the document regroups any order.
    /// </summary>
    private static List<ConflictRecord> InOrder(Dataset dataset, Order order, bool lines)
    {
        List<ConflictRecord> records = [.. dataset.Records];
        if (lines || order == Order.Wire)
        {
            return records;
        }

        if (order == Order.Reversed)
        {
            // Kinds last to first, each kind's records in their own order.
            return [.. records.GroupBy(r => r.RecordKind).Reverse().SelectMany(g => g)];
        }

        // Interleaved: kinds mixed at random, each kind's records in their own order.
        var random = new Random(records.Count);
        var queues = records.GroupBy(r => r.RecordKind).Select(g => new Queue<ConflictRecord>(g)).ToList();
        var mixed = new List<ConflictRecord>(records.Count);
        while (queues.Count > 0)
        {
            int i = random.Next(queues.Count);
            mixed.Add(queues[i].Dequeue());
            if (queues[i].Count == 0)
            {
                queues.RemoveAt(i);
            }
        }

        return mixed;
    }

    private byte[] Write(Dataset dataset, bool lines, Target target, Order order, bool spill)
    {
        DatasetWriterOptions options = spill ? Spilling with { FlushThreshold = 7 } : DatasetWriterOptions.Default;
        (Dataset header, List<ConflictRecord> records) = Split(dataset, target, order, lines);
        if (target == Target.Buffer)
        {
            var buffer = new ArrayBufferWriter<byte>(1);
            using DatasetWriter writer = lines ? DatasetWriter.CreateJsonLines(buffer, header, options) : DatasetWriter.CreateDocument(buffer, header, options);
            records.ForEach(writer.Write);
            writer.Complete();
            Assert.Equal(dataset.RecordCount, writer.RecordCount);
            return buffer.WrittenSpan.ToArray();
        }

        using var stream = new MemoryStream();
        using (DatasetWriter writer = lines ? DatasetWriter.CreateJsonLines(stream, header, options) : DatasetWriter.CreateDocument(stream, header, options))
        {
            records.ForEach(writer.Write);
            writer.Complete();
            Assert.Equal(dataset.RecordCount, writer.RecordCount);
        }

        return stream.ToArray();
    }

    private async Task<byte[]> WriteAsync(Dataset dataset, bool lines, Target target, Order order, bool spill)
    {
        DatasetWriterOptions options = spill ? Spilling with { FlushThreshold = 7 } : DatasetWriterOptions.Default;
        (Dataset header, List<ConflictRecord> records) = Split(dataset, target, order, lines);
        if (target == Target.Buffer)
        {
            var pipe = new Pipe();
            Task<byte[]> reading = ReadAllAsync(pipe.Reader);
            await using (DatasetWriter writer = lines ? DatasetWriter.CreateJsonLines(pipe.Writer, header, options) : DatasetWriter.CreateDocument(pipe.Writer, header, options))
            {
                foreach (ConflictRecord record in records)
                {
                    await writer.WriteAsync(record);
                }

                await writer.CompleteAsync();
            }

            await pipe.Writer.CompleteAsync();
            return await reading;
        }

        using var stream = new MemoryStream();
        await using (DatasetWriter writer = lines ? DatasetWriter.CreateJsonLines(stream, header, options) : DatasetWriter.CreateDocument(stream, header, options))
        {
            foreach (ConflictRecord record in records)
            {
                await writer.WriteAsync(record);
            }

            await writer.CompleteAsync();
        }

        return stream.ToArray();
    }

    /// <summary>The header to create the writer with, and the records to write after it.</summary>
    private static (Dataset Header, List<ConflictRecord> Records) Split(Dataset dataset, Target target, Order order, bool lines)
    {
        Dataset empty = new Dataset(dataset.Info, dataset.FormatVersion).WithExtensions(dataset.Extensions);
        List<ConflictRecord> records = InOrder(dataset, order, lines);
        if (target != Target.HeaderHoldsHalf)
        {
            return (empty, records);
        }

        // The header dataset holds the first half of each kind (in JSON Lines, the first half of the lines); the rest is written.
        if (lines)
        {
            int half = records.Count / 2;
            Dataset firstHalf = Dataset.Create(dataset.Info, records.Take(half)) with { FormatVersion = dataset.FormatVersion };
            return (firstHalf.WithExtensions(dataset.Extensions), records.Skip(half).ToList());
        }

        var held = new List<ConflictRecord>();
        var rest2 = new List<ConflictRecord>();
        foreach (IGrouping<RecordKind, ConflictRecord> kind in dataset.Records.GroupBy(r => r.RecordKind))
        {
            int half = kind.Count() / 2;
            held.AddRange(kind.Take(half));
        }

        var heldSet = new HashSet<ConflictRecord>(held, ReferenceEqualityComparer.Instance);
        rest2.AddRange(records.Where(r => !heldSet.Contains(r)));
        return ((Dataset.Create(dataset.Info, held) with { FormatVersion = dataset.FormatVersion }).WithExtensions(dataset.Extensions), rest2);
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        using var stream = new MemoryStream();
        await reader.CopyToAsync(stream);
        await reader.CompleteAsync();
        return stream.ToArray();
    }

    /// <summary>How the dataset reaches the writer.</summary>
    public enum Target
    {
        /// <summary>A stream (sync) or the same (async).</summary>
        Stream,

        /// <summary>An <see cref="IBufferWriter{T}"/> (sync) or a <see cref="PipeWriter"/> read concurrently (async).</summary>
        Buffer,

        /// <summary>A stream, with half the records in the header dataset.</summary>
        HeaderHoldsHalf,
    }

    /// <summary>The order the records are written in.</summary>
    public enum Order
    {
        /// <summary>Kind by kind in the wire order.</summary>
        Wire,

        /// <summary>Kind by kind, last kind first.</summary>
        Reversed,

        /// <summary>Kinds interleaved at random.</summary>
        Shuffled,
    }

    /// <summary>A stream that fails once more than some bytes are written to it.</summary>
    private sealed class FailingStream(int failAfter) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > failAfter)
            {
                throw new IOException("disk full (simulated)");
            }

            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }
}

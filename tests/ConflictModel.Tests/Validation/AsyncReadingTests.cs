using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// <see cref="DatasetRecordReader.ReadAsync"/>, <see cref="DatasetReader.OpenRecordsAsync"/> and
/// <see cref="DatasetReader.ReadRecordsAsync"/> over a stream that refuses synchronous reads (as ASP.NET Core's
/// request body does): the same entries as the synchronous reader, and cancellation that leaves a consistent result.
/// </summary>
public sealed class AsyncReadingTests
{
    public static TheoryData<string, int> Inputs()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { "seed-merged.json", "seed-merged.jsonl", "broken.json", "broken.jsonl", "seed-merged.jsonl.gz" })
        {
            foreach (int piece in new[] { 1, 7, 65536 })
            {
                data.Add(name, piece);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task ReadAsync_AsyncOnlyStream_SameEntriesAsSyncRead(string name, int piece)
    {
        byte[] bytes = Input(name);
        var reader = new DatasetReader();
        var expected = new List<string>();
        using (DatasetRecordReader sync = reader.OpenRecords(new MemoryStream(bytes), name))
        {
            while (sync.Read())
            {
                expected.Add(Describe(sync.Current));
            }
        }

        var actual = new List<string>();
        using (DatasetRecordReader records = await reader.OpenRecordsAsync(new AsyncOnly(bytes, piece), name))
        {
            while (await records.ReadAsync())
            {
                actual.Add(Describe(records.Current));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task ReadRecordsAsync_JsonLinesAndDocument_RecordsAndDiagnosticsAsLoaded()
    {
        foreach (string name in new[] { "broken.json", "broken.jsonl" })
        {
            byte[] bytes = Input(name);
            DatasetReadResult loaded = new DatasetReader().Read(new MemoryStream(bytes), name, name.EndsWith(".json", StringComparison.Ordinal) ? DatasetFormat.Document : DatasetFormat.JsonLines);
            var diagnostics = new List<Diagnostic>();
            var records = new List<ConflictRecord>();
            await foreach (ConflictRecord record in new DatasetReader().ReadRecordsAsync(new AsyncOnly(bytes, 13), name, diagnostics: diagnostics))
            {
                records.Add(record);
            }

            Assert.Equal(loaded.Dataset.Records.Select(ConflictJsonSerializer.SerializeRecord).Order(StringComparer.Ordinal), records.Select(ConflictJsonSerializer.SerializeRecord).Order(StringComparer.Ordinal));
            Assert.Equal(loaded.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal), diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
            Assert.NotEmpty(diagnostics);
        }
    }

    [Theory]
    [InlineData("seed-merged.json")]
    [InlineData("seed-merged.jsonl")]
    public async Task ReadAsync_CancelledMidInput_ThrowsAndKeepsWhatWasRead(string name)
    {
        // The input stops half-way and waits (a slow client); the wait is cancelled. The records handed out before
        // are the input's first ones, whole; the cancelled read throws and hands out nothing half-read.
        byte[] bytes = Input(name);
        var expected = new List<string>();
        using (DatasetRecordReader sync = new DatasetReader().OpenRecords(new MemoryStream(bytes), name))
        {
            while (sync.Read())
            {
                if (sync.Current.Record is { } r)
                {
                    expected.Add(ConflictJsonSerializer.SerializeRecord(r));
                }
            }
        }

        using var cancel = new CancellationTokenSource();
        var stalling = new AsyncOnly(bytes, 64) { StallAfter = bytes.Length / 2, OnStall = () => cancel.CancelAfter(20) };
        var got = new List<string>();
        using DatasetRecordReader records = await new DatasetReader().OpenRecordsAsync(stalling, name, cancellationToken: cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await records.ReadAsync(cancel.Token))
            {
                if (records.Current.Record is { } r)
                {
                    got.Add(ConflictJsonSerializer.SerializeRecord(r));
                }

            }
        });

        Assert.NotEmpty(got);
        Assert.True(got.Count < expected.Count);
        Assert.Equal(expected.Take(got.Count), got);

        // The enumerable form stops the same way.
        using var cancel2 = new CancellationTokenSource();
        int count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ConflictRecord record in new DatasetReader().ReadRecordsAsync(new AsyncOnly(bytes, 64) { StallAfter = bytes.Length / 2 }, name, cancellationToken: cancel2.Token))
            {
                Assert.Equal(expected[count], ConflictJsonSerializer.SerializeRecord(record));
                if (++count == 3)
                {
                    cancel2.Cancel();
                }
            }
        });
        Assert.Equal(3, count);
    }

    private static string Describe(StreamedRecord entry)
        => $"{entry.IsHeader} {entry.Kind} {entry.Id} {(entry.Record is { } r ? ConflictJsonSerializer.SerializeRecord(r) : "-")} {string.Join(" | ", entry.Diagnostics.Select(d => $"{d} {d.Location.EndLine}:{d.Location.EndColumn} @{d.Location.ByteOffset} {d.Location.JsonPointer}"))} {(entry.Record is null ? string.Empty : entry.LocationOf("/id").ToString())}";

    private static byte[] Input(string name)
    {
        string examples = Path.Combine(Root(), "examples");
        switch (name)
        {
            case "seed-merged.jsonl.gz":
                using (var compressed = new MemoryStream())
                {
                    using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(File.ReadAllBytes(Path.Combine(examples, "seed-merged.jsonl")));
                    }

                    return compressed.ToArray();
                }

            case "broken.json":
                // A record of the wrong kind, one of the wrong type, then the input cut short inside a record.
                string document = File.ReadAllText(Path.Combine(examples, "seed-merged.json"));
                document = document.Replace("\"kind\": \"state\"", "\"kind\": \"stat\"", StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(document[..(document.Length * 3 / 4)]);
            case "broken.jsonl":
                string lines = File.ReadAllText(Path.Combine(examples, "seed-merged.jsonl"));
                lines = lines.Replace("\"kind\":\"state\"", "\"kind\":\"stat\"", StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(lines[..(lines.Length * 3 / 4)] + "\n{\"type\":\"actor\",\n");
            default:
                return File.ReadAllBytes(Path.Combine(examples, name));
        }
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

    /// <summary>A stream that refuses synchronous reads, as Kestrel's request body does by default, and can stall half-way until cancelled.</summary>
    private sealed class AsyncOnly(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public int StallAfter { get; init; } = int.MaxValue;

        public Action? OnStall { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override int ReadByte() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (_position >= StallAfter)
            {
                OnStall?.Invoke();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            int n = Math.Min(Math.Min(piece, buffer.Length), Math.Min(bytes.Length, StallAfter) - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

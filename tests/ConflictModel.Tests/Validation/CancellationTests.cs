using System;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation.TestData;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>The async entry points stop when cancelled mid-input: OperationCanceledException, nothing half-built, no temporary file left.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-cancel-").FullName;

    private static byte[] Lines { get; } = Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(Many(400)));

    [Fact]
    public async Task ValidateAsync_CancelledMidStream_ThrowsAndLeavesNoSpoolFile()
    {
        using var cancel = new CancellationTokenSource();
        using var input = new CancellingStream(Lines, Lines.Length / 2, cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AsyncValidation.ValidateStreamAsync(new DatasetValidator(), input, "in.jsonl", null, null, _folder, cancel.Token));
        Assert.True(input.Position > 0 && input.Position < Lines.Length, "cancelled part-way through the input");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task ValidateAsync_NotCancelled_SameResultAsSynchronous_AndLeavesNoSpoolFile()
    {
        using var input = new MemoryStream(Lines);
        ValidationResult result = await AsyncValidation.ValidateStreamAsync(new DatasetValidator(), input, "in.jsonl", null, null, _folder, CancellationToken.None);
        using var records = new DatasetReader().OpenRecords(new MemoryStream(Lines), "in.jsonl", DatasetFormat.JsonLines);
        ValidationResult expected = new DatasetValidator().Validate(records);
        // Compared as users see them (line, message, pointer, related locations): the rules' message arguments are
        // objects that need not be equal by reference from one run to another.
        Assert.Equal(expected.Diagnostics.Select(d => d.ToString() + " " + d.Location.JsonPointer + " " + string.Join(";", d.AdditionalLocations)), result.Diagnostics.Select(d => d.ToString() + " " + d.Location.JsonPointer + " " + string.Join(";", d.AdditionalLocations)));
        Assert.Equal(expected.RecordCount, result.RecordCount);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task ValidateAsync_CancelledBeforeTheRecordsAreChecked_Throws()
    {
        // The token is cancelled as the copy ends: the streaming validation stops at its first read.
        using var cancel = new CancellationTokenSource();
        using var input = new CancellingStream(Lines, Lines.Length, cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AsyncValidation.ValidateStreamAsync(new DatasetValidator(), input, "in.jsonl", null, null, _folder, cancel.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task ReadAsync_And_DeserializeAsync_CancelledMidStream_Throw()
    {
        using (var cancel = new CancellationTokenSource())
        using (var input = new CancellingStream(Lines, Lines.Length / 3, cancel))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DatasetReader().ReadAsync(input, null, DatasetFormat.JsonLines, cancellationToken: cancel.Token));
        }

        using (var cancel = new CancellationTokenSource())
        using (var input = new CancellingStream(Lines, Lines.Length / 3, cancel))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ConflictJsonSerializer.DeserializeLinesAsync(input, cancel.Token));
        }
    }

    [Fact]
    public async Task PipeReader_ReadsWhatTheStreamReads()
    {
        var pipe = new Pipe();
        Task writing = Task.Run(async () =>
        {
            for (int at = 0; at < Lines.Length; at += 1000)
            {
                await pipe.Writer.WriteAsync(Lines.AsMemory(at, Math.Min(1000, Lines.Length - at)));
            }

            await pipe.Writer.CompleteAsync();
        });
        Dataset read = await ConflictJsonSerializer.DeserializeLinesAsync(pipe.Reader);
        await writing;
        Assert.Equal(ConflictJsonSerializer.DeserializeLines(new MemoryStream(Lines)), read);
        Assert.Equal(400 + FullDataset.Create().RecordCount - FullDataset.Create().Events.Length, read.RecordCount);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dataset Many(int events)
    {
        Dataset full = FullDataset.Create();
        Event template = full.Events[0];
        return full with { Events = [.. Enumerable.Range(0, events).Select(i => template with { Id = new EventId($"e{i}") })] };
    }

    /// <summary>Hands out its bytes in small asynchronous reads (synchronous ones fail) and cancels the token once <c>cancelAt</c> bytes are out.</summary>
    private sealed class CancellingStream(byte[] bytes, int cancelAt, CancellationTokenSource cancel) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(Math.Min(buffer.Length, 512), bytes.Length - _position);
            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            if (_position >= cancelAt)
            {
                await cancel.CancelAsync();
            }

            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed here.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

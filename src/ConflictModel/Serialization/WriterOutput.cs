using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Where a <see cref="DatasetWriter"/> puts its bytes: a stream behind a gathering buffer, a caller's
/// <see cref="IBufferWriter{T}"/>, or a <see cref="PipeWriter"/> flushed now and then. Writing never blocks; only
/// <see cref="Flush"/> and <see cref="FlushAsync"/> do I/O.
/// </summary>
internal abstract class WriterOutput
{
    public abstract void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Gets whether enough is gathered to be worth a write to the target.</summary>
    public abstract bool ShouldFlush { get; }

    /// <summary>Writes what is gathered; <paramref name="final"/> also flushes the target.</summary>
    public abstract void Flush(bool final);

    /// <summary>Writes what is gathered; <paramref name="final"/> also flushes the target.</summary>
    public abstract ValueTask FlushAsync(bool final, CancellationToken cancellationToken);

    public static WriterOutput For(Stream stream, int threshold) => new StreamOutput(stream, threshold);

    public static WriterOutput For(IBufferWriter<byte> buffer) => new BufferOutput(buffer);

    public static WriterOutput For(PipeWriter pipe, int threshold) => new PipeOutput(pipe, threshold);

    private sealed class StreamOutput(Stream stream, int threshold) : WriterOutput
    {
        private readonly ArrayBufferWriter<byte> _gathered = new(Math.Min(threshold, 1 << 20) + 1024);

        public override bool ShouldFlush => _gathered.WrittenCount >= threshold;

        public override void Write(ReadOnlySpan<byte> bytes) => _gathered.Write(bytes);

        public override void Flush(bool final)
        {
            if (_gathered.WrittenCount > 0)
            {
                stream.Write(_gathered.WrittenSpan);
                _gathered.ResetWrittenCount();
            }

            if (final)
            {
                stream.Flush();
            }
        }

        public override async ValueTask FlushAsync(bool final, CancellationToken cancellationToken)
        {
            if (_gathered.WrittenCount > 0)
            {
                await stream.WriteAsync(_gathered.WrittenMemory, cancellationToken).ConfigureAwait(false);
                _gathered.ResetWrittenCount();
            }

            if (final)
            {
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The caller's buffer: everything goes straight in, and the caller decides when it leaves.</summary>
    private sealed class BufferOutput(IBufferWriter<byte> buffer) : WriterOutput
    {
        public override bool ShouldFlush => false;

        public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

        public override void Flush(bool final)
        {
        }

        public override ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// A pipe: bytes go into it as they are written and are flushed by the asynchronous methods only. A pipe is
    /// flushed asynchronously by design (its reader applies back-pressure through <see cref="PipeWriter.FlushAsync"/>),
    /// so the synchronous methods leave what they wrote unflushed rather than block on it.
    /// </summary>
    private sealed class PipeOutput(PipeWriter pipe, int threshold) : WriterOutput
    {
        private long _unflushed;

        public override bool ShouldFlush => _unflushed >= threshold;

        public override void Write(ReadOnlySpan<byte> bytes)
        {
            pipe.Write(bytes);
            _unflushed += bytes.Length;
        }

        public override void Flush(bool final)
        {
        }

        public override async ValueTask FlushAsync(bool final, CancellationToken cancellationToken)
        {
            FlushResult result = await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            _unflushed = 0;
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("The pipe's pending flush was canceled.");
            }

            if (result.IsCompleted && !final)
            {
                throw new IOException("The pipe's reader stopped reading before the dataset was written.");
            }
        }
    }
}

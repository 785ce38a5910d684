using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ConflictModel.Interop;

/// <summary>
/// A read-only stream over another that notes, as the bytes go by, on which lines the text is not UTF-8. A CSV reader
/// decodes what it reads with replacement characters and says nothing; the importer reads through this stream so that it
/// can name those lines (CM6015) rather than change the text silently. The check is the decoder's own (vectorised for
/// ASCII), run with a fallback that records where it was called, and it carries a sequence split between two reads.
/// </summary>
internal sealed class Utf8CheckingStream : Stream
{
    private readonly Stream _inner;
    private readonly RecordingFallback _fallback = new();
    private readonly Decoder _decoder;
    private long _linesBefore;
    private long _lastQueued;

    /// <summary>Wraps a stream; it is not disposed with this one.</summary>
    /// <param name="inner">The stream to read.</param>
    public Utf8CheckingStream(Stream inner)
    {
        _inner = inner;
        _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
        _decoder.Fallback = _fallback;
    }

    /// <summary>Gets the 1-based numbers of the lines (counted by line feeds) with bytes that are not UTF-8, each once, in order.</summary>
    public Queue<long> InvalidLines { get; } = new();

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        Check(buffer[..read], final: read == 0 && buffer.Length > 0);
        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Check(ReadOnlySpan<byte> bytes, bool final)
    {
        _fallback.Positions.Clear();
        _ = _decoder.GetCharCount(bytes, flush: final);
        foreach (int position in _fallback.Positions)
        {
            // A sequence begun in the previous read and broken in this one is placed at this read's first byte.
            long line = _linesBefore + bytes[..Math.Clamp(position, 0, bytes.Length)].Count((byte)'\n') + 1;
            if (line != _lastQueued)
            {
                InvalidLines.Enqueue(line);
                _lastQueued = line;
            }
        }

        _linesBefore += bytes.Count((byte)'\n');
    }

    /// <summary>A decoder fallback that gives U+FFFD, as the default does, and records where it was called.</summary>
    private sealed class RecordingFallback : DecoderFallback
    {
        public List<int> Positions { get; } = [];

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(RecordingFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Positions.Add(index);
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining = 0;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;

            public override void Reset() => _remaining = 0;
        }
    }
}

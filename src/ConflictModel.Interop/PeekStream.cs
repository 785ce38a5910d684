using System;
using System.IO;

namespace ConflictModel.Interop;

/// <summary>A read-only stream that looks at the first bytes of another before handing them on, to tell JSON from CSV.</summary>
internal sealed class PeekStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _head = new byte[4096];
    private int _headLength;
    private int _headPosition;

    public PeekStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Whether the first character that is not white space (after a byte order mark) is '{' or '['.</summary>
    public bool StartsWithJson()
    {
        while (_headLength < _head.Length)
        {
            int read = _inner.Read(_head, _headLength, _head.Length - _headLength);
            if (read == 0)
            {
                break;
            }

            _headLength += read;
            ReadOnlySpan<byte> text = _head.AsSpan(0, _headLength);
            if (text.StartsWith("\uFEFF"u8))
            {
                text = text[3..];
            }

            text = text.TrimStart(" \t\r\n"u8);
            if (!text.IsEmpty)
            {
                return text[0] is (byte)'{' or (byte)'[';
            }
        }

        return false;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition < _headLength)
        {
            int n = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsSpan(_headPosition, n).CopyTo(buffer);
            _headPosition += n;
            return n;
        }

        return _inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

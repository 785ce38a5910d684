using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Decompresses gzip (RFC 1952) and checks what <see cref="GZipStream"/> lets pass: .NET's stream ends quietly when
/// the compressed data stops early (a truncated file, a stream flushed but never finished, a missing trailer), and
/// reports a damaged file as "an unsupported compression method". This one parses each member's header itself,
/// inflates its body with a raw <see cref="DeflateStream"/>, then finds the 8-byte trailer and checks its CRC-32 and
/// size against the data; concatenated members (<c>cat a.gz b.gz</c>) are read in turn. Every failure is an
/// <see cref="InvalidDataException"/> that names the compressed byte offset; an output larger than
/// <c>maxOutputBytes</c>, or more than <c>maxRatio</c> times the compressed bytes read once past
/// <see cref="RatioFloorBytes"/>, is one whose inner exception is a <see cref="GzipLimitException"/> (a decompression bomb), raised before the
/// bytes past the limit are handed out. Not thread-safe.
/// </summary>
internal sealed class GzipInput : Stream
{
    /// <summary>How much output is allowed whatever the ratio: small, very repetitive files are not bombs.</summary>
    public const long RatioFloorBytes = 64L * 1024 * 1024;

    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly long _maxOutput;
    private readonly int _maxRatio;
    private readonly Feeder _feeder;
    private byte[] _pushback = [];
    private int _pushbackStart;
    private long _position; // compressed bytes taken from the source, less those pushed back
    private DeflateStream? _inflate;
    private uint _crc;
    private long _memberSize;
    private long _total;
    private int _members;
    private bool _done;

    public GzipInput(Stream source, long maxOutputBytes = long.MaxValue, int maxRatio = int.MaxValue, bool leaveOpen = false)
    {
        _source = source;
        _leaveOpen = leaveOpen;
        _maxOutput = maxOutputBytes;
        _maxRatio = maxRatio;
        _feeder = new Feeder(this);
    }

    /// <summary>Gets how many compressed bytes have been read.</summary>
    public long CompressedPosition => _position;

    /// <summary>Gets how many bytes have come out.</summary>
    public long DecompressedPosition => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_done && !buffer.IsEmpty)
        {
            if (_inflate is null && !BeginMember())
            {
                _done = true;
                break;
            }

            int read;
            try
            {
                read = _inflate!.Read(buffer);
            }
            catch (InvalidDataException ex) when (ex.InnerException is not GzipLimitException)
            {
                throw GzipDataException.Create($"the compressed data is damaged at or before byte {Number(_feeder.ChunkEnd)} (compressed), after {Number(_total)} bytes of output", ex);
            }

            if (read > 0)
            {
                _crc = Crc32.Update(_crc, buffer[..read]);
                _memberSize += read;
                _total += read;
                CheckLimits();
                return read;
            }

            EndMember();
        }

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inflate?.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private void CheckLimits()
    {
        if (_total > _maxOutput)
        {
            throw new InvalidDataException($"the data expands to more than {Number(_maxOutput)} bytes (the limit on the decompressed size) from {Number(_position)} compressed bytes; reading stopped there", new GzipLimitException(ratio: false));
        }

        if (_total > RatioFloorBytes && _total / Math.Max(_position, 1) >= _maxRatio)
        {
            throw new InvalidDataException($"the data expands more than {Number(_maxRatio)} times ({Number(_total)} bytes from the first {Number(_position)} compressed bytes), past the limit on the compression ratio; reading stopped there, as a decompression bomb would be", new GzipLimitException(ratio: true));
        }
    }

    /// <summary>Reads a member's header; false at the end of the input after at least one member.</summary>
    private bool BeginMember()
    {
        long start = _position;
        Span<byte> header = stackalloc byte[10];
        int got = ReadSource(header);
        if (got == 0 && _members > 0)
        {
            return false;
        }

        if (got < 2 || header[0] != 0x1F || header[1] != 0x8B)
        {
            if (_members == 0)
            {
                throw GzipDataException.Create(got == 0
                    ? "the input is empty, not gzip data"
                    : $"this is not gzip data: it begins with {Describe(header[..got])}, not the gzip signature 1F 8B (is it a plain file named .gz?)");
            }

            throw GzipDataException.Create($"unexpected bytes after the end of the gzip data at byte {Number(start)} (compressed): {Describe(header[..got])}");
        }

        if (got < 10)
        {
            throw GzipDataException.Create($"the gzip header at byte {Number(start)} is cut short (truncated)");
        }

        if (header[2] != 8)
        {
            throw GzipDataException.Create($"the gzip member at byte {Number(start)} uses compression method {header[2]}, not deflate (8)");
        }

        byte flags = header[3];
        if ((flags & 0xE0) != 0)
        {
            throw GzipDataException.Create($"the gzip header at byte {Number(start)} has reserved flags set (0x{flags:X2}): damaged data");
        }

        if ((flags & 0x04) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            Require(length, "header's extra field");
            Skip(length[0] | (length[1] << 8), "header's extra field");
        }

        if ((flags & 0x08) != 0)
        {
            SkipZeroTerminated("header's file name");
        }

        if ((flags & 0x10) != 0)
        {
            SkipZeroTerminated("header's comment");
        }

        if ((flags & 0x02) != 0)
        {
            Skip(2, "header's CRC");
        }

        _members++;
        _crc = 0;
        _memberSize = 0;
        _feeder.Reset();
        _inflate = new DeflateStream(_feeder, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The raw deflate stream has ended: truncated, or finished; then the trailer must follow and match.</summary>
    private void EndMember()
    {
        if (_feeder.SawEnd)
        {
            // The inflater asked for more and there was none: the deflate data never reached its final block.
            throw GzipDataException.Create($"the compressed data ends at byte {Number(_position)} before the end of its deflate stream (truncated, or flushed but never finished), after {Number(_total)} bytes of output");
        }

        // The deflate data ended inside the last chunk the inflater took; the trailer is the 8 bytes after that end.
        // Find the end by checking each place in the chunk against the CRC-32 and size computed here.
        ReadOnlySpan<byte> chunk = _feeder.LastChunk;
        byte[] combined = new byte[chunk.Length + 8];
        chunk.CopyTo(combined);
        int extra = ReadSource(combined.AsSpan(chunk.Length));
        int available = chunk.Length + extra;
        int crcAt = -1;
        int sizeAt = -1;
        for (int k = 0; k <= chunk.Length; k++)
        {
            bool crcMatches = k + 4 <= available && ReadUInt32(combined, k) == _crc;
            bool sizeMatches = k + 8 <= available && ReadUInt32(combined, k + 4) == (uint)_memberSize;
            if (crcMatches && sizeMatches)
            {
                // Everything after the trailer goes back to the source: another member, or the end.
                _position -= available - (k + 8);
                PushBack(combined.AsSpan(k + 8, available - (k + 8)));
                _inflate!.Dispose();
                _inflate = null;
                return;
            }

            crcAt = crcMatches && crcAt < 0 ? k : crcAt;
            sizeAt = sizeMatches && sizeAt < 0 ? k : sizeAt;
        }

        long end = _feeder.ChunkEnd + extra;
        bool cutShort = crcAt >= 0 ? crcAt + 8 > available : sizeAt < 0 && extra < 8;
        throw GzipDataException.Create(cutShort
            ? $"the gzip trailer (CRC-32 and size) is missing or cut short at byte {Number(end)}: the file is truncated"
            : $"the gzip trailer near byte {Number(_feeder.ChunkEnd)} does not match the data (its {(crcAt >= 0 ? "size" : "CRC-32")} differs): the file is damaged");
    }

    private static uint ReadUInt32(byte[] bytes, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder("'");
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }

        return text.Append('\'').ToString();
    }

    private void Require(Span<byte> into, string what)
    {
        if (ReadSource(into) < into.Length)
        {
            throw GzipDataException.Create($"the {what} is cut short at byte {Number(_position)} (truncated)");
        }
    }

    private void Skip(int count, string what)
    {
        Span<byte> scratch = stackalloc byte[256];
        while (count > 0)
        {
            int want = Math.Min(count, scratch.Length);
            Require(scratch[..want], what);
            count -= want;
        }
    }

    private void SkipZeroTerminated(string what)
    {
        Span<byte> one = stackalloc byte[1];
        do
        {
            Require(one, what);
        }
        while (one[0] != 0);
    }

    private void PushBack(ReadOnlySpan<byte> bytes)
    {
        byte[] rest = new byte[bytes.Length + (_pushback.Length - _pushbackStart)];
        bytes.CopyTo(rest);
        _pushback.AsSpan(_pushbackStart).CopyTo(rest.AsSpan(bytes.Length));
        _pushback = rest;
        _pushbackStart = 0;
    }

    /// <summary>Reads from the pushed-back bytes, then the source; fills as much as it can.</summary>
    private int ReadSource(Span<byte> into)
    {
        int total = 0;
        while (total < into.Length)
        {
            int read = ReadSourceOnce(into[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private int ReadSourceOnce(Span<byte> into)
    {
        int read;
        if (_pushbackStart < _pushback.Length)
        {
            read = Math.Min(into.Length, _pushback.Length - _pushbackStart);
            _pushback.AsSpan(_pushbackStart, read).CopyTo(into);
            _pushbackStart += read;
        }
        else
        {
            read = _source.Read(into);
        }

        _position += read;
        return read;
    }

    /// <summary>What the inflater reads from: the source, remembering the last chunk handed and whether the source ended.</summary>
    private sealed class Feeder(GzipInput owner) : Stream
    {
        private byte[] _last = new byte[8192];
        private int _lastLength;

        public bool SawEnd { get; private set; }

        /// <summary>Gets the compressed offset just past the last chunk handed.</summary>
        public long ChunkEnd => owner._position;

        public ReadOnlySpan<byte> LastChunk => _last.AsSpan(0, _lastLength);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Reset()
        {
            SawEnd = false;
            _lastLength = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = owner.ReadSourceOnce(buffer);
            if (read == 0)
            {
                SawEnd = true;
                return 0;
            }

            if (_last.Length < read)
            {
                _last = new byte[read];
            }

            buffer[..read].CopyTo(_last);
            _lastLength = read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// Builds the <see cref="InvalidDataException"/> (sealed, so not derived from) that <see cref="GzipInput"/> throws:
/// truncated, damaged or not gzip at all (CM0024), or a limit exceeded, whose inner exception is then a
/// <see cref="GzipLimitException"/> (CM0026 for the ratio).
/// </summary>
internal static class GzipDataException
{
    /// <summary>The message names the compressed byte offset where the problem was found.</summary>
    public static InvalidDataException Create(string message, Exception? inner = null) => new(message, inner);
}

/// <summary>The inner exception of a gzip limit's <see cref="InvalidDataException"/>.</summary>
internal sealed class GzipLimitException(bool ratio) : Exception
{
    /// <summary>Gets whether the ratio, rather than the size, was exceeded.</summary>
    public bool IsRatio { get; } = ratio;
}

/// <summary>CRC-32 (ISO-HDLC, as gzip uses), slicing by eight.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        crc = ~crc;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint one = data[i] | ((uint)data[i + 1] << 8) | ((uint)data[i + 2] << 16) | ((uint)data[i + 3] << 24);
            one ^= crc;
            crc = table[(7 * 256) + (one & 0xFF)] ^ table[(6 * 256) + ((one >> 8) & 0xFF)] ^ table[(5 * 256) + ((one >> 16) & 0xFF)] ^ table[(4 * 256) + (one >> 24)]
                ^ table[(3 * 256) + data[i + 4]] ^ table[(2 * 256) + data[i + 5]] ^ table[256 + data[i + 6]] ^ table[data[i + 7]];
        }

        for (; i < data.Length; i++)
        {
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] Build()
    {
        uint[] table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (int n = 0; n < 256; n++)
        {
            for (int s = 1; s < 8; s++)
            {
                table[(s * 256) + n] = (table[((s - 1) * 256) + n] >> 8) ^ table[table[((s - 1) * 256) + n] & 0xFF];
            }
        }

        return table;
    }
}

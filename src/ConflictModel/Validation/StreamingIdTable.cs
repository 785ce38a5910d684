using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The id table of a streaming validation: for every kind and id met, the line the first record with it is on (its
/// offset, length and number; the record's span in the line is found again by reading the line), and a dense number
/// (its index) that rules key their state on instead of the id's text, and by which they can find the record again
/// (<see cref="TryGetMarkAt"/>: the record's span is kept too when it is not its whole line). It is the one structure that has to grow with
/// the number of records, so it is kept flat: each pair is one entry in large byte blocks (its kind, its id and its
/// line as variable-length integers, 4-byte aligned), the index of a pair is a 4-byte position in the blocks,
/// and lookups go through open-addressed arrays of 4-byte slots (the pair's index and, in the bits the index does
/// not need, part of its hash, so that a probe rarely reads an entry that does not match), 64 of them by the hash's top
/// bits, each grown on its own, so that growing never holds two copies of every slot at once (on the 1 GB file the
/// last growth of one array came near the end, where the other states are largest, and copied 20 MB into 30).
/// <para>
/// Most ids are text around numbers (<c>ged-100000-s1</c>), so an id is kept as its shape's number and its numbers:
/// the shape is the id with each run of ASCII digits (up to 18; longer runs are cut in runs of 18) replaced by the
/// run's length, so leading zeros come back, and the table learns up to 4,096 shapes; <c>ged-100000-s1</c> is then
/// 5 bytes (shape, 100000 and 1 as variable-length integers) instead of 13. An id without digits, or whose shape the
/// table does not know and can no longer learn, is kept as UTF-8. A shape is never forgotten and one refused is refused
/// for ever, so every id always has the same form and ids are compared by the bytes of that form: no false matches.
/// About 28 bytes a record on GED-shaped data (1,000,000 records: 28.4 MB, 43.0 MB with ids as UTF-8; the benchmarks'
/// <c>streaming-memory</c> mode), against 57 for chained 32-byte entries and some 200 for a dictionary of strings to
/// mark objects.
/// </para>
/// <para>
/// A pair can also be numbered before any record has it (<see cref="Intern"/>: a reference to a record further on):
/// it is then in the table without a line but with room for one and its span (24 bytes, fixed-width, written in place), and
/// <see cref="Contains"/> and <see cref="TryGetMark"/> do not find it until <see cref="TryAdd"/> gives it its line,
/// keeping its index. Not thread-safe.
/// </para>
/// </summary>
internal sealed class StreamingIdTable
{
    private const int BlockShift = 20;
    private const int BlockSize = 1 << BlockShift;
    private const int LongId = BlockSize / 4; // a longer id gets an array of its own, so that the blocks stay full
    private const int MaxStackId = 256;
    private const int MaxBlocks = 1 << (32 - (BlockShift - 2)); // positions are in 4-byte units: 16 GiB in all
    private const byte KindBits = 0x0F;
    private const byte HasSpan = 0x10; // the record is not its whole line: its start and end in it follow the line
    private const byte FixedLine = 0x20; // the entry was numbered before its record: room for the line and span, fixed-width
    private const byte HasLine = 0x40;
    private const int FixedLineSize = 24;
    private const byte OwnArray = 0x80;
    private const int InitialSlots = 1024;
    private const int SegmentShift = 26; // 64 segments of slots, each grown on its own: no copy of every slot at once
    private const int FirstIndexBits = 20; // then 24, 28 and 32: the bits of a slot above the index hold part of the hash
    private const int IdAt0 = 5; // room for the longest header before the text or the numbers Encode writes
    private const int StackKey = 2 * (IdAt0 + 128); // Encode's two halves for ids of up to 128 bytes (stackalloc clears it: kept small)
    private const int MaxShapes = 4096;
    private const int MaxShapeLength = 256;
    private const int ShortShape = 48;
    private const int NeedsRoom = -2;
    private const int MaxShapeProbe = 32;
    private const int ShapeTagShift = 24;
    private const uint ShapeNumberMask = (1u << ShapeTagShift) - 1;
    private const int MaxRun = 18; // 10^18 - 1 fits in a 64-bit number, and its variable-length form (9 bytes) is shorter than its digits
    private const byte RunMark = 0xFF; // never in UTF-8: in a shape, RunMark and a length stand for a run of that many digits

    private readonly ChunkedList<uint> _positions = new();
    private readonly List<byte[]> _blocks = [];
    private readonly List<byte[]> _longIds = [];
    private int _blockUsed = BlockSize;
    private readonly uint[][] _segments = new uint[1 << (32 - SegmentShift)][]; // by the hash's top bits
    private readonly int[] _segmentCounts = new int[1 << (32 - SegmentShift)];
    private int _indexBits = FirstIndexBits;
    private uint _indexMask = (1u << FirstIndexBits) - 1;
    private int _maxShapes; // lowered to the count when learning stops
    private readonly int _maxShapeProbe;
    private byte[] _shapeBytes = new byte[256];
    private int[] _shapeStarts = new int[17]; // shape n is _shapeBytes[_shapeStarts[n].._shapeStarts[n + 1]]
    private int[] _shapeRuns = new int[16];
    private int[] _shapeTextLengths = new int[16];
    private readonly uint[] _shapeSlots; // open-addressed, never resized: 8 bits of hash and the shape's number + 1, or 0
    // Fixed, so that a run learns the same shapes every time (the same memory for the same input): input made to
    // collide can only stop the learning early (MaxShapeProbe), never change what is found.
    private readonly ulong _shapeSeed = 0x9E3779B97F4A7C15;
    private int _shapeCount;

    public StreamingIdTable()
        : this(MaxShapes)
    {
    }

    /// <summary>
    /// Initializes a table that learns at most <paramref name="maxShapes"/> shapes, each within
    /// <paramref name="maxShapeProbe"/> slots of its home (a seam for tests).
    /// </summary>
    internal StreamingIdTable(int maxShapes, int maxShapeProbe = MaxShapeProbe)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxShapes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxShapes, MaxShapes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxShapeProbe);
        _maxShapes = maxShapes;
        _maxShapeProbe = maxShapeProbe;
        _shapeSlots = new uint[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)maxShapes * 2))];
        for (int segment = 0; segment < _segments.Length; segment++)
        {
            _segments[segment] = new uint[InitialSlots / _segments.Length];
        }
    }

    /// <summary>Gets the number of id shapes the table has learnt (for tests).</summary>
    internal int ShapeCount => _shapeCount;

    /// <summary>Gets whether the id at the index is kept as its shape's numbers rather than as text (for tests).</summary>
    internal bool IsShapedAt(int index)
    {
        int at = 0;
        return (ReadVarint(IdKey(EntryAt(index)), ref at) & 1) != 0;
    }

    /// <summary>Gets the number of distinct kind and id pairs, with those only numbered (<see cref="Intern"/>).</summary>
    public int Count => _positions.Count;

    /// <summary>Adds the kind and id with where its record is, unless a record with the pair is there already.</summary>
    /// <param name="kind">The record's kind.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="mark">Where the record is.</param>
    /// <param name="index">The pair's index in the table (see <see cref="IdAt"/>), new or not.</param>
    /// <returns>True if no record with the pair was added before.</returns>
    public bool TryAdd(RecordKind kind, string id, RecordMark mark, out int index)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(mark);
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> key = Encode(id, learn: true, stackalloc byte[StackKey], ref rented);
            uint hash = Hash(kind, key);
            index = Find(kind, key, hash, out int slot);
            if (index >= 0)
            {
                if ((FlagsAt(index) & HasLine) != 0)
                {
                    return false;
                }

                // Numbered by a reference before its record came: the line goes in the room left for it.
                SetLine(index, mark);
                return true;
            }

            index = Insert(kind, key, hash, slot, mark);
            return true;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Gets the index of the kind and id, numbering the pair if it is not in the table yet (no record has it so far).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The id.</param>
    /// <returns>The pair's index: the same for every call with an equal pair, and the one <see cref="TryAdd"/> gives.</returns>
    public int Intern(RecordKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> key = Encode(id, learn: true, stackalloc byte[StackKey], ref rented);
            uint hash = Hash(kind, key);
            int index = Find(kind, key, hash, out int slot);
            return index >= 0 ? index : Insert(kind, key, hash, slot, null);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Gets whether a record with the kind and id was added.</summary>
    public bool Contains(RecordKind kind, string id) => FindWithLine(kind, id) >= 0;

    /// <summary>Gets where the first record with the kind and id is: its line and its span in it.</summary>
    public bool TryGetMark(RecordKind kind, string id, out RecordMark mark)
    {
        int index = FindWithLine(kind, id);
        if (index < 0)
        {
            mark = null!;
            return false;
        }

        mark = MarkOf(index, id);
        return true;
    }

    /// <summary>Gets the index of the kind and id if a record with them was added (<see cref="TryAdd"/>), else -1.</summary>
    public int IndexOf(RecordKind kind, string id) => FindWithLine(kind, id);

    /// <summary>Gets the index of the kind and id if they are in the table, added or only numbered (<see cref="Intern"/>), else -1; adds nothing.</summary>
    public int IndexOfNumbered(RecordKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> key = Encode(id, learn: false, stackalloc byte[StackKey], ref rented);
            return Find(kind, key, Hash(kind, key), out _);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Gets where the first record of the pair at an index is, if a record with the pair was added.</summary>
    public bool TryGetMarkAt(int index, out RecordMark mark)
    {
        if ((uint)index >= (uint)Count || (FlagsAt(index) & HasLine) == 0)
        {
            mark = null!;
            return false;
        }

        mark = MarkOf(index, null);
        return true;
    }

    /// <summary>
    /// Gets the handle of the first record of the pair at an index, if a record with the pair was added (no mark made);
    /// a wide handle when its place does not pack (see <see cref="RecordHandle.TryPack(RecordMark, out RecordHandle)"/>).
    /// </summary>
    public bool TryGetHandleAt(int index, out RecordHandle handle)
    {
        if ((uint)index >= (uint)Count || (FlagsAt(index) & HasLine) == 0)
        {
            handle = default;
            return false;
        }

        (RecordKind kind, long windowOffset, int windowLength, int linesBefore, int start, int end) = PlaceOf(index);
        RecordHandle.TryPack(kind, windowOffset, windowLength, linesBefore, start, end, hasRemaps: false, out handle);
        return true;
    }

    private RecordMark MarkOf(int index, string? id)
    {
        (RecordKind kind, long windowOffset, int windowLength, int linesBefore, int start, int end) = PlaceOf(index);
        return new RecordMark(kind, id, windowOffset, windowLength, linesBefore, start, end, null);
    }

    private (RecordKind Kind, long WindowOffset, int WindowLength, int LinesBefore, int Start, int End) PlaceOf(int index)
    {
        ReadOnlySpan<byte> entry = EntryAt(index);
        int at = 1;
        SkipId(entry, ref at);
        long windowOffset;
        int windowLength, linesBefore, start, end;
        if ((entry[0] & FixedLine) != 0)
        {
            windowOffset = BinaryPrimitives.ReadInt64LittleEndian(entry[at..]);
            windowLength = BinaryPrimitives.ReadInt32LittleEndian(entry[(at + 8)..]);
            linesBefore = BinaryPrimitives.ReadInt32LittleEndian(entry[(at + 12)..]);
            start = BinaryPrimitives.ReadInt32LittleEndian(entry[(at + 16)..]);
            end = BinaryPrimitives.ReadInt32LittleEndian(entry[(at + 20)..]);
        }
        else
        {
            windowOffset = (long)ReadVarint(entry, ref at);
            windowLength = (int)ReadVarint(entry, ref at);
            linesBefore = (int)ReadVarint(entry, ref at);
            (start, end) = (entry[0] & HasSpan) != 0 ? ((int)ReadVarint(entry, ref at), (int)ReadVarint(entry, ref at)) : (0, windowLength);
        }

        return ((RecordKind)(entry[0] & KindBits), windowOffset, windowLength, linesBefore, start, end);
    }

    /// <summary>Gets whether a mark's record is not its whole window (a line with space around the record).</summary>
    private static bool SpanOf(RecordMark mark) => mark.Start != 0 || mark.End != mark.WindowLength;

    /// <summary>Gets the id of the pair at an index <see cref="TryAdd"/> or <see cref="Intern"/> gave.</summary>
    public string IdAt(int index) => Decode(IdKey(EntryAt(index)));

    /// <summary>Gets the kind of the pair at an index <see cref="TryAdd"/> or <see cref="Intern"/> gave.</summary>
    public RecordKind KindAt(int index) => (RecordKind)(EntryAt(index)[0] & KindBits);

    private static uint Hash(RecordKind kind, ReadOnlySpan<byte> id)
    {
        var hash = default(HashCode);
        hash.Add((int)kind);
        hash.AddBytes(id);
        return (uint)hash.ToHashCode();
    }

    /// <summary>
    /// Gives the id's key, the form it has in an entry: a variable-length header, then, if the header is even, the id's
    /// UTF-8 (header / 2 bytes); if odd, the numbers of its digit runs, variable-length, in the shape numbered header / 2.
    /// An id whose shape the table knows, or learns now (<paramref name="learn"/>), is always in the second form: a shape
    /// is never forgotten, and one refused once is refused ever after, so every id has one key and keys compare exactly.
    /// </summary>
    private ReadOnlySpan<byte> Encode(string id, bool learn, Span<byte> stack, ref byte[]? rented)
    {
        // Two halves: the text with room for its header before it, and the numbers with room for theirs.
        int length = Encoding.UTF8.GetByteCount(id);
        int half = IdAt0 + length;
        Span<byte> buffer = 2 * half <= stack.Length ? stack : (rented = ArrayPool<byte>.Shared.Rent(2 * half));
        Span<byte> text = buffer.Slice(IdAt0, Encoding.UTF8.GetBytes(id, buffer.Slice(IdAt0, length)));
        int shape = ShapeOf(text, learn, buffer.Slice(half + IdAt0, length), out int numbers);
        ulong header = shape < 0 ? (ulong)length << 1 : ((ulong)shape << 1) | 1;
        int start = shape < 0 ? IdAt0 : half + IdAt0;
        int headerLength = VarintLength(header);
        int at = start - headerLength;
        WriteVarint(buffer, ref at, header);
        return buffer.Slice(start - headerLength, headerLength + (shape < 0 ? length : numbers));
    }

    /// <summary>
    /// Gets the number of the id's shape (the id with each run of up to 18 ASCII digits replaced by its length) and
    /// writes the runs' numbers; -1 to keep the id as text.
    /// </summary>
    private int ShapeOf(ReadOnlySpan<byte> text, bool learn, Span<byte> numbers, out int numbersLength)
    {
        // Most shapes are short: a small buffer first (stackalloc clears what it gives), the largest only if needed.
        int shape = ShapeOf(text, learn, numbers, out numbersLength, stackalloc byte[ShortShape]);
        return shape == NeedsRoom ? ShapeOf(text, learn, numbers, out numbersLength, stackalloc byte[MaxShapeLength]) : shape;
    }

    private int ShapeOf(ReadOnlySpan<byte> text, bool learn, Span<byte> numbers, out int numbersLength, Span<byte> shape)
    {
        numbersLength = 0;
        int length = 0;
        for (int i = 0; i < text.Length;)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                if (length == shape.Length)
                {
                    return shape.Length < MaxShapeLength ? NeedsRoom : -1;
                }

                shape[length++] = text[i++];
                continue;
            }

            // A longer run is cut into runs of 18, so that long numbers do not make shapes of their own.
            int start = i;
            ulong number = digit;
            while (++i < text.Length && i - start < MaxRun && (digit = (uint)(text[i] - '0')) <= 9)
            {
                number = (number * 10) + digit;
            }

            if (length > shape.Length - 2)
            {
                return shape.Length < MaxShapeLength ? NeedsRoom : -1;
            }

            shape[length++] = RunMark;
            shape[length++] = (byte)(i - start);
            WriteVarint(numbers, ref numbersLength, number);
        }

        return numbersLength > 0 ? FindShape(shape[..length], learn) : -1;
    }

    /// <summary>
    /// Finds a shape's number, learning it if asked and the table still learns; -1 if it is not known. The slots never
    /// move and a shape is only placed within 32 slots of its home (<see cref="MaxShapeProbe"/>), so a look-up reads at most
    /// that many whatever the hash does; a shape that would go further stops all learning (ids keep the form they have).
    /// </summary>
    private int FindShape(ReadOnlySpan<byte> shape, bool learn)
    {
        ulong hash = ShapeHash(shape);
        uint tag = (uint)(hash >> 56) << ShapeTagShift;
        int mask = _shapeSlots.Length - 1;
        int i = (int)hash & mask;
        for (int probe = 0; probe < _maxShapeProbe; probe++, i = (i + 1) & mask)
        {
            uint value = _shapeSlots[i];
            if (value == 0)
            {
                return learn && _shapeCount < _maxShapes ? LearnShape(shape, i, tag) : -1;
            }

            if ((value & ~ShapeNumberMask) == tag && ShapeAt((int)(value & ShapeNumberMask) - 1).SequenceEqual(shape))
            {
                return (int)(value & ShapeNumberMask) - 1;
            }
        }

        if (learn)
        {
            _maxShapes = _shapeCount;
        }

        return -1;
    }

    /// <summary>A quick hash of a shape, 8 bytes at a time, seeded per table.</summary>
    private ulong ShapeHash(ReadOnlySpan<byte> shape)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        ulong hash = _shapeSeed ^ ((ulong)shape.Length * Multiplier);
        int i = 0;
        for (; i + 8 <= shape.Length; i += 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(shape[i..])) * Multiplier, 31);
        }

        ulong tail = 0;
        for (int shift = 0; i < shape.Length; i++, shift += 8)
        {
            tail |= (ulong)shape[i] << shift;
        }

        hash = (hash ^ tail) * Multiplier;
        return hash ^ (hash >> 29);
    }

    private int LearnShape(ReadOnlySpan<byte> shape, int slot, uint tag)
    {
        int number = _shapeCount;
        if (number == _shapeRuns.Length)
        {
            Array.Resize(ref _shapeRuns, number * 2);
            Array.Resize(ref _shapeTextLengths, number * 2);
            Array.Resize(ref _shapeStarts, (number * 2) + 1);
        }

        int start = _shapeStarts[number];
        if (start + shape.Length > _shapeBytes.Length)
        {
            Array.Resize(ref _shapeBytes, Math.Max(_shapeBytes.Length * 2, start + shape.Length));
        }

        shape.CopyTo(_shapeBytes.AsSpan(start));
        _shapeStarts[number + 1] = start + shape.Length;
        int runs = 0, textLength = 0;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == RunMark)
            {
                runs++;
                textLength += shape[++i];
            }
            else
            {
                textLength++;
            }
        }

        _shapeRuns[number] = runs;
        _shapeTextLengths[number] = textLength;
        _shapeCount++;
        _shapeSlots[slot] = tag | (uint)(number + 1);
        return number;
    }

    private ReadOnlySpan<byte> ShapeAt(int number) => _shapeBytes.AsSpan(_shapeStarts[number], _shapeStarts[number + 1] - _shapeStarts[number]);

    /// <summary>Gives the id back from its key (see <see cref="Encode"/>).</summary>
    private string Decode(ReadOnlySpan<byte> key)
    {
        int at = 0;
        ulong header = ReadVarint(key, ref at);
        if ((header & 1) == 0)
        {
            return Encoding.UTF8.GetString(key.Slice(at, (int)(header >> 1)));
        }

        int number = (int)(header >> 1);
        ReadOnlySpan<byte> shape = ShapeAt(number);
        int length = _shapeTextLengths[number];
        byte[]? rented = null;
        try
        {
            Span<byte> text = length <= MaxStackId ? stackalloc byte[MaxStackId] : (rented = ArrayPool<byte>.Shared.Rent(length));
            int written = 0;
            for (int i = 0; i < shape.Length; i++)
            {
                if (shape[i] != RunMark)
                {
                    text[written++] = shape[i];
                    continue;
                }

                int digits = shape[++i];
                ulong value = ReadVarint(key, ref at);
                for (int d = written + digits - 1; d >= written; d--)
                {
                    text[d] = (byte)('0' + (int)(value % 10));
                    value /= 10;
                }

                written += digits;
            }

            return Encoding.UTF8.GetString(text[..written]);
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int FindWithLine(RecordKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> key = Encode(id, learn: false, stackalloc byte[StackKey], ref rented);
            int index = Find(kind, key, Hash(kind, key), out _);
            return index >= 0 && (FlagsAt(index) & HasLine) != 0 ? index : -1;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Finds the pair's index, or gives -1 and the empty slot (in the hash's segment) where it would go.</summary>
    private int Find(RecordKind kind, ReadOnlySpan<byte> key, uint hash, out int slot)
    {
        uint[] slots = _segments[hash >> SegmentShift];
        uint tag = Tag(hash);
        int i = Home(hash, slots.Length);
        while (true)
        {
            uint value = slots[i];
            if (value == 0)
            {
                slot = i;
                return -1;
            }

            if ((value & ~_indexMask) == tag)
            {
                int index = (int)(value & _indexMask) - 1;
                ReadOnlySpan<byte> entry = EntryAt(index);
                if ((entry[0] & KindBits) == (int)kind && KeyEquals(entry, key))
                {
                    slot = i;
                    return index;
                }
            }

            if (++i == slots.Length)
            {
                i = 0;
            }
        }
    }

    private int Insert(RecordKind kind, ReadOnlySpan<byte> key, uint hash, int slot, RecordMark? mark)
    {
        if (Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("The id table is full.");
        }

        int index = Count;
        if ((uint)(index + 1) > _indexMask)
        {
            // More pairs than the index bits hold: fewer bits of hash beside them, in every slot where it is.
            Retag(_indexBits >= 28 ? 32 : _indexBits + 4);
        }

        _positions.Add(Store(kind, key, mark));
        int segment = (int)(hash >> SegmentShift);
        uint[] slots = _segments[segment];
        slots[slot] = Tag(hash) | (uint)(index + 1);
        if ((long)++_segmentCounts[segment] * 5 > (long)slots.Length * 4)
        {
            // Past four fifths full: half as many slots again in this segment, and its pairs placed anew.
            ResizeSegment(segment, (int)Math.Min(Array.MaxLength, ((long)slots.Length * 3 / 2) + 1));
        }

        return index;
    }

    /// <summary>The bits of a slot above the index: as much of the hash as fits there.</summary>
    private uint Tag(uint hash) => _indexBits == 32 ? 0 : (hash << _indexBits);

    /// <summary>The slot a hash starts from in a segment of <paramref name="length"/> slots: from all its bits (the top ones chose the segment).</summary>
    private static int Home(uint hash, int length) => (int)(((ulong)(hash * 0x9E3779B1u) * (uint)length) >> 32);

    private uint HashAt(int index)
    {
        ReadOnlySpan<byte> entry = EntryAt(index);
        return Hash((RecordKind)(entry[0] & KindBits), IdKey(entry));
    }

    private void ResizeSegment(int segment, int size)
    {
        uint[] old = _segments[segment];
        if (size <= _segmentCounts[segment])
        {
            throw new InvalidOperationException("The id table is full.");
        }

        var slots = new uint[size];
        foreach (uint value in old)
        {
            if (value != 0)
            {
                uint hash = HashAt((int)(value & _indexMask) - 1);
                int i = Home(hash, size);
                while (slots[i] != 0)
                {
                    if (++i == size)
                    {
                        i = 0;
                    }
                }

                slots[i] = Tag(hash) | (value & _indexMask);
            }
        }

        _segments[segment] = slots;
    }

    /// <summary>Gives the index more bits of each slot, in place: a pair's slot depends on its hash, not on its tag.</summary>
    private void Retag(int indexBits)
    {
        uint oldMask = _indexMask;
        _indexBits = indexBits;
        _indexMask = indexBits == 32 ? uint.MaxValue : (1u << indexBits) - 1;
        foreach (uint[] slots in _segments)
        {
            for (int i = 0; i < slots.Length; i++)
            {
                if (slots[i] != 0)
                {
                    uint indexPlusOne = slots[i] & oldMask;
                    slots[i] = Tag(HashAt((int)indexPlusOne - 1)) | indexPlusOne;
                }
            }
        }
    }

    /// <summary>Writes an entry (kind and flags, the id's key or the number of its own array, the line if known) and gives its position.</summary>
    private uint Store(RecordKind kind, ReadOnlySpan<byte> key, RecordMark? mark)
    {
        if ((int)kind is < 0 or > KindBits)
        {
            throw new InvalidOperationException("The id table is full.");
        }

        bool own = key.Length > LongId;
        int size = 1 + (own ? VarintLength((ulong)_longIds.Count) : key.Length);
        bool span = mark is not null && SpanOf(mark);
        size += mark is not null
            ? VarintLength((ulong)mark.WindowOffset) + VarintLength((uint)mark.WindowLength) + VarintLength((uint)mark.LinesBefore)
                + (span ? VarintLength((uint)mark.Start) + VarintLength((uint)mark.End) : 0)
            : FixedLineSize;

        if (BlockSize - _blockUsed < size)
        {
            if (_blocks.Count == MaxBlocks)
            {
                throw new InvalidOperationException("The id table is full.");
            }

            _blocks.Add(new byte[BlockSize]);
            _blockUsed = 0;
        }

        if (own)
        {
            _longIds.Add(key.ToArray());
        }

        int block = _blocks.Count - 1;
        int start = _blockUsed;
        Span<byte> entry = _blocks[block].AsSpan(start, size);
        entry[0] = (byte)((int)kind | (own ? OwnArray : 0) | (mark is not null ? HasLine : FixedLine) | (span ? HasSpan : 0));
        int at = 1;
        if (own)
        {
            WriteVarint(entry, ref at, (ulong)_longIds.Count - 1);
        }
        else
        {
            key.CopyTo(entry[at..]);
            at += key.Length;
        }

        if (mark is not null)
        {
            WriteVarint(entry, ref at, (ulong)mark.WindowOffset);
            WriteVarint(entry, ref at, (uint)mark.WindowLength);
            WriteVarint(entry, ref at, (uint)mark.LinesBefore);
            if (span)
            {
                WriteVarint(entry, ref at, (uint)mark.Start);
                WriteVarint(entry, ref at, (uint)mark.End);
            }
        }

        _blockUsed = Math.Min(BlockSize, (start + size + 3) & ~3);
        return ((uint)block << (BlockShift - 2)) | (uint)(start >> 2);
    }

    private void SetLine(int index, RecordMark mark)
    {
        uint position = _positions[index];
        Span<byte> entry = _blocks[(int)(position >> (BlockShift - 2))].AsSpan((int)(position & ((1u << (BlockShift - 2)) - 1)) << 2);
        int at = 1;
        SkipId(entry, ref at);
        BinaryPrimitives.WriteInt64LittleEndian(entry[at..], mark.WindowOffset);
        BinaryPrimitives.WriteInt32LittleEndian(entry[(at + 8)..], mark.WindowLength);
        BinaryPrimitives.WriteInt32LittleEndian(entry[(at + 12)..], mark.LinesBefore);
        BinaryPrimitives.WriteInt32LittleEndian(entry[(at + 16)..], mark.Start);
        BinaryPrimitives.WriteInt32LittleEndian(entry[(at + 20)..], mark.End);
        entry[0] |= HasLine;
    }

    private ReadOnlySpan<byte> EntryAt(int index)
    {
        uint position = _positions[index];
        return _blocks[(int)(position >> (BlockShift - 2))].AsSpan((int)(position & ((1u << (BlockShift - 2)) - 1)) << 2);
    }

    private byte FlagsAt(int index) => EntryAt(index)[0];

    /// <summary>Gets the id's key (see <see cref="Encode"/>) in an entry or in its own array.</summary>
    private ReadOnlySpan<byte> IdKey(ReadOnlySpan<byte> entry)
    {
        if ((entry[0] & OwnArray) != 0)
        {
            int at = 1;
            return _longIds[(int)ReadVarint(entry, ref at)];
        }

        return entry.Slice(1, KeyLength(entry, 1));
    }

    /// <summary>
    /// Gets whether the entry's id has the key. Keys are prefix-free (a header, then as many bytes or numbers as it says),
    /// so an entry that starts with the key has that key: no need to find where the entry's key ends.
    /// </summary>
    private bool KeyEquals(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> key)
        => (entry[0] & OwnArray) != 0 ? IdKey(entry).SequenceEqual(key) : entry.Length > key.Length && entry.Slice(1, key.Length).SequenceEqual(key);

    private void SkipId(ReadOnlySpan<byte> entry, ref int at)
    {
        if ((entry[0] & OwnArray) != 0)
        {
            ReadVarint(entry, ref at);
        }
        else
        {
            at += KeyLength(entry, at);
        }
    }

    /// <summary>Gets the length of the key that starts at <paramref name="start"/>: its header and the text or the numbers its shape has.</summary>
    private int KeyLength(ReadOnlySpan<byte> entry, int start)
    {
        int at = start;
        ulong header = ReadVarint(entry, ref at);
        if ((header & 1) == 0)
        {
            return at - start + (int)(header >> 1);
        }

        for (int runs = _shapeRuns[(int)(header >> 1)]; runs > 0; runs--)
        {
            while (entry[at++] >= 0x80)
            {
            }
        }

        return at - start;
    }

    private static int VarintLength(ulong value) => Math.Max(1, (70 - BitOperations.LeadingZeroCount(value)) / 7);

    private static void WriteVarint(Span<byte> to, ref int at, ulong value)
    {
        while (value >= 0x80)
        {
            to[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        to[at++] = (byte)value;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> from, ref int at)
    {
        ulong value = 0;
        int shift = 0;
        byte b;
        do
        {
            b = from[at++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }
}

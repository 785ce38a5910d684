using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The id table of a streaming validation: for every kind and id met, the line the first record with it is on (its
/// offset, length and number; the record's span in the line is found again by reading the line). It is the one
/// structure that has to grow with the number of records, so it is kept flat: ids as UTF-8 in large byte blocks,
/// entries as 32-byte structs in fixed-size chunks (no copying as it grows), chained through an <see cref="int"/>
/// bucket array: about 57 bytes a record on GED-shaped data (measured: docs/performance.md), against some 200 for a
/// dictionary of strings to mark objects. Not thread-safe.
/// </summary>
internal sealed class StreamingIdTable
{
    private const int BlockSize = 1 << 20;
    private const int MaxStackId = 256;
    private const int FieldBits = 20;
    private const long FieldMask = (1L << FieldBits) - 1;
    private const long OwnBlock = FieldMask; // the length field of an id that has a block of its own

    private readonly ChunkedList<Entry> _entries = new();
    private readonly List<byte[]> _blocks = [];
    private int[] _buckets = new int[1024];
    private int _block = -1;
    private int _blockUsed;

    /// <summary>Gets the number of distinct kind and id pairs.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds the kind and id with where its record is, unless the pair is there already.</summary>
    /// <param name="kind">The record's kind.</param>
    /// <param name="id">The record's id.</param>
    /// <param name="mark">Where the record is.</param>
    /// <param name="index">The pair's index in the table (see <see cref="IdAt"/>), new or not.</param>
    /// <returns>True if the pair is new.</returns>
    public bool TryAdd(RecordKind kind, string id, RecordMark mark, out int index)
    {
        ArgumentNullException.ThrowIfNull(id);
        int hash = Hash(kind, id);
        index = Find(kind, id, hash);
        if (index >= 0)
        {
            return false;
        }

        if (Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("The id table is full.");
        }

        index = Count;
        _entries.Add(new Entry { Hash = hash, Key = Store(kind, id), WindowOffset = mark.WindowOffset, WindowLength = mark.WindowLength, LinesBefore = mark.LinesBefore });
        if (Count > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }
        else
        {
            int bucket = hash & (_buckets.Length - 1);
            _entries.At(index).Next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
        }

        return true;
    }

    /// <summary>Gets whether the kind and id are in the table.</summary>
    public bool Contains(RecordKind kind, string id) => Find(kind, id, Hash(kind, id)) >= 0;

    /// <summary>Gets the line the first record with the kind and id is on (a mark spanning the whole line).</summary>
    public bool TryGetMark(RecordKind kind, string id, out RecordMark mark)
    {
        int index = Find(kind, id, Hash(kind, id));
        if (index < 0)
        {
            mark = null!;
            return false;
        }

        ref Entry entry = ref _entries.At(index);
        mark = new RecordMark(kind, id, entry.WindowOffset, entry.WindowLength, entry.LinesBefore, 0, entry.WindowLength, null);
        return true;
    }

    /// <summary>Gets the id of the pair at an index <see cref="TryAdd"/> gave.</summary>
    public string IdAt(int index)
    {
        ref Entry entry = ref _entries.At(index);
        return Encoding.UTF8.GetString(KeyBytes(entry.Key));
    }

    private static int Hash(RecordKind kind, string id) => HashCode.Combine(kind, string.GetHashCode(id, StringComparison.Ordinal));

    private int Find(RecordKind kind, string id, int hash)
    {
        int index = _buckets[hash & (_buckets.Length - 1)] - 1;
        if (index < 0)
        {
            return -1;
        }

        byte[]? rented = null;
        int length = Encoding.UTF8.GetByteCount(id);
        Span<byte> key = length <= MaxStackId ? stackalloc byte[MaxStackId] : (rented = ArrayPool<byte>.Shared.Rent(length));
        key = key[..Encoding.UTF8.GetBytes(id, key)];
        try
        {
            while (index >= 0)
            {
                ref Entry entry = ref _entries.At(index);
                if (entry.Hash == hash && KindOf(entry.Key) == kind && KeyBytes(entry.Key).SequenceEqual(key))
                {
                    return index;
                }

                index = entry.Next;
            }

            return -1;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Stores the id's UTF-8 and gives the key: kind (4 bits), block (20), start in it (20) and length (20).</summary>
    private long Store(RecordKind kind, string id)
    {
        int length = Encoding.UTF8.GetByteCount(id);
        if (length > BlockSize / 4)
        {
            // A long id gets a block of its own, so that the shared blocks stay full.
            _blocks.Add(Encoding.UTF8.GetBytes(id));
            return Key(kind, _blocks.Count - 1, 0, OwnBlock);
        }

        if (_block < 0 || BlockSize - _blockUsed < length)
        {
            _blocks.Add(new byte[BlockSize]);
            _block = _blocks.Count - 1;
            _blockUsed = 0;
        }

        int start = _blockUsed;
        Encoding.UTF8.GetBytes(id, _blocks[_block].AsSpan(start, length));
        _blockUsed += length;
        return Key(kind, _block, start, length);
    }

    private static long Key(RecordKind kind, int block, int start, long length)
    {
        if (block > FieldMask || (int)kind is < 0 or > 15)
        {
            throw new InvalidOperationException("The id table is full.");
        }

        return ((long)kind << (3 * FieldBits)) | ((long)block << (2 * FieldBits)) | ((long)start << FieldBits) | length;
    }

    private static RecordKind KindOf(long key) => (RecordKind)(int)(key >>> (3 * FieldBits));

    private ReadOnlySpan<byte> KeyBytes(long key)
    {
        byte[] block = _blocks[(int)((key >> (2 * FieldBits)) & FieldMask)];
        long length = key & FieldMask;
        return length == OwnBlock ? block : block.AsSpan((int)((key >> FieldBits) & FieldMask), (int)length);
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (int index = 0; index < Count; index++)
        {
            ref Entry entry = ref _entries.At(index);
            int bucket = entry.Hash & (size - 1);
            entry.Next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
        }
    }

    private struct Entry
    {
        public long WindowOffset;
        public long Key;
        public int Hash;
        public int Next;
        public int WindowLength;
        public int LinesBefore;
    }
}

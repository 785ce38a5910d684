using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A list of structs in fixed-size chunks: it grows without copying what it holds (a streaming validation keeps one
/// entry per record in some of these). The first chunk starts small and doubles up to the chunk size, so that the many
/// states that keep a few entries, or none, do not each hold a full chunk.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstSize = 16;
    private readonly List<T[]> _chunks = [];

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the entry at an index.</summary>
    public T this[int index] => At(index);

    /// <summary>Gets the entry at an index, by reference (to change it in place).</summary>
    public ref T At(int index) => ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];

    /// <summary>Adds an entry at the end.</summary>
    public void Add(T item)
    {
        int chunk = Count >> ChunkShift;
        int slot = Count & (ChunkSize - 1);
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new T[chunk == 0 ? FirstSize : ChunkSize]);
        }
        else if (slot == _chunks[chunk].Length)
        {
            // Only the first chunk is ever short: it doubles until it is a whole chunk.
            T[] grown = _chunks[chunk];
            System.Array.Resize(ref grown, System.Math.Min(ChunkSize, grown.Length * 2));
            _chunks[chunk] = grown;
        }

        _chunks[chunk][slot] = item;
        Count++;
    }

    /// <summary>Removes every item and lets the chunks go.</summary>
    public void Clear()
    {
        _chunks.Clear();
        _chunks.TrimExcess();
        Count = 0;
    }
}

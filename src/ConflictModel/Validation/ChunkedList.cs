using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>A list of structs in fixed-size chunks: it grows without copying what it holds (a streaming validation keeps one entry per record in some of these).</summary>
/// <typeparam name="T">The entry type.</typeparam>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
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
        if ((Count & (ChunkSize - 1)) == 0)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        _chunks[Count >> ChunkShift][Count & (ChunkSize - 1)] = item;
        Count++;
    }
}

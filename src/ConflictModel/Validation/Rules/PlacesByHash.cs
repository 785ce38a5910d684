using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// Records' places (<see cref="RecordContext{TRecord}.Place"/>, which give their handles back) under a hash, in input
/// order, for streaming states that keep no keys (the key would hold the record's strings): one flat entry per record
/// (its hash and its place: 8 bytes) in fixed-size chunks, so the state grows without copying or leaving large arrays
/// behind. The chains and buckets for <see cref="FirstMatch{T}"/> and <see cref="All"/> (the previous entry of each
/// entry's bucket, and 4 bytes an entry or less) are made only when a lookup is first asked for; a state that only
/// groups at the end (<see cref="Several"/>) never has them. Hashes collide, so whoever reads a hash's
/// records checks them again.
/// </summary>
internal sealed class PlacesByHash
{
    private readonly ChunkedList<Entry> _entries = new();
    private ChunkedList<int>? _previous; // per entry, the index of the previous entry of its bucket (-1: none), once there are buckets
    private readonly List<int> _sameHash = [];
    private readonly Func<int, int> _bucketOf;
    private int[]? _buckets; // per bucket, 1 + the index of its last entry (0: none)

    /// <summary>Creates an empty set.</summary>
    public PlacesByHash()
        : this(static hash => hash)
    {
    }

    /// <summary>Creates an empty set whose buckets are chosen by <paramref name="bucketOf"/> (a test seam: a constant makes every hash share a bucket).</summary>
    internal PlacesByHash(Func<int, int> bucketOf) => _bucketOf = bucketOf;

    /// <summary>Gets how many places there are.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Gets the places of each hash that has more than one, each list in input order (the lists in no particular
    /// order). Sorts copies of the hashes one sixteenth of the hash range at a time (8 bytes an entry of that part, for
    /// the duration of the part), so that grouping a large state at the end does not need a copy of all of it at once.
    /// </summary>
    public IEnumerable<List<int>> Several
    {
        get
        {
            const int PartShift = 28; // 16 parts by the hash's top bits
            int count = _entries.Count;
            int[] sizes = new int[1 << (32 - PartShift)];
            for (int i = 0; i < count; i++)
            {
                sizes[(uint)_entries[i].Hash >> PartShift]++;
            }

            for (int part = 0; part < sizes.Length; part++)
            {
                if (sizes[part] < 2)
                {
                    continue;
                }

                long[] order = new long[sizes[part]];
                int n = 0;
                for (int i = 0; i < count; i++)
                {
                    int hash = _entries[i].Hash;
                    if ((uint)hash >> PartShift == part)
                    {
                        order[n++] = ((long)hash << 32) | (uint)i; // by hash, then input order
                    }
                }

                Array.Sort(order);
                for (int start = 0; start < order.Length;)
                {
                    int hash = (int)(order[start] >> 32);
                    int end = start + 1;
                    while (end < order.Length && (int)(order[end] >> 32) == hash)
                    {
                        end++;
                    }

                    if (end - start > 1)
                    {
                        var places = new List<int>(end - start);
                        for (int i = start; i < end; i++)
                        {
                            places.Add(_entries[(int)(uint)order[i]].Place);
                        }

                        yield return places;
                    }

                    start = end;
                }
            }
        }
    }

    /// <summary>Adds a record's place under a hash, after those already there.</summary>
    public void Add(int hash, int place)
    {
        int index = _entries.Count;
        if (_buckets is not null && index >= _buckets.Length)
        {
            Rebuild(_buckets.Length * 2);
        }

        if (_buckets is not null)
        {
            ref int bucket = ref _buckets[_bucketOf(hash) & (_buckets.Length - 1)];
            _previous!.Add(bucket - 1);
            bucket = index + 1;
        }

        _entries.Add(new Entry(hash, place));
    }

    /// <summary>Gets the first place under a hash for which <paramref name="match"/> gives a value, in input order.</summary>
    public T? FirstMatch<T>(int hash, Func<int, T?> match)
        where T : struct
    {
        foreach (int place in All(hash))
        {
            if (match(place) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Gets the places under a hash, in input order (empty when there are none).</summary>
    public int[] All(int hash)
    {
        if (_buckets is null)
        {
            Rebuild(Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, _entries.Count))));
        }

        // The bucket's chain runs from the last entry back.
        _sameHash.Clear();
        for (int i = _buckets![_bucketOf(hash) & (_buckets.Length - 1)] - 1; i >= 0; i = _previous![i])
        {
            if (_entries[i].Hash == hash)
            {
                _sameHash.Add(_entries[i].Place);
            }
        }

        if (_sameHash.Count == 0)
        {
            return [];
        }

        _sameHash.Reverse();
        return [.. _sameHash];
    }

    private void Rebuild(int size)
    {
        _buckets = new int[size];
        bool fresh = _previous is null;
        _previous ??= new ChunkedList<int>();
        for (int i = 0; i < _entries.Count; i++)
        {
            ref int bucket = ref _buckets[_bucketOf(_entries[i].Hash) & (size - 1)];
            if (fresh)
            {
                _previous.Add(bucket - 1);
            }
            else
            {
                _previous.At(i) = bucket - 1;
            }

            bucket = i + 1;
        }
    }

    private readonly record struct Entry(int Hash, int Place);
}

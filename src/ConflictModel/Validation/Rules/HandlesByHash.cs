using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// Record handles under a hash, in input order, for streaming states that keep no keys (the key would hold the
/// record's strings): most hashes have one handle, kept flat (a 40-byte entry in fixed-size chunks, chained through an
/// <see cref="int"/> bucket array, so that growing never copies the entries: a <see cref="Dictionary{TKey, TValue}"/>
/// of a million handles doubles a 50 MB array on the large object heap as it grows); a second handle moves both to a
/// list. Hashes collide, so whoever reads a hash's handles checks the records again.
/// </summary>
internal sealed class HandlesByHash
{
    private const int Unlinked = -2;

    private readonly ChunkedList<Entry> _entries = new();
    private readonly Dictionary<int, List<RecordHandle>> _several = [];
    private int[] _buckets = new int[256];

    /// <summary>Gets the lists of the hashes that have more than one handle.</summary>
    public IEnumerable<List<RecordHandle>> Several => _several.Values;

    /// <summary>Adds a handle under a hash, after those already there.</summary>
    public void Add(int hash, RecordHandle handle)
    {
        if (_several.TryGetValue(hash, out List<RecordHandle>? list))
        {
            list.Add(handle);
        }
        else if (RemoveSingle(hash, out RecordHandle first))
        {
            _several[hash] = [first, handle];
        }
        else
        {
            AddSingle(hash, handle);
        }
    }

    /// <summary>Gets the first handle under a hash for which <paramref name="match"/> gives a value, in input order.</summary>
    public T? FirstMatch<T>(int hash, Func<RecordHandle, T?> match)
        where T : struct
    {
        if (FindSingle(hash) is int index)
        {
            return match(_entries[index].Handle);
        }

        if (_several.TryGetValue(hash, out List<RecordHandle>? handles))
        {
            foreach (RecordHandle handle in handles)
            {
                if (match(handle) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private int? FindSingle(int hash)
    {
        for (int index = _buckets[hash & (_buckets.Length - 1)] - 1; index >= 0; index = _entries[index].Next)
        {
            if (_entries[index].Hash == hash)
            {
                return index;
            }
        }

        return null;
    }

    private void AddSingle(int hash, RecordHandle handle)
    {
        int index = _entries.Count;
        _entries.Add(new Entry { Hash = hash, Handle = handle, Next = -1 });
        if (_entries.Count > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }
        else
        {
            Link(index);
        }
    }

    /// <summary>Unlinks the one handle of a hash (its entry stays, marked unlinked: only a hash met twice leaves one).</summary>
    private bool RemoveSingle(int hash, out RecordHandle handle)
    {
        int bucket = hash & (_buckets.Length - 1);
        int previous = -1;
        for (int index = _buckets[bucket] - 1; index >= 0; previous = index, index = _entries[index].Next)
        {
            ref Entry entry = ref _entries.At(index);
            if (entry.Hash != hash)
            {
                continue;
            }

            if (previous < 0)
            {
                _buckets[bucket] = entry.Next + 1;
            }
            else
            {
                _entries.At(previous).Next = entry.Next;
            }

            handle = entry.Handle;
            entry.Next = Unlinked;
            return true;
        }

        handle = default;
        return false;
    }

    private void Link(int index)
    {
        int bucket = _entries[index].Hash & (_buckets.Length - 1);
        _entries.At(index).Next = _buckets[bucket] - 1;
        _buckets[bucket] = index + 1;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (int index = 0; index < _entries.Count; index++)
        {
            if (_entries[index].Next != Unlinked)
            {
                Link(index);
            }
        }
    }

    private struct Entry
    {
        public int Hash;
        public int Next;
        public RecordHandle Handle;
    }
}

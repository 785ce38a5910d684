using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// Record handles under a hash, in input order, for streaming states that keep no keys (the key would hold the
/// record's strings): most hashes have one handle, kept in the dictionary itself (no list, no box); a second moves
/// both to a list. Hashes collide, so whoever reads a hash's handles checks the records again.
/// </summary>
internal sealed class HandlesByHash
{
    private readonly Dictionary<int, RecordHandle> _single = [];
    private readonly Dictionary<int, List<RecordHandle>> _several = [];

    /// <summary>Gets the lists of the hashes that have more than one handle.</summary>
    public IEnumerable<List<RecordHandle>> Several => _several.Values;

    /// <summary>Adds a handle under a hash, after those already there.</summary>
    public void Add(int hash, RecordHandle handle)
    {
        if (_several.TryGetValue(hash, out List<RecordHandle>? list))
        {
            list.Add(handle);
        }
        else if (_single.Remove(hash, out RecordHandle first))
        {
            _several[hash] = [first, handle];
        }
        else
        {
            _single[hash] = handle;
        }
    }

    /// <summary>Gets the first handle under a hash for which <paramref name="match"/> gives a value, in input order.</summary>
    public T? FirstMatch<T>(int hash, Func<RecordHandle, T?> match)
        where T : struct
    {
        if (_single.TryGetValue(hash, out RecordHandle single))
        {
            return match(single);
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
}

using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// A bounded intern table for text that repeats across records (ids named by every reference, outlets, schemes,
/// place and area names, country codes): looked up by the decoded characters, so a repeat costs no allocation and the
/// dataset holds one string per distinct value. When full it starts again empty, which bounds its memory and keeps
/// the values seen recently. Not thread-safe; one per parser.
/// </summary>
internal sealed class StringPool(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    /// <summary>Gets the pooled string equal to <paramref name="chars"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> chars, out string? value)
        => _set.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out value);

    /// <summary>Gets the pooled string equal to <paramref name="chars"/>, adding it first when it is not there.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out string? known))
        {
            return known;
        }

        string text = chars.ToString();
        Add(text);
        return text;
    }

    /// <summary>Adds a string known not to be in the pool.</summary>
    public void Add(string text)
    {
        if (_set.Count >= capacity)
        {
            _set.Clear();
        }

        _set.Add(text);
    }
}

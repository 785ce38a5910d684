using System;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>The wire members of one model type, as UTF-8 for matching and as text for messages and pointers.</summary>
internal sealed class MemberTable
{
    /// <summary>The index standing for a JSON Lines record's <c>type</c> member.</summary>
    public const int TypeIndex = 63;

    private readonly byte[][] _utf8;

    public MemberTable(string owner, params string[] names)
    {
        if (names.Length >= TypeIndex)
        {
            throw new ArgumentException("Too many members.", nameof(names));
        }

        Owner = owner;
        Names = names;
        _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>Gets the type as messages name it ("an actor", "a citation").</summary>
    public string Owner { get; }

    public string[] Names { get; }

    /// <summary>
    /// Gets the index of the member name the reader is on, or -1. <paramref name="seen"/> (the members read so far)
    /// is where the search starts: writers put members in the table's order, so the next name is usually the one
    /// after the last seen, and is then found with one or two comparisons.
    /// </summary>
    public int IndexOf(ref Utf8JsonReader reader, ulong seen = 0)
    {
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            ulong members = seen & ~(1UL << TypeIndex);
            int start = members == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(members);
            for (int i = start; i < _utf8.Length; i++)
            {
                if (raw.SequenceEqual(_utf8[i]))
                {
                    return i;
                }
            }

            for (int i = 0; i < start && i < _utf8.Length; i++)
            {
                if (raw.SequenceEqual(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        for (int i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the known member an unknown name is probably a misspelling of: the same ignoring case, or a letter or two away.</summary>
    public string? SuggestFor(string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string known in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }

            int allowed = known.Length >= 8 ? 2 : known.Length >= 4 ? 1 : 0;
            if (allowed == 0 || Math.Abs(known.Length - name.Length) > allowed)
            {
                continue;
            }

            int distance = Distance(known, name, allowed);
            if (distance <= allowed && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The optimal string alignment distance (edits, including swapping neighbours), ignoring case; stops early past <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return rowMinimum;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}

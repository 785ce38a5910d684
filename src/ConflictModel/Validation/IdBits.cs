using System;
using System.Collections.Generic;
using System.Numerics;

namespace ConflictModel.Validation;

/// <summary>
/// A set of id numbers (<see cref="RecordContext{TRecord}.IdNumber"/>) or places (<see cref="RecordContext{TRecord}.Place"/>,
/// those not below zero) as one bit each: what a rule keeps instead of a set of id strings (an eighth of a byte a
/// record against some 40 bytes). Grows as numbers come. Not thread-safe.
/// </summary>
internal sealed class IdBits
{
    private ulong[] _words = new ulong[64];

    /// <summary>Adds a number.</summary>
    /// <returns>True if it was not in the set.</returns>
    public bool Add(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        int word = number >> 6;
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(word + 1, (int)Math.Min(Array.MaxLength, _words.Length * 2L)));
        }

        ulong bit = 1UL << (number & 63);
        if ((_words[word] & bit) != 0)
        {
            return false;
        }

        _words[word] |= bit;
        return true;
    }

    /// <summary>Gets whether a number is in the set.</summary>
    public bool Contains(int number)
    {
        int word = number >> 6;
        return number >= 0 && word < _words.Length && (_words[word] & (1UL << (number & 63))) != 0;
    }

    /// <summary>Gets the numbers in the set, in increasing order (the set must not change meanwhile).</summary>
    public IEnumerable<int> Numbers
    {
        get
        {
            for (int word = 0; word < _words.Length; word++)
            {
                ulong bits = _words[word];
                while (bits != 0)
                {
                    yield return (word << 6) | BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                }
            }
        }
    }
}

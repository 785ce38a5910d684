using System;

namespace ConflictModel.Cli;

/// <summary>
/// Runs of equal hashes over a list kept by index (what <c>stats</c> keeps instead of records): each index packed with
/// its hash into one <see cref="ulong"/> and sorted, so that the records that may be equal are found together and only
/// those are read again.
/// </summary>
internal static class HashRuns
{
    /// <summary>Every index with its hash (high half) and the index (low half), sorted: equal hashes together, each run in the order met.</summary>
    public static ulong[] Sorted(int count, Func<int, int> hash)
    {
        var sorted = new ulong[count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = ((ulong)(uint)hash(i) << 32) | (uint)i;
        }

        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Gets the end of the run of equal hashes that starts at <paramref name="start"/>.</summary>
    public static int RunEnd(ulong[] sorted, int start)
    {
        ulong hash = sorted[start] >> 32;
        int end = start + 1;
        while (end < sorted.Length && sorted[end] >> 32 == hash)
        {
            end++;
        }

        return end;
    }
}

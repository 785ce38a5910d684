using System;
using System.Collections.Generic;
using System.Linq;

namespace ConflictModel.Cli;

/// <summary>"Did you mean": the known word closest to a mistyped one, by edit distance (adjacent swaps count one).</summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Close enough to be a typo: at most a third of the word (and at least one or two edits) away.
        return best is not null && bestDistance <= Math.Max(2, typed.TrimStart('-').Length / 3) ? best : null;
    }

    public static string DidYouMean(string typed, IEnumerable<string> known)
        => Closest(typed, known) is { } suggestion ? $"; did you mean '{suggestion}'?" : string.Empty;

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    internal static IEnumerable<string> Names(System.CommandLine.Option option) => option.Aliases.Prepend(option.Name);
}

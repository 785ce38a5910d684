using System;
using System.Collections.Generic;
using System.IO;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Samples;

/// <summary>
/// Streams a JSON Lines dataset of any size, one record at a time, keeping only running totals in memory:
/// the number of records of each kind and the deaths reported by best estimates.
/// </summary>
public static class StreamLargeFile
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: stream-large-file <file.jsonl>");
            return 2;
        }

        var counts = new SortedDictionary<RecordKind, long>();
        long killed = 0;
        string title = "?";
        using FileStream file = File.OpenRead(args[0]);
        foreach (ConflictRecord record in ConflictJsonSerializer.DeserializeRecords(file, header => title = header.Info.Title))
        {
            counts[record.RecordKind] = counts.GetValueOrDefault(record.RecordKind) + 1;
            if (record is CasualtyEstimate { Population: CasualtyPopulation.Killed, Components.IsEmpty: true, Figure.Best: { } best })
            {
                killed += best;
            }
        }

        Console.WriteLine(title);
        foreach ((RecordKind kind, long count) in counts)
        {
            Console.WriteLine($"  {kind}: {count}");
        }

        Console.WriteLine($"  killed (sum of best figures without components): {killed}");
        return 0;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>
/// Before anything is timed: every reader reads the same records as the library's own deserializer, in the same
/// order, compared by value (records are records: every member, nested ones included).
/// </summary>
public static class Verification
{
    /// <summary>Checks the JSON Lines readers on the first <paramref name="maxLines"/> lines.</summary>
    public static void CheckLines(byte[] data, int maxLines = 2000)
    {
        byte[] sample = maxLines == int.MaxValue ? data : Prefix(data, maxLines + 1);
        List<ConflictRecord> expected = [.. SourceGeneratedReader.DeserializeLines(new MemoryStream(sample, writable: false)).Records];
        Same("JSON Lines, one worker", expected, SourceGenLines.Read(sample, 1));
        Same("JSON Lines, two workers", expected, SourceGenLines.Read(sample, 2));
        Same("JSON Lines, reflection", expected, ReflectionStj.ReadLines(sample));
        Same("JSON Lines, Newtonsoft.Json", expected, NewtonsoftReader.ReadLines(new MemoryStream(sample, writable: false)));
        Same("JSON Lines, DatasetReader", expected, [.. OurReader.Dataset(sample, Serialization.DatasetFormat.JsonLines).Records]);
        Serialization.DatasetReadResult parallel = OurReader.ReadParallel(sample, 2);
        if (parallel.HasErrors)
        {
            throw new InvalidOperationException($"DatasetReader with two workers reported errors on generated data: {parallel.Diagnostics[0]}");
        }

        Same("JSON Lines, DatasetReader with two workers", expected, [.. parallel.Dataset.Records]);
    }

    /// <summary>Checks the JSON document readers, and that the document holds what the JSON Lines file holds.</summary>
    public static void CheckDocument(byte[] document, byte[]? lines)
    {
        Dataset expected = SourceGeneratedReader.Deserialize(document);
        if (lines is not null && !SourceGeneratedReader.DeserializeLines(new MemoryStream(lines, writable: false)).Equals(expected))
        {
            throw new InvalidOperationException("The JSON document and the JSON Lines file hold different datasets.");
        }

        Same("JSON document, reflection", [.. expected.Records], [.. ReflectionStj.ReadDocument(document).Records]);
        Same("JSON document, Newtonsoft.Json", [.. expected.Records], [.. NewtonsoftReader.ReadDocument(new MemoryStream(document, writable: false)).Records]);
        if (!OurReader.Dataset(document, Serialization.DatasetFormat.Document).Equals(expected))
        {
            throw new InvalidOperationException("DatasetReader read a different dataset from the JSON document.");
        }
        if (!ReflectionStj.ReadDocument(document).Info.Equals(expected.Info) || !NewtonsoftReader.ReadDocument(new MemoryStream(document, writable: false)).Info.Equals(expected.Info))
        {
            throw new InvalidOperationException("A document reader read a different dataset description.");
        }
    }

    private static void Same(string reader, List<ConflictRecord> expected, List<ConflictRecord> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{reader}: read {actual.Count} records, expected {expected.Count}.");
        }

        // DeserializeLines groups by kind; the per-line readers keep the file's order. Compare kind by kind.
        var byKind = actual.GroupBy(r => r.RecordKind).ToDictionary(g => g.Key, g => g.ToList());
        foreach (IGrouping<RecordKind, ConflictRecord> kind in expected.GroupBy(r => r.RecordKind))
        {
            List<ConflictRecord> mine = byKind.GetValueOrDefault(kind.Key) ?? [];
            int i = 0;
            foreach (ConflictRecord record in kind)
            {
                if (i >= mine.Count || !record.Equals(mine[i]))
                {
                    throw new InvalidOperationException($"{reader}: {kind.Key} #{i} ({record.RecordId}) differs: expected {record}, read {(i < mine.Count ? mine[i] : null)}.");
                }

                i++;
            }
        }
    }

    private static byte[] Prefix(byte[] data, int lines)
    {
        int position = 0;
        for (int i = 0; i < lines && position < data.Length; i++)
        {
            int newline = Array.IndexOf(data, (byte)'\n', position);
            position = newline < 0 ? data.Length : newline + 1;
        }

        return data.AsSpan(0, position).ToArray();
    }
}

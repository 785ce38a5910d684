using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>
/// JSON Lines read line by line with the library's source-generated deserializer
/// (<see cref="SourceGeneratedReader.DeserializeRecord(ReadOnlySpan{byte})"/>), on one worker or several over
/// line-aligned chunks, the records always in input order.
/// </summary>
public static class SourceGenLines
{
    /// <summary>Every record after the header, in input order, read by <paramref name="workers"/> workers.</summary>
    public static List<ConflictRecord> Read(byte[] data, int workers)
    {
        int start = Lines.BodyStart(data);
        if (workers <= 1)
        {
            return ReadChunk(data, start, data.Length);
        }

        (int Start, int End)[] chunks = Lines.Chunks(data, start, workers);
        var parts = new List<ConflictRecord>[workers];
        var others = new Task[workers - 1];
        for (int i = 1; i < workers; i++)
        {
            int index = i;
            others[i - 1] = Task.Factory.StartNew(() => parts[index] = ReadChunk(data, chunks[index].Start, chunks[index].End), TaskCreationOptions.LongRunning);
        }

        parts[0] = ReadChunk(data, chunks[0].Start, chunks[0].End);
        Task.WaitAll(others);

        int total = 0;
        foreach (List<ConflictRecord> part in parts)
        {
            total += part.Count;
        }

        var records = new List<ConflictRecord>(total);
        foreach (List<ConflictRecord> part in parts)
        {
            records.AddRange(part);
        }

        return records;
    }

    /// <summary>Streams every record after the header, keeping none: what a consumer that folds records pays per record.</summary>
    public static int Stream(byte[] data)
    {
        int position = Lines.BodyStart(data);
        int checksum = 0;
        while (Lines.Next(data, ref position, out ReadOnlySpan<byte> line))
        {
            checksum += SourceGeneratedReader.DeserializeRecord(line).RecordId.Length;
        }

        return checksum;
    }

    private static List<ConflictRecord> ReadChunk(byte[] data, int start, int end)
    {
        // About 230 bytes a record (docs/performance.md, calibration): size the list once.
        var records = new List<ConflictRecord>(((end - start) / 200) + 16);
        int position = start;
        ReadOnlySpan<byte> span = data.AsSpan(0, end);
        while (Lines.Next(span, ref position, out ReadOnlySpan<byte> line))
        {
            records.Add(SourceGeneratedReader.DeserializeRecord(line));
        }

        return records;
    }
}

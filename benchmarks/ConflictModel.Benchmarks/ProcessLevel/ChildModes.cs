using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The modes a fresh process runs for the process-level measurements. They touch nothing of BenchmarkDotNet, so
/// their start-up is the library's. Each prints one line of <c>key=value</c> pairs for <see cref="ProcessSuite"/>.
/// </summary>
public static class ChildModes
{
    private static readonly Type[] TracedTypes =
    [
        typeof(Citation), typeof(Location), typeof(CasualtyFigure), typeof(Source), typeof(Actor), typeof(Event), typeof(CasualtyEstimate),
        typeof(Attribution), typeof(Claim), typeof(Ceasefire), typeof(Mediation), typeof(Agreement), typeof(DatasetInfo), typeof(Dataset),
    ];

    /// <summary>
    /// <c>first-record FILE</c>: reads the header line and the first record of a JSON Lines file with the library,
    /// prints the record's id at once, and exits.
    /// </summary>
    public static int FirstRecord(string path, bool ours = false)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[64 * 1024];
        int length = 0;
        int headerEnd = -1, recordEnd = -1;
        while (recordEnd < 0)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = file.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            headerEnd = headerEnd >= 0 ? headerEnd : buffer.AsSpan(0, length).IndexOf((byte)'\n');
            if (headerEnd >= 0)
            {
                int next = buffer.AsSpan(headerEnd + 1, length - headerEnd - 1).IndexOf((byte)'\n');
                recordEnd = next < 0 ? -1 : headerEnd + 1 + next;
            }
        }

        if (headerEnd < 0 || recordEnd < 0)
        {
            Console.Error.WriteLine($"{path}: no header line and first record");
            return 1;
        }

        // The header as the library reads it (format version checked), then the first record. With
        // CONFLICTMODEL_BENCH_TRACE=1 the phases go to standard error; with 2, also the cost of each type's metadata.
        string? trace = Environment.GetEnvironmentVariable("CONFLICTMODEL_BENCH_TRACE");
        var phases = Stopwatch.StartNew();
        if (trace is "1" or "2")
        {
            _ = ConflictJsonSerializer.Options;
            Console.Error.WriteLine($"options: {phases.Elapsed.TotalMilliseconds:F1} ms");
        }

        if (trace == "2")
        {
            foreach (Type type in TracedTypes)
            {
                double before = phases.Elapsed.TotalMilliseconds;
                _ = ConflictJsonSerializer.Options.GetTypeInfo(type);
                Console.Error.WriteLine($"  metadata of {type.Name}: {phases.Elapsed.TotalMilliseconds - before:F1} ms");
            }
        }

        Dataset header;
        ConflictRecord first;
        if (ours)
        {
            // The hand-written reader on the header line and the first record line.
            ConflictModel.Serialization.DatasetReadResult read = new ConflictModel.Serialization.DatasetReader().ReadUtf8(buffer.AsSpan(0, recordEnd + 1), ConflictModel.Serialization.DatasetFormat.JsonLines);
            header = read.Dataset;
            first = read.HasErrors ? throw new InvalidOperationException(read.Diagnostics[0].ToString()) : System.Linq.Enumerable.First(read.Dataset.Records);
        }
        else
        {
            header = SourceGeneratedReader.DeserializeLines(new MemoryStream(buffer, 0, headerEnd + 1, writable: false));
            if (trace is "1" or "2")
            {
                Console.Error.WriteLine($"header: {phases.Elapsed.TotalMilliseconds:F1} ms");
            }

            first = SourceGeneratedReader.DeserializeRecord(buffer.AsSpan(headerEnd + 1, recordEnd - headerEnd - 1));
        }

        if (trace is "1" or "2")
        {
            Console.Error.WriteLine($"first record: {phases.Elapsed.TotalMilliseconds:F1} ms");
        }

        double sinceStart = (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first={first.RecordKind}:{first.RecordId} title={header.Info.Title.Length} in_process_ms={sinceStart:F1}"));
        Console.Out.Flush();
        return 0;
    }

    /// <summary>
    /// <c>stream FILE</c>: reads every record of a JSON Lines file with the library's DeserializeRecord, keeping none,
    /// through a 64 KiB buffer: memory must not grow with the file.
    /// </summary>
    public static int Stream(string path)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long records = 0, bytes = 0;
        int checksum = 0;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            int start = 0, end = 0;
            bool header = true, eof = false;
            while (true)
            {
                int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    if (eof)
                    {
                        break;
                    }

                    // Keep the partial line, grow only if one line fills the buffer, read more.
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                    if (end == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = file.Read(buffer, end, buffer.Length - end);
                    eof = read == 0;
                    end += read;
                    bytes += read;
                    if (eof && end > start)
                    {
                        buffer[end] = (byte)'\n'; // a last line without its line end (the buffer always has room: it was not full)
                        end++;
                    }

                    continue;
                }

                ReadOnlySpan<byte> line = buffer.AsSpan(start, newline).TrimEnd((byte)'\r');
                start += newline + 1;
                if (line.IsEmpty)
                {
                    continue;
                }

                if (header)
                {
                    header = false;
                    continue;
                }

                checksum += SourceGeneratedReader.DeserializeRecord(line).RecordId.Length;
                records++;
            }

            ArrayPool<byte>.Shared.Return(buffer);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        WriteStreamed(records, bytes, seconds, allocated, checksum);
        return 0;
    }

    /// <summary>
    /// <c>stream FILE --ours</c>: the same as <see cref="Stream"/>, with our reader's streaming entry point
    /// (<see cref="ConflictModel.Serialization.DatasetReader.OpenRecords(string)"/>, every record and its diagnostics, nothing kept) instead of the
    /// serializer.
    /// </summary>
    public static int StreamOurs(string path)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        long records = 0;
        int checksum = 0;
        using (ConflictModel.Serialization.DatasetRecordReader reader = new ConflictModel.Serialization.DatasetReader().OpenRecords(path))
        {
            while (reader.Read())
            {
                if (reader.Current.Record is { } record)
                {
                    checksum += record.RecordId.Length;
                    records++;
                }
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long bytes = new FileInfo(path).Length;
        WriteStreamed(records, bytes, seconds, allocated, checksum);
        return 0;
    }

    /// <summary>
    /// <c>load FILE</c>: reads a whole dataset into memory with the library (JSON Lines or a JSON document, by the
    /// name) and reports how much memory the loaded dataset keeps, against the file's size.
    /// </summary>
    public static int Load(string path, bool ours = false)
    {
        long fileBytes = new FileInfo(path).Length;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        object kept;
        int count;
        bool lines = path.EndsWith(".jsonl", StringComparison.Ordinal);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            if (ours)
            {
                // What a caller of the hand-written reader holds: the DatasetReadResult (dataset, diagnostics, source text for positions).
                ConflictModel.Serialization.DatasetReadResult read = new ConflictModel.Serialization.DatasetReader().Read(file, path, lines ? ConflictModel.Serialization.DatasetFormat.JsonLines : ConflictModel.Serialization.DatasetFormat.Document);
                kept = read;
                count = read.Dataset.RecordCount;
            }
            else
            {
                Dataset dataset = lines ? SourceGeneratedReader.DeserializeLines(file) : SourceGeneratedReader.Deserialize(file);
                kept = dataset;
                count = dataset.RecordCount;
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        long retained = after - before;
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"records={count} file_bytes={fileBytes} retained_bytes={retained} retained_over_file={retained / (double)fileBytes:F2} seconds={seconds:F3} peak_rss_kib={PeakResidentKib()}"));
        return 0;
    }

    /// <summary>The process's peak resident set size (VmHWM), as /usr/bin/time reports it; -1 where /proc is not there.</summary>
    /// <summary>The line <c>stream</c> prints, which the process suite parses.</summary>
    private static void WriteStreamed(long records, long bytes, double seconds, long allocated, int checksum)
        => Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"records={records} bytes={bytes} seconds={seconds:F3} records_per_s={records / seconds:F0} alloc_per_record={allocated / (double)Math.Max(1, records):F0} peak_rss_kib={PeakResidentKib()} checksum={checksum}"));

    public static long PeakResidentKib()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }
}

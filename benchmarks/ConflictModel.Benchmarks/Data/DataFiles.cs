using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Data;

/// <summary>
/// The generated datasets, cached under benchmarks/data/ (ignored by git; override with CONFLICTMODEL_BENCH_DATA)
/// so that generating them is never timed. Each size is written twice with <see cref="ConflictJsonSerializer"/>:
/// as JSON Lines (the header, then the records in the generator's order) and as a JSON document (the same records
/// grouped by kind), so that reading either gives the same <see cref="Dataset"/>.
/// </summary>
public static class DataFiles
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static string Folder => Environment.GetEnvironmentVariable("CONFLICTMODEL_BENCH_DATA") is { Length: > 0 } folder
        ? folder
        : Repository.Path("benchmarks", "data");

    public static string JsonLinesPath(int records) => System.IO.Path.Combine(Folder, $"{Stem(records)}.jsonl");

    public static string DocumentPath(int records) => System.IO.Path.Combine(Folder, $"{Stem(records)}.json");

    /// <summary>Writes both files of a size unless they are there; returns whether it generated them.</summary>
    public static bool Ensure(int records, TextWriter? log = null)
    {
        string lines = JsonLinesPath(records);
        string document = DocumentPath(records);
        if (File.Exists(lines) && File.Exists(document))
        {
            return false;
        }

        Directory.CreateDirectory(Folder);
        var started = System.Diagnostics.Stopwatch.StartNew();
        List<ConflictRecord> generated = new DataGenerator().Generate(records).ToList();
        DatasetInfo info = DataGenerator.Info(records);
        WriteAtomically(lines, stream => WriteLines(stream, info, generated));
        WriteAtomically(document, stream => ConflictJsonSerializer.Serialize(stream, Dataset.Create(info, generated)));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {records:N0} records in {started.Elapsed.TotalSeconds:F1} s: {lines} ({new FileInfo(lines).Length:N0} bytes), {document} ({new FileInfo(document).Length:N0} bytes)"));
        return true;
    }

    /// <summary>
    /// A JSON Lines file of at least <paramref name="bytes"/> bytes for the process-level measurements, written as a
    /// stream (never held in memory). Returns its path.
    /// </summary>
    public static string EnsureLarge(long bytes, TextWriter? log = null)
    {
        // The generator's bytes per record, measured on a sample, give the record count.
        using var sample = new MemoryStream();
        WriteLines(sample, DataGenerator.Info(20_000), new DataGenerator().Generate(20_000));
        int records = checked((int)Math.Ceiling(bytes / (sample.Length / 20_000.0)));
        string path = JsonLinesPath(records);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Folder);
            var started = System.Diagnostics.Stopwatch.StartNew();
            WriteAtomically(path, stream => WriteLines(stream, DataGenerator.Info(records), new DataGenerator().Generate(records)));
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {records:N0} records in {started.Elapsed.TotalSeconds:F1} s: {path} ({new FileInfo(path).Length:N0} bytes)"));
        }

        return path;
    }

    /// <summary>
    /// JSON Lines as <see cref="ConflictJsonSerializer.SerializeLines(Stream, Dataset)"/> writes them, but record by
    /// record in the order given, so that a dataset larger than memory can be written.
    /// </summary>
    public static void WriteLines(Stream stream, DatasetInfo info, IEnumerable<ConflictRecord> records)
    {
        ConflictJsonSerializer.SerializeLines(stream, new Dataset(info));
        byte[] buffer = new byte[4096];
        foreach (ConflictRecord record in records)
        {
            string line = ConflictJsonSerializer.SerializeRecord(record);
            int length = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (length > buffer.Length)
            {
                buffer = new byte[length];
            }

            stream.Write(buffer, 0, Encoding.UTF8.GetBytes(line, buffer));
            stream.Write(NewLine);
        }
    }

    private static string Stem(int records) => string.Create(CultureInfo.InvariantCulture, $"ged-like-v{DataGenerator.Version}-seed{DataGenerator.DefaultSeed}-{records}");

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

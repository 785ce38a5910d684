using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using ConflictModel.Benchmarks.Readers;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// <c>measure FILE [ours|stj|parallel] [--reps N]</c>: a quick in-process loop for working on the reader: reads the
/// file N times with one reader and prints the best time, records per second and bytes allocated per record. Not a
/// benchmark (no BenchmarkDotNet statistics); the suite is what docs/performance.md quotes.
/// </summary>
public static class Measure
{
    public static int Run(string path, string what, int reps, TextWriter output)
    {
        byte[] bytes = File.ReadAllBytes(path);
        DatasetFormat format = path.EndsWith(".jsonl", StringComparison.Ordinal) ? DatasetFormat.JsonLines : DatasetFormat.Document;
        int records = Math.Max(1, bytes.AsSpan().Count((byte)'\n') - (format == DatasetFormat.JsonLines ? 1 : 0));
        Func<object> read = what switch
        {
            "stj" => () => SourceGenLines.Read(bytes, workers: 1),
            "stj2" => () => SourceGenLines.Read(bytes, workers: 2),
            "scan" => () => TokenScan.Count(bytes),
            "parallel" => () => OurReader.ReadParallel(bytes, 2),
            _ => () => OurReader.Read(bytes, format),
        };

        double best = double.MaxValue;
        long allocated = 0;
        for (int i = 0; i < reps; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            int gen1 = GC.CollectionCount(1);
            var watch = Stopwatch.StartNew();
            object result = read();
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {Path.GetFileName(path)}: {watch.Elapsed.TotalMilliseconds:F0} ms, {allocated / (double)records:F0} B/record, gen1 {GC.CollectionCount(1) - gen1}"));
            GC.KeepAlive(result);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best {best * 1000:F0} ms = {records / best:N0} records/s, {allocated / (double)records:F0} B/record"));
        return 0;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ConflictModel.Benchmarks.Data;
using ConflictModel.Benchmarks.ProcessLevel;
using ConflictModel.Benchmarks.Suite;

namespace ConflictModel.Benchmarks;

/// <summary>
/// The benchmark program. With no mode, BenchmarkDotNet's own arguments (<c>--filter '*'</c>, <c>--list flat</c>, …)
/// run the suite; <c>--quick</c> runs every benchmark once in-process on the 1,000-record data, then the process-level
/// measurements on it, to prove they still run. Other modes: <c>process</c>, <c>calibrate</c>, <c>generate N…</c>,
/// <c>verify N…</c>, <c>ci [--sizes N,N] [--runs N]</c> (conflictmodel validate vs ajv vs our reader alone, and planted defects), <c>generate-large [--large-mb N]</c> (writes the large JSON Lines file once and prints its path), <c>validate-large [--large-mb N]</c>, <c>memory [--large-mb N] [--only TEXT]</c> (peak RSS of validate, stats, convert and import against the 400 MiB ceiling), <c>streaming-memory FILE [--per-rule]</c>, and the child modes <c>first-record</c>, <c>stream</c> and <c>load</c> (see docs/performance.md).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // The child modes come first and touch nothing else: their start-up time is measured.
        switch (args.FirstOrDefault())
        {
            case "first-record":
                return ChildModes.FirstRecord(args[1], ours: args.Contains("--ours"));
            case "stream":
                return args.Contains("--ours") ? ChildModes.StreamOurs(args[1]) : ChildModes.Stream(args[1]);
            case "load":
                return ChildModes.Load(args[1], ours: args.Contains("--ours"));
            default:
                break;
        }

        List<string> rest = [.. args];
        bool quick = Take(rest, "--quick");
        if (TakeValue(rest, "--sizes") is { } sizes)
        {
            Environment.SetEnvironmentVariable(SuiteSettings.SizesVariable, sizes);
        }
        else if (quick)
        {
            Environment.SetEnvironmentVariable(SuiteSettings.SizesVariable, string.Join(',', SuiteSettings.QuickSizes));
        }

        switch (rest.FirstOrDefault())
        {
            case "calibrate":
                return Calibration.Run(Console.Out);
            case "generate":
                foreach (int size in rest.Count > 1 ? rest.Skip(1).Select(Parse) : SuiteSettings.Sizes)
                {
                    DataFiles.Ensure(size, Console.Out);
                }

                return 0;
            case "verify":
                foreach (int size in rest.Count > 1 ? rest.Skip(1).Select(Parse) : SuiteSettings.Sizes)
                {
                    DataFiles.Ensure(size, Console.Out);
                    byte[] lines = File.ReadAllBytes(DataFiles.JsonLinesPath(size));
                    Readers.Verification.CheckLines(lines, int.MaxValue);
                    Readers.Verification.CheckDocument(File.ReadAllBytes(DataFiles.DocumentPath(size)), lines);
                    Console.WriteLine($"verified {size:N0} records: every reader reads the same records");
                }

                return 0;
            case "measure":
                rest.RemoveAt(0);
                int reps = TakeValue(rest, "--reps") is { } reps_ ? Parse(reps_) : 5;
                return Measure.Run(rest[0], rest.Count > 1 ? rest[1] : "ours", reps, Console.Out);
            case "rules":
                return RuleCosts.Run(rest.Count > 1 ? Parse(rest[1]) : 100_000, Console.Out);
            case "streaming-memory":
                if (rest.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is not { } memoryFile || !File.Exists(memoryFile))
                {
                    Console.Error.WriteLine("usage: streaming-memory FILE [--per-rule] [--trace N] [--watch N] (an existing JSON Lines or document file; --trace samples the live heap every N records, --watch the working set and the collector without forcing a collection)");
                    return 2;
                }

                int traceEvery = TakeValue(rest, "--trace") is { } te ? Parse(te) : 0;
                int watchEvery = TakeValue(rest, "--watch") is { } we ? Parse(we) : 0;
                return StreamingMemory.Run(memoryFile, rest.Contains("--per-rule"), traceEvery, watchEvery, Console.Out);
            case "ci":
                rest.RemoveAt(0);
                int ciRuns = TakeValue(rest, "--runs") is { } cr ? Parse(cr) : 3;
                IReadOnlyList<int> ciSizes = Environment.GetEnvironmentVariable(SuiteSettings.SizesVariable) is { Length: > 0 } cs && !quick
                    ? [.. cs.Split(',').Select(Parse)]
                    : quick ? [SuiteSettings.QuickSizes.Min()] : [100_000, 1_000_000];
                return AjvComparison.Run(ciSizes, quick ? 1 : ciRuns, Console.Out);
            case "generate-large":
                rest.RemoveAt(0);
                Console.WriteLine(DataFiles.EnsureLarge((long)(TakeValue(rest, "--large-mb") is { } gmb ? Parse(gmb) : 1000) * 1_000_000, Console.Out));
                return 0;
            case "memory":
                rest.RemoveAt(0);
                long memoryBytes = (long)(TakeValue(rest, "--large-mb") is { } mmb ? Parse(mmb) : 1000) * 1_000_000;
                return MemoryCeilings.Run(memoryBytes, TakeValue(rest, "--only"), Console.Out);
            case "validate-large":
                rest.RemoveAt(0);
                long validateBytes = (long)(TakeValue(rest, "--large-mb") is { } vmb ? Parse(vmb) : 1000) * 1_000_000;
                return ProcessSuite.ValidateLarge(validateBytes, Console.Out);
            case "process":
                rest.RemoveAt(0);
                long largeBytes = (long)(TakeValue(rest, "--large-mb") is { } mb ? Parse(mb) : 1000) * 1_000_000;
                int runs = TakeValue(rest, "--runs") is { } r ? Parse(r) : quick ? 3 : 20;
                return ProcessSuite.Run(quick, largeBytes, runs, Console.Out);
            default:
                if (quick)
                {
                    int status = SuiteRunner.Run(rest.ToArray(), quick: true);
                    status = status != 0 ? status : ProcessSuite.Run(quick: true, largeBytes: 0, runs: 3, Console.Out);
                    return status != 0 ? status : StreamingMemory.Run(DataFiles.JsonLinesPath(SuiteSettings.Sizes.Min()), perRule: false, Console.Out);
                }

                int warmups = TakeValue(rest, "--warmups") is { } w ? Parse(w) : 3;
                int iterations = TakeValue(rest, "--iterations") is { } n ? Parse(n) : 5;
                bool inProcess = Take(rest, "--in-process");
                return SuiteRunner.Run(rest.ToArray(), quick: false, warmups, iterations, inProcess);
        }
    }

    private static int Parse(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static bool Take(List<string> args, string flag) => args.Remove(flag);

    private static string? TakeValue(List<string> args, string option)
    {
        int at = args.IndexOf(option);
        if (at < 0 || at == args.Count - 1)
        {
            return null;
        }

        string value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }
}

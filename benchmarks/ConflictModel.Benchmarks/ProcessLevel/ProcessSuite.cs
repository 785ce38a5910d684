using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ConflictModel.Benchmarks.Data;
using ConflictModel.Benchmarks.Suite;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The <c>process</c> mode: what BenchmarkDotNet cannot measure from inside one process. Each measurement is a fresh
/// process (this program in a child mode, or the conflictmodel tool), timed from outside, its peak resident set
/// taken by <c>/usr/bin/time -v</c> (Debian package <c>time</c>) and by the child's own /proc VmHWM:
/// <list type="bullet">
/// <item>first record: wall time from starting the process to its first line of output, the first record read;</item>
/// <item>streaming: every record of each file read and dropped; peak working set and allocation per record as the
/// file grows, up to a file of about 1 GB;</item>
/// <item>loading: the memory a fully loaded dataset keeps, against its file's size;</item>
/// <item>the tool end to end: <c>conflictmodel convert</c> of the largest JSON Lines file.</item>
/// </list>
/// </summary>
public static class ProcessSuite
{
    internal const string TimePath = "/usr/bin/time";

    public static int Run(bool quick, long largeBytes, int runs, TextWriter output)
    {
        IReadOnlyList<int> sizes = SuiteSettings.Sizes;
        foreach (int size in sizes)
        {
            DataFiles.Ensure(size, output);
        }

        string large = quick ? DataFiles.JsonLinesPath(sizes.Max()) : DataFiles.EnsureLarge(largeBytes, output);
        bool haveTime = File.Exists(TimePath);
        var report = new List<string>
        {
            $"Machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; /usr/bin/time: {(haveTime ? "yes" : "missing (apt-get install time); peak RSS from /proc VmHWM only")}",
            string.Empty,
        };

        // First record in a fresh process, with each reader.
        report.Add($"### First record in a fresh process ({runs} runs each, {Path.GetFileName(large)}, {Mb(new FileInfo(large).Length)})");
        report.Add(string.Empty);
        report.Add("| reader | process start to first record printed (wall, parent's clock): median | min | max | process start to exit: median | child's own clock, OS start time to first record: median |");
        report.Add("|---|---|---|---|---|---|");
        foreach ((string name, string[] extra) in new[] { ("STJ source-gen (DeserializeLines header + DeserializeRecord)", Array.Empty<string>()), ("our reader (DatasetReader.ReadUtf8 on the first two lines)", new[] { "--ours" }) })
        {
            var firstLine = new List<double>();
            var exited = new List<double>();
            var inProcess = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                (double first, double total, string line) = TimeFirstLine(Self(["first-record", large, .. extra]));
                firstLine.Add(first);
                exited.Add(total);
                inProcess.Add(double.Parse(Value(line, "in_process_ms"), CultureInfo.InvariantCulture));
            }

            report.Add($"| {name} | {Ms(Median(firstLine))} | {Ms(firstLine.Min())} | {Ms(firstLine.Max())} | {Ms(Median(exited))} | {Ms(Median(inProcess))} |");
        }

        report.Add(string.Empty);

        // Streaming, as the file grows.
        foreach ((string title, string[] extra) in new[]
        {
            ("DeserializeRecord per line, nothing kept, 64 KiB buffer", Array.Empty<string>()),
            ("our reader: DatasetReader.OpenRecords, every record and its diagnostics, nothing kept", new[] { "--ours" }),
        })
        {
            report.Add($"### Streaming read ({title})");
            report.Add(string.Empty);
            report.Add("| file | bytes | records | records/s | allocated per record | peak RSS (/usr/bin/time) | peak RSS (VmHWM) |");
            report.Add("|---|---|---|---|---|---|---|");
            foreach (string file in sizes.Select(DataFiles.JsonLinesPath).Append(large).Distinct())
            {
                (string line, long? rss) = Measured(Self(["stream", file, .. extra]), haveTime);
                report.Add($"| {Path.GetFileName(file)} | {Mb(long.Parse(Value(line, "bytes"), CultureInfo.InvariantCulture))} | {N(Value(line, "records"))} | {N(Value(line, "records_per_s"))} | {Value(line, "alloc_per_record")} B | {Kib(rss)} | {Kib(long.Parse(Value(line, "peak_rss_kib"), CultureInfo.InvariantCulture))} |");
            }

            report.Add(string.Empty);
        }

        // Loading whole datasets.
        report.Add("### Whole dataset loaded, memory it keeps");
        report.Add(string.Empty);
        report.Add("| reader | file | file size | records | retained after full GC | retained / file size | load time | peak RSS (/usr/bin/time) |");
        report.Add("|---|---|---|---|---|---|---|---|");
        foreach (int size in sizes)
        {
            foreach (string file in new[] { DataFiles.JsonLinesPath(size), DataFiles.DocumentPath(size) })
            {
                foreach ((string name, string[] extra) in new[] { ("STJ DeserializeLines / Deserialize", Array.Empty<string>()), ("our reader (DatasetReadResult kept)", new[] { "--ours" }) })
                {
                    (string line, long? rss) = Measured(Self(["load", file, .. extra]), haveTime);
                    report.Add($"| {name} | {Path.GetFileName(file)} | {Mb(long.Parse(Value(line, "file_bytes"), CultureInfo.InvariantCulture))} | {N(Value(line, "records"))} | {Mb(long.Parse(Value(line, "retained_bytes"), CultureInfo.InvariantCulture))} | {Value(line, "retained_over_file")} | {Value(line, "seconds")} s | {Kib(rss)} |");
                }
            }
        }

        report.Add(string.Empty);

        // The tool end to end.
        string input = DataFiles.JsonLinesPath(sizes.Max());
        string converted = Path.Combine(Path.GetTempPath(), $"conflictmodel-process-{Environment.ProcessId}.json");
        try
        {
            var clock = Stopwatch.StartNew();
            (_, long? cliRss) = Measured(["dotnet", Suite.CliEndToEnd.FindCli(), "convert", input, "-o", converted], haveTime);
            report.Add($"### conflictmodel convert {Path.GetFileName(input)} -o out.json (one process, start-up included)");
            report.Add(string.Empty);
            report.Add("| input | wall time | peak RSS (/usr/bin/time) |");
            report.Add("|---|---|---|");
            report.Add($"| {Mb(new FileInfo(input).Length)} | {clock.Elapsed.TotalSeconds:F2} s | {Kib(cliRss)} |");
        }
        finally
        {
            File.Delete(converted);
        }

        string text = string.Join('\n', report) + "\n";
        output.Write(text);
        string folder = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, quick ? "process-level-quick.md" : "process-level.md"), text);
        return 0;
    }

    /// <summary>
    /// The <c>validate-large</c> mode: <c>conflictmodel validate</c> (streaming JSON Lines) on the suite's files and on
    /// a generated file of about <paramref name="largeBytes"/> bytes, each in a fresh process under
    /// <c>/usr/bin/time -v</c>: wall time and peak resident set, so that memory can be seen not to grow with the file.
    /// The report goes to BenchmarkDotNet.Artifacts/results/validate-large.md.
    /// </summary>
    public static int ValidateLarge(long largeBytes, TextWriter output)
    {
        var files = new List<string>();
        foreach (int size in SuiteSettings.Sizes)
        {
            DataFiles.Ensure(size, output);
            files.Add(DataFiles.JsonLinesPath(size));
        }

        files.Add(DataFiles.EnsureLarge(largeBytes, output));
        bool haveTime = File.Exists(TimePath);
        string cli = Suite.CliEndToEnd.FindCli();
        var report = new List<string>
        {
            $"Machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; CLI: {cli}",
            string.Empty,
            "### conflictmodel validate, JSON Lines streamed (one fresh process each, start-up included; every rule on, default configuration)",
            string.Empty,
            "| file | bytes | wall time | MB/s | peak RSS (/usr/bin/time) | diagnostics line |",
            "|---|---|---|---|---|---|",
        };
        string reportFile = Path.Combine(Path.GetTempPath(), $"conflictmodel-validate-{Environment.ProcessId}.txt");
        try
        {
            foreach (string file in files.Distinct())
            {
                var clock = Stopwatch.StartNew();
                (_, long? rss) = Measured(["dotnet", cli, "validate", file, "--max-diagnostics", "10", "-o", reportFile], haveTime, allowFailure: true);
                double seconds = clock.Elapsed.TotalSeconds;
                long bytes = new FileInfo(file).Length;
                string summary = File.ReadLines(reportFile).LastOrDefault(l => l.Contains("error", StringComparison.Ordinal) || l.Contains("warning", StringComparison.Ordinal)) ?? string.Empty;
                report.Add($"| {Path.GetFileName(file)} | {Mb(bytes)} | {seconds:F1} s | {bytes / 1e6 / seconds:F1} | {Kib(rss)} | {summary.Replace("|", "/", StringComparison.Ordinal)} |");
                output.WriteLine(report[^1]);
            }
        }
        finally
        {
            File.Delete(reportFile);
        }

        string text = string.Join('\n', report) + "\n";
        output.Write(text);
        string folder = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "validate-large.md"), text);
        return 0;
    }

    /// <summary>This program as a child process (its apphost where there is one, else dotnet and the assembly).</summary>
    internal static string[] Self(string[] arguments)
    {
        string appHost = Path.Combine(AppContext.BaseDirectory, "ConflictModel.Benchmarks");
        return File.Exists(appHost)
            ? [appHost, .. arguments]
            : ["dotnet", typeof(ProcessSuite).Assembly.Location, .. arguments];
    }

    private static (double FirstLineMs, double ExitMs, string Line) TimeFirstLine(string[] command)
    {
        ProcessStartInfo start = Start(command);
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        string line = process.StandardOutput.ReadLine() ?? string.Empty;
        double first = clock.Elapsed.TotalMilliseconds;
        string rest = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        double total = clock.Elapsed.TotalMilliseconds;
        return process.ExitCode == 0 && line.Length > 0
            ? (first, total, line)
            : throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {line}{rest}{error}");
    }

    /// <summary>Runs a command to its end, under /usr/bin/time -v when there is one; its first output line and peak RSS.</summary>
    internal static (string Line, long? PeakRssKib) Measured(string[] command, bool haveTime, bool allowFailure = false)
    {
        (string line, long? rss, _) = MeasuredWithCpu(command, haveTime, allowFailure);
        return (line, rss);
    }

    /// <summary>
    /// As <see cref="Measured"/>, with the CPU time the process and its children used (user + system, all threads, from
    /// /usr/bin/time): on a machine other jobs share, a steadier measure of work than the wall time.
    /// </summary>
    internal static (string Line, long? PeakRssKib, double? CpuSeconds) MeasuredWithCpu(string[] command, bool haveTime, bool allowFailure = false)
    {
        ProcessStartInfo start = Start(haveTime ? [TimePath, "-v", .. command] : command);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !(allowFailure && process.ExitCode == 1))
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {text}{error.Result}");
        }

        long? rss = null;
        double? cpu = null;
        foreach (string line in error.Result.Split('\n'))
        {
            const string Key = "Maximum resident set size (kbytes):";
            string trimmed = line.Trim();
            if (trimmed.StartsWith(Key, StringComparison.Ordinal))
            {
                rss = long.Parse(trimmed[Key.Length..].Trim(), CultureInfo.InvariantCulture);
            }

            foreach (string key in new[] { "User time (seconds):", "System time (seconds):" })
            {
                if (trimmed.StartsWith(key, StringComparison.Ordinal))
                {
                    cpu = (cpu ?? 0) + double.Parse(trimmed[key.Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }

        return (text.Split('\n')[0], rss, cpu);
    }

    private static ProcessStartInfo Start(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private static string Value(string line, string key)
    {
        foreach (string pair in line.Split(' '))
        {
            if (pair.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return pair[(key.Length + 1)..];
            }
        }

        throw new InvalidOperationException($"No {key} in: {line}");
    }

    internal static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    internal static string Mb(long bytes) => (bytes / 1e6).ToString(bytes < 10_000_000 ? "F2" : "F0", CultureInfo.InvariantCulture) + " MB";

    internal static string Kib(long? kib) => kib is { } k and >= 0 ? (k / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB" : "-";

    private static string N(string number) => long.Parse(number, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
}

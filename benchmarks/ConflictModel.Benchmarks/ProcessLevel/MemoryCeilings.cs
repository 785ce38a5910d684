using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using ConflictModel.Benchmarks.Data;
using ConflictModel.Benchmarks.Suite;
using Microsoft.Win32.SafeHandles;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The <c>memory [--large-mb N] [--only TEXT]</c> mode: the memory ceiling of issue 18 (every command at most
/// <see cref="CeilingMib"/> MiB of resident memory whatever its input). Runs <c>conflictmodel validate</c>,
/// <c>stats</c>, <c>convert</c> and <c>import</c> as fresh processes on the large generated file in both forms, on
/// two gzip bombs and with their output going to standard output (a pipe this program drains and counts), and reads
/// each one's peak resident set from the kernel: the child is started with <c>posix_spawnp</c> and reaped with
/// <c>wait4</c>, whose <c>rusage.ru_maxrss</c> is that process's own high-water mark (what <c>/usr/bin/time -v</c>
/// prints, without needing that package). Writes BenchmarkDotNet.Artifacts/results/memory.md. Linux only.
/// </summary>
public static class MemoryCeilings
{
    /// <summary>The documented ceiling (docs/reliability.md, "Memory ceilings").</summary>
    public const int CeilingMib = 400;

    public static int Run(long largeBytes, string? only, TextWriter output)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("memory: Linux only (posix_spawnp and wait4's ru_maxrss)");
            return 2;
        }

        string cli = CliEndToEnd.FindCli();
        string lines = DataFiles.EnsureLarge(largeBytes, output);
        string document = Path.ChangeExtension(lines, ".json");
        string scratch = Directory.CreateTempSubdirectory("conflictmodel-memory-").FullName;
        var rows = new List<string>();
        var report = new List<string>
        {
            $"Machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {TotalMemory()} RAM, .NET {Environment.Version}; CLI: {cli}",
            $"Load average at start: {LoadAverage()}",
            string.Empty,
            $"### Peak resident set of each command (one fresh process each, wait4 ru_maxrss; ceiling {CeilingMib} MiB)",
            string.Empty,
            "| command | input | output | exit | wall time | CPU (user+sys) | output bytes | peak RSS | within ceiling | last line on standard error |",
            "|---|---|---|---:|---:|---:|---:|---:|---|---|",
        };

        void Measure(string input, string outputName, params string[] arguments)
        {
            string shown = "conflictmodel " + string.Join(' ', arguments.Select(a => a == input ? Path.GetFileName(a) : a.StartsWith(scratch, StringComparison.Ordinal) ? Path.GetFileName(a) : a == document ? Path.GetFileName(a) : a));
            if (only is not null && !shown.Contains(only, StringComparison.Ordinal))
            {
                return;
            }

            output.WriteLine($"running: {shown}");
            Result result = Spawn(["dotnet", cli, .. arguments], scratch);
            string size = File.Exists(input) ? Mb(new FileInfo(input).Length) : input;
            string row = string.Create(CultureInfo.InvariantCulture, $"| `{shown}` | {Path.GetFileName(input)} ({size}) | {outputName} | {result.Exit} | {result.Wall.TotalSeconds:F1} s | {result.Cpu.TotalSeconds:F1} s | {result.OutputBytes:N0} | {result.PeakRssKib / 1024.0:F0} MiB | {(result.PeakRssKib <= CeilingMib * 1024L ? "yes" : "**no**")} | {Clip(result.LastError)} |");
            rows.Add(row);
            output.WriteLine(row);
        }

        try
        {
            // The document form of the large file: made by the tool itself, which is one of the measurements.
            if (!File.Exists(document))
            {
                string partial = Path.Combine(scratch, Path.GetFileName(document));
                Measure(lines, "a file (.json)", "convert", lines, "-o", partial);
                File.Move(partial, document);
            }
            else
            {
                Measure(lines, "a file (.json)", "convert", lines, "-o", Path.Combine(scratch, "converted.json"));
                File.Delete(Path.Combine(scratch, "converted.json"));
            }

            foreach (string input in new[] { lines, document })
            {
                Measure(input, "report to stdout", "validate", input, "--max-diagnostics", "20");
                Measure(input, "summary to stdout", "stats", input);
                Measure(input, "stdout (pipe)", "convert", input, "--to", input == lines ? "json" : "jsonl");
            }

            Measure(document, "a file (.jsonl)", "convert", document, "-o", Path.Combine(scratch, "converted.jsonl"));
            File.Delete(Path.Combine(scratch, "converted.jsonl"));

            // A GED CSV of the large file's events, for the importer.
            string csv = Path.Combine(scratch, "ged-like.csv");
            Measure(lines, "a file (.csv)", "export", "ucdp-ged", lines, "-o", csv);
            if (File.Exists(csv))
            {
                Measure(csv, "stdout (pipe)", "import", "ucdp-ged", csv);
                Measure(csv, "a file (.json)", "import", "ucdp-ged", csv, "-o", Path.Combine(scratch, "imported.json"));
                File.Delete(Path.Combine(scratch, "imported.json"));
                File.Delete(csv);
            }

            // The bombs of issue 18: 10 GiB of zeros, and a JSON document of one actor repeated (4 GiB); with --only,
            // only when it names a .gz input.
            if (only is null || only.Contains(".gz", StringComparison.Ordinal))
            {
                string zeros = Path.Combine(scratch, "zeros-10GiB.jsonl.gz");
                WriteBomb(zeros, 10L << 30, "\0"u8.ToArray(), [], []);
                string actors = Path.Combine(scratch, "actors-4GiB.json.gz");
                WriteBomb(
                    actors,
                    4L << 30,
                    """{"id":"a1","kind":"armedGroup","name":"Repeated actor of a decompression bomb","aliases":["one","two"]},"""u8.ToArray(),
                    """{"formatVersion":"1.0","info":{"title":"bomb"},"actors":["""u8.ToArray(),
                    """{"id":"a0","kind":"state","name":"Last"}]}"""u8.ToArray());
                foreach (string bomb in new[] { zeros, actors })
                {
                    Measure(bomb, "report to stdout", "validate", bomb);
                    Measure(bomb, "summary to stdout", "stats", bomb);
                    Measure(bomb, "stdout (pipe)", "convert", bomb, "--to", bomb == zeros ? "json" : "jsonl");
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
            report.AddRange(rows);
        }

        report.Add(string.Empty);
        report.Add($"Load average at end: {LoadAverage()}");
        string text = string.Join('\n', report) + "\n";
        output.Write(text);
        string folder = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "memory.md"), text);
        return 0;
    }

    /// <summary>Writes <paramref name="head"/>, <paramref name="unit"/> repeated to about <paramref name="bytes"/>, then <paramref name="tail"/>, gzip-compressed.</summary>
    private static void WriteBomb(string path, long bytes, byte[] unit, byte[] head, byte[] tail)
    {
        byte[] block = new byte[1 << 20];
        int per = block.Length / unit.Length;
        for (int i = 0; i < per; i++)
        {
            unit.CopyTo(block, i * unit.Length);
        }

        int blockLength = per * unit.Length;
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var zip = new GZipStream(file, CompressionLevel.Optimal);
        zip.Write(head);
        for (long written = 0; written < bytes; written += blockLength)
        {
            zip.Write(block, 0, blockLength);
        }

        zip.Write(tail);
    }

    private sealed record Result(int Exit, TimeSpan Wall, TimeSpan Cpu, long PeakRssKib, long OutputBytes, string LastError);

    /// <summary>
    /// Starts a command with posix_spawnp (standard input /dev/null, standard output a pipe drained and counted here,
    /// standard error a file) and reaps it with wait4 for its own rusage.
    /// </summary>
    private static Result Spawn(string[] command, string scratch)
    {
        string errorPath = Path.Combine(scratch, "stderr.txt");
        int[] pipe = new int[2];
        if (Native.pipe2(pipe, Native.OCloexec) != 0)
        {
            throw new InvalidOperationException("pipe2 failed: errno " + Marshal.GetLastPInvokeError());
        }

        IntPtr actions = Marshal.AllocHGlobal(256);
        IntPtr usage = Marshal.AllocHGlobal(256);
        var strings = new List<IntPtr>();
        try
        {
            Check(Native.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(Native.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", Native.ORdonly, 0), "addopen stdin");
            Check(Native.posix_spawn_file_actions_adddup2(actions, pipe[1], 1), "adddup2 stdout");
            Check(Native.posix_spawn_file_actions_addopen(actions, 2, errorPath, Native.OWronly | Native.OCreat | Native.OTrunc, Convert.ToUInt32("644", 8)), "addopen stderr");
            IntPtr[] argv = Terminated(command, strings);
            IntPtr[] envp = Terminated(
                [.. Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                    .Select(e => $"{e.Key}={e.Value}")
                    .Where(e => !e.StartsWith("DOTNET_CLI_TELEMETRY_OPTOUT=", StringComparison.Ordinal)),
                 "DOTNET_CLI_TELEMETRY_OPTOUT=1"],
                strings);
            var clock = Stopwatch.StartNew();
            Check(Native.posix_spawnp(out int pid, command[0], actions, IntPtr.Zero, argv, envp), "posix_spawnp " + command[0]);
            _ = Native.close(pipe[1]);
            pipe[1] = -1;
            long outputBytes = 0;
            var drain = new Thread(() =>
            {
                using var stream = new FileStream(new SafeFileHandle(pipe[0], ownsHandle: true), FileAccess.Read, 1);
                pipe[0] = -1;
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    outputBytes += read;
                }
            });
            drain.Start();
            int status;
            while (Native.wait4(pid, out status, 0, usage) < 0)
            {
                if (Marshal.GetLastPInvokeError() != 4)
                {
                    throw new InvalidOperationException("wait4 failed: errno " + Marshal.GetLastPInvokeError());
                }
            }

            drain.Join();
            TimeSpan wall = clock.Elapsed;
            TimeSpan cpu = TimeVal(usage, 0) + TimeVal(usage, 16);
            long maxRssKib = Marshal.ReadInt64(usage, 32);
            int exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            string lastError = File.ReadLines(errorPath).LastOrDefault(l => l.Length > 0) ?? string.Empty;
            return new Result(exit, wall, cpu, maxRssKib, outputBytes, lastError);
        }
        finally
        {
            foreach (int fd in pipe.Where(fd => fd >= 0))
            {
                _ = Native.close(fd);
            }

            _ = Native.posix_spawn_file_actions_destroy(actions);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(usage);
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    private static TimeSpan TimeVal(IntPtr usage, int offset)
        => TimeSpan.FromSeconds(Marshal.ReadInt64(usage, offset)) + TimeSpan.FromMicroseconds(Marshal.ReadInt64(usage, offset + 8));

    private static IntPtr[] Terminated(string[] values, List<IntPtr> strings)
    {
        var pointers = new IntPtr[values.Length + 1];
        for (int i = 0; i < values.Length; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            strings.Add(pointers[i]);
        }

        return pointers;
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result}");
        }
    }

    private static string Clip(string text)
    {
        var clean = new StringBuilder();
        foreach (char c in text.Length > 140 ? text[..140] + "…" : text)
        {
            clean.Append(c == '|' ? '/' : char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "-";

    private static string TotalMemory()
    {
        string? line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? "?" : string.Create(CultureInfo.InvariantCulture, $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0:F0} GiB");
    }

    private static class Native
    {
        public const int ORdonly = 0;
        public const int OWronly = 1;
        public const int OCreat = 0x40;
        public const int OTrunc = 0x200;
        public const int OCloexec = 0x80000;

        [DllImport("libc", SetLastError = true)]
        public static extern int pipe2(int[] fds, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc")]
        public static extern int posix_spawn_file_actions_init(IntPtr actions);

        [DllImport("libc")]
        public static extern int posix_spawn_file_actions_destroy(IntPtr actions);

        [DllImport("libc")]
        public static extern int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

        [DllImport("libc")]
        public static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mode);

        [DllImport("libc")]
        public static extern int posix_spawnp(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string file, IntPtr actions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

        [DllImport("libc", SetLastError = true)]
        public static extern int wait4(int pid, out int status, int options, IntPtr usage);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConflictModel.Benchmarks.Data;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The <c>ci</c> mode: <c>conflictmodel validate</c> against the tool a JavaScript team would put in CI instead —
/// ajv 8 checking each JSON line against the project's own schema entry for its <c>type</c>
/// (benchmarks/ajv/validate-lines.mjs, installed with <c>npm ci</c> from the committed lock file) — and our streaming
/// reader alone, each a fresh process under <c>/usr/bin/time -v</c>, run in alternation on the same generated files so
/// that load on the machine falls on all three alike. Then both tools on a copy of the 100k file with eleven planted
/// defects, counting which each finds. The report goes to BenchmarkDotNet.Artifacts/results/ci.md.
/// </summary>
public static partial class AjvComparison
{
    public static int Run(IReadOnlyList<int> sizes, int runs, TextWriter output)
    {
        if (!File.Exists(ProcessSuite.TimePath))
        {
            output.WriteLine("ci needs /usr/bin/time for peak memory (apt-get install time).");
            return 2;
        }

        string folder = Repository.Path("benchmarks", "ajv");
        Run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], folder);
        string schema = Repository.Path("schemas", "conflictmodel.schema.json");
        string script = Path.Combine(folder, "validate-lines.mjs");
        string cli = Suite.CliEndToEnd.FindCli();
        string report = Path.Combine(Path.GetTempPath(), $"conflictmodel-ci-{Environment.ProcessId}.txt");
        var lines = new List<string>
        {
            $"Machine: {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; node {Run(["node", "--version"], folder).Trim()}; CLI: {cli}",
            $"Load average at start: {LoadAverage()}",
            string.Empty,
            $"### conflictmodel validate vs ajv vs our reader alone (JSON Lines, {runs} runs each in alternation after one warm-up; medians; one fresh process each, start-up included)",
            string.Empty,
            "| records | file | conflictmodel validate | ajv (per-type schema) | our reader alone | validate / ajv | validate / reader | peak RSS validate | peak RSS ajv | peak RSS reader | CPU (user + sys) validate / ajv / reader | CPU validate / ajv | CPU validate / reader |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        try
        {
            foreach (int size in sizes)
            {
                DataFiles.Ensure(size, output);
                string file = DataFiles.JsonLinesPath(size);
                var commands = new (string Name, string[] Command)[]
                {
                    ("validate", ["dotnet", cli, "validate", file, "-o", report]),
                    ("ajv", ["node", script, schema, file]),
                    ("reader", ProcessSuite.Self(["stream", file, "--ours"])),
                };
                var times = commands.ToDictionary(c => c.Name, _ => new List<double>());
                var peaks = commands.ToDictionary(c => c.Name, _ => new List<double>());
                var cpus = commands.ToDictionary(c => c.Name, _ => new List<double>());
                for (int run = -1; run < runs; run++)
                {
                    foreach ((string name, string[] command) in commands)
                    {
                        var clock = Stopwatch.StartNew();
                        (_, long? rss, double? cpu) = ProcessSuite.MeasuredWithCpu(command, haveTime: true, allowFailure: true);
                        double seconds = clock.Elapsed.TotalSeconds;
                        if (run >= 0)
                        {
                            times[name].Add(seconds);
                            peaks[name].Add(rss ?? -1);
                            cpus[name].Add(cpu ?? double.NaN);
                        }

                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size:N0} {name} run {run}: {seconds:F2} s, {cpu:F2} s CPU, {ProcessSuite.Kib(rss)}, load {LoadAverage()}"));
                    }
                }

                double validate = ProcessSuite.Median(times["validate"]), ajv = ProcessSuite.Median(times["ajv"]), reader = ProcessSuite.Median(times["reader"]);
                double validateCpu = ProcessSuite.Median(cpus["validate"]), ajvCpu = ProcessSuite.Median(cpus["ajv"]), readerCpu = ProcessSuite.Median(cpus["reader"]);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {size:N0} | {ProcessSuite.Mb(new FileInfo(file).Length)} | {validate:F2} s | {ajv:F2} s | {reader:F2} s | {validate / ajv:F2}x | {validate / reader:F2}x | {ProcessSuite.Kib((long)ProcessSuite.Median(peaks["validate"]))} | {ProcessSuite.Kib((long)ProcessSuite.Median(peaks["ajv"]))} | {ProcessSuite.Kib((long)ProcessSuite.Median(peaks["reader"]))} | {validateCpu:F2} / {ajvCpu:F2} / {readerCpu:F2} s | {validateCpu / ajvCpu:F2}x | {validateCpu / readerCpu:F2}x |"));
                output.WriteLine(lines[^1]);
            }

            lines.Add(string.Empty);
            lines.AddRange(PlantedDefects(cli, script, schema, report, output));
            lines.Add(string.Empty);
            lines.Add($"Load average at end: {LoadAverage()}");
        }
        finally
        {
            File.Delete(report);
        }

        string text = string.Join('\n', lines) + "\n";
        output.Write(text);
        string results = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "ci.md"), text);
        return 0;
    }

    /// <summary>
    /// Both tools on a copy of the 100k-record file with eleven defects planted on known lines; a defect counts as
    /// found when the tool names its line (ajv: an invalid line; ours: a diagnostic of any severity on it whose id that line did
    /// not have before planting, --max-diagnostics raised so that no cap hides one).
    /// </summary>
    private static List<string> PlantedDefects(string cli, string script, string schema, string report, TextWriter output)
    {
        int size = 100_000;
        DataFiles.Ensure(size, output);
        string planted = Path.Combine(Path.GetTempPath(), $"conflictmodel-planted-{Environment.ProcessId}.jsonl");
        try
        {
            List<(int Line, string Defect)> defects = Plant(DataFiles.JsonLinesPath(size), planted);
            (string ajvLine, _) = ProcessSuite.Measured(["node", script, schema, planted], haveTime: false, allowFailure: true);
            HashSet<int> ajvLines = [.. JsonDocument.Parse(ajvLine).RootElement.GetProperty("invalidLines").EnumerateArray().Select(e => e.GetInt32())];
            // A defect counts as found by us only through an id its line did not have in the file before planting:
            // lines stay where they were, so the original file's diagnostics on the same line are the baseline.
            Dictionary<int, HashSet<string>> before = OurDiagnostics(cli, DataFiles.JsonLinesPath(size), report);
            Dictionary<int, HashSet<string>> after = OurDiagnostics(cli, planted, report);
            var ourLines = new Dictionary<int, List<string>>();
            foreach ((int line, HashSet<string> ids) in after)
            {
                List<string> added = [.. ids.Where(id => !before.TryGetValue(line, out HashSet<string>? earlier) || !earlier.Contains(id)).Order(StringComparer.Ordinal)];
                if (added.Count > 0)
                {
                    ourLines[line] = added;
                }
            }

            var lines = new List<string>
            {
                $"### Planted defects ({defects.Count}, one per line, in a copy of the {size:N0}-record file)",
                string.Empty,
                "| line | defect | conflictmodel validate | ajv |",
                "|---|---|---|---|",
            };
            foreach ((int line, string defect) in defects)
            {
                string ours = ourLines.TryGetValue(line, out List<string>? ids) ? "found (" + string.Join(", ", ids) + ")" : "missed";
                lines.Add($"| {line} | {defect} | {ours} | {(ajvLines.Contains(line) ? "found" : "missed")} |");
            }

            lines.Add($"| | **total** | **{defects.Count(d => ourLines.ContainsKey(d.Line))} of {defects.Count}** | **{defects.Count(d => ajvLines.Contains(d.Line))} of {defects.Count}** |");
            return lines;
        }
        finally
        {
            File.Delete(planted);
        }
    }

    /// <summary>Copies the file, planting each defect on the first suitable line after line 100 that no other defect took.</summary>
    private static List<(int Line, string Defect)> Plant(string from, string to)
    {
        var plans = new List<(string Defect, string Type, Func<string, string?> Change)>
        {
            ("unknown actor kind", "actor", l => Regex.Replace(l, "\"kind\":\"[^\"]*\"", "\"kind\":\"stat\"")),
            ("required member missing (population)", "casualtyEstimate", l => Swap(l, "\"population\":\"killed\",", string.Empty)),
            ("wrong JSON type (best as a string)", "casualtyEstimate", l => ReplaceNumber(l, "best", n => $"\"{n}\"")),
            ("negative count", "casualtyEstimate", l => ReplaceNumber(l, "low", _ => "-600000")),
            ("impossible date (30 February)", "event", l => Regex.Replace(l, "\"date\":\"[^\"]*\"", "\"date\":\"2023-02-30\"")),
            ("dangling reference (estimate of a missing event)", "casualtyEstimate", l => Regex.Replace(l, "\"event\":\"[^\"]*\"", "\"event\":\"ged-no-such-event\"")),
            ("duplicate id (an event repeats the previous event's id)", "event", null!),
            ("best figure outside its bounds", "casualtyEstimate", l => l.Contains("\"figure\":{\"best\":", StringComparison.Ordinal) ? Regex.Replace(l, "\"figure\":\\{[^}]*\\}", "\"figure\":{\"best\":50,\"low\":2,\"high\":3}") : null),
            ("interval ending before it starts", "event", l => Regex.Replace(l, "\"date\":\"[^\"]*\"", "\"date\":\"2015-05-24/2015-05-20\"")),
            ("unknown country code", "event", l => Swap(l, "\"country\":\"CAF\"", "\"country\":\"PAC\"")),
            ("truncated line (malformed JSON)", "source", l => l[..(l.Length / 2)]),
        };

        var defects = new List<(int Line, string Defect)>();
        using var writer = new StreamWriter(to, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        int number = 0, next = 0;
        string? lastEventId = null;
        foreach (string line in File.ReadLines(from))
        {
            number++;
            string written = line;
            string? type = Regex.Match(line, "^\\{\"type\":\"(?<t>[A-Za-z]+)\"").Groups["t"].Value;
            string? id = Regex.Match(line, "\"id\":\"(?<id>[^\"]+)\"").Groups["id"].Value;
            if (number > 100 && next < plans.Count && type == plans[next].Type && (number - defects.LastOrDefault().Line) > 50)
            {
                string? changed = plans[next].Change is null
                    ? (lastEventId is null ? null : line.Replace($"\"id\":\"{id}\"", $"\"id\":\"{lastEventId}\"", StringComparison.Ordinal))
                    : plans[next].Change(line);
                if (changed is not null && changed != line)
                {
                    written = changed;
                    defects.Add((number, plans[next].Defect));
                    next++;
                }
            }

            if (type == "event")
            {
                lastEventId = id;
            }

            writer.WriteLine(written);
        }

        return next == plans.Count ? defects : throw new InvalidOperationException($"Planted only {next} of {plans.Count} defects: no line for '{plans[next].Defect}'.");
    }

    /// <summary>Runs <c>conflictmodel validate</c> on a file; the ids of its diagnostics, by line.</summary>
    private static Dictionary<int, HashSet<string>> OurDiagnostics(string cli, string file, string report)
    {
        ProcessSuite.Measured(["dotnet", cli, "validate", file, "--max-diagnostics", "10000000", "-o", report], haveTime: false, allowFailure: true);
        string name = Path.GetFileName(file);
        var byLine = new Dictionary<int, HashSet<string>>();
        foreach (string line in File.ReadLines(report))
        {
            Match match = DiagnosticLine().Match(line);
            if (match.Success && line.Contains(name, StringComparison.Ordinal))
            {
                int number = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
                (byLine.TryGetValue(number, out HashSet<string>? ids) ? ids : byLine[number] = new HashSet<string>(StringComparer.Ordinal)).Add(match.Groups["id"].Value);
            }
        }

        return byLine;
    }

    private static string? Swap(string line, string from, string to) => line.Contains(from, StringComparison.Ordinal) ? line.Replace(from, to, StringComparison.Ordinal) : null;

    private static string? ReplaceNumber(string line, string member, Func<string, string> change)
    {
        Match match = Regex.Match(line, $"\"{member}\":(?<n>[0-9]+)");
        return match.Success ? string.Concat(line.AsSpan(0, match.Groups["n"].Index), change(match.Groups["n"].Value), line.AsSpan(match.Groups["n"].Index + match.Groups["n"].Length)) : null;
    }

    private static string Run(string[] command, string directory)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}: {text}{error.Result}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    [GeneratedRegex(@"\((?<line>[0-9]+),[0-9]+\): (error|warning|info|hidden) (?<id>[A-Z]+[0-9]+):")]
    private static partial Regex DiagnosticLine();
}

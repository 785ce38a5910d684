using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The benchmark suite's quick mode (docs/performance.md), run as a process the way CI would run it: every
/// BenchmarkDotNet benchmark once, in-process, on the 1,000-record data, then the process-level measurements. It
/// proves the benchmarks still run, not how fast anything is.
/// </summary>
public sealed partial class BenchmarkSmokeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-bench-").FullName;

    [Fact]
    public void QuickMode_RunsEveryBenchmarkAndTheProcessLevelMeasurements()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [BenchmarkDll, "--quick"], _folder, timeout: ProcessRunner.BuildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Match ran = BenchmarksRan().Match(result.Output);
        Assert.True(ran.Success, result.ToString());
        Assert.True(int.Parse(ran.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 18, result.ToString());
        foreach (string expected in new[]
        {
            "'Token scan (Utf8JsonReader)'", "'STJ source-gen: DeserializeLines'", "'STJ reflection: per line'", "'Newtonsoft.Json: per line'",
            "'STJ source-gen: per line, 2 workers'", "'STJ source-gen: Deserialize'", "'conflictmodel convert .jsonl -> .json (process)'",
            "'Our reader: DatasetReader'", "'Our reader + validation (all rules)'",
            "### First record in a fresh process", "### Streaming read", "### Whole dataset loaded", "### conflictmodel convert",
            "### Streaming read (our reader", "retained at the end with every rule:",
        })
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(_folder, "BenchmarkDotNet.Artifacts", "results", "process-level-quick.md")), result.ToString());
    }

    [Fact]
    public void CiMode_Quick_ComparesWithAjvAndFindsEveryPlantedDefect()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [BenchmarkDll, "ci", "--quick"], _folder, timeout: TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| conflictmodel validate | ajv (per-type schema) | our reader alone |", result.Output, StringComparison.Ordinal);
        Match totals = PlantedTotals().Match(result.Output);
        Assert.True(totals.Success, result.ToString());

        // Every planted defect is found by the tool; ajv, which sees only the schema, finds some and not all.
        Assert.Equal(totals.Groups["count"].Value, totals.Groups["ours"].Value);
        int ajv = int.Parse(totals.Groups["ajv"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ajv, 1, int.Parse(totals.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1);
        Assert.True(File.Exists(Path.Combine(_folder, "BenchmarkDotNet.Artifacts", "results", "ci.md")), result.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The benchmark program, built by this project's build in the same configuration.</summary>
    private static string BenchmarkDll
    {
        get
        {
            // This assembly runs from tests/ConflictModel.EndToEnd.Tests/bin/{Configuration}/net10.0/.
            var candidates = new List<string>();
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            foreach (string c in new[] { configuration, "Release", "Debug" })
            {
                string path = Repository.Path("benchmarks", "ConflictModel.Benchmarks", "bin", c, "net10.0", "ConflictModel.Benchmarks.dll");
                if (File.Exists(path))
                {
                    return path;
                }

                candidates.Add(path);
            }

            throw new FileNotFoundException($"The benchmark program is not built; looked for {string.Join(", ", candidates)}.");
        }
    }

    [GeneratedRegex(@"\*\*total\*\* \| \*\*(?<ours>\d+) of (?<count>\d+)\*\* \| \*\*(?<ajv>\d+) of \d+\*\*")]
    private static partial Regex PlantedTotals();

    [GeneratedRegex(@"benchmarks: (\d+) ran")]
    private static partial Regex BenchmarksRan();
}

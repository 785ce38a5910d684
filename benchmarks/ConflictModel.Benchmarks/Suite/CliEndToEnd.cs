using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Attributes;
using ConflictModel.Benchmarks.Data;

namespace ConflictModel.Benchmarks.Suite;

/// <summary>
/// The conflictmodel tool as a user runs it, one process per operation, start-up included: <c>convert</c> of the
/// largest JSON Lines file to a JSON document (read everything, write everything).
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class CliEndToEnd
{
    private string _cli = string.Empty;
    private string _output = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int Records { get; set; }

    /// <summary>Only the largest size: this is about a large file.</summary>
    public static IEnumerable<int> Sizes => [SuiteSettings.Largest];

    public static string FindCli()
    {
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string path = Repository.Path("src", "ConflictModel.Cli", "bin", configuration, "net10.0", "ConflictModel.Cli.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("The conflictmodel tool is not built: run dotnet build -c Release first.");
    }

    [GlobalSetup]
    public void Setup()
    {
        DataFiles.Ensure(Records);
        _cli = FindCli();
        _output = Path.Combine(Path.GetTempPath(), $"conflictmodel-bench-{Environment.ProcessId}.json");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_output);

    [Benchmark(Description = "conflictmodel convert .jsonl -> .json (process)")]
    public int Convert()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in new[] { _cli, "convert", DataFiles.JsonLinesPath(Records), "-o", _output })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? process.ExitCode : throw new InvalidOperationException($"conflictmodel convert exited {process.ExitCode}: {error}");
    }
}

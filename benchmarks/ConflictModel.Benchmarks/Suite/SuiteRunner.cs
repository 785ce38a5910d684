using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConflictModel.Benchmarks.Data;

namespace ConflictModel.Benchmarks.Suite;

/// <summary>Runs the BenchmarkDotNet suite with the job of the full run or of the quick CI mode.</summary>
public static class SuiteRunner
{
    public static int Run(string[] args, bool quick, int warmups = 3, int iterations = 5, bool inProcess = false)
    {
        // Generated before BenchmarkDotNet starts, so generation is never timed and every process finds the files.
        foreach (int size in SuiteSettings.Sizes)
        {
            DataFiles.Ensure(size, Console.Out);
        }

        Job job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : Job.Default.WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations).WithId("Suite");
        if (inProcess && !quick)
        {
            // No generated project to build (which can take minutes on a loaded machine): every benchmark runs in this
            // process, one after the other.
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
        }
        ManualConfig config = DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(ThroughputColumn.RecordsPerSecond, ThroughputColumn.MegabytesPerSecond, ThroughputColumn.AllocatedPerRecord)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
        if (quick)
        {
            // The quick mode proves the benchmarks run, not how fast: a Debug build of the library (as CI's test run
            // builds it) is fine there.
            config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }

        if (quick && args.Length == 0)
        {
            args = ["--filter", "*"];
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(SuiteRunner).Assembly).Run(args, config).ToArray();
        int failed = summaries.Sum(s => s.Reports.Count(r => !r.Success)) + summaries.Count(s => s.HasCriticalValidationErrors);
        Console.WriteLine(failed == 0
            ? $"benchmarks: {summaries.Sum(s => s.Reports.Length)} ran"
            : $"benchmarks: {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}

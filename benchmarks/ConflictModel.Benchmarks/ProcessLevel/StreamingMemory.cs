using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using System.Globalization;
using System.IO;
using System.Linq;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The <c>streaming-memory FILE [--per-rule]</c> mode: what a streaming validation of a JSON Lines file keeps. Runs
/// <see cref="DatasetValidator.Validate(DatasetRecordReader, Action{long})"/> in this process with no rule, with
/// every rule, and (<c>--per-rule</c>) with each rule alone, and reports the managed heap after a full collection at
/// the moment the last rule's end action runs (a probe rule placed last): the id table, the
/// rules' states and the reader's caches, without the garbage a process-level peak also counts.
/// </summary>
public static class StreamingMemory
{
    public static int Run(string path, bool perRule, TextWriter output) => Run(path, perRule, 0, output);

    /// <summary>Runs the mode; a positive <paramref name="traceEvery"/> also samples the heap every that many records of the run with every rule.</summary>
    public static int Run(string path, bool perRule, int traceEvery, TextWriter output) => Run(path, perRule, traceEvery, 0, output);

    /// <summary>
    /// Runs the mode; a positive <paramref name="watchEvery"/> instead runs every rule once without forcing any
    /// collection and prints, every that many records, the process's working set and the collector's own figures (heap,
    /// committed, fragmented, collections so far), to see what the peak is made of beyond the live state.
    /// </summary>
    public static int Run(string path, bool perRule, int traceEvery, int watchEvery, TextWriter output)
    {
        if (watchEvery > 0)
        {
            var watch = new HeapWatch(watchEvery);
            var endBegins = new HeapWatch(0, watch.Rows, "end actions begin (the first rule's)");
            ValidationOptions watched = ValidationOptions.Default with { Rules = [endBegins, .. ValidationOptions.Default.Rules.Where(Selected), watch] };
            using (DatasetRecordReader records = new DatasetReader(new DatasetReaderOptions { MaxDiagnostics = 10 }).OpenRecords(path))
            {
                new DatasetValidator(watched).Validate(records);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}, every rule, no forced collection; peak working set {Mb(PeakWorkingSet())}"));
            output.WriteLine();
            output.WriteLine("| records read | working set | GC heap | committed | fragmented | gen0/1/2 collections |");
            output.WriteLine("|---:|---:|---:|---:|---:|---|");
            foreach (string row in watch.Rows)
            {
                output.WriteLine(row);
            }

            return 0;
        }

        long baseline = Heap();
        long none = Retained(path, []);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: heap before {Mb(baseline)}; retained at the end with no rule {Mb(none - baseline)}"));
        if (perRule)
        {
            output.WriteLine();
            output.WriteLine("| rule | retained beyond no rule |");
            output.WriteLine("|---|---:|");
            foreach (DatasetRule rule in ValidationOptions.Default.Rules.Where(Selected))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rule.Name} | {Mb(Retained(path, [rule]) - none)} |"));
            }

            output.WriteLine();
        }

        var trace = traceEvery > 0 ? new HeapTrace(traceEvery) : null;
        long all = Retained(path, ValidationOptions.Default.Rules, trace);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retained at the end with every rule: {Mb(all - baseline)}"));
        if (trace is not null)
        {
            output.WriteLine();
            output.WriteLine("| records read | kind | live heap |");
            output.WriteLine("|---:|---|---:|");
            foreach ((long records, string kind, long heap) in trace.Samples)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {records:N0} | {kind} | {Mb(heap - baseline)} |"));
            }
        }

        return 0;
    }

    private static long Retained(string path, ImmutableArray<DatasetRule> rules, HeapTrace? trace = null)
    {
        var probe = new HeapProbe();
        ValidationOptions options = ValidationOptions.Default with { Rules = trace is null ? [.. rules, probe] : [.. rules, trace, probe] };
        using DatasetRecordReader records = new DatasetReader(new DatasetReaderOptions { MaxDiagnostics = 10 }).OpenRecords(path);
        new DatasetValidator(options).Validate(records);
        return probe.AtEnd;
    }

    /// <summary>Whether a rule is among those <c>CONFLICTMODEL_BENCH_RULE</c> names (comma-separated; unset: every rule).</summary>
    private static bool Selected(DatasetRule rule)
        => Environment.GetEnvironmentVariable("CONFLICTMODEL_BENCH_RULE") is not { Length: > 0 } only || only.Split(',').Contains(rule.Name);

    private static long PeakWorkingSet()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB");

    /// <summary>Runs last; measures the heap when its end action runs, with every other rule's state still alive.</summary>
    private sealed class HeapProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9990", "Heap probe", "Heap probe", "Benchmarks", DiagnosticSeverity.Hidden, isEnabledByDefault: true, description: "Measures the heap.");

        public long AtEnd { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context) => context.RegisterEndAction(_ => AtEnd = Heap());
    }

    /// <summary>Samples the heap (after a full collection) every so many records, with the kind of the record it is at.</summary>
    private sealed class HeapTrace(int every) : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9991", "Heap trace", "Heap trace", "Benchmarks", DiagnosticSeverity.Hidden, isEnabledByDefault: true, description: "Samples the heap.");
        private long _records;

        public List<(long Records, string Kind, long Heap)> Samples { get; } = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(c =>
        {
            if (++_records % every == 0)
            {
                Samples.Add((_records, c.Record.RecordKind.ToString(), Heap()));
            }
        });
    }

    /// <summary>Samples the process and the collector every so many records and at the end, forcing nothing.</summary>
    private sealed class HeapWatch(int every, List<string>? rows = null, string atEnd = "end actions (this rule's is the last)") : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9993", "Heap watch", "Heap watch", "Benchmarks", DiagnosticSeverity.Hidden, isEnabledByDefault: true, description: "Samples the process.");
        private long _records;

        public List<string> Rows { get; } = rows ?? [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
        {
            context.RegisterRecordAction<ConflictRecord>(_ =>
            {
                if (every > 0 && ++_records % every == 0)
                {
                    Sample(_records.ToString("N0", CultureInfo.InvariantCulture));
                }
            });
            context.RegisterEndAction(_ => Sample(atEnd));
        }

        private void Sample(string when)
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {when} | {Mb(process.WorkingSet64)} | {Mb(info.HeapSizeBytes)} | {Mb(info.TotalCommittedBytes)} | {Mb(info.FragmentedBytes)} | {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} |"));
        }
    }
}

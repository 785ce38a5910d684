using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using System.Globalization;
using System.IO;
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
    public static int Run(string path, bool perRule, int traceEvery, TextWriter output)
    {
        long baseline = Heap();
        long none = Retained(path, []);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: heap before {Mb(baseline)}; retained at the end with no rule {Mb(none - baseline)}"));
        if (perRule)
        {
            output.WriteLine();
            output.WriteLine("| rule | retained beyond no rule |");
            output.WriteLine("|---|---:|");
            foreach (DatasetRule rule in ValidationOptions.Default.Rules)
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
}

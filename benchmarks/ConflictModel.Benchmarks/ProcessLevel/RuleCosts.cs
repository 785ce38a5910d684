using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ConflictModel.Benchmarks.Data;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Benchmarks.ProcessLevel;

/// <summary>
/// The <c>rules N</c> mode: where validation's time goes. Reads the N-record JSON Lines file once with
/// <see cref="DatasetReader"/>, then times <see cref="DatasetValidator.Validate"/> with no rule and with each rule
/// alone (best of three), and counts what each rule reports on the generated data.
/// </summary>
public static class RuleCosts
{
    public static int Run(int records, TextWriter output)
    {
        DataFiles.Ensure(records, output);
        byte[] bytes = File.ReadAllBytes(DataFiles.JsonLinesPath(records));
        DatasetReadResult read = new DatasetReader().Read(new MemoryStream(bytes, writable: false), null, DatasetFormat.JsonLines);
        double readMs = Best(() => new DatasetReader().Read(new MemoryStream(bytes, writable: false), null, DatasetFormat.JsonLines));
        var rows = new List<(string Name, double Ms, int Diagnostics, string Ids)>();
        ValidationOptions all = ValidationOptions.Default;
        rows.Add(("(no rule: symbol table, suppressions)", Best(() => new DatasetValidator(all with { Rules = [] }).Validate(read)), 0, string.Empty));
        foreach (DatasetRule rule in all.Rules)
        {
            ValidationOptions one = all with { Rules = [rule] };
            ValidationResult result = new DatasetValidator(one).Validate(read);
            string ids = string.Join(", ", result.Diagnostics.GroupBy(d => d.Descriptor.Id).Select(g => $"{g.Key} {g.Count()}"));
            rows.Add((rule.Name, Best(() => new DatasetValidator(one).Validate(read)), result.Diagnostics.Length, ids));
        }

        double allMs = Best(() => new DatasetValidator(all).Validate(read));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records:N0} records: read {readMs:F0} ms; validate with all {all.Rules.Length} rules {allMs:F0} ms ({allMs / readMs:F2}x the read); reader diagnostics: {read.Diagnostics.Length}"));
        output.WriteLine();
        output.WriteLine("| rule | time alone | share of all rules | diagnostics on the generated data |");
        output.WriteLine("|---|---:|---:|---|");
        foreach ((string name, double ms, int count, string ids) in rows.OrderByDescending(r => r.Ms))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F0} ms | {100 * ms / allMs:F0}% | {(count == 0 ? "none" : $"{count:N0} ({ids})")} |"));
        }

        return 0;
    }

    private static double Best(Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}

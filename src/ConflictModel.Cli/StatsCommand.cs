using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ConflictModel.Model;
using NodaTime;
using NodaTime.Text;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel stats</c>: what a dataset holds, and where its casualty figures contradict each other.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dataset files, directories (searched recursively), glob patterns, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("stats", "Summarise datasets: records by kind, actors by kind, the span of their dates, and contested casualty figures.")
        {
            paths,
        };
        var limits = new InputLimits();
        limits.AddTo(command);
        command.SetAction(parsed =>
        {
            Validation.DatasetReaderOptions readerOptions = limits.Apply(parsed, null);
            int exit = ExitCodes.Success;
            foreach (InputFile file in InputFiles.Expand(parsed.GetValue(paths)!, console.WorkingDirectory))
            {
                Dataset dataset;
                try
                {
                    dataset = DatasetFiles.Read(file, console, out _, readerOptions);
                }
                catch (JsonException ex)
                {
                    console.Error.WriteLine($"{file.DisplayPath}: error: {CommandLineApp.Describe(ex)}");
                    exit = ExitCodes.DataErrors;
                    continue;
                }

                Write(console, file.DisplayPath, dataset);
            }

            return exit;
        });
        return command;
    }

    internal static void Write(CliConsole console, string name, Dataset dataset)
    {
        var output = console.Out;
        output.WriteLine($"{name}: {dataset.Info.Title}");
        output.WriteLine($"  records: {dataset.RecordCount} ({string.Join(", ", RecordCounts(dataset))})");
        if (dataset.Actors.Length > 0)
        {
            output.WriteLine($"  actors: {string.Join(", ", dataset.Actors.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => $"{Camel(g.Key.ToString())} {g.Count()}"))}");
        }

        List<EdtfDate> dates = Dates(dataset).ToList();
        LocalDate? first = dates.Select(d => d.Earliest).Where(d => d is not null).Min();
        LocalDate? last = dates.Select(d => d.Latest).Where(d => d is not null).Max();
        output.WriteLine(dates.Count == 0
            ? "  dates: none given"
            : $"  dates: {Format(first)} to {Format(last)} ({dates.Count} dates)");

        List<(CasualtyEstimate[] Estimates, CasualtyEnvelope Envelope)> contested = Contested(dataset).ToList();
        output.WriteLine($"  contested casualty figures: {contested.Count}");
        var claimsBySubject = dataset.Claims.Where(c => c.Subject.CasualtyEstimate is not null).ToLookup(c => c.Subject.CasualtyEstimate!.Value);
        foreach ((CasualtyEstimate[] estimates, CasualtyEnvelope envelope) in contested)
        {
            CasualtyEstimate sample = estimates[0];
            string who = sample.Side is { } side ? $" of {side}" : string.Empty;
            string category = sample.Category is { } c ? $" ({Camel(c.ToString())})" : string.Empty;
            output.WriteLine($"    {Camel(sample.Population.ToString())}{who}{category}:");
            foreach (CasualtyEstimate estimate in estimates)
            {
                string claimants = string.Join(", ", claimsBySubject[estimate.Id].Select(claim => $"{claim.Claimant} {Camel(claim.Stance.ToString())}").DefaultIfEmpty(estimate.ClaimedBy is { } by ? $"{by} claims" : "unattributed"));
                output.WriteLine($"      {estimate.Id}: {Figure(estimate.Figure)} [{claimants}]");
            }

            output.WriteLine($"      {envelope.Conflicts.Length} contradicting pair(s); together they span {Figure(envelope.Minimum)} to {Figure(envelope.Maximum)}");
        }
    }

    private static IEnumerable<string> RecordCounts(Dataset dataset)
    {
        (string Name, int Count)[] counts =
        [
            ("sources", dataset.Sources.Length), ("actors", dataset.Actors.Length), ("events", dataset.Events.Length),
            ("casualty estimates", dataset.CasualtyEstimates.Length), ("attributions", dataset.Attributions.Length), ("claims", dataset.Claims.Length),
            ("ceasefires", dataset.Ceasefires.Length), ("mediations", dataset.Mediations.Length), ("agreements", dataset.Agreements.Length),
        ];
        return counts.Where(c => c.Count > 0).Select(c => $"{c.Name} {c.Count}");
    }

    /// <summary>Groups of estimates of one population whose figures cannot all be true.</summary>
    internal static IEnumerable<(CasualtyEstimate[] Estimates, CasualtyEnvelope Envelope)> Contested(Dataset dataset)
    {
        // Grouped by the members CountsSamePopulationAs compares, in one pass: a search per estimate made this
        // quadratic (seconds at 10k estimates, hours at 1M).
        var groups = new Dictionary<(CasualtyPopulation, ActorId?, CasualtyCategory?, EventId?, EdtfDate?, Location?), List<CasualtyEstimate>>();
        var order = new List<List<CasualtyEstimate>>();
        foreach (CasualtyEstimate estimate in dataset.CasualtyEstimates)
        {
            var key = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);
            if (!groups.TryGetValue(key, out List<CasualtyEstimate>? group))
            {
                groups[key] = group = [];
                order.Add(group);
            }

            group.Add(estimate);
        }

        foreach (List<CasualtyEstimate> group in order.Where(g => g.Count > 1))
        {
            CasualtyEnvelope envelope = CasualtyEnvelope.Of(group);
            if (envelope.IsContradictory)
            {
                yield return ([.. group], envelope);
            }
        }
    }

    private static IEnumerable<EdtfDate> Dates(Dataset dataset)
    {
        foreach (Event e in dataset.Events) { if (e.Date is { } d) { yield return d; } }
        foreach (Claim c in dataset.Claims) { if (c.Made is { } d) { yield return d; } }
        foreach (Attribution a in dataset.Attributions) { if (a.Date is { } d) { yield return d; } }
        foreach (CasualtyEstimate k in dataset.CasualtyEstimates) { if (k.Period is { } d) { yield return d; } }
        foreach (Ceasefire c in dataset.Ceasefires)
        {
            if (c.Declared is { } declared) { yield return declared; }
            if (c.Effective is { } effective) { yield return effective; }
            foreach (StatusChange<CeasefireStatus> change in c.History) { if (change.Date is { } d) { yield return d; } }
        }

        foreach (Mediation m in dataset.Mediations)
        {
            foreach (StatusChange<MediationStatus> change in m.History) { if (change.Date is { } d) { yield return d; } }
            foreach (MediationRound round in m.Rounds) { if (round.Date is { } d) { yield return d; } }
        }

        foreach (Agreement g in dataset.Agreements)
        {
            if (g.Signed is { } signed) { yield return signed; }
            if (g.Ended is { } ended) { yield return ended; }
        }
    }

    private static string Figure(CasualtyFigure figure)
    {
        if (figure.IsUnknown)
        {
            return figure.Phrase is null ? "unknown" : $"unknown (\"{figure.Phrase}\")";
        }

        string approx = figure.IsApproximate ? "about " : string.Empty;
        string text = (figure.Low, figure.Best, figure.High) switch
        {
            (null, { } best, null) => $"{approx}{best}",
            ({ } low, null, null) => $"{(figure.LowExclusive ? "more than" : "at least")} {low}",
            (null, null, { } high) => $"{(figure.HighExclusive ? "fewer than" : "at most")} {high}",
            var (low, best, high) => $"{approx}{best?.ToString(CultureInfo.InvariantCulture) ?? "?"} ({low?.ToString(CultureInfo.InvariantCulture) ?? "?"} to {high?.ToString(CultureInfo.InvariantCulture) ?? "?"})",
        };
        return figure.Phrase is null ? text : $"{text} (\"{figure.Phrase}\")";
    }

    private static string Figure(long? value) => value switch
    {
        null => "unknown",
        long.MaxValue => "no upper bound",
        { } v => v.ToString(CultureInfo.InvariantCulture),
    };

    private static string Format(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "?";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

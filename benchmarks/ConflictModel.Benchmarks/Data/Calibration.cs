using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Data;

/// <summary>
/// The <c>calibrate</c> mode: the GED extract encoded by the codebook beside a generated dataset of the same number
/// of events, measured the same way (record kinds, bytes per JSON Lines record, citations, dates, places, figures).
/// </summary>
public static class Calibration
{
    public static int Run(TextWriter output)
    {
        string? path = GedExtract.Find();
        if (path is null)
        {
            output.WriteLine("calibrate: the UCDP GED extract (shared/data/" + GedExtract.RelativePath + ") was not found; set CONFLICTMODEL_SHARED_DATA to the folder holding it.");
            return 2;
        }

        List<ConflictRecord> ged = GedExtract.Read(path);
        Profile real = Profile.Of(GedExtract.Info, ged);

        // A generated dataset with as many events as the extract; then the sizes the benchmarks use.
        int records = FindRecordsForEvents(real.Events);
        Profile generated = Profile.Of(DataGenerator.Info(records), new DataGenerator().Generate(records).ToList());
        Profile large = Profile.Of(DataGenerator.Info(100_000), new DataGenerator().Generate(100_000).ToList());

        output.WriteLine($"UCDP GED 23.1 extract: {path}");
        output.WriteLine();
        output.WriteLine("| measure | UCDP GED 23.1 (CAR) encoded by the codebook | generator, same number of events | generator, 100,000 records |");
        output.WriteLine("|---|---|---|---|");
        foreach ((string name, Func<Profile, string> value) in Profile.Rows)
        {
            output.WriteLine($"| {name} | {value(real)} | {value(generated)} | {value(large)} |");
        }

        return 0;
    }

    private static int FindRecordsForEvents(int events)
    {
        // Records per event settle at about 7.7; search the exact count that gives the same number of events.
        int records = events * 8;
        for (int i = 0; i < 20; i++)
        {
            int got = new DataGenerator().Generate(records).OfType<Event>().Count();
            if (got == events)
            {
                break;
            }

            records += (int)Math.Round((events - got) * 7.7);
        }

        return records;
    }

    private sealed record Profile(
        int Records,
        int Events,
        long Bytes,
        Dictionary<string, (int Count, long Bytes)> Kinds,
        int[] CitationsPerEvent,
        Dictionary<string, int> DateForms,
        Dictionary<LocationPrecision, int> Precision,
        double PlaceNameMean,
        double PlaceNameMedian,
        double TitledSources,
        double TitleMean,
        double TitleMedian,
        double BestMedian,
        double BestMean,
        double BestZero,
        double BestOutside,
        int LongestLine)
    {
        private static readonly string[] KindNames = ["actor", "source", "event", "casualtyEstimate", "attribution", "claim"];
        private static readonly string[] DateFormNames = ["day", "interval", "month", "year"];

        public static IEnumerable<(string Name, Func<Profile, string> Value)> Rows =>
        [
            ("records (JSON Lines lines after the header)", p => N(p.Records)),
            ("events", p => N(p.Events)),
            ("records per event", p => F(p.Records / (double)p.Events, 2)),
            ("JSON Lines bytes", p => N(p.Bytes)),
            ("**bytes per record, mean**", p => $"**{F(p.Bytes / (double)p.Records, 0)}**"),
            ("bytes per event with its records", p => F(p.Bytes / (double)p.Events, 0)),
            ("longest line, bytes", p => N(p.LongestLine)),
            .. KindNames.Select<string, (string, Func<Profile, string>)>(kind =>
                ($"`{kind}`: share of records, mean bytes", p => p.Kinds.TryGetValue(kind, out var k) ? $"{F(100.0 * k.Count / p.Records, 1)}%, {F(k.Bytes / (double)k.Count, 0)} B" : "none")),
            ("citations per event: 1 / 2 / 3 / 4 / 5+", p => string.Join(" / ", p.CitationsPerEvent.Select(c => F(100.0 * c / p.Events, 1) + "%"))),
            ("event dates: day / interval / month / year", p => string.Join(" / ", DateFormNames.Select(f => F(100.0 * p.DateForms.GetValueOrDefault(f) / p.Events, 1) + "%"))),
            ("location precision exact / near / adm2 / adm1 / region / country", p => string.Join(" / ", Enum.GetValues<LocationPrecision>().Take(6).Select(l => F(100.0 * p.Precision.GetValueOrDefault(l) / p.Events, 1) + "%"))),
            ("place name length, mean / median", p => $"{F(p.PlaceNameMean, 1)} / {F(p.PlaceNameMedian, 0)}"),
            ("sources with a title", p => F(100 * p.TitledSources, 1) + "%"),
            ("source title length, mean / median", p => $"{F(p.TitleMean, 1)} / {F(p.TitleMedian, 0)}"),
            ("total deaths (best), median / mean / zero", p => $"{F(p.BestMedian, 0)} / {F(p.BestMean, 1)} / {F(100 * p.BestZero, 1)}%"),
            ("best outside [low, high]", p => F(100 * p.BestOutside, 1) + "%"),
        ];

        public static Profile Of(DatasetInfo info, List<ConflictRecord> records)
        {
            using var stream = new MemoryStream();
            DataFiles.WriteLines(stream, info, records);
            string[] lines = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var kinds = new Dictionary<string, (int, long)>();
            long bytes = 0;
            int longest = 0;
            for (int i = 0; i < records.Count; i++)
            {
                int length = Encoding.UTF8.GetByteCount(lines[i + 1]) + 1;
                bytes += length;
                longest = Math.Max(longest, length - 1);
                string kind = records[i].RecordKind.ToString();
                kind = char.ToLowerInvariant(kind[0]) + kind[1..];
                (int count, long sum) = kinds.GetValueOrDefault(kind);
                kinds[kind] = (count + 1, sum + length);
            }

            List<Event> events = records.OfType<Event>().ToList();
            int[] citations = new int[5];
            foreach (Event e in events)
            {
                citations[Math.Min(5, e.Sources.Length) - 1]++;
            }

            var forms = events.Where(e => e.Date is not null).GroupBy(e => e.Date!.Value.IsInterval ? "interval" : e.Date!.Value.Precision switch
            {
                DatePrecision.Day => "day",
                DatePrecision.Month => "month",
                _ => "year",
            }).ToDictionary(g => g.Key, g => g.Count());
            var precision = events.GroupBy(e => e.Location!.Precision!.Value).ToDictionary(g => g.Key, g => g.Count());
            double[] names = events.Select(e => (double)e.Location!.Name!.Length).Order().ToArray();
            List<Source> sources = records.OfType<Source>().ToList();
            double[] titles = sources.Where(s => s.Title is not null).Select(s => (double)s.Title!.Length).Order().ToArray();
            List<CasualtyFigure> totals = records.OfType<CasualtyEstimate>().Where(k => k.Category == CasualtyCategory.All).Select(k => k.Figure).ToList();
            double[] best = totals.Select(f => (double)f.Best!.Value).Order().ToArray();
            return new Profile(
                records.Count,
                events.Count,
                bytes,
                kinds,
                citations,
                forms,
                precision,
                names.Average(),
                names[names.Length / 2],
                sources.Count(s => s.Title is not null) / (double)sources.Count,
                titles.Average(),
                titles[titles.Length / 2],
                best[best.Length / 2],
                best.Average(),
                best.Count(b => b == 0) / (double)best.Length,
                totals.Count(f => f.Best < f.Low || f.Best > f.High) / (double)totals.Count,
                longest);
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Interop;

/// <summary>
/// UCDP GED 23.1 for the Central African Republic, imported in its three forms. Every expected figure is computed
/// here from the raw file (System.Text.Json over the GeoJSON), never written by hand.
/// </summary>
public sealed class UcdpGedImportTests
{
    private static readonly Lazy<List<Dictionary<string, string>>> Raw = new(InteropData.GedRows);
    private static readonly Lazy<ImportResult> GeoJson = new(() => new UcdpGedImporter().Import(InteropData.Open(InteropData.GedFile), InteropData.GedFile, null));

    private static List<Dictionary<string, string>> Rows => Raw.Value;

    [Fact]
    public void Import_GeoJson_ImportsEveryEventWithTheRawFigures()
    {
        ImportResult result = GeoJson.Value;
        Dataset dataset = result.Dataset;

        Assert.Equal(Rows.Count, result.Log.RowsRead);
        Assert.Equal(Rows.Count, result.Log.RowsImported);
        Assert.False(result.Log.HasErrors);
        Assert.Equal(Rows.Count, dataset.Events.Length);
        Assert.Equal(5 * Rows.Count, dataset.CasualtyEstimates.Length);

        // Kinds: one-sided violence (3) is an attack on civilians, state-based (1) and non-state (2) are clashes.
        Assert.Equal(Rows.Count(r => r["type_of_violence"] == "3"), dataset.Events.Count(e => e.Kind == EventKind.AttackOnCivilians));
        Assert.Equal(Rows.Count(r => r["type_of_violence"] is "1" or "2"), dataset.Events.Count(e => e.Kind == EventKind.ArmedClash));

        // Sums of deaths, total and by component.
        CasualtyEstimate[] totals = [.. dataset.CasualtyEstimates.Where(e => e.Category == CasualtyCategory.All)];
        Assert.Equal(Rows.Sum(r => r.Long("best")), totals.Sum(e => e.Figure.Best!.Value));
        Assert.Equal(Rows.Sum(r => r.Long("low")), totals.Sum(e => e.Figure.Low!.Value));
        Assert.Equal(Rows.Sum(r => r.Long("high")), totals.Sum(e => e.Figure.High!.Value));
        Assert.Equal(Rows.Sum(r => r.Long("deaths_a") + r.Long("deaths_b")), dataset.CasualtyEstimates.Where(e => e.Category == CasualtyCategory.Combatants).Sum(e => e.Figure.Best!.Value));
        Assert.Equal(Rows.Sum(r => r.Long("deaths_civilians")), dataset.CasualtyEstimates.Where(e => e.Category == CasualtyCategory.Civilians).Sum(e => e.Figure.Best!.Value));
        Assert.Equal(Rows.Sum(r => r.Long("deaths_unknown")), dataset.CasualtyEstimates.Where(e => e.Category == CasualtyCategory.Unknown).Sum(e => e.Figure.Best!.Value));

        // where_prec 1–7 is the location precision; date_prec has no member and is kept with the event.
        Assert.Equal(
            Rows.GroupBy(r => r["where_prec"]).ToDictionary(g => g.Key, g => g.Count()),
            // Exact = 1 … WaterOrAirspace = 7, after Unspecified.
            dataset.Events.GroupBy(e => ((int)e.Location!.Precision!.Value).ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(
            Rows.GroupBy(r => r["date_prec"]).ToDictionary(g => g.Key, g => g.Count()),
            dataset.Events.GroupBy(e => Kept(e)["date_prec"]).ToDictionary(g => g.Key, g => g.Count()));

        // The EDTF date spans exactly date_start to date_end.
        Assert.All(dataset.Events.Zip(Rows), pair =>
        {
            Assert.Equal(pair.Second["date_start"][..10], pair.First.Date!.Value.Earliest!.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(pair.Second["date_end"][..10], pair.First.Date!.Value.Latest!.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        });

        // Sides as actors with their UCDP ids; offices as outlets.
        string[] sideIds = [.. Rows.SelectMany(r => new[] { r["side_a_new_id"], r["side_b_new_id"] }).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(sideIds, dataset.Actors.SelectMany(a => a.ExternalIds).Where(x => x.Scheme == "ucdp-actor").Select(x => x.Value).Order(StringComparer.Ordinal));
        string[] offices = [.. Rows.SelectMany(r => r["source_office"].Split(';')).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(offices, dataset.Actors.Where(a => a.Id.Value.StartsWith("ged-outlet-", StringComparison.Ordinal)).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Rows.Count(r => r["gwnoa"].Length > 0), dataset.Events.Count(e => Actor(dataset, e.Participants[0].Actor).Kind == ActorKind.Government));
    }

    [Fact]
    public void Import_GeoJson_WarnsOfExactlyTheEventsWhoseBestIsOutsideLowHigh()
    {
        string[] expected = [.. Rows.Where(r => r.Long("best") < r.Long("low") || r.Long("best") > r.Long("high")).Select(r => r["id"]).Order(StringComparer.Ordinal)];
        string[] listsDiffer = [.. Rows.Where(r => new[] { "source_office", "source_date", "source_headline" }.Select(c => r[c].Length == 0 ? 0 : r[c].Split(';').Length).Where(n => n > 0).Distinct().Count() > 1).Select(r => r["id"]).Order(StringComparer.Ordinal)];
        Assert.Equal(20, expected.Length); // the README of shared/data says "about 1%"; the codebook says 20

        IReadOnlyList<Diagnostic> diagnostics = GeoJson.Value.Log.Diagnostics;
        Assert.Equal(expected, GedIds(diagnostics, "CM6004"));
        Assert.Equal(listsDiffer, GedIds(diagnostics, "CM6008"));
        Assert.Equal(["CM6004", "CM6008"], diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Diagnostic first = diagnostics.First(d => d.Id == "CM6004");
        Assert.Equal(InteropData.GedFile, first.Location.FilePath);
        int index = Rows.FindIndex(r => r["id"] == GedIds([first], "CM6004")[0]);
        Assert.Equal($"/features/{index}/properties/best", first.Location.JsonPointer);
        Assert.Equal(index + 6, first.Location.StartLine); // the extract writes one feature per line after a five-line preamble
    }

    [Fact]
    public void Validate_ImportedGed_FindsTheSameTwentyRangeViolationsAndNoError()
    {
        string jsonl = ConflictJsonSerializer.SerializeLines(GeoJson.Value.Dataset);
        DatasetReadResult read = new DatasetReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "ged.jsonl", DatasetFormat.JsonLines, gzip: false);
        Assert.Empty(read.Diagnostics);
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(read);

        string[] outside = [.. Rows.Where(r => r.Long("best") < r.Long("low") || r.Long("best") > r.Long("high")).Select(r => $"ged-{r["id"]}-best").Order(StringComparer.Ordinal)];
        string[] inverted = [.. Rows.Where(r => r.Long("low") > r.Long("high")).Select(r => $"ged-{r["id"]}-best").Order(StringComparer.Ordinal)];
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5)));
        Assert.Equal(outside, RecordIds(read, result, "CM2001"));
        Assert.Equal(inverted, RecordIds(read, result, "CM2002"));

        // What else fires, and why (see docs/interop.md): CM1008 for one office named like a UCDP actor ("CPC").
        // CM1011 does not: the conflict and dyad ids every event of a dyad shares are shared by design.
        Assert.Equal(new HashSet<string>(["CM2001", "CM2002", "CM1008"]), result.Diagnostics.Select(d => d.Id).ToHashSet());
        Assert.True(Rows.Select(r => r["dyad_new_id"]).Distinct().Count() < Rows.Count, "the extract has events that share a dyad, so CM1011 had ids to flag");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CM1011");
    }

    [Fact]
    public void Import_CsvForm_GivesTheSameRecordsAsTheGeoJson()
    {
        string csv = InteropData.GedCsv(Rows, GedColumns.All);
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "ged.csv", null);

        Assert.Equal(Rows.Count, result.Log.RowsImported);
        Assert.Equal(WithoutExtensions(GeoJson.Value.Dataset), WithoutExtensions(result.Dataset));
        Assert.Equal(GeoJson.Value.Log.Diagnostics.Select(d => d.Id + " " + d.GetMessage()), result.Log.Diagnostics.Select(d => d.Id + " " + d.GetMessage()));
        Diagnostic first = result.Log.Diagnostics.First(d => d.Id == "CM6004");
        int index = Rows.FindIndex(r => r["id"] == GedIds([first], "CM6004")[0]);
        Assert.Equal("/best", first.Location.JsonPointer);
        int line = index + 2 + Rows.Take(index).Sum(r => GedColumns.All.Sum(c => r.GetValueOrDefault(c)?.Count(ch => ch == '\n') ?? 0)); // line breaks inside quoted fields count
        Assert.Equal(line, first.Location.StartLine);
    }

    [Fact]
    public void Import_ApiJsonForm_GivesTheSameRecordsAsTheGeoJson()
    {
        var json = new StringBuilder("{\"TotalCount\":").Append(Rows.Count).Append(",\"TotalPages\":1,\"PreviousPageUrl\":\"\",\"NextPageUrl\":\"\",\"Result\":[");
        for (int i = 0; i < Rows.Count; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n").Append(System.Text.Json.JsonSerializer.Serialize(Rows[i]));
        }

        json.Append("\n]}");
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), "ged-api.json", null);

        Assert.Equal(Rows.Count, result.Log.RowsImported);
        Assert.Equal(WithoutExtensions(GeoJson.Value.Dataset), WithoutExtensions(result.Dataset));
        Diagnostic first = result.Log.Diagnostics.First(d => d.Id == "CM6004");
        Assert.StartsWith("/Result/", first.Location.JsonPointer, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_GedToModelToGed_GivesBackEveryColumn()
    {
        using var csv = new MemoryStream();
        Assert.Equal(Rows.Count, UcdpGedExporter.Write(GeoJson.Value.Dataset, csv));
        List<Dictionary<string, string>> back = InteropData.ReadCsv(Encoding.UTF8.GetString(csv.ToArray()));

        Assert.Equal(Rows.Count, back.Count);
        Assert.Equal(GedColumns.All, back[0].Keys);
        for (int i = 0; i < Rows.Count; i++)
        {
            foreach (string column in InteropData.GeoJsonColumns.Append("latitude").Append("longitude"))
            {
                string expected = Rows[i][column], actual = back[i][column];
                if (column is "latitude" or "longitude")
                {
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), double.Parse(actual, CultureInfo.InvariantCulture));
                }
                else if (column is "date_start" or "date_end")
                {
                    Assert.Equal(expected[..10], actual); // GED's "T00:00:00" is no time of day; the export writes the day
                }
                else
                {
                    Assert.True(expected == actual, $"row {i + 1}, {column}: '{expected}' came back as '{actual}'");
                }
            }
        }
    }

    [Fact]
    public void RoundTrip_MappedColumnsComeBackFromTheMembers_NotFromTheKeptCopy()
    {
        // The event keeps a mapped column as written only where the members cannot give it back: an empty
        // where_description (the name came from where_coordinates), source lists of different lengths, and office
        // names with spaces around them.
        var keptMapped = GeoJson.Value.Dataset.Events.SelectMany(e => Kept(e).Keys.Where(GedColumns.Mapped.Contains)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["source_date", "source_office", "where_description"], keptMapped.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Rows.Count(r => r["where_description"].Length == 0), keptMapped["where_description"]);
        bool ListsDiffer(Dictionary<string, string> r) => new[] { "source_office", "source_date", "source_headline" }.Select(c => r[c].Length == 0 ? 0 : r[c].Split(';').Length).Where(n => n > 0).Distinct().Count() > 1;
        Assert.Equal(Rows.Count(ListsDiffer), keptMapped["source_date"]);
        Assert.Equal(Rows.Count(r => ListsDiffer(r) || r["source_office"].Split(';').Any(o => o != o.Trim())), keptMapped["source_office"]);
    }

    [Fact]
    public void RoundTrip_ExportImportExport_IsByteForByteStable()
    {
        using var first = new MemoryStream();
        UcdpGedExporter.Write(GeoJson.Value.Dataset, first);
        ImportResult again = new UcdpGedImporter().Import(new MemoryStream(first.ToArray()), "back.csv", null);
        using var second = new MemoryStream();
        UcdpGedExporter.Write(again.Dataset, second);

        Assert.Equal(Rows.Count, again.Log.RowsImported);
        Assert.Equal(Encoding.UTF8.GetString(first.ToArray()), Encoding.UTF8.GetString(second.ToArray()));
    }

    [Fact]
    public void Import_BadRows_AreNamedAndTheOthersImport()
    {
        List<Dictionary<string, string>> rows = [.. Rows.Take(4).Select(r => new Dictionary<string, string>(r))];
        rows[1]["best"] = "eleven";
        rows[2]["id"] = rows[0]["id"];
        rows[3]["date_end"] = "2001-02-30";
        string csv = InteropData.GedCsv(rows, GedColumns.All);
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "bad.csv", null);

        Assert.Equal(4, result.Log.RowsRead);
        Assert.Equal(1, result.Log.RowsImported);
        Assert.True(result.Log.HasErrors);
        Assert.Equal(
            [
                $"bad.csv(3,1) /best: error CM6003: row 2 (GED id {rows[1]["id"]}): 'eleven' in column 'best' is not {UcdpGedImporter.CountOfPeople}; the row was not imported",
                $"bad.csv(4,1) /id: error CM6007: row 3 (GED id {rows[0]["id"]}): id '{rows[0]["id"]}' was already imported from row 1; the row was not imported",
                $"bad.csv(5,1) /date_end: error CM6003: row 4 (GED id {rows[3]["id"]}): '2001-02-30' in column 'date_end' is not a date (YYYY-MM-DD); the row was not imported",
            ],
            result.Log.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Location} {d.Location.JsonPointer}: {Diagnostic.SeverityText(d.Severity)} {d.Id}: {d.GetMessage()}"));
    }

    [Fact]
    public void Import_CsvWithoutARequiredColumn_ImportsNothingAndSaysWhy()
    {
        string csv = InteropData.GedCsv(Rows.Take(3), [.. GedColumns.All.Where(c => c != "low")]);
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "nobest.csv", null);

        Assert.Equal(3, result.Log.RowsRead);
        Assert.Equal(0, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics);
        Assert.Equal("CM6002", d.Id);
        Assert.Equal("header: column 'low' is missing; none of the file's 3 rows was imported", d.GetMessage());
    }

    [Fact]
    public void Import_UnknownColumnsAndCodes_AreKeptAsExtensionData()
    {
        List<Dictionary<string, string>> rows = [.. Rows.Take(2).Select(r => new Dictionary<string, string>(r))];
        rows[0]["where_prec"] = "9";
        rows[0]["analyst_note"] = "checked";
        rows[1]["analyst_note"] = string.Empty;
        string csv = InteropData.GedCsv(rows, [.. GedColumns.All, "analyst_note"]);
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "extra.csv", null);

        Assert.Equal(2, result.Log.RowsImported);
        Assert.Equal(["CM6009", "CM6006"], result.Log.Diagnostics.Select(d => d.Id));
        Event first = result.Dataset.Events[0];
        Assert.Null(first.Location!.Precision);
        Assert.Equal("checked", Kept(first)["analyst_note"]);
        Assert.Equal("9", Kept(first)["where_prec"]);
    }

    [Fact]
    public void Import_TruncatedGeoJson_ImportsTheFeaturesBeforeTheBreakAndSaysWhere()
    {
        byte[] bytes = InteropData.Bytes(InteropData.GedFile);
        int cut = IndexOfLine(bytes, 106) + 40; // inside the 101st feature
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(bytes, 0, cut), "cut.geojson", null);

        Assert.Equal(100, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.IsError);
        Assert.Equal("CM6001", d.Id);
        Assert.Equal(106, d.Location.StartLine);
    }

    [Fact]
    public void Import_MalformedJson_ReportsTheLine()
    {
        string json = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"id\":1 \"relid\":0}}\n]}";
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(json)), "broken.geojson", null);

        Diagnostic d = Assert.Single(result.Log.Diagnostics);
        Assert.Equal("CM6001", d.Id);
        Assert.Equal(2, d.Location.StartLine);
        Assert.Equal(0, result.Log.RowsRead);
    }

    internal static Dictionary<string, string> Kept(Event e)
        => e.Extensions.TryGetValue(GedColumns.ExtensionMember, out string json) ? SourceExtension.Parse(json) : [];

    private static Actor Actor(Dataset dataset, ActorId id) => dataset.Actors.Single(a => a.Id == id);

    private static string[] GedIds(IEnumerable<Diagnostic> diagnostics, string id)
        => [.. diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage()).Select(m => m[(m.IndexOf("GED id ", StringComparison.Ordinal) + 7)..m.IndexOf(')', StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];

    private static string[] RecordIds(DatasetReadResult read, ValidationResult result, string id)
        => [.. result.Diagnostics.Where(d => d.Id == id).Select(d => read.SpanAt(d.Location.ByteOffset)!.Id!).Order(StringComparer.Ordinal)];

    private static ConflictRecord[] WithoutExtensions(Dataset dataset)
        => [.. dataset.Records.Select(r => r is Event e ? e.WithExtensions(ExtensionData.Empty) : r)];

    private static int IndexOfLine(byte[] bytes, int line)
    {
        int current = 1;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (current == line)
            {
                return i;
            }

            if (bytes[i] == '\n')
            {
                current++;
            }
        }

        return bytes.Length;
    }
}

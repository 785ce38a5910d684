using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// A UCDP download turned into a validated dataset with the tool, as a user would: import, validate, export. The
/// expected diagnostics are computed from the raw GeoJSON here, not written by hand.
/// </summary>
public sealed partial class ImportToolTests : IDisposable
{
    private static readonly string Ged = Repository.Path("tests", "ConflictModel.Tests", "Interop", "TestData", "ucdp-ged-23.1-car.geojson.gz");
    private static readonly string Pad = Repository.Path("tests", "ConflictModel.Tests", "Interop", "TestData", "ucdp-pad-22.1.csv.gz");
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImportGed_ThenValidate_ReportsExactlyTheRangeViolationsAndNoError()
    {
        List<JsonElement> features = Features();
        string[] outside = [.. features.Where(p => Long(p, "best") < Long(p, "low") || Long(p, "best") > Long(p, "high")).Select(p => Long(p, "id").ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)];
        int inverted = features.Count(p => Long(p, "low") > Long(p, "high"));

        ProcessResult import = ProcessRunner.Tool(_folder, "import", "ucdp-ged", Ged, "-o", "ged.jsonl");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(outside, GedIds(import.Error, "CM6004"));
        Assert.Contains($"ucdp-ged: {features.Count:N0} row(s) read, {features.Count:N0} imported, 0 not imported", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(": error ", import.Error, StringComparison.Ordinal);

        ProcessResult validate = ProcessRunner.Tool(_folder, "validate", "ged.jsonl");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Dictionary<string, int> counts = Ids(validate.Output);
        Assert.Equal(outside.Length, counts["CM2001"]);
        Assert.Equal(inverted, counts["CM2002"]);
        Assert.Equal(["CM1008", "CM1011", "CM2001", "CM2002"], counts.Keys.Order(StringComparer.Ordinal));
        int sharedIds = features.GroupBy(p => Long(p, "conflict_new_id")).Sum(g => g.Count() - 1) + features.GroupBy(p => Long(p, "dyad_new_id")).Sum(g => g.Count() - 1);
        Assert.Equal(sharedIds, counts["CM1011"]);
        Assert.Equal(1, counts["CM1008"]);
        Assert.DoesNotContain(": error ", validate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportGed_AfterImport_WritesOneRowPerEvent()
    {
        Assert.Equal(0, ProcessRunner.Tool(_folder, "import", "ucdp-ged", Ged, "-o", "ged.jsonl.gz").ExitCode);
        ProcessResult export = ProcessRunner.Tool(_folder, "export", "ucdp-ged", "ged.jsonl.gz", "-o", "back.csv");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal($"ucdp-ged: {Features().Count:N0} event(s) written to back.csv\n", export.Error.ReplaceLineEndings("\n"));
        Assert.StartsWith("id,relid,year,active_year,", File.ReadAllText(Path.Combine(_folder, "back.csv")), StringComparison.Ordinal);

        ProcessResult again = ProcessRunner.Tool(_folder, "import", "ucdp-ged", "back.csv", "-o", "again.jsonl");
        Assert.True(again.ExitCode == 0, again.ToString());
        ProcessResult twice = ProcessRunner.Tool(_folder, "export", "ucdp-ged", "again.jsonl", "-o", "twice.csv");
        Assert.Equal(0, twice.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "back.csv")), File.ReadAllBytes(Path.Combine(_folder, "twice.csv")));
    }

    [Fact]
    public void ImportPad_WritesEveryAgreement_AndABadFileExitsWithOne()
    {
        ProcessResult import = ProcessRunner.Tool(_folder, "import", "ucdp-pad", Pad, "-o", "pad.jsonl", "--format", "json", "--report", "report.json");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("ucdp-pad: 374 row(s) read, 374 imported, 0 not imported", import.Error, StringComparison.Ordinal);
        Assert.Equal(374, File.ReadLines(Path.Combine(_folder, "pad.jsonl")).Count(l => l.StartsWith("{\"type\":\"agreement\"", StringComparison.Ordinal)));
        using (JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "report.json"))))
        {
            Assert.Contains("CM6010", report.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(_folder, "bad.csv"), "paid,pa_name,actor_id\n1,An agreement,\"1, 2\"\nx,Another,3\n");
        ProcessResult bad = ProcessRunner.Tool(_folder, "import", "ucdp-pad", "bad.csv", "-o", "bad.jsonl");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("bad.csv(3,1): error CM6003: row 2: 'x' in column 'paid' is not a whole number; the row was not imported", bad.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "bad.jsonl")));
    }

    [Fact]
    public void Import_UnknownSourceOrMissingFile_IsAUsageError()
    {
        Assert.Equal(2, ProcessRunner.Tool(_folder, "import", "gdelt", Ged).ExitCode);
        Assert.Equal(2, ProcessRunner.Tool(_folder, "import", "ucdp-ged", "missing.csv", "-o", "x.jsonl").ExitCode);
    }

    private static List<JsonElement> Features()
    {
        using var zip = new GZipStream(File.OpenRead(Ged), CompressionMode.Decompress);
        using JsonDocument document = JsonDocument.Parse(zip);
        return [.. document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").Clone())];
    }

    private static long Long(JsonElement properties, string name) => properties.GetProperty(name).GetInt64();

    private static string[] GedIds(string output, string id)
        => [.. output.Split('\n').Where(l => l.Contains($" {id}: ", StringComparison.Ordinal)).Select(l => GedId().Match(l).Groups[1].Value).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> Ids(string output)
        => output.Split('\n').Select(l => DiagnosticId().Match(l)).Where(m => m.Success).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"GED id (\d+)")]
    private static partial Regex GedId();

    [GeneratedRegex(@"\): (?:error|warning|info) (CM\d{4}):")]
    private static partial Regex DiagnosticId();
}

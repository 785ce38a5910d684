using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>export ucdp-ged</c> reads its input twice through the record reader and never holds the dataset (issue 18): its
/// rows must be those of <see cref="UcdpGedExporter.Write(Dataset, Stream)"/> over the loaded dataset, byte for byte,
/// whatever the order of the records, in either form, compressed or not, and from standard input.
/// </summary>
public sealed class GedExportStreamingTests : IDisposable
{
    private static readonly string Ged = Repository.Path("tests", "ConflictModel.Tests", "Interop", "TestData", "ucdp-ged-23.1-car.geojson.gz");
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-gedexport-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(Repository.Path("examples")).Where(p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Export_Example_IsTheLoadedExportersOutput(string name)
        => AssertSameAsLoaded(Repository.Path("examples", name), "out.csv");

    [Fact]
    public void Export_ImportedGed_InEveryFormAndFromStandardInput_IsTheLoadedExportersOutput()
    {
        // 2,000-odd real GED events with their actors, sources and estimates (totals with four components).
        Assert.Equal(0, ProcessRunner.Tool(_folder, "import", "ucdp-ged", Ged, "-o", "ged.jsonl").ExitCode);
        Dataset dataset = Load(Path.Combine(_folder, "ged.jsonl"));
        string expected = Expected(dataset);

        Assert.Equal(0, ProcessRunner.Tool(_folder, "convert", "ged.jsonl", "-o", "ged.json").ExitCode);
        Assert.Equal(0, ProcessRunner.Tool(_folder, "convert", "ged.jsonl", "-o", "ged.json.gz").ExitCode);
        foreach (string input in new[] { "ged.jsonl", "ged.json", "ged.json.gz" })
        {
            ProcessResult export = ProcessRunner.Tool(_folder, "export", "ucdp-ged", input, "-o", input + ".csv");
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Equal(expected, File.ReadAllText(Path.Combine(_folder, input + ".csv")));
        }

        ProcessResult piped = ProcessRunner.Run("dotnet", [Repository.ToolDll, "export", "ucdp-ged", "-"], _folder, standardInput: File.ReadAllText(Path.Combine(_folder, "ged.json")));
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Equal(expected, piped.Output);
    }

    [Fact]
    public void Export_RecordsInAnyOrderWithRepeatedIds_IsTheLoadedExportersOutput()
    {
        // Estimates before their event, a total whose components come after it, an estimate id used twice (the first
        // is the one a component names), an actor and a source named before they are given, one never given, an event
        // with no estimate.
        string[] lines =
        [
            "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"order\"}}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"t\",\"population\":\"killed\",\"figure\":{\"best\":9},\"category\":\"all\",\"event\":\"e1\",\"components\":[\"c1\",\"c2\",\"c3\",\"c4\"]}",
            "{\"type\":\"event\",\"id\":\"e1\",\"kind\":\"armedClash\",\"date\":\"2020-03\",\"participants\":[{\"actor\":\"a1\",\"role\":\"initiator\"},{\"actor\":\"a2\",\"role\":\"target\"}],\"sources\":[{\"source\":\"s1\"}]}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"c1\",\"population\":\"killed\",\"figure\":{\"best\":4},\"side\":\"a1\",\"category\":\"combatants\",\"event\":\"e1\"}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"c2\",\"population\":\"killed\",\"figure\":{\"best\":3},\"side\":\"a2\",\"category\":\"combatants\",\"event\":\"e1\"}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"c2\",\"population\":\"killed\",\"figure\":{\"best\":300},\"side\":\"a2\",\"category\":\"combatants\",\"event\":\"e2\"}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"c3\",\"population\":\"killed\",\"figure\":{\"best\":2},\"category\":\"civilians\",\"event\":\"e1\"}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"c4\",\"population\":\"killed\",\"figure\":{\"best\":0},\"category\":\"unknown\",\"event\":\"e1\"}",
            "{\"type\":\"actor\",\"id\":\"a1\",\"name\":\"Government of X\",\"kind\":\"government\",\"country\":\"PAK\"}",
            "{\"type\":\"source\",\"id\":\"s1\",\"title\":\"A report\",\"published\":\"2020-03-04T00:00:00Z\"}",
            "{\"type\":\"event\",\"id\":\"e2\",\"kind\":\"attackOnCivilians\",\"date\":\"2021\",\"participants\":[{\"actor\":\"a1\",\"role\":\"initiator\"}]}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"x\",\"population\":\"killed\",\"figure\":{\"best\":7},\"side\":\"a1\",\"category\":\"combatants\",\"event\":\"e2\"}",
            "{\"type\":\"actor\",\"id\":\"a1\",\"name\":\"A later actor with the same id\",\"kind\":\"government\"}",
            "{\"type\":\"event\",\"id\":\"e3\",\"kind\":\"armedClash\",\"date\":\"2022-01-02\"}",
        ];
        File.WriteAllText(Path.Combine(_folder, "order.jsonl"), string.Join("\n", lines) + "\n");
        string expected = AssertSameAsLoaded(Path.Combine(_folder, "order.jsonl"), "order.csv");
        Assert.Equal(4, expected.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length); // the header and three events
        Assert.Contains("Government of X", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("A later actor", expected, StringComparison.Ordinal);

        using (FileStream gz = File.Create(Path.Combine(_folder, "order.jsonl.gz")))
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(Path.Combine(_folder, "order.jsonl")));
        }

        ProcessResult export = ProcessRunner.Tool(_folder, "export", "ucdp-ged", "order.jsonl.gz");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(expected, export.Output);
    }

    [Fact]
    public void Export_InputWithAReaderError_WritesNothingAndReportsIt()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.jsonl"), "{\"type\":\"event\",\"id\":\"e1\",\"kind\":\"armedClash\",\"date\":\"2020\"}\n{\"type\":\"event\",\"id\":\n");
        ProcessResult export = ProcessRunner.Tool(_folder, "export", "ucdp-ged", "broken.jsonl", "-o", "broken.csv");
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("broken.jsonl(2,", export.Error, StringComparison.Ordinal);
        Assert.Contains("CM0001", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "broken.csv")));
    }

    private string AssertSameAsLoaded(string input, string output)
    {
        string expected = Expected(Load(input));
        ProcessResult export = ProcessRunner.Tool(_folder, "export", "ucdp-ged", input, "-o", output);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(expected, File.ReadAllText(Path.Combine(_folder, output)));
        return expected;
    }

    private static Dataset Load(string path)
    {
        DatasetReadResult read = new DatasetReader().Read(path);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return read.Dataset;
    }

    private static string Expected(Dataset dataset)
    {
        using var memory = new MemoryStream();
        UcdpGedExporter.Write(dataset, memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}

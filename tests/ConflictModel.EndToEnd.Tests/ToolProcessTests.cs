using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>The conflictmodel tool run as a process, as CI runs it.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-tool-").FullName;

    [Fact]
    public void Stats_OnTheExamples_PrintsTheContestedFigure()
    {
        ProcessResult result = ProcessRunner.Tool(Repository.Root, "stats", "examples/seed-merged.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            examples/seed-merged.json: Seed articles 000 and 002 merged: Pakistan, the Taliban and their mediators
              records: 75 (sources 3, actors 21, events 17, casualty estimates 4, attributions 5, claims 20, ceasefires 1, mediations 4)
              actors: state 9, government 1, armedForces 1, nonStateArmedGroup 1, person 4, mediaOutlet 1, group 4
              dates: none given
              dates as reported: 6 (3 without a year, 3 relative to a report)
              who estimates: casualty estimates 3 by a party, 0 by a third party, 1 not known; claims 6 by a party, 5 by a third party, 9 not known
              contested casualty figures: 1
                killed of taliban (combatants):
                  casualties-200-taliban: 200 ("200") [pakistan claims]
                  casualties-over-200-taliban: more than 200 ("over 200") [pakistan asserts]
                  1 contradicting pair(s); together they span 200 to no upper bound

            """.ReplaceLineEndings("\n"),
            result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Stats_AFigureItsClaimantRevised_IsNotContested()
    {
        // Pakistan says 200, then revises to 300 (a claim that supersedes the first): one figure, not two rivals.
        // The claims come after the estimates, so stats learns of the revision only once it has grouped them.
        string Lines(string supersedes) => string.Join("\n",
            "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"Revised\"}}",
            "{\"type\":\"source\",\"id\":\"s\"}",
            "{\"type\":\"actor\",\"id\":\"pakistan\",\"name\":\"Pakistan\",\"kind\":\"state\"}",
            "{\"type\":\"actor\",\"id\":\"taliban\",\"name\":\"Taliban\",\"kind\":\"government\"}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"first\",\"population\":\"killed\",\"figure\":{\"best\":200},\"side\":\"taliban\",\"period\":\"2025-10\",\"sources\":[{\"source\":\"s\"}]}",
            "{\"type\":\"casualtyEstimate\",\"id\":\"revised\",\"population\":\"killed\",\"figure\":{\"best\":300},\"side\":\"taliban\",\"period\":\"2025-10\",\"sources\":[{\"source\":\"s\"}]}",
            "{\"type\":\"claim\",\"id\":\"c1\",\"claimant\":\"pakistan\",\"stance\":\"asserts\",\"subject\":{\"kind\":\"casualtyEstimate\",\"target\":\"first\"},\"statement\":\"200 killed\",\"sources\":[{\"source\":\"s\"}]}",
            "{\"type\":\"claim\",\"id\":\"c2\",\"claimant\":\"pakistan\",\"stance\":\"asserts\",\"subject\":{\"kind\":\"casualtyEstimate\",\"target\":\"revised\"},\"statement\":\"300 killed\"" + supersedes + ",\"sources\":[{\"source\":\"s\"}]}") + "\n";
        File.WriteAllText(Path.Combine(_folder, "revised.jsonl"), Lines(",\"supersedes\":\"c1\""));
        File.WriteAllText(Path.Combine(_folder, "rival.jsonl"), Lines(string.Empty));

        ProcessResult revised = ProcessRunner.Tool(_folder, "stats", "revised.jsonl");
        ProcessResult rival = ProcessRunner.Tool(_folder, "stats", "rival.jsonl");

        Assert.True(revised.ExitCode == 0, revised.ToString());
        Assert.Contains("  contested casualty figures: 0\n", revised.Output, StringComparison.Ordinal);
        Assert.True(rival.ExitCode == 0, rival.ToString());
        Assert.Contains("  contested casualty figures: 1\n", rival.Output, StringComparison.Ordinal);
        Assert.Contains("      1 contradicting pair(s); together they span 200 to 300\n", rival.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_ListsTheContradictoryGroupsOfGroupsOf_InItsOrder()
    {
        // Interleaved populations: two contradictory groups, one whose figures agree, and an estimate alone.
        var taliban = new ActorId("taliban");
        var army = new ActorId("army");
        CasualtyEstimate[] estimates =
        [
            new(new CasualtyEstimateId("w-1"), CasualtyPopulation.Wounded, CasualtyFigure.Exactly(10), army),
            new(new CasualtyEstimateId("k-1"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(200), taliban, CasualtyCategory.Combatants),
            new(new CasualtyEstimateId("a-1"), CasualtyPopulation.Killed, CasualtyFigure.AtLeast(58), army),
            new(new CasualtyEstimateId("alone"), CasualtyPopulation.Missing, CasualtyFigure.Exactly(3), army),
            new(new CasualtyEstimateId("w-2"), CasualtyPopulation.Wounded, CasualtyFigure.AtMost(4), army),
            new(new CasualtyEstimateId("k-2"), CasualtyPopulation.Killed, CasualtyFigure.AtLeast(200, exclusive: true), taliban, CasualtyCategory.Combatants),
            new(new CasualtyEstimateId("a-2"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(60) with { IsApproximate = true }, army),
            new(new CasualtyEstimateId("w-3"), CasualtyPopulation.Wounded, CasualtyFigure.Exactly(11), army),
        ];
        Dataset dataset = Dataset.Create(new DatasetInfo("Groups"), estimates);
        File.WriteAllText(Path.Combine(_folder, "groups.json"), ConflictJsonSerializer.Serialize(dataset));
        CasualtyEstimateGroup[] expected = [.. CasualtyEnvelope.GroupsOf(dataset).Where(g => g.IsContradictory)];
        Assert.Equal(["w-1", "w-2", "w-3", "k-1", "k-2"], expected.SelectMany(g => g.Estimates).Select(e => e.Id.Value));

        ProcessResult result = ProcessRunner.Tool(_folder, "stats", "groups.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains($"  contested casualty figures: {expected.Length}", lines);
        string[] headers = [.. lines.Where(l => l.StartsWith("    ", StringComparison.Ordinal) && !l.StartsWith("      ", StringComparison.Ordinal))];
        Assert.Equal(["    wounded of army:", "    killed of taliban (combatants):"], headers);
        string[] listed = [.. lines.Where(l => l.StartsWith("      ", StringComparison.Ordinal) && l.Contains(": ", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(':', StringComparison.Ordinal)])];
        Assert.Equal(expected.SelectMany(g => g.Estimates).Select(e => e.Id.Value), listed);
        string[] pairs = [.. lines.Where(l => l.Contains(" contradicting pair(s); together they span ", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(' ', StringComparison.Ordinal)])];
        Assert.Equal(expected.Select(g => g.Envelope.Conflicts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), pairs);
    }

    [Fact]
    public void Stats_OnAFolder_ReadsEveryDatasetInOrder()
    {
        ProcessResult result = ProcessRunner.Tool(Repository.Root, "stats", "examples");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] headers = result.Output.Split('\n').Where(l => l.StartsWith("examples/", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(["examples/armenia-azerbaijan-ceasefire-2020.json", "examples/india-pakistan-ceasefire-2025.json", "examples/israel-hamas-gaza-ceasefire-2025.json", "examples/seed-asif-geo-tv.json", "examples/seed-dar-kabul-visit.json", "examples/seed-merged.json", "examples/seed-merged.jsonl", "examples/sudan-jeddah-talks-2023.json", "examples/thailand-cambodia-ceasefire-2025.json"], headers);
    }

    [Fact]
    public void Convert_DocumentToJsonLines_GivesTheCommittedJsonLinesFile()
    {
        string output = Path.Combine(_folder, "merged.jsonl");
        ProcessResult result = ProcessRunner.Tool(Repository.Root, "convert", "examples/seed-merged.json", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(Repository.Path("examples", "seed-merged.jsonl")), File.ReadAllBytes(output));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Convert_GzipJsonLinesToDocument_RoundTrips()
    {
        string gz = Path.Combine(_folder, "merged.jsonl.gz");
        using (FileStream file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write(File.ReadAllBytes(Repository.Path("examples", "seed-merged.jsonl")));
        }

        ProcessResult result = ProcessRunner.Tool(_folder, "convert", "merged.jsonl.gz", "--to", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Repository.Path("examples", "seed-merged.json")), result.Output);
    }

    [Fact]
    public void Convert_FromStandardInput_Works()
    {
        ProcessResult result = ProcessRunner.Run("dotnet", [Repository.ToolDll, "convert", "-", "--to", "jsonl"], _folder, File.ReadAllText(Repository.Path("examples", "seed-merged.json")));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Repository.Path("examples", "seed-merged.jsonl")), result.Output);
    }

    [Fact]
    public void Schema_WritesTheCommittedSchema()
    {
        ProcessResult result = ProcessRunner.Tool(Repository.Root, "schema");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Repository.Path("schemas", "conflictmodel.schema.json")), result.Output);
    }

    [Fact]
    public void MissingFile_ExitsTwoWithOneLine()
    {
        ProcessResult result = ProcessRunner.Tool(_folder, "stats", "no-such.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("conflictmodel: no-such.json: no such file or directory\n", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void BadData_ExitsOneNamingTheFileAndPlace()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"date\":\"2023-02-30\"}]}");
        ProcessResult result = ProcessRunner.Tool(_folder, "stats", "bad.json");
        Assert.Equal(1, result.ExitCode);
        // The diagnostics validate prints (a warning among them), with the file, line and column.
        Assert.Contains("bad.json(1,87): error CM0010: '2023-02-30' is not a valid EDTF date: day 30 does not exist in 2023-02, which has 28 days\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        ProcessResult result = ProcessRunner.Tool(_folder, "frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("conflictmodel: unknown command 'frobnicate'\nRun 'conflictmodel --help' for usage.\n", result.Error);
    }

    [Fact]
    public void Version_IsPrinted()
    {
        ProcessResult result = ProcessRunner.Tool(_folder, "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1.0.0", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary><c>conflictmodel validate</c> run as a process, as a CI step runs it: exact lines and exit codes (the report formats' checks by external validators are in <see cref="ReportFormatTests"/>).</summary>
public sealed class ValidateToolTests : IDisposable
{
    private const string Broken = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"empire"}],"events":[{"id":"e","kind":"talks","date":"2023-02-30","participants":[{"actor":"zz","role":"host"}]}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-validate-").FullName;

    [Fact]
    public void Examples_HaveNoErrorsOrWarnings()
    {
        ProcessResult result = ProcessRunner.Tool(Repository.Root, "validate", "examples");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("9 file(s), 473 record(s): 0 error(s), 0 warning(s), 5 info(s)", lines[^1]);
        Assert.Contains("examples/seed-merged.json(728,17): info CM2008: 'casualties-200-taliban' and 'casualties-over-200-taliban' count the same people but cannot both be right (200 and over 200)", lines);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void BrokenDataset_ReportsEveryProblemWithItsPosition_AndExitsOne()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), Broken);

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "bad.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            """
            bad.json(1,83): error CM0009: 'empire' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other
            bad.json(1,104): warning CM5009: The event cites no source
            bad.json(1,136): error CM0010: '2023-02-30' is not a valid EDTF date: day 30 does not exist in 2023-02, which has 28 days
            bad.json(1,174): error CM1001: There is no actor with the id 'zz'
            1 file(s), 1 record(s): 3 error(s), 1 warning(s), 0 info(s)

            """.ReplaceLineEndings("\n"),
            result.Output);
    }

    [Fact]
    public void GitHubFormat_WritesEscapedAnnotations()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), Broken);

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "bad.json", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        string first = result.Output.Split('\n')[0];
        Assert.StartsWith("::error file=bad.json,line=1,col=83,", first, StringComparison.Ordinal);
        Assert.Contains("title=CM0009%3A ", first, StringComparison.Ordinal);
        Assert.EndsWith("(at /actors/0/kind)", first, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormat_ListsTheDiagnostics()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), Broken);
        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "bad.json", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement diagnostics = document.RootElement.GetProperty("diagnostics");
        Assert.Equal(["CM0009", "CM5009", "CM0010", "CM1001"], diagnostics.EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray());
        Assert.Equal("/events/0/date", diagnostics[2].GetProperty("jsonPointer").GetString());
    }

    [Fact]
    public void SeverityOverride_AndWarnAsError_ChangeTheExitCode()
    {
        ProcessResult raised = ProcessRunner.Tool(Repository.Root, "validate", "examples/seed-merged.json", "--severity", "CM2008=warning", "--warnaserror");
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("examples/seed-merged.json(728,17): error CM2008:", raised.Output, StringComparison.Ordinal); // promoted, as Roslyn does under warnaserror

        ProcessResult silenced = ProcessRunner.Tool(Repository.Root, "validate", "examples/seed-merged.json", "--severity", "CM2008=none", "--warnaserror");
        Assert.Equal(0, silenced.ExitCode);
        Assert.DoesNotContain("CM2008", silenced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_BrokenLine500_LaterLinesAreStillChecked()
    {
        var text = new StringBuilder("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n");
        for (int i = 2; i <= 600; i++)
        {
            text.Append(i switch
            {
                500 => "{\"type\":\"actor\",\"id\":\"a500\",\"name\":\n",
                550 => "{\"type\":\"event\",\"id\":\"e550\",\"kind\":\"talks\",\"participants\":[{\"actor\":\"nobody\",\"role\":\"host\"}]}\n",
                _ => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i}\",\"kind\":\"group\"}}\n",
            });
        }

        File.WriteAllText(Path.Combine(_folder, "big.jsonl"), text.ToString());
        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "big.jsonl", "--severity", "CM1012=none", "--severity", "CM5009=none");

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("big.jsonl(500,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("big.jsonl(550,", lines[1], StringComparison.Ordinal);
        Assert.Contains("CM1001", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1 file(s), 598 record(s): 2 error(s)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_StandardInput_StreamsWithTheFilesOutput()
    {
        // Forward references (the event before its actors), a broken line and a repeated id.
        string text = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n"
            + "{\"type\":\"event\",\"id\":\"e1\",\"kind\":\"talks\",\"participants\":[{\"actor\":\"a1\",\"role\":\"host\"},{\"actor\":\"nobody\",\"role\":\"host\"}]}\n"
            + "{\"type\":\"actor\",\"id\":\"a1\",\"name\":\"A\",\"kind\":\"group\"}\n"
            + "{\"type\":\"actor\",\"id\":\"a2\",\"name\":\n"
            + "{\"type\":\"actor\",\"id\":\"a1\",\"name\":\"A\",\"kind\":\"group\"}\n";
        File.WriteAllText(Path.Combine(_folder, "lines.jsonl"), text);

        ProcessResult file = ProcessRunner.Tool(_folder, "validate", "lines.jsonl");
        ProcessResult piped = ProcessRunner.Run("dotnet", [Repository.ToolDll, "validate", "-"], _folder, text);

        Assert.Equal(file.ExitCode, piped.ExitCode);
        Assert.Contains("CM1002", file.Output, StringComparison.Ordinal);
        Assert.Contains("CM1001", file.Output, StringComparison.Ordinal);
        Assert.Equal(file.Output.Replace("lines.jsonl", "<stdin>", StringComparison.Ordinal), piped.Output);
    }

    [Fact]
    public void UnreadableInputAndBadOptions_ExitTwoWithOneLine()
    {
        ProcessResult missing = ProcessRunner.Tool(_folder, "validate", "nope.jsonl");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("conflictmodel: nope.jsonl: no such file or directory\n", missing.Error);

        ProcessResult badLevel = ProcessRunner.Tool(_folder, "validate", ".", "--severity", "CM2008=loud");
        Assert.Equal(2, badLevel.ExitCode);
        Assert.Contains("the level must be none, hidden, info, warning or error", badLevel.Error, StringComparison.Ordinal);

        ProcessResult badFormat = ProcessRunner.Tool(_folder, "validate", ".", "--format", "xml");
        Assert.Equal(2, badFormat.ExitCode);
    }

    [Fact]
    public void ConfigurationBesideTheData_RaisesSeverityAndSuppressesWithJustification()
    {
        File.Copy(Repository.Path("examples", "seed-merged.json"), Path.Combine(_folder, "merged.json"));
        File.WriteAllText(Path.Combine(_folder, ".conflictmodel.json"), """{"severity":{"CM2008":"error"}}""");

        ProcessResult raised = ProcessRunner.Tool(_folder, "validate", "merged.json");
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("merged.json(728,17): error CM2008:", raised.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, ".conflictmodel.json"), """
            {"severity":{"CM2008":"error"},
             "suppressions":[{"id":"CM2008","record":"casualties-over-200-taliban","justification":"The two articles disagree; both figures are kept as reported."}]}
            """);
        ProcessResult suppressed = ProcessRunner.Tool(_folder, "validate", "merged.json", "--format", "sarif");
        Assert.Equal(0, suppressed.ExitCode);
        using JsonDocument sarif = JsonDocument.Parse(suppressed.Output);
        JsonElement result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "CM2008");
        Assert.Equal("The two articles disagree; both figures are kept as reported.", result.GetProperty("suppressions")[0].GetProperty("justification").GetString());

        File.WriteAllText(Path.Combine(_folder, ".conflictmodel.json"), """{"severity":""");
        ProcessResult broken = ProcessRunner.Tool(_folder, "validate", "merged.json");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains(".conflictmodel.json", broken.Error, StringComparison.Ordinal);
        Assert.Single(broken.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Explain_PrintsTheRule()
    {
        ProcessResult result = ProcessRunner.Tool(_folder, "explain", "CM2008");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CM2008", result.Output, StringComparison.Ordinal);
        Assert.Contains("docs/rules/CM2008.md", result.Output, StringComparison.Ordinal);

        ProcessResult import = ProcessRunner.Tool(_folder, "explain", "CM6004");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("CM6004: Best estimate outside its range", import.Output, StringComparison.Ordinal);
        Assert.Contains("Default severity: warning", import.Output, StringComparison.Ordinal);

        ProcessResult list = ProcessRunner.Tool(_folder, "explain");
        Assert.Contains("CM6004", list.Output, StringComparison.Ordinal);
        Assert.Contains("CM2008", list.Output, StringComparison.Ordinal);

        ProcessResult unknown = ProcessRunner.Tool(_folder, "explain", "CM9999");
        Assert.Equal(2, unknown.ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

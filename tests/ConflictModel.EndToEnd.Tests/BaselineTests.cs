using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>--baseline</c> and <c>--update-baseline</c>, the tool run as a process: a baseline keyed by content survives
/// reformatting and reordering, only new findings fail the run, entries no longer found are listed and pruned, and
/// SARIF marks each result's baselineState (checked by the multitool too).
/// </summary>
[Collection(NodeToolsGroup.Name)]
public sealed class BaselineTests(NodeTools tools) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-baseline-").FullName;

    [Fact]
    public void JsonLines_ReorderedAndReformatted_StillMatches_NewFindingsFail_FixedOnesAreListedAndPruned()
    {
        string[] records =
        [
            """{"type":"event","id":"e1","kind":"talks","participants":[{"actor":"nobody1","role":"host"}]}""",
            """{"type":"event","id":"e2","kind":"talks","participants":[{"actor":"nobody2","role":"host"}]}""",
            """{"type":"actor","id":"a","name":"A","kind":"empire"}""",
        ];
        WriteLines("data.jsonl", records);
        Git("init", "--quiet"); // as in a CI checkout, so that the SARIF below has its version control provenance
        Git("remote", "add", "origin", "https://github.com/example/data.git");

        ProcessResult created = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json", "--update-baseline");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("conflictmodel: baseline.json: 5 finding(s) written (5 new, 0 no longer found and removed)\n", created.Error);
        using (JsonDocument baseline = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "baseline.json"))))
        {
            JsonElement[] entries = [.. baseline.RootElement.GetProperty("entries").EnumerateArray()];
            Assert.Equal(5, entries.Length);
            Assert.Contains(entries, e => e.GetProperty("id").GetString() == "CM1001" && e.GetProperty("recordKind").GetString() == "event"
                && e.GetProperty("recordId").GetString() == "e2" && e.GetProperty("jsonPointer").GetString() == "/participants/0/actor");
            Assert.DoesNotContain("\"line\"", baseline.RootElement.ToString(), StringComparison.Ordinal);
        }

        // Reordered records, other whitespace: nothing new.
        WriteLines("data.jsonl", [records[2].Replace(",", ", ", StringComparison.Ordinal), records[1], "  " + records[0].Replace(":", " : ", StringComparison.Ordinal)]);
        ProcessResult same = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json");
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.Equal("1 file(s), 2 record(s): 0 error(s), 0 warning(s), 0 info(s), 5 suppressed; baseline: 5 unchanged, 0 no longer found\n", same.Output); // the actor of an unknown kind is not a record

        // A new finding fails the run and is the only one shown; a fixed one is listed.
        WriteLines("data.jsonl", [records[0], records[1].Replace("nobody2", "a", StringComparison.Ordinal), records[2], """{"type":"event","id":"e3","kind":"talks","participants":[{"actor":"nobody3","role":"host"}]}"""]);
        ProcessResult changed = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json");
        Assert.Equal(1, changed.ExitCode);
        string[] lines = changed.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(
            ["data.jsonl(5,1): warning CM5009: The event cites no source", "data.jsonl(5,67): error CM1001: There is no actor with the id 'nobody3'"],
            lines[..2]);
        Assert.Contains("baseline: no longer found: CM1001 in event 'e2' at '/participants/0/actor'", lines);

        ProcessResult sarif = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json", "--format", "sarif", "--output", "report.sarif");
        Assert.Equal(1, sarif.ExitCode);
        using (JsonDocument log = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "report.sarif"))))
        {
            string[] states = [.. log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()!)];
            Assert.Equal(2, states.Count(s => s == "new")); // CM1001 e3 and its CM5009
            Assert.Equal(4, states.Count(s => s == "unchanged"));
            Assert.Single(states, s => s == "absent");
        }

        AssertMultitoolFindsNothing(Path.Combine(_folder, "report.sarif"));

        // --update-baseline takes the new findings in and drops the fixed one.
        ProcessResult updated = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json", "--update-baseline");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Equal("conflictmodel: baseline.json: 6 finding(s) written (2 new, 1 no longer found and removed)\n", updated.Error);
        ProcessResult clean = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "baseline.json");
        Assert.Equal(0, clean.ExitCode);
        Assert.EndsWith("; baseline: 6 unchanged, 0 no longer found\n", clean.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_ReindentedAndReordered_StillMatches()
    {
        var document = new JsonObject
        {
            ["formatVersion"] = "1.0",
            ["info"] = new JsonObject { ["title"] = "t" },
            ["events"] = new JsonArray(
                JsonNode.Parse("""{"id":"e1","kind":"talks","date":"2023-02-30","participants":[{"actor":"nobody1","role":"host"}]}"""),
                JsonNode.Parse("""{"id":"e2","kind":"talks","participants":[{"actor":"nobody2","role":"host"}]}""")),
        };
        string path = Path.Combine(_folder, "data.json");
        File.WriteAllText(path, document.ToJsonString());
        ProcessResult created = ProcessRunner.Tool(_folder, "validate", "data.json", "--baseline", "b.json", "--update-baseline");
        Assert.True(created.ExitCode == 0, created.ToString());

        JsonArray events = document["events"]!.AsArray();
        JsonNode first = events[0]!;
        events.RemoveAt(0);
        events.Add(first);
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        ProcessResult same = ProcessRunner.Tool(_folder, "validate", "data.json", "--baseline", "b.json");
        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.EndsWith("; baseline: 5 unchanged, 0 no longer found\n", same.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBaseline_IsAUsageError()
    {
        WriteLines("data.jsonl", ["""{"type":"actor","id":"a","name":"A","kind":"group"}"""]);
        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--baseline", "none.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("conflictmodel: none.json: no such baseline; --update-baseline creates it\n", result.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Git(params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run("git", arguments, _folder);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private void WriteLines(string name, string[] records)
        => File.WriteAllText(Path.Combine(_folder, name), "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n" + string.Join('\n', records) + "\n");

    private void AssertMultitoolFindsNothing(string sarif)
    {
        string verdict = Path.Combine(_folder, "verdict.sarif");
        ProcessResult run = tools.SarifMultitool("validate", sarif, "--output", verdict, "--level", "Error;Warning;Note", "--kind", "Fail;Pass;Review;Open;NotApplicable;Informational", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(verdict));
        string[] findings = [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() != "SARIF2006") // an HTTP GET of each URI: offline here (see ReportFormatTests)
            .Select(r => r.ToString())];
        Assert.True(findings.Length == 0, string.Join('\n', findings));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The report formats as a CI step sees them, the tool run as a process: every SARIF log any case here writes is checked
/// by Microsoft's SARIF multitool (its own SARIF findings counted, every level and kind) and by ajv against the SARIF
/// 2.1.0 schema; the JSON report against its committed schema; text that data cannot forge; totals that stay true
/// when the listing is capped; GitHub annotations within GitHub's caps with the rest in the job summary.
/// </summary>
[Collection(NodeToolsGroup.Name)]
public sealed class ReportFormatTests(NodeTools tools) : IDisposable
{
    private const string Broken = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"empire"}],"events":[{"id":"e","kind":"talks","date":"2023-02-30","participants":[{"actor":"zz","role":"host"}]}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-report-").FullName;

    public static TheoryData<string, string[]> SarifCases => new()
    {
        { "broken document", ["validate", "bad.json", "--format", "sarif"] },
        { "folder with JSON Lines", ["validate", ".", "--format", "sarif"] },
        { "capped", ["validate", ".", "--format", "sarif", "--max-diagnostics", "2"] },
        { "forged values", ["validate", "forge.json", "--format", "sarif"] },
        { "clean", ["validate", "merged.jsonl", "--format", "sarif", "--severity", "*=none"] },
        { "suppressed with configuration", ["validate", "suppressed/merged.json", "--format", "sarif"] },
    };

    [Theory]
    [MemberData(nameof(SarifCases))]
    public void Sarif_PassesTheMultitoolWithNoFinding_AndTheSchema(string what, string[] arguments)
    {
        WriteFixtures(gitRepository: true);
        ProcessResult run = ProcessRunner.Tool(_folder, [.. arguments, "--output", "report.sarif"]);
        Assert.True(run.ExitCode is 0 or 1, $"{what}\n{run}");
        Assert.Equal(string.Empty, run.Output);
        string sarif = Path.Combine(_folder, "report.sarif");

        AssertMultitoolFindsNothing(sarif, what);
        AssertSchemaValid(Path.Combine(NodeTools.Folder, "sarif-2.1.0.json"), sarif, what);
    }

    [Fact]
    public void Sarif_HasFingerprints_SnippetsProvenanceAndTruncationNotice()
    {
        WriteFixtures(gitRepository: true);
        ProcessResult run = ProcessRunner.Tool(_folder, "validate", "bad.json", "--format", "sarif", "--max-diagnostics", "3");
        Assert.Equal(1, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement sarifRun = document.RootElement.GetProperty("runs")[0];
        Assert.False(sarifRun.TryGetProperty("artifacts", out _));
        JsonElement[] results = [.. sarifRun.GetProperty("results").EnumerateArray()];
        Assert.Equal(3, results.Length);
        JsonElement first = results[0];
        Assert.Matches("^[0-9a-f]{32}:1$", first.GetProperty("partialFingerprints").GetProperty("conflictModelFingerprint/v1").GetString());
        JsonElement physical = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("bad.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("\"empire\"", physical.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString());
        Assert.Equal("'empire' is not a known 'actor kind'; expected one of: 'state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other' (at '/actors/0/kind').", first.GetProperty("message").GetProperty("text").GetString());

        // The remote's credentials never reach the report.
        JsonElement provenance = sarifRun.GetProperty("versionControlProvenance")[0];
        Assert.Equal("https://github.com/example/data.git", provenance.GetProperty("repositoryUri").GetString());
        Assert.Matches("^[0-9a-f]{40}$", provenance.GetProperty("revisionId").GetString());
        Assert.DoesNotContain("secret-token", run.Output, StringComparison.Ordinal);

        JsonElement invocation = sarifRun.GetProperty("invocations")[0];
        JsonElement notice = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("warning", notice.GetProperty("level").GetString());
        Assert.Equal("Only the first 3 of 4 results are listed; 1 were left out (--max-diagnostics).", notice.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(3, invocation.GetProperty("properties").GetProperty("totals").GetProperty("errors").GetInt32());

        // Moving the finding to another line keeps its fingerprint.
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "\n\n" + Broken.Replace(",\"events\"", ",\n\"events\"", StringComparison.Ordinal));
        ProcessResult moved = ProcessRunner.Tool(_folder, "validate", "bad.json", "--format", "sarif");
        using JsonDocument after = JsonDocument.Parse(moved.Output);
        Assert.Equal(
            results.Select(Fingerprint).ToArray(),
            after.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Take(3).Select(Fingerprint).ToArray());
    }

    [Fact]
    public void Sarif_NamesTheConfigurationFilesThatApplied()
    {
        WriteFixtures(gitRepository: false);
        ProcessResult run = ProcessRunner.Tool(_folder, "validate", "suppressed/merged.json", "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement files = document.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("properties").GetProperty("configurationFiles");
        Assert.Equal(["suppressed/.conflictmodel.json"], files.EnumerateArray().Select(f => f.GetString()!).ToArray());
    }

    [Fact]
    public void Text_EscapesControlCharacters_SoDataCannotForgeALine()
    {
        WriteFixtures(gitRepository: false);
        ProcessResult run = ProcessRunner.Tool(_folder, "validate", "forge.json");

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                @"forge.json(1,61): error CM0011: 'a\n/x(1,1): error CM0001: forged\u001B[31m' is not a valid id: it contains a control character",
                "forge.json(1,144): warning CM5009: The event cites no source",
                @"forge.json(1,194): error CM1001: There is no actor with the id 'zz\u202E\u2066'",
                "1 file(s), 1 record(s): 2 error(s), 1 warning(s), 0 info(s)",
            ],
            lines);
        Assert.DoesNotContain(run.Output, c => c == '\u001B' || c == '\u202E' || c == '\u2066');
    }

    [Fact]
    public void MaxDiagnostics_KeepsTheTrueTotals()
    {
        WriteFixtures(gitRepository: false);
        ProcessResult capped = ProcessRunner.Tool(_folder, "validate", "bad.json", "--max-diagnostics", "1");
        Assert.Equal(1, capped.ExitCode);
        Assert.Equal(
            ["bad.json(1,83): error CM0009: 'empire' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other",
             "... 3 more diagnostic(s) not shown (--max-diagnostics 1)",
             "1 file(s), 1 record(s): 3 error(s), 1 warning(s), 0 info(s)"],
            capped.Output.TrimEnd('\n').Split('\n'));

        // Only a warning is shown, yet the run fails: the summary says why.
        ProcessResult warningFirst = ProcessRunner.Tool(_folder, "validate", "bad.json", "--max-diagnostics", "1", "--severity", "CM0009=none");
        Assert.Equal(1, warningFirst.ExitCode);
        Assert.Equal(
            ["bad.json(1,104): warning CM5009: The event cites no source",
             "... 2 more diagnostic(s) not shown (--max-diagnostics 1)",
             "1 file(s), 1 record(s): 2 error(s), 1 warning(s), 0 info(s)"],
            warningFirst.Output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Json_IsOneObjectWithTrueTotals_ValidAgainstItsSchema()
    {
        WriteFixtures(gitRepository: false);
        ProcessResult run = ProcessRunner.Tool(_folder, "validate", ".", "--format", "json", "--max-diagnostics", "2", "--output", "report.json");
        Assert.Equal(1, run.ExitCode);
        string path = Path.Combine(_folder, "report.json");
        AssertSchemaValid(Repository.Path("schemas", "validation-report.schema.json"), path, "json report");

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("formatVersion").GetString());
        Assert.Equal("conflictmodel", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.True(root.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, root.GetProperty("diagnostics").EnumerateArray().Count(d => !d.GetProperty("suppressed").GetBoolean()));
        Assert.Single(root.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("suppressed").GetBoolean()); // listed, not counted against the limit
        JsonElement totals = root.GetProperty("totals");
        int errors = totals.GetProperty("errors").GetInt32();
        int warnings = totals.GetProperty("warnings").GetInt32();
        int infos = totals.GetProperty("infos").GetInt32();
        Assert.True(errors >= 5, root.ToString());
        Assert.Equal(errors + warnings + infos, totals.GetProperty("byId").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(errors + warnings + infos, totals.GetProperty("byFile").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(errors + warnings + infos - 2, root.GetProperty("notListed").GetInt32());
        Assert.Equal(2, totals.GetProperty("byId").GetProperty("CM1001").GetInt32()); // bad.json and forge.json
    }

    [Fact]
    public void Json_Schema_RejectsAReportMissingItsTotals()
    {
        string path = Path.Combine(_folder, "broken-report.json");
        File.WriteAllText(path, """{"formatVersion":"1.0","tool":{"name":"conflictmodel","version":"1"},"files":[],"configurationFiles":[],"records":0,"truncated":false,"notListed":0,"diagnostics":[]}""");
        ProcessResult ajv = tools.Node("validate-schema.mjs", Repository.Path("schemas", "validation-report.schema.json"), path);
        Assert.Equal(1, ajv.ExitCode);
        Assert.Single(SchemaErrors(ajv));
    }

    [Fact]
    public void GitHub_StaysWithinGitHubsCaps_AndWritesTheRestToTheJobSummary()
    {
        var text = new StringBuilder("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n");
        for (int i = 0; i < 25; i++)
        {
            text.Append(CultureInfoInvariant($"{{\"type\":\"event\",\"id\":\"e{i}\",\"kind\":\"talks\",\"participants\":[{{\"actor\":\"nobody{i}\",\"role\":\"host\"}}]}}\n"));
        }

        File.WriteAllText(Path.Combine(_folder, "many.jsonl"), text.ToString());
        string summary = Path.Combine(_folder, "summary.md");
        File.WriteAllText(summary, "previous step's summary\n");
        ProcessResult run = ProcessRunner.Run("dotnet", [Repository.ToolDll, "validate", "many.jsonl", "--format", "github"], _folder, environment: new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal("... 30 more diagnostic(s) without an annotation (GitHub shows at most 10 of each level per step); the job summary has them all", lines[^2]);
        Assert.Equal("1 file(s), 25 record(s): 25 error(s), 25 warning(s), 0 info(s)", lines[^1]);

        string markdown = File.ReadAllText(summary);
        Assert.StartsWith("previous step's summary\n## conflictmodel: errors found\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| [CM1001](https://github.com/conflictmodel/conflictmodel/blob/main/docs/rules/CM1001.md) | Dangling reference | 25 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| [CM5009](https://github.com/conflictmodel/conflictmodel/blob/main/docs/rules/CM5009.md) | Event without a source | 25 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| many.jsonl | 50 |", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>30 finding(s) without an annotation</summary>", markdown, StringComparison.Ordinal);
        Assert.Equal(30, markdown.Split('\n').Count(l => l.StartsWith("| many.jsonl(", StringComparison.Ordinal)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string? Fingerprint(JsonElement result) => result.GetProperty("partialFingerprints").GetProperty("conflictModelFingerprint/v1").GetString();

    private static List<JsonElement> SchemaErrors(ProcessResult ajv)
        => [.. ajv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => JsonDocument.Parse(line).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.Clone()))];

    private void AssertSchemaValid(string schema, string file, string what)
    {
        ProcessResult ajv = tools.Node("validate-schema.mjs", schema, file);
        List<JsonElement> errors = SchemaErrors(ajv);
        Assert.True(errors.Count == 0 && ajv.ExitCode == 0, $"{what}: {errors.Count} schema error(s)\n{ajv}");
    }

    /// <summary>
    /// Runs the multitool's validate on every level and kind, writing its findings as SARIF, and counts them. The one
    /// rule it cannot pass here is SARIF2006 (each URI must answer an HTTP GET): this machine is offline, so it fires
    /// for every URI whatever the URI; those findings are checked offline instead: each names a URI we emit on purpose
    /// (a rule's help page must exist in docs/rules/). Any other finding, of any level, fails.
    /// </summary>
    private void AssertMultitoolFindsNothing(string sarif, string what)
    {
        string verdict = Path.Combine(_folder, "verdict.sarif");
        File.Delete(verdict);
        ProcessResult run = tools.SarifMultitool("validate", sarif, "--output", verdict, "--level", "Error;Warning;Note", "--kind", "Fail;Pass;Review;Open;NotApplicable;Informational", "--quiet");
        Assert.True(run.ExitCode == 0, $"{what}\n{run}");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(verdict));
        JsonElement verdictRun = document.RootElement.GetProperty("runs")[0];
        var findings = new List<string>();
        foreach (JsonElement result in verdictRun.GetProperty("results").EnumerateArray())
        {
            string rule = result.GetProperty("ruleId").GetString()!;
            string[] arguments = result.GetProperty("message").TryGetProperty("arguments", out JsonElement args) ? [.. args.EnumerateArray().Select(a => a.GetString()!)] : [];
            if (rule == "SARIF2006" && arguments.Length == 2 && IsOurUri(arguments[1]))
            {
                continue;
            }

            findings.Add($"{result.GetProperty("level").GetString()} {rule} {string.Join(" | ", arguments)}");
        }

        foreach (JsonElement invocation in verdictRun.GetProperty("invocations").EnumerateArray())
        {
            foreach (string kind in new[] { "toolExecutionNotifications", "toolConfigurationNotifications" })
            {
                if (invocation.TryGetProperty(kind, out JsonElement notifications))
                {
                    findings.AddRange(notifications.EnumerateArray().Select(n => $"{kind}: {n}"));
                }
            }
        }

        Assert.True(findings.Count == 0, $"{what}: the multitool found {findings.Count}:\n{string.Join('\n', findings)}");
    }

    private static bool IsOurUri(string uri)
    {
        const string help = "https://github.com/conflictmodel/conflictmodel/blob/main/docs/rules/";
        return uri is "https://json.schemastore.org/sarif-2.1.0.json" or "https://github.com/conflictmodel/conflictmodel" or "https://github.com/example/data.git"
            || (uri.StartsWith(help, StringComparison.Ordinal) && File.Exists(Repository.Path("docs", "rules", uri[help.Length..])));
    }

    private void WriteFixtures(bool gitRepository)
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), Broken);
        File.WriteAllText(
            Path.Combine(_folder, "forge.json"),
            "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"actors\":[{\"id\":\"a\\n/x(1,1): error CM0001: forged\\u001b[31m\",\"name\":\"A\",\"kind\":\"state\"}],\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"participants\":[{\"actor\":\"zz\\u202e\\u2066\",\"role\":\"host\"}]}]}");
        File.Copy(Repository.Path("examples", "seed-merged.jsonl"), Path.Combine(_folder, "merged.jsonl"), overwrite: true);
        string suppressed = Directory.CreateDirectory(Path.Combine(_folder, "suppressed")).FullName;
        File.Copy(Repository.Path("examples", "seed-merged.json"), Path.Combine(suppressed, "merged.json"), overwrite: true);
        File.WriteAllText(Path.Combine(suppressed, ".conflictmodel.json"), """
            {"severity":{"CM2008":"error"},
             "suppressions":[{"id":"CM2008","record":"casualties-over-200-taliban","justification":"The two articles disagree; both figures are kept as reported."}]}
            """);
        if (gitRepository)
        {
            // As in a CI checkout: a work tree with a remote and a commit, for the version control provenance.
            Git("init", "--quiet", "--initial-branch=main");
            Git("remote", "add", "origin", "https://secret-token@github.com/example/data.git");
            Git("add", ".");
            Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "data");
        }
    }

    private void Git(params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run("git", arguments, _folder);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>conflictmodel stats</c> against its own output from before it stopped holding the casualty estimates (issue 18):
/// the goldens in Golden/ were written by the tool at 0f2b8b7, which kept every estimate, and the summary must not have
/// changed by a byte, on the examples, on the generated 100,000-record dataset in both forms and on standard input.
/// The hashes it now keeps instead of the estimates are then cut to a few bits (a test hook), so that almost every
/// estimate collides with another: collisions must cost reads again, never a different summary.
/// </summary>
public sealed class StatsGoldenTests : IDisposable
{
    // Interleaved populations; a claim about an estimate before the estimate (and before its event); an estimate id
    // met twice (counted once for who estimates, listed twice in its group); a figure its claimant revised, and a rival;
    // an attribution and an event whose ids come again with other parties (the first of each is the one judged: with
    // the second, the United Nations' claims about them would count as a party's).
    private static readonly string[] Collisions =
    [
        """{"type":"dataset","formatVersion":"1.0","info":{"title":"Collisions, repeats and revisions"}}""",
        """{"type":"source","id":"s"}""",
        """{"type":"actor","id":"pakistan","name":"Pakistan","kind":"state"}""",
        """{"type":"actor","id":"army","name":"Pakistani army","kind":"armedForces","affiliatedWith":"pakistan"}""",
        """{"type":"actor","id":"taliban","name":"Taliban","kind":"government"}""",
        """{"type":"actor","id":"un","name":"United Nations","kind":"internationalOrganisation"}""",
        """{"type":"claim","id":"c-early","claimant":"army","stance":"asserts","subject":{"kind":"casualtyEstimate","target":"k-1"},"statement":"200 killed","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-un","claimant":"un","stance":"denies","subject":{"kind":"casualtyEstimate","target":"k-2"},"statement":"not over 200","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-event","claimant":"un","stance":"asserts","subject":{"kind":"event","target":"clash"},"statement":"a clash","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"w-1","population":"wounded","figure":{"best":10},"side":"army","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"k-1","population":"killed","figure":{"best":200},"side":"taliban","category":"combatants","event":"clash","claimedBy":"pakistan","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"a-1","population":"killed","figure":{"low":58},"side":"army","claimedBy":"un","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"alone","population":"missing","figure":{"best":3},"side":"army","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"k-1","population":"killed","figure":{"best":1000},"side":"taliban","category":"combatants","event":"clash","claimedBy":"un","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"w-2","population":"wounded","figure":{"high":4},"side":"army","claimedBy":"taliban","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"k-2","population":"killed","figure":{"low":200,"lowExclusive":true},"side":"taliban","category":"combatants","event":"clash","claimedBy":"army","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"a-2","population":"killed","figure":{"best":60,"isApproximate":true},"side":"army","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"w-3","population":"wounded","figure":{"best":11},"side":"army","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"m-old","population":"missing","figure":{"best":50},"side":"taliban","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"m-new","population":"missing","figure":{"best":5},"side":"taliban","sources":[{"source":"s"}]}""",
        """{"type":"casualtyEstimate","id":"m-rival","population":"missing","figure":{"best":7},"side":"taliban","sources":[{"source":"s"}]}""",
        """{"type":"event","id":"clash","kind":"armedClash","title":"A border clash","participants":[{"actor":"army","role":"initiator"},{"actor":"taliban","role":"target"}],"sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-old","claimant":"taliban","stance":"asserts","subject":{"kind":"casualtyEstimate","target":"m-old"},"statement":"50 missing","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-new","claimant":"taliban","stance":"asserts","subject":{"kind":"casualtyEstimate","target":"m-new"},"statement":"5 missing","supersedes":"c-old","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-rival","claimant":"un","stance":"asserts","subject":{"kind":"casualtyEstimate","target":"m-rival"},"statement":"7 missing","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-att-un","claimant":"un","stance":"asserts","subject":{"kind":"attribution","target":"att-1"},"statement":"the Taliban did it","sources":[{"source":"s"}]}""",
        """{"type":"attribution","id":"att-1","accused":"taliban","responsibility":"perpetration","event":"clash","sources":[{"source":"s"}]}""",
        """{"type":"attribution","id":"att-1","accused":"un","responsibility":"perpetration","situation":"elsewhere","sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-att-pk","claimant":"pakistan","stance":"asserts","subject":{"kind":"attribution","target":"att-1"},"statement":"the Taliban did it","sources":[{"source":"s"}]}""",
        """{"type":"event","id":"clash","kind":"armedClash","title":"The same id again","participants":[{"actor":"un","role":"initiator"}],"sources":[{"source":"s"}]}""",
        """{"type":"claim","id":"c-event-un","claimant":"un","stance":"asserts","subject":{"kind":"event","target":"clash"},"statement":"a clash","sources":[{"source":"s"}]}""",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-stats-").FullName;

    public static TheoryData<int> HashBits => [32, 2, 0];

    [Theory]
    [MemberData(nameof(HashBits))]
    public void Stats_Examples_MatchesTheGolden(int hashBits)
    {
        ProcessResult result = Stats(Repository.Root, hashBits, null, "examples");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Golden("stats-examples.txt"), result.Output);
    }

    [Theory]
    [MemberData(nameof(HashBits))]
    public void Stats_CollisionsRepeatsAndRevisions_MatchesTheGolden_InBothFormsAndOnStandardInput(int hashBits)
    {
        string lines = Path.Combine(_folder, "stats-collisions.jsonl");
        File.WriteAllText(lines, string.Join("\n", Collisions) + "\n");
        ProcessResult converted = ProcessRunner.Tool(_folder, "convert", "stats-collisions.jsonl", "-o", "stats-collisions.json");
        Assert.True(converted.ExitCode == 0, converted.ToString());
        string golden = Golden("stats-collisions.txt");

        ProcessResult fromLines = Stats(_folder, hashBits, null, "stats-collisions.jsonl");
        ProcessResult fromDocument = Stats(_folder, hashBits, null, "stats-collisions.json");
        ProcessResult fromInput = Stats(_folder, hashBits, File.ReadAllText(lines), "-");

        Assert.True(fromLines.ExitCode == 0, fromLines.ToString());
        Assert.Equal(golden, fromLines.Output);
        Assert.True(fromDocument.ExitCode == 0, fromDocument.ToString());
        Assert.Equal(golden.Replace("stats-collisions.jsonl:", "stats-collisions.json:", StringComparison.Ordinal), fromDocument.Output);
        Assert.True(fromInput.ExitCode == 0, fromInput.ToString());
        Assert.Equal(golden.Replace("stats-collisions.jsonl:", "<stdin>:", StringComparison.Ordinal), fromInput.Output);
    }

    [Theory]
    [MemberData(nameof(HashBits))]
    public void Stats_GeneratedHundredThousandRecords_MatchesTheGolden_InBothForms(int hashBits)
    {
        // The benchmark's generator is deterministic (its seed and version are in the file name the golden names).
        ProcessResult generated = ProcessRunner.Run("dotnet", [BenchmarkDll, "generate", "100000"], _folder, environment: new Dictionary<string, string?> { ["CONFLICTMODEL_BENCH_DATA"] = _folder });
        Assert.True(generated.ExitCode == 0, generated.ToString());
        string golden = Golden("stats-ged-like-v1-seed20231-100000.txt");

        ProcessResult fromLines = Stats(_folder, hashBits, null, "ged-like-v1-seed20231-100000.jsonl");
        Assert.True(fromLines.ExitCode == 0, fromLines.ToString());
        Assert.Equal(golden, fromLines.Output);
        if (hashBits == 32)
        {
            ProcessResult fromDocument = Stats(_folder, hashBits, null, "ged-like-v1-seed20231-100000.json");
            Assert.True(fromDocument.ExitCode == 0, fromDocument.ToString());
            Assert.Equal(golden.Replace(".jsonl:", ".json:", StringComparison.Ordinal), fromDocument.Output);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ProcessResult Stats(string folder, int hashBits, string? input, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>();
        if (hashBits < 32)
        {
            environment["CONFLICTMODEL_TEST_HOOKS"] = "1";
            environment["CONFLICTMODEL_TEST_STATS_HASH_BITS"] = hashBits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ProcessRunner.Run("dotnet", [Repository.ToolDll, "stats", .. arguments], folder, standardInput: input, environment: environment);
    }

    private static string Golden(string name) => File.ReadAllText(Repository.Path("tests", "ConflictModel.EndToEnd.Tests", "Golden", name)).ReplaceLineEndings("\n");

    /// <summary>The benchmark program (its data generator), built by this project's build.</summary>
    private static string BenchmarkDll
    {
        get
        {
            // This assembly runs from tests/ConflictModel.EndToEnd.Tests/bin/{Configuration}/net10.0/.
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            foreach (string c in new[] { configuration, "Release", "Debug" })
            {
                string path = Repository.Path("benchmarks", "ConflictModel.Benchmarks", "bin", c, "net10.0", "ConflictModel.Benchmarks.dll");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException("The benchmark program is not built.");
        }
    }
}

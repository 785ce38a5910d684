using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Validation.Rules;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// The provenance rules' compact streaming state (<see cref="AttributionRule"/>: CM5002, CM5006–CM5008, CM5012;
/// <see cref="ClaimRule"/>: CM5003–CM5005, CM5011, CM5013, CM5015) against their loaded <c>Analyze</c>: forward
/// references, repeated ids and repeated lines, each input also in reverse order; and what the states keep.
/// </summary>
public sealed class StreamingProvenanceTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string S = "{\"type\":\"source\",\"id\":\"s\"}";
    private const string Cite = "\"sources\":[{\"source\":\"s\"}]";
    private const string Position = "{\"kind\":\"position\"}";
    private const string AboutT = "{\"kind\":\"attribution\",\"target\":\"t\"}";
    private const string AboutK = "{\"kind\":\"casualtyEstimate\",\"target\":\"k\"}";

    private static string Claim(string id, string claimant, string stance, string subject, string extra = "")
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"{claimant}\",\"stance\":\"{stance}\",\"subject\":{subject},\"statement\":\"x\",{Cite}{extra}}}";

    private static string Attribution(string body, string id = "t", string accused = "a")
        => $"{{\"type\":\"attribution\",\"id\":\"{id}\",\"accused\":\"{accused}\",\"responsibility\":\"support\",\"situation\":\"x\",{body}{Cite}}}";

    private static string Actor(string id, string affiliatedWith)
        => $"{{\"type\":\"actor\",\"id\":\"{id}\",\"name\":\"{id}\",\"kind\":\"person\",\"affiliatedWith\":\"{affiliatedWith}\"}}";

    private static string Estimate(string claimedBy)
        => $"{{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{{\"best\":1}},\"period\":\"2025\",\"claimedBy\":\"{claimedBy}\",{Cite}}}";

    /// <summary>Name, records, and what the loaded validation must report ("+CM5007 'x'") or not ("-CM5007") for the case to test anything.</summary>
    public static TheoryData<string, string[], string[]> Cases() => new()
    {
        {
            "claim about the attribution before it",
            [A, B, S, Claim("d", "a", "denies", AboutT), Attribution("\"accuser\":\"b\",\"response\":\"acknowledged\",")],
            ["+CM5007: The response is 'acknowledged', but the accused's claim 'd' denies it"]
        },
        {
            "attribution listing claims that come later",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"noResponse\",\"claims\":[\"d\",\"e\"],"), Claim("d", "a", "acknowledges", Position), Claim("e", "b", "denies", Position)],
            ["+CM5007: The response is 'noResponse', but the accused's claim 'd' acknowledges it", "+CM5003"]
        },
        {
            "listed claim by someone else",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"denied\",\"claims\":[\"e\"],"), Claim("e", "b", "denies", AboutT)],
            ["+CM5008: The response is 'denied', but no claim by 'a' records it"]
        },
        {
            // Analyze finds the repeated line equal to the listed claim and skips it: the last answer is x's.
            "claim line repeated",
            [A, B, S, Claim("d", "a", "denies", AboutT), Claim("x", "a", "acknowledges", AboutT), Claim("d", "a", "denies", AboutT), Attribution("\"accuser\":\"b\",\"response\":\"denied\",\"claims\":[\"d\"],")],
            ["+CM5007: The response is 'denied', but the accused's claim 'x' acknowledges it"]
        },
        {
            // The listed claim is also about the attribution: Analyze counts it once, among the listed ones.
            "listed claim about the attribution, after another answer",
            [A, B, S, Claim("x", "a", "acknowledges", AboutT), Claim("d", "a", "denies", AboutT), Attribution("\"accuser\":\"b\",\"response\":\"denied\",\"claims\":[\"d\"],")],
            ["+CM5007: The response is 'denied', but the accused's claim 'x' acknowledges it"]
        },
        {
            "claim line repeated, not listed",
            [A, B, S, Claim("d", "a", "denies", AboutT), Claim("x", "a", "acknowledges", AboutT), Claim("d", "a", "denies", AboutT), Attribution("\"accuser\":\"b\",\"response\":\"denied\",")],
            ["+CM5007: The response is 'denied', but the accused's claim 'x' acknowledges it"]
        },
        {
            // A repeated id whose claim differs is a claim of its own: it is the last answer.
            "claim id repeated with other content",
            [A, B, S, Claim("d", "a", "denies", AboutT), Claim("x", "a", "acknowledges", AboutT), Claim("d", "a", "denies", AboutT, ",\"quote\":\"no\""), Attribution("\"accuser\":\"b\",\"response\":\"denied\",\"claims\":[\"d\"],")],
            ["-CM5007", "+CM1002"]
        },
        {
            // Differing only in a member the model does not know (kept as extension data) is differing.
            "claim id repeated with an unknown member",
            [A, B, S, Claim("d", "a", "denies", AboutT), Claim("x", "a", "acknowledges", AboutT), Claim("d", "a", "denies", AboutT, ",\"note\":\"again\""), Attribution("\"accuser\":\"b\",\"response\":\"denied\",")],
            ["-CM5007", "+CM1002"]
        },
        {
            "listed id repeated, the first by someone else",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"acknowledged\",\"claims\":[\"d\"],"), Claim("d", "b", "asserts", Position), Claim("d", "a", "denies", Position)],
            ["+CM5008: The response is 'acknowledged', but no claim by 'a' records it"]
        },
        {
            "attribution id repeated",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"denied\","), Claim("d", "a", "acknowledges", AboutT), Attribution("\"response\":\"acknowledged\",")],
            ["+CM5007: The response is 'denied', but the accused's claim 'd' acknowledges it", "+CM5002", "-CM5008"]
        },
        {
            "accuser, beneficiary",
            [A, B, S, Attribution("\"accuser\":\"a\",\"response\":\"noResponse\",", "t1"), "{\"type\":\"attribution\",\"id\":\"t2\",\"accused\":\"a\",\"responsibility\":\"perpetration\",\"situation\":\"x\",\"beneficiary\":\"b\"," + Cite + "}"],
            ["+CM5006", "+CM5002", "+CM5012"]
        },
        {
            "superseding claim before the superseded one",
            [A, B, S, Claim("c", "a", "retracts", Position, ",\"supersedes\":\"c0\""), Claim("c0", "b", "asserts", Position)],
            ["+CM5005: The claim supersedes 'c0', which 'b' made, not 'a'"]
        },
        {
            "superseded id repeated",
            [A, B, S, Claim("c0", "b", "asserts", Position), Claim("c", "a", "retracts", Position, ",\"supersedes\":\"c0\""), Claim("c0", "a", "asserts", Position)],
            ["+CM5005: The claim supersedes 'c0', which 'b' made, not 'a'"]
        },
        {
            "retraction of nothing, claim without content, quote not in sources",
            [A, S, Claim("c", "a", "retracts", Position), "{\"type\":\"claim\",\"id\":\"n\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":" + Position + "," + Cite + "}", "{\"type\":\"claim\",\"id\":\"q\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":" + Position + ",\"quote\":\"we won\",\"sources\":[{\"source\":\"s\",\"excerpt\":\"we lost\"}]}"],
            ["+CM5004", "+CM5011", "+CM5015"]
        },
        {
            "acknowledgement before the attribution",
            [A, B, S, Claim("c", "b", "acknowledges", AboutT), Attribution("\"accuser\":\"b\",")],
            ["+CM5013: 'b' acknowledges attribution 't', which holds 'a' responsible"]
        },
        {
            "acknowledgement before the claimant, who is affiliated with the accused",
            [A, B, S, Attribution("\"accuser\":\"b\","), Claim("c", "m", "acknowledges", AboutT), Actor("m", "a"), Claim("c2", "n", "acknowledges", AboutT), Actor("n", "b")],
            ["+CM5013: 'n' acknowledges", "-CM5013: 'm'"]
        },
        {
            "acknowledgement, attribution id repeated",
            [A, B, S, Claim("c", "b", "acknowledges", AboutT), Attribution("\"accuser\":\"b\","), Attribution("\"accuser\":\"a\",", accused: "b")],
            ["+CM5013: 'b' acknowledges attribution 't', which holds 'a' responsible"]
        },
        {
            "denial before the attribution it answers, which has no accuser",
            [A, B, S, Claim("c", "a", "denies", AboutT), Attribution("")],
            ["+CM5003: The claim denies"]
        },
        {
            "denial before the other claimant's assertion",
            [A, B, S, Claim("c", "a", "rejects", AboutT), Claim("c2", "b", "asserts", AboutT), Attribution("")],
            ["-CM5003"]
        },
        {
            "denial after the claimant's own assertion, then another's",
            [A, B, S, Claim("c1", "a", "asserts", "{\"kind\":\"position\",\"target\":\"k\",\"targetKind\":\"casualtyEstimate\"}"), Claim("c", "a", "declinesToConfirm", AboutK), Claim("c2", "b", "asserts", AboutK), Estimate("a")],
            ["-CM5003"]
        },
        {
            "denial of the claimant's own estimate",
            [A, B, S, Claim("c", "a", "denies", AboutK), Claim("c1", "a", "asserts", AboutK), Estimate("a"), Claim("c3", "b", "denies", AboutK)],
            ["+CM5003: The claim denies, but nothing it answers is recorded"]
        },
        {
            "denial of another's estimate, estimate id repeated",
            [A, B, S, Claim("c", "a", "denies", AboutK), Estimate("b"), Estimate("a")],
            ["-CM5003"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ProvenanceRules_StreamedMatchesLoaded(string name, string[] records, string[] expect)
    {
        _ = name;
        foreach (string[] order in new[] { records, records.Reverse().ToArray() })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(order));
            string[] loaded = AssertSame(bytes);
            if (order == records)
            {
                foreach (string e in expect)
                {
                    bool found = loaded.Any(d => d.Contains(e[1..], StringComparison.Ordinal));
                    Assert.True(e[0] == '+' ? found : !found, $"expected {e}:\n{string.Join("\n", loaded)}");
                }
            }
        }
    }

    [Fact]
    public void Validate_ProvenanceRules_KeepNoClaimOrAttribution()
    {
        // The two rules, and a probe that holds every claim and attribution it sees only weakly: each group refers
        // forwards (a claim supersedes a later one, a claim acknowledges a later attribution, which lists a claim that
        // comes after it) so that the states have something to decide at the end.
        var probe = new RetentionProbe();
        ValidationOptions options = RuleHarness.AllRulesOn() with { Rules = [new AttributionRule(), new ClaimRule(), probe] };
        var lines = new List<string> { A, B, S };
        for (int i = 0; i < 1_000; i++)
        {
            lines.Add(Claim($"r{i}", "a", "retracts", Position, $",\"supersedes\":\"d{i}\""));
            lines.Add(Claim($"d{i}", "b", "acknowledges", $"{{\"kind\":\"attribution\",\"target\":\"t{i}\"}}"));
            lines.Add(Attribution($"\"accuser\":\"b\",\"response\":\"acknowledged\",\"claims\":[\"d{i}\",\"n{i}\"],", $"t{i}"));
            lines.Add(Claim($"n{i}", "a", "denies", $"{{\"kind\":\"attribution\",\"target\":\"t{i}\"}}"));
        }

        using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(RuleHarness.Lines(lines))), "big.jsonl", DatasetFormat.JsonLines);
        ValidationResult result = new DatasetValidator(options).Validate(records);

        Assert.Equal(4_000, probe.Seen);
        Assert.True(probe.AliveAtEnd <= 2, $"{probe.AliveAtEnd} of {probe.Seen} claims and attributions were still alive at the end of the validation");
        foreach (string id in new[] { "CM5005", "CM5007", "CM5013" })
        {
            Assert.True(result.Diagnostics.Count(d => d.Id == id) >= 1_000, $"{id}: {result.Diagnostics.Count(d => d.Id == id)}");
        }
    }

    /// <summary>Validates loaded and streamed (from a stream and from a file) and gives the loaded diagnostics, described.</summary>
    private static string[] AssertSame(byte[] bytes)
        => StreamingValidationTests.AssertSame(bytes, RuleHarness.AllRulesOn(), new DatasetReaderOptions { ReportUnknownMembers = true });

    private sealed class RetentionProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9999", "Probe", "Probe", DiagnosticCategories.Provenance, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "Counts claims and attributions.");
        private readonly List<WeakReference<ConflictRecord>> _seen = [];

        public int Seen => _seen.Count;

        public int AliveAtEnd { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                start.RegisterRecordAction<ConflictModel.Model.Claim>(c => _seen.Add(new WeakReference<ConflictRecord>(c.Record)));
                start.RegisterRecordAction<ConflictModel.Model.Attribution>(c => _seen.Add(new WeakReference<ConflictRecord>(c.Record)));
                start.RegisterEndAction(end =>
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    AliveAtEnd = _seen.Count(w => w.TryGetTarget(out _));
                });
            });
    }
}

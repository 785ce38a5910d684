using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class ProvenanceRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string S = "{\"type\":\"source\",\"id\":\"s\"}";
    private const string Cite = "\"sources\":[{\"source\":\"s\"}]";
    private const string Position = "{\"kind\":\"position\"}";

    private static string Claim(string id, string claimant, string stance, string subject, string extra = ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}]")
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"{claimant}\",\"stance\":\"{stance}\",\"subject\":{subject}{extra}}}";

    private static string Attribution(string body)
        => $"{{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"responsibility\":\"support\",\"situation\":\"x\",{body}}}";

    private const string AboutT = "{\"kind\":\"attribution\",\"target\":\"t\"}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM5001",
            [A, Claim("c", "a", "asserts", Position, ",\"statement\":\"x\"")], 3, "{", "",
            [A, S, Claim("c", "a", "asserts", Position)]),
        new("CM5002",
            [A, S, Attribution(Cite)], 4, "\"a\"", "/accused",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite)]),
        new("CM5003",
            [A, S, Claim("c", "a", "denies", Position)], 4, "\"denies\"", "/stance",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite), Claim("c", "a", "denies", AboutT)]),
        new("CM5004",
            [A, S, Claim("c", "a", "retracts", Position)], 4, "\"retracts\"", "/stance",
            [A, S, Claim("c0", "a", "asserts", Position), Claim("c", "a", "retracts", Position, ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}],\"supersedes\":\"c0\"")]),
        new("CM5005",
            [A, B, S, Claim("c0", "b", "asserts", Position), Claim("c", "a", "retracts", Position, ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}],\"supersedes\":\"c0\"")], 6, "\"c0\"}", "/supersedes",
            [A, S, Claim("c0", "a", "asserts", Position), Claim("c", "a", "retracts", Position, ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}],\"supersedes\":\"c0\"")]),
        new("CM5006",
            [A, S, Attribution("\"accuser\":\"a\"," + Cite)], 4, "\"a\",\"sources", "/accuser",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite)]),
        new("CM5007",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"noResponse\",\"claims\":[\"d\"]," + Cite), Claim("d", "a", "denies", AboutT, ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}]")], 5, "\"noResponse\"", "/response",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"denied\",\"claims\":[\"d\"]," + Cite), Claim("d", "a", "denies", AboutT, ",\"statement\":\"x\",\"sources\":[{\"source\":\"s\"}]")]),
        new("CM5008",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"denied\"," + Cite)], 5, "\"denied\"", "/response",
            [A, B, S, Attribution("\"accuser\":\"b\",\"response\":\"noResponse\"," + Cite)]),
        new("CM5009",
            ["{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}"], 2, "{", "",
            [S, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"," + Cite + "}"]),
        new("CM5010",
            ["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1},\"period\":\"2025\"}"], 2, "{", "",
            [S, "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1},\"period\":\"2025\"," + Cite + "}"]),
        new("CM5011",
            [A, S, Claim("c", "a", "asserts", Position, ",\"sources\":[{\"source\":\"s\"}]")], 4, "{", "",
            [A, S, Claim("c", "a", "asserts", Position, ",\"quote\":\"we did\",\"sources\":[{\"source\":\"s\"}]")]),
        new("CM5012",
            [A, B, S, "{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"responsibility\":\"perpetration\",\"situation\":\"x\",\"accuser\":\"b\",\"beneficiary\":\"b\"," + Cite + "}"], 5, "\"b\",\"sources", "/beneficiary",
            [A, B, S, "{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"responsibility\":\"support\",\"situation\":\"x\",\"accuser\":\"a2\",\"beneficiary\":\"b\"," + Cite + "}"]),
        new("CM5013",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite), Claim("c", "b", "acknowledges", AboutT)], 6, "\"b\"", "/claimant",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite), Claim("c", "a", "acknowledges", AboutT)]),
        new("CM5014",
            [A, B, Attribution("\"accuser\":\"b\"")], 4, "{", "",
            [A, B, S, Attribution("\"accuser\":\"b\"," + Cite)]),
        new("CM5015",
            [A, S, Claim("c", "a", "asserts", Position, ",\"quote\":\"we won\",\"sources\":[{\"source\":\"s\",\"excerpt\":\"They said: we lost.\"}]")], 4, "\"we won\"", "/quote",
            [A, S, Claim("c", "a", "asserts", Position, ",\"quote\":\"We  won\",\"sources\":[{\"source\":\"s\",\"excerpt\":\"They said: “we won.”\"}]")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);
}

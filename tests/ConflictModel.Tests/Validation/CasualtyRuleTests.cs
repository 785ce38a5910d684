using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class CasualtyRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string E = "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"armedClash\",\"participants\":[{\"actor\":\"a\",\"role\":\"initiator\"}]}";

    private static string Estimate(string id, string figure, string extra = "")
        => $"{{\"type\":\"casualtyEstimate\",\"id\":\"{id}\",\"population\":\"killed\",\"figure\":{figure},\"event\":\"e\"{extra}}}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM2001",
            [E, Estimate("k", "{\"best\":5,\"low\":10,\"high\":20}")], 3, "5,", "/figure/best",
            [E, Estimate("k", "{\"best\":10,\"low\":10,\"high\":20}"), Estimate("j", "{\"best\":21,\"low\":20,\"lowExclusive\":true}")]),
        new("CM2002",
            [E, Estimate("k", "{\"low\":30,\"high\":20}")], 3, "30", "/figure/low",
            [E, Estimate("k", "{\"low\":20,\"high\":20}")]),
        new("CM2003",
            [E, Estimate("k", "{\"best\":-1}")], 3, "-1", "/figure/best",
            [E, Estimate("k", "{\"best\":0}")]),
        new("CM2004",
            [E, Estimate("k", "{\"best\":5,\"lowExclusive\":true}")], 3, "true", "/figure/lowExclusive",
            [E, Estimate("k", "{\"low\":5,\"lowExclusive\":true}")]),
        new("CM2005",
            [E, Estimate("k", "{\"high\":0,\"highExclusive\":true}")], 3, "true", "/figure/highExclusive",
            [E, Estimate("k", "{\"high\":1,\"highExclusive\":true}")]),
        new("CM2006",
            [E, Estimate("t", "{\"best\":10}", ",\"components\":[\"p1\",\"p2\"]"), Estimate("p1", "{\"best\":4}"), Estimate("p2", "{\"best\":5}")], 3, "[\"p1\"", "/components",
            [E, Estimate("t", "{\"best\":9}", ",\"components\":[\"p1\",\"p2\"]"), Estimate("p1", "{\"best\":4}"), Estimate("p2", "{\"best\":5}")]),
        new("CM2007",
            [E, Estimate("t", "{\"best\":4}", ",\"components\":[\"p1\"]"), "{\"type\":\"casualtyEstimate\",\"id\":\"p1\",\"population\":\"wounded\",\"figure\":{\"best\":4},\"event\":\"e\"}"], 3, "\"p1\"", "/components/0",
            [E, Estimate("t", "{\"best\":4}", ",\"components\":[\"p1\"]"), Estimate("p1", "{\"best\":4}")]),
        new("CM2008",
            [E, Estimate("k1", "{\"best\":200}"), Estimate("k2", "{\"low\":200,\"lowExclusive\":true}")], 4, "{\"low\"", "/figure",
            [E, Estimate("k1", "{\"best\":200,\"isApproximate\":true}"), Estimate("k2", "{\"low\":200,\"lowExclusive\":true}")]),
        new("CM2009",
            [E, Estimate("k", "{}")], 3, "{}", "/figure",
            [E, Estimate("k", "{\"phrase\":\"heavy losses\"}")]),
        new("CM2010",
            [E, Estimate("k", "{\"best\":58000000}")], 3, "58000000", "/figure/best",
            [E, Estimate("k", "{\"best\":58}")]),
        new("CM2011",
            ["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":3}}"], 2, "{", "",
            ["{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":3},\"period\":\"2025\"}"]),
        new("CM2012",
            [A, B, E, Estimate("k", "{\"best\":3}", ",\"side\":\"b\"")], 5, "\"b\"}", "/side",
            [A, B, E, Estimate("k", "{\"best\":3}", ",\"side\":\"a\"")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);
}

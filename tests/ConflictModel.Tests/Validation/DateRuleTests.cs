using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class DateRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";

    private static string Event(string id, string date, string extra = "")
        => $"{{\"type\":\"event\",\"id\":\"{id}\",\"kind\":\"other\",\"date\":\"{date}\"{extra}}}";

    private static string Claim(string id, string made, string subject, string extra = "")
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":{subject},\"made\":\"{made}\"{extra}}}";

    private const string AboutE = "{\"kind\":\"event\",\"target\":\"e\"}";
    private const string Position = "{\"kind\":\"position\"}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM3001",
            ["{\"type\":\"agreement\",\"id\":\"g\",\"name\":\"G\",\"signed\":\"2025-05-01\",\"ended\":\"2025-04\"}"], 2, "\"2025-04\"", "/ended",
            ["{\"type\":\"agreement\",\"id\":\"g\",\"name\":\"G\",\"signed\":\"2025-05-01\",\"ended\":\"2025-05\"}"]),
        new("CM3002",
            ["{\"type\":\"ceasefire\",\"id\":\"c\",\"declared\":\"2025-05-02\",\"effective\":\"2025-05-01\"}"], 2, "\"2025-05-01\"", "/effective",
            ["{\"type\":\"ceasefire\",\"id\":\"c\",\"declared\":\"2025-05-02\",\"effective\":\"2025-05\"}"]),
        new("CM3003",
            ["{\"type\":\"mediation\",\"id\":\"m\",\"history\":[{\"status\":\"requested\",\"date\":\"2025-06\"},{\"status\":\"accepted\",\"date\":\"2025-05-30\"}]}"], 2, "\"2025-05-30\"", "/history/1/date",
            ["{\"type\":\"mediation\",\"id\":\"m\",\"history\":[{\"status\":\"requested\",\"date\":\"2025-06\"},{\"status\":\"accepted\",\"date\":\"2025-06-30\"}]}"]),
        new("CM3004",
            [Event("e", "2027-01-01")], 2, "\"2027-01-01\"", "/date",
            [Event("e", "2026-01-01"), Event("f", "2026")]),
        new("CM3005",
            [Event("e", "2025-04/2025-04-10")], 2, "\"2025-04/", "/date",
            [Event("e", "2025-04-01/2025-04-10")]),
        new("CM3006",
            [Event("e", "2025-04-01/2025-04-30")], 2, "\"2025-04-01/", "/date",
            [Event("e", "2025-04-01/2025-04-29"), Event("f", "2025-04"), Event("g", "2025-02/2025-12")]),
        new("CM3007",
            [A, Event("e", "2025-05-10"), Claim("c", "2025-05-09", AboutE)], 4, "\"2025-05-09\"", "/made",
            [A, Event("e", "2025-05-10"), Claim("c", "2025-05", AboutE)]),
        new("CM3008",
            [A, Claim("c1", "2025-05-10", Position), Claim("c2", "2025-05-09", Position, ",\"inResponseTo\":\"c1\"")], 4, "\"2025-05-09\"", "/made",
            [A, Claim("c1", "2025-05-10", Position), Claim("c2", "2025-05-10", Position, ",\"inResponseTo\":\"c1\"")]),
        new("CM3009",
            [Event("e1", "2025-05-10"), Event("e2", "2025-05-09", ",\"inResponseTo\":[\"e1\"]")], 3, "\"2025-05-09\"", "/date",
            [Event("e1", "2025-05-10"), Event("e2", "2025-05-11", ",\"inResponseTo\":[\"e1\"]")]),
        new("CM3010",
            [A, Event("e", "2025-05-10"), "{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"responsibility\":\"perpetration\",\"event\":\"e\",\"accuser\":\"a\",\"date\":\"2025-04\"}"], 4, "\"2025-04\"", "/date",
            [A, Event("e", "2025-05-10"), "{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"responsibility\":\"perpetration\",\"event\":\"e\",\"accuser\":\"a\",\"date\":\"2025-05\"}"]),
        new("CM3011",
            ["{\"type\":\"source\",\"id\":\"s\",\"published\":\"2025-05-10T10:00:00Z\",\"accessed\":\"2025-05-10T09:00:00Z\"}"], 2, "\"2025-05-10T09", "/accessed",
            ["{\"type\":\"source\",\"id\":\"s\",\"published\":\"2025-05-10T10:00:00Z\",\"accessed\":\"2025-05-10T11:00:00Z\"}"]),
        new("CM3012",
            ["{\"type\":\"ceasefire\",\"id\":\"c\",\"declared\":\"2025-05-10\",\"history\":[{\"status\":\"violated\",\"date\":\"2025-05-09\"}]}"], 2, "\"2025-05-09\"", "/history/0/date",
            ["{\"type\":\"ceasefire\",\"id\":\"c\",\"declared\":\"2025-05-10\",\"history\":[{\"status\":\"violated\",\"date\":\"2025-05\"}]}"]),
        new("CM3013",
            [Event("e", "2025-05-10"), "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1},\"event\":\"e\",\"period\":\"2025-06\"}"], 3, "\"2025-06\"", "/period",
            [Event("e", "2025-05-10"), "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":1},\"event\":\"e\",\"period\":\"2025-05\"}"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);
}

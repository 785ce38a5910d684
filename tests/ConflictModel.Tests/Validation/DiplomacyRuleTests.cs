using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class DiplomacyRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string C = "{\"type\":\"actor\",\"id\":\"c\",\"name\":\"C\",\"kind\":\"state\"}";

    private static string Mediation(string body) => $"{{\"type\":\"mediation\",\"id\":\"m\",{body}}}";

    private static string Ceasefire(string body) => $"{{\"type\":\"ceasefire\",\"id\":\"f\",{body}}}";

    private static string Agreement(string body) => $"{{\"type\":\"agreement\",\"id\":\"g\",\"name\":\"G\",{body}}}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM4001",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\"},{\"actor\":\"b\"}]")], 5, "\"b\"}", "/mediators/1/actor",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\"}]")]),
        new("CM4002",
            [A, B, C, Ceasefire("\"parties\":[\"a\",\"b\"],\"brokers\":[\"a\"]")], 5, "\"a\"]}", "/brokers/0",
            [A, B, C, Ceasefire("\"parties\":[\"a\",\"b\"],\"brokers\":[\"c\"]")]),
        new("CM4003",
            [A, Ceasefire("\"parties\":[\"a\"],\"scope\":\"bilateral\"")], 3, "\"bilateral\"", "/scope",
            [A, Ceasefire("\"parties\":[\"a\"],\"scope\":\"unilateral\"")]),
        new("CM4004",
            [A, B, Ceasefire("\"parties\":[\"a\",\"b\"],\"history\":[{\"status\":\"declared\"},{\"status\":\"collapsed\"},{\"status\":\"inForce\"}]")], 4, "\"inForce\"", "/history/2/status",
            [A, B, Ceasefire("\"parties\":[\"a\",\"b\"],\"history\":[{\"status\":\"declared\"},{\"status\":\"collapsed\"},{\"status\":\"declared\"},{\"status\":\"inForce\"}]")]),
        new("CM4005",
            [Mediation("\"subject\":\"talks\"")], 2, "{", "",
            [A, B, Mediation("\"parties\":[\"a\",\"b\"]")]),
        new("CM4006",
            [A, B, Mediation("\"parties\":[\"a\",\"b\"],\"history\":[{\"status\":\"requested\"},{\"status\":\"declined\"},{\"status\":\"talksHeld\"}]")], 4, "\"talksHeld\"", "/history/2/status",
            [A, B, Mediation("\"parties\":[\"a\",\"b\"],\"history\":[{\"status\":\"requested\"},{\"status\":\"declined\"},{\"status\":\"accepted\"},{\"status\":\"talksHeld\"}]")]),
        new("CM4007",
            [A, B, Agreement("\"signatories\":[\"a\",\"b\"],\"provisions\":[{\"kind\":\"ceasefire\",\"ceasefire\":\"f\"}]"), Ceasefire("\"parties\":[\"a\",\"b\"],\"agreement\":\"other\""), "{\"type\":\"agreement\",\"id\":\"other\",\"name\":\"O\",\"signatories\":[\"a\",\"b\"]}"], 4, "\"f\"", "/provisions/0/ceasefire",
            [A, B, Agreement("\"signatories\":[\"a\",\"b\"],\"provisions\":[{\"kind\":\"ceasefire\",\"ceasefire\":\"f\"}]"), Ceasefire("\"parties\":[\"a\",\"b\"],\"agreement\":\"g\"")]),
        new("CM4008",
            [A, B, Agreement("\"signatories\":[\"a\",\"b\"],\"thirdParties\":[{\"actor\":\"b\",\"role\":\"witness\"}]")], 4, "\"b\",\"role", "/thirdParties/0/actor",
            [A, B, C, Agreement("\"signatories\":[\"a\",\"b\"],\"thirdParties\":[{\"actor\":\"c\",\"role\":\"witness\"}]")]),
        new("CM4009",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\",\"onBehalfOf\":\"a\"}]")], 5, "\"a\"}", "/mediators/0/onBehalfOf",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\"}]")]),
        new("CM4010",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\"}],\"requestedBy\":[\"c\"]")], 5, "\"c\"]", "/requestedBy/0",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\"}],\"requestedBy\":[\"a\"]")]),
        new("CM4011",
            [A, Agreement("\"signatories\":[\"a\"]")], 3, "[\"a\"]", "/signatories",
            [A, B, Agreement("\"signatories\":[\"a\",\"b\"]")]),
        new("CM4012",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"rounds\":[{\"facilitators\":[\"c\"]}]")], 5, "\"c\"", "/rounds/0/facilitators/0",
            [A, B, C, Mediation("\"parties\":[\"a\",\"b\"],\"mediators\":[{\"actor\":\"c\",\"role\":\"facilitator\"}],\"rounds\":[{\"facilitators\":[\"c\"]}]")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);
}

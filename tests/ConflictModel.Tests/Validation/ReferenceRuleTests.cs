using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class ReferenceRuleTests
{
    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string S = "{\"type\":\"source\",\"id\":\"s\"}";

    public static TheoryData<RuleCase> Cases() =>
    [
        new("CM1001",
            [A, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"b\",\"role\":\"initiator\"}]}"], 3, "\"b\"", "/participants/0/actor",
            [A, B, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"b\",\"role\":\"initiator\"}]}"]),
        new("CM1002",
            [A, "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"Other\",\"kind\":\"group\"}"], 3, "\"a\"", "/id",
            [A, B]),
        new("CM1003",
            [A, "{\"type\":\"actor\",\"id\":\"m\",\"name\":\"M\",\"kind\":\"government\",\"affiliatedWith\":\"m\"}"], 3, "\"m\"}", "/affiliatedWith",
            [A, "{\"type\":\"actor\",\"id\":\"m\",\"name\":\"M\",\"kind\":\"government\",\"affiliatedWith\":\"a\"}"]),
        new("CM1004",
            ["{\"type\":\"actor\",\"id\":\"x\",\"name\":\"X\",\"kind\":\"group\",\"affiliatedWith\":\"y\"}", "{\"type\":\"actor\",\"id\":\"y\",\"name\":\"Y\",\"kind\":\"group\",\"affiliatedWith\":\"x\"}"], 2, "\"y\"", "/affiliatedWith",
            ["{\"type\":\"actor\",\"id\":\"x\",\"name\":\"X\",\"kind\":\"group\",\"affiliatedWith\":\"y\"}", "{\"type\":\"actor\",\"id\":\"y\",\"name\":\"Y\",\"kind\":\"group\"}"]),
        new("CM1005",
            ["{\"type\":\"actor\",\"id\":\"p\",\"name\":\"P\",\"kind\":\"person\"}", "{\"type\":\"actor\",\"id\":\"q\",\"name\":\"Q\",\"kind\":\"person\",\"roles\":[{\"title\":\"Minister\",\"of\":\"p\"}]}"], 3, "\"p\"", "/roles/0/of",
            [A, "{\"type\":\"actor\",\"id\":\"q\",\"name\":\"Q\",\"kind\":\"person\",\"roles\":[{\"title\":\"Minister\",\"of\":\"a\"}]}"]),
        new("CM1006",
            [A, B, "{\"type\":\"ceasefire\",\"id\":\"c\",\"parties\":[\"a\",\"b\",\"a\"]}"], 4, "\"a\"]", "/parties/2",
            [A, B, "{\"type\":\"ceasefire\",\"id\":\"c\",\"parties\":[\"a\",\"b\"]}"]),
        new("CM1007",
            ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"country\":\"PAC\"}"], 2, "\"PAC\"", "/country",
            ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\",\"country\":\"PAK\"}", "{\"type\":\"actor\",\"id\":\"k\",\"name\":\"K\",\"kind\":\"state\",\"country\":\"XKX\"}", "{\"type\":\"actor\",\"id\":\"u\",\"name\":\"U\",\"kind\":\"state\",\"country\":\"SUN\"}"]),
        new("CM1008",
            [A, "{\"type\":\"actor\",\"id\":\"a2\",\"name\":\"a\",\"kind\":\"state\"}"], 3, "\"a\",", "/name",
            [A, B]),
        new("CM1009",
            ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"Pakistan\",\"kind\":\"state\",\"aliases\":[\"Islamabad\",\"pakistan\"]}"], 2, "\"pakistan\"", "/aliases/1",
            ["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"Pakistan\",\"kind\":\"state\",\"aliases\":[\"Islamabad\"]}"]),
        new("CM1010",
            [S, "{\"type\":\"source\",\"id\":\"t\"}", "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"sources\":[{\"source\":\"s\"}]}"], 3, "\"t\"", "/id",
            [S, "{\"type\":\"source\",\"id\":\"t\",\"basedOn\":[\"s\"]}", "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"sources\":[{\"source\":\"t\"}]}"]),
        new("CM1011",
            ["{\"type\":\"event\",\"id\":\"e1\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"ucdp-ged\",\"value\":\"1\"}]}", "{\"type\":\"event\",\"id\":\"e2\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"acled\",\"value\":\"1\"},{\"scheme\":\"ucdp-ged\",\"value\":\"1\"}]}"], 3, "{\"scheme\":\"ucdp", "/externalIds/1",
            ["{\"type\":\"event\",\"id\":\"e1\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"ucdp-ged\",\"value\":\"1\"}]}", "{\"type\":\"event\",\"id\":\"e2\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"acled\",\"value\":\"1\"}]}"]),
        new("CM1012",
            [A, B, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"a\",\"role\":\"initiator\"}]}"], 3, "\"b\"", "/id",
            [A, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"a\",\"role\":\"initiator\"}]}"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_Trigger_ReportsOnceAtPosition(RuleCase c) => RuleHarness.AssertTriggersOnce(c);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_CleanExample_DoesNotReport(RuleCase c) => RuleHarness.AssertClean(c);

    [Fact]
    public void DanglingReference_ToUnreadableRecord_IsNotReported()
    {
        // Actor b is in the file but cannot be read (no kind): the event's reference to it is not dangling.
        string text = RuleHarness.Lines([A, "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\"}", "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"b\",\"role\":\"target\"}]}"]);
        ValidationResult result = RuleHarness.Validate(text);
        Assert.Contains(result.Diagnostics, d => d.Id == "CM0007");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CM1001");
    }

    [Fact]
    public void UnknownCountryCode_AssignedList_Has249Codes()
        => Assert.Equal(249, ConflictModel.Validation.Rules.UnknownCountryCodeRule.Assigned.Count);

    [Fact]
    public void SharedExternalId_UcdpConflictAndDyadIds_AreSharedByDesign()
    {
        // GED events of one conflict and dyad carry the same ucdp-conflict and ucdp-dyad values (vocabulary.md 7.1).
        string text = RuleHarness.Lines(
        [
            "{\"type\":\"event\",\"id\":\"ged-1\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"ucdp-ged\",\"value\":\"1\"},{\"scheme\":\"ucdp-conflict\",\"value\":\"11704\"},{\"scheme\":\"ucdp-dyad\",\"value\":\"12378\"}]}",
            "{\"type\":\"event\",\"id\":\"ged-2\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"ucdp-ged\",\"value\":\"2\"},{\"scheme\":\"ucdp-conflict\",\"value\":\"11704\"},{\"scheme\":\"ucdp-dyad\",\"value\":\"12378\"}]}",
            "{\"type\":\"event\",\"id\":\"ged-3\",\"kind\":\"other\",\"externalIds\":[{\"scheme\":\"ucdp-ged\",\"value\":\"2\"}]}",
        ]);
        Diagnostic[] found = [.. RuleHarness.Validate(text).Diagnostics.Where(d => d.Id == "CM1011")];
        Diagnostic only = Assert.Single(found);
        Assert.Equal(4, only.Location.StartLine);
        Assert.Equal("/externalIds/0", only.Location.JsonPointer);
    }
}

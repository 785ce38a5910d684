using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>CM3014 in each of the ways a record's date can disagree with the date as reported.</summary>
public class ReportedDateRuleTests
{
    private const string Source = "{\"type\":\"source\",\"id\":\"s\",\"published\":\"2025-10-15T08:00:00Z\"}";

    [Theory]
    [InlineData("\"date\":\"2025-06\",\"dateAsReported\":{\"phrase\":\"in May\",\"date\":\"2025-05\"}", "the reported date is 2025-05")]
    [InlineData("\"date\":\"2025-06-10\",\"dateAsReported\":{\"phrase\":\"on 11 June\",\"yearless\":\"XXXX-06-11\"}", "no day it may denote falls on XXXX-06-11")]
    [InlineData("\"date\":\"2025-01\",\"dateAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"earliestOffset\":\"-P3M\",\"latestOffset\":\"P0D\"}", "reckoned from the report of 2025-10-15, the reported date is 2025-07-15/2025-10-15")]
    [InlineData("\"date\":\"2025-11\",\"dateAsReported\":{\"phrase\":\"previously\",\"relativeTo\":\"s\",\"latestOffset\":\"P0D\"}", "../2025-10-15")]
    [InlineData("\"dateAsReported\":{\"phrase\":\"in November\",\"date\":\"2025-11\",\"yearInferred\":true,\"relativeTo\":\"s\"}", "which gives 2024")]
    public void Event_DateDisagreeingWithTheReport_IsReported(string members, string reason)
    {
        ValidationResult result = RuleHarness.Validate(RuleHarness.Lines([Source, "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\"," + members + "}"]));

        Diagnostic found = Assert.Single(result.Diagnostics, d => d.Id == "CM3014");
        Assert.Contains(reason, found.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(3, found.Location.StartLine);
    }

    [Theory]
    [InlineData("\"date\":\"2025-05-10\",\"dateAsReported\":{\"phrase\":\"in May\",\"date\":\"2025-05\"}")]
    [InlineData("\"date\":\"2025-04/2025-06\",\"dateAsReported\":{\"phrase\":\"in May\",\"yearless\":\"XXXX-05\"}")]
    [InlineData("\"date\":\"2020/2025\",\"dateAsReported\":{\"phrase\":\"in May\",\"yearless\":\"XXXX-05\"}")]
    [InlineData("\"date\":\"2025-09\",\"dateAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"earliestOffset\":\"-P3M\",\"latestOffset\":\"P0D\"}")]
    [InlineData("\"dateAsReported\":{\"phrase\":\"in April\",\"date\":\"2025-04\",\"yearInferred\":true,\"relativeTo\":\"s\"}")]
    [InlineData("\"date\":\"2025-01\",\"dateAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"unpublished\",\"latestOffset\":\"-P1Y\"}")]
    public void Event_DateAgreeingWithTheReport_IsNotReported(string members)
    {
        ValidationResult result = RuleHarness.Validate(RuleHarness.Lines([Source, "{\"type\":\"source\",\"id\":\"unpublished\"}", "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\"," + members + "}"]));

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CM3014");
    }

    [Fact]
    public void ClaimAndRound_AreCheckedToo()
    {
        ValidationResult result = RuleHarness.Validate(RuleHarness.Lines(
        [
            "{\"type\":\"claim\",\"id\":\"c\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":{\"kind\":\"position\"},\"statement\":\"x\",\"made\":\"2025-03\",\"madeAsReported\":{\"phrase\":\"in April\",\"yearless\":\"XXXX-04\"}}",
            "{\"type\":\"mediation\",\"id\":\"m\",\"parties\":[\"a\",\"b\"],\"rounds\":[{\"date\":\"2025-05\"},{\"date\":\"2025-09\",\"dateAsReported\":{\"phrase\":\"in August\",\"yearless\":\"XXXX-08\"}}]}",
        ]));

        Assert.Equal(["/made", "/rounds/1/date"], result.Diagnostics.Where(d => d.Id == "CM3014").Select(d => d.Location.JsonPointer));
    }

    [Fact]
    public void RelativeTo_MissingSource_IsADanglingReference()
    {
        ValidationResult result = RuleHarness.Validate(RuleHarness.Lines(["{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\",\"dateAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"nowhere\",\"latestOffset\":\"P0D\"}}"]));

        Assert.Contains(result.Diagnostics, d => d.Location.JsonPointer == "/dateAsReported/relativeTo" && d.Severity == DiagnosticSeverity.Error);
    }
}

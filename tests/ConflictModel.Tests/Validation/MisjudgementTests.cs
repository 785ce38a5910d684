using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Issue 15, "Rules that must stop misjudging": each false alarm from a faithful encoding of real reporting, with the
/// finding the rule must still make on the same data when it is really wrong. Every dataset is validated loaded and
/// streamed (from a stream and from a file), in input order and reversed, and both must agree.
/// </summary>
public sealed class MisjudgementTests
{
    private const string Pakistan = "{\"type\":\"actor\",\"id\":\"pakistan\",\"name\":\"Pakistan\",\"kind\":\"state\"}";
    private const string Taliban = "{\"type\":\"actor\",\"id\":\"taliban\",\"name\":\"Taliban\",\"kind\":\"government\"}";
    private const string Article = "{\"type\":\"source\",\"id\":\"s\"}";
    private const string Cite = "\"sources\":[{\"source\":\"s\"}]";

    private static string Claim(string id, string claimant, string stance, string subject, string extra = ",\"statement\":\"x\"")
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"{claimant}\",\"stance\":\"{stance}\",\"subject\":{subject}{extra},{Cite}}}";

    private static string About(string kind, string id) => $"{{\"kind\":\"{kind}\",\"target\":\"{id}\"}}";

    private static string Estimate(string id, string figure, string extra = ",\"period\":\"2025-10\"," + Cite)
        => $"{{\"type\":\"casualtyEstimate\",\"id\":\"{id}\",\"population\":\"killed\",\"figure\":{figure},\"side\":\"taliban\"{extra}}}";

    // 1. CM3007: a claim made before the period of the estimate it is about.
    [Fact]
    public void ClaimBeforeEstimatePeriod_WithoutEvent_IsReported()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("k", "{\"best\":200}", ",\"period\":\"2025-10-11/2025-10-12\",\"claimedBy\":\"pakistan\"," + Cite),
            Claim("c", "pakistan", "asserts", About("casualtyEstimate", "k"), ",\"statement\":\"x\",\"made\":\"2025-09\""));
        Assert.Contains("(6,141) /made CM3007: The claim was made 2025-09, before casualtyEstimate 'k' (2025-10-11/2025-10-12)", found);
    }

    [Fact]
    public void ClaimWithinEstimatePeriod_OrAfterIt_IsNotReported()
    {
        foreach (string made in new[] { "2025-10-12", "2025-10", "2025-11" })
        {
            string[] found = Validate(
                Pakistan, Taliban, Article,
                Estimate("k", "{\"best\":200}", ",\"period\":\"2025-10-11/2025-10-12\",\"claimedBy\":\"pakistan\"," + Cite),
                Claim("c", "pakistan", "asserts", About("casualtyEstimate", "k"), $",\"statement\":\"x\",\"made\":\"{made}\""));
            Assert.DoesNotContain(found, d => d.Contains("CM3007", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ClaimBeforeEventOfEstimate_IsStillReported()
    {
        // With an event, the event's date is what the claim must follow (the period, if any, is checked against it: CM3013).
        string[] found = Validate(
            Pakistan, Taliban, Article,
            $"{{\"type\":\"event\",\"id\":\"e\",\"kind\":\"armedClash\",\"date\":\"2025-10-11\",{Cite}}}",
            Estimate("k", "{\"best\":200}", ",\"event\":\"e\",\"claimedBy\":\"pakistan\"," + Cite),
            Claim("c", "pakistan", "asserts", About("casualtyEstimate", "k"), ",\"statement\":\"x\",\"made\":\"2025-10-10\""));
        Assert.Contains(found, d => d.Contains("CM3007: The claim was made 2025-10-10, before casualtyEstimate 'k' (2025-10-11)", StringComparison.Ordinal));
    }

    // 2. CM5007: the accused's counter-accusation, listed among the attribution's claims, is not its answer.
    private static string Attribution(string id, string accused, string accuser, string response, string claims)
        => $"{{\"type\":\"attribution\",\"id\":\"{id}\",\"accused\":\"{accused}\",\"accuser\":\"{accuser}\",\"responsibility\":\"harbouring\",\"situation\":\"x\",\"response\":\"{response}\",\"claims\":[{claims}],{Cite}}}";

    [Theory]
    [InlineData("attribution", "{\"kind\":\"attribution\",\"target\":\"t2\"}")]
    [InlineData("event", "{\"kind\":\"event\",\"target\":\"e\"}")]
    [InlineData("position", "{\"kind\":\"position\"}")]
    public void CounterAccusationListed_IsNotAnAcknowledgement(string name, string subject)
    {
        _ = name;
        string[] found = Validate(
            Pakistan, Taliban, Article,
            $"{{\"type\":\"event\",\"id\":\"e\",\"kind\":\"armedClash\",{Cite}}}",
            Attribution("t", "taliban", "pakistan", "denied", "\"accuse\",\"deny\",\"counter\""),
            Attribution("t2", "pakistan", "taliban", "noResponse", "\"counter\""),
            Claim("accuse", "pakistan", "asserts", About("attribution", "t")),
            Claim("deny", "taliban", "denies", About("attribution", "t")),
            Claim("counter", "taliban", "asserts", subject));
        Assert.DoesNotContain(found, d => d.Contains("CM5007", StringComparison.Ordinal) || d.Contains("CM5008", StringComparison.Ordinal));
    }

    [Fact]
    public void AcknowledgementListed_StillContradictsDenied()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Attribution("t", "taliban", "pakistan", "denied", "\"accuse\",\"admit\""),
            Claim("accuse", "pakistan", "asserts", About("attribution", "t")),
            Claim("admit", "taliban", "acknowledges", "{\"kind\":\"position\"}"));
        Assert.Contains(found, d => d.Contains("CM5007: The response is 'denied', but the accused's claim 'admit' acknowledges it", StringComparison.Ordinal));
    }

    // 3. CM5011 and CM5010: a claim whose words are in the estimate's phrase or the citation's excerpt.
    [Fact]
    public void ClaimAboutEstimate_WordsInExcerptOrPhrase_HasContent()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("k1", "{\"low\":200,\"lowExclusive\":true,\"phrase\":\"over 200\"}"),
            Estimate("k2", "{\"best\":58}"),
            Claim("by-phrase", "pakistan", "asserts", About("casualtyEstimate", "k1"), string.Empty),
            $"{{\"type\":\"claim\",\"id\":\"by-excerpt\",\"claimant\":\"taliban\",\"stance\":\"asserts\",\"subject\":{About("casualtyEstimate", "k2")},\"sources\":[{{\"source\":\"s\",\"excerpt\":\"the Taliban claim 58\"}}]}}");
        Assert.DoesNotContain(found, d => d.Contains("CM5011", StringComparison.Ordinal));
    }

    [Fact]
    public void ClaimAboutEstimate_WithoutWordsAnywhere_StillHasNoContent()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("k", "{\"best\":58}"),
            Claim("c", "taliban", "asserts", About("casualtyEstimate", "k"), string.Empty),
            Claim("d", "pakistan", "asserts", "{\"kind\":\"position\"}", string.Empty));
        Assert.Equal(2, found.Count(d => d.Contains("CM5011", StringComparison.Ordinal)));
    }

    [Fact]
    public void EstimateSourcedByTheClaimThatAssertsIt_IsNotUnsourced()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("sourced-by-claim", "{\"best\":200}", ",\"period\":\"2025-10\",\"claimedBy\":\"pakistan\""),
            Claim("c", "pakistan", "asserts", About("casualtyEstimate", "sourced-by-claim")),
            Estimate("unsourced", "{\"best\":58}", ",\"period\":\"2025-09\""),
            Estimate("denied-only", "{\"best\":7}", ",\"period\":\"2025-08\""),
            Claim("d", "taliban", "denies", About("casualtyEstimate", "denied-only")));
        Assert.Equal(2, found.Count(d => d.Contains("CM5010", StringComparison.Ordinal)));
        Assert.Contains(found, d => d.StartsWith("(7,1)  CM5010", StringComparison.Ordinal));
        Assert.Contains(found, d => d.StartsWith("(8,1)  CM5010", StringComparison.Ordinal));
    }

    // 4. CM2008: a figure the claimant revised is not a rival of its revision.
    [Fact]
    public void SupersededClaim_ItsEstimateContradictsNothing()
    {
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("first", "{\"best\":200}", ",\"period\":\"2025-10\",\"claimedBy\":\"pakistan\"," + Cite),
            Estimate("revised", "{\"best\":300}", ",\"period\":\"2025-10\",\"claimedBy\":\"pakistan\"," + Cite),
            Claim("c1", "pakistan", "asserts", About("casualtyEstimate", "first"), ",\"statement\":\"x\",\"made\":\"2025-10-12\""),
            Claim("c2", "pakistan", "asserts", About("casualtyEstimate", "revised"), ",\"statement\":\"x\",\"made\":\"2025-10-14\",\"supersedes\":\"c1\""));
        Assert.DoesNotContain(found, d => d.Contains("CM2008", StringComparison.Ordinal));
    }

    [Fact]
    public void SupersededClaim_RivalFiguresOfOthersStillContradict()
    {
        // The Taliban's own figure still contradicts Pakistan's revised one; a "supersedes" across claimants (CM5005)
        // replaces nothing, so the figure it names stays a rival.
        string[] found = Validate(
            Pakistan, Taliban, Article,
            Estimate("first", "{\"best\":200}", ",\"period\":\"2025-10\",\"claimedBy\":\"pakistan\"," + Cite),
            Estimate("revised", "{\"best\":300}", ",\"period\":\"2025-10\",\"claimedBy\":\"pakistan\"," + Cite),
            Estimate("theirs", "{\"best\":20}", ",\"period\":\"2025-10\",\"claimedBy\":\"taliban\"," + Cite),
            Claim("c1", "pakistan", "asserts", About("casualtyEstimate", "first")),
            Claim("c2", "pakistan", "asserts", About("casualtyEstimate", "revised"), ",\"statement\":\"x\",\"supersedes\":\"c1\""),
            Claim("c3", "taliban", "asserts", About("casualtyEstimate", "theirs"), ",\"statement\":\"x\",\"supersedes\":\"c2\""));
        string[] contradictions = [.. found.Where(d => d.Contains("CM2008", StringComparison.Ordinal))];
        Assert.Equal(["(7,73) /figure CM2008: 'revised' and 'theirs' count the same people but cannot both be right (300 and 20)"], contradictions);
    }

    // 5. One defect, one finding: a status change dated before both the declaration and the entry before it.
    [Fact]
    public void StatusChangeBeforeDeclaration_IsReportedOnce()
    {
        string[] found = Validate(
            "{\"type\":\"ceasefire\",\"id\":\"cf\",\"declared\":\"2025-05-10\",\"history\":[{\"status\":\"declared\",\"date\":\"2025-05-10\"},{\"status\":\"violated\",\"date\":\"2025-05-03\"}]}");
        Assert.Equal(["(2,136) /history/1/date CM3012: This status change is dated 2025-05-03, before the ceasefire was declared (2025-05-10)"], found.Where(d => d.Contains("/history/1/date", StringComparison.Ordinal)));
    }

    [Fact]
    public void StatusChangeOutOfOrderAfterDeclaration_IsStillOutOfOrder()
    {
        string[] found = Validate(
            "{\"type\":\"ceasefire\",\"id\":\"cf\",\"declared\":\"2025-05-01\",\"history\":[{\"status\":\"inForce\",\"date\":\"2025-05-10\"},{\"status\":\"violated\",\"date\":\"2025-05-03\"}]}");
        Assert.Equal(["(2,135) /history/1/date CM3003: This status change is dated 2025-05-03, before the one listed before it (2025-05-10)"], found.Where(d => d.Contains("/history/1/date", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Validates JSON Lines records loaded and streamed, in the given order and reversed (so that references point both
    /// ways), asserts that both give the same, and returns the findings of the given order as
    /// <c>(line,column) pointer ID: message</c>.
    /// </summary>
    internal static string[] Validate(params string[] records)
    {
        string[] described = Describe(StreamingValidationTests.AssertSame(Encoding.UTF8.GetBytes(RuleHarness.Lines(records)), RuleHarness.AllRulesOn(), new DatasetReaderOptions()));
        StreamingValidationTests.AssertSame(Encoding.UTF8.GetBytes(RuleHarness.Lines(records.Reverse())), RuleHarness.AllRulesOn(), new DatasetReaderOptions());
        return described;
    }

    /// <summary>Turns <c>test.jsonl(4,1): warning CM5011: message [Warning] …</c> into <c>(4,1) pointer CM5011: message</c>.</summary>
    private static string[] Describe(string[] lines)
        => [.. lines.Select(line =>
        {
            int id = line.IndexOf(" CM", StringComparison.Ordinal);
            int end = line.IndexOf(" [", StringComparison.Ordinal);
            int at = line.IndexOf('@', end);
            string pointer = line[(line.IndexOf(' ', at) + 1)..line.IndexOf(" also", at, StringComparison.Ordinal)];
            return $"{line[line.IndexOf('(', StringComparison.Ordinal)..(line.IndexOf(')', StringComparison.Ordinal) + 1)]} {pointer}{line[id..end]}";
        })];
}

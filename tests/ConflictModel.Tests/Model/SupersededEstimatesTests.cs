using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Model;

/// <summary>
/// <see cref="SupersededEstimates"/>: a figure is superseded when every claim asserting it was replaced by its own
/// claimant (issue 15), and <see cref="CasualtyEnvelope.GroupsOf"/> leaves such figures out.
/// </summary>
public class SupersededEstimatesTests
{
    private static readonly ActorId Pakistan = new("pakistan");
    private static readonly ActorId Taliban = new("taliban");

    private static CasualtyEstimate Killed(string id, long best)
        => new(new CasualtyEstimateId(id), CasualtyPopulation.Killed, CasualtyFigure.Exactly(best), side: Taliban, period: EdtfDate.Parse("2025-10"));

    private static Claim Asserts(string id, ActorId claimant, string estimate, string? supersedes = null)
        => new(new ClaimId(id), claimant, ClaimStance.Asserts, ClaimSubject.About(new CasualtyEstimateId(estimate)), statement: "x",
            supersedes: supersedes is null ? null : new ClaimId(supersedes));

    [Fact]
    public void Contains_EveryAssertingClaimReplacedByItsClaimant_InAnyOrder()
    {
        Claim[] claims = [Asserts("c2", Pakistan, "revised", supersedes: "c1"), Asserts("c1", Pakistan, "first")];
        SupersededEstimates superseded = SupersededEstimates.Of(claims);
        Assert.True(superseded.Contains(new CasualtyEstimateId("first")));
        Assert.False(superseded.Contains(new CasualtyEstimateId("revised")));
        Assert.False(superseded.Contains(new CasualtyEstimateId("never-claimed")));
    }

    [Fact]
    public void Contains_NotWhenAnotherClaimStillAssertsIt_OrTheReplacementIsSomeoneElses()
    {
        // A second claimant still gives the figure; a "supersedes" by another claimant replaces nothing (CM5005).
        SupersededEstimates stillAsserted = SupersededEstimates.Of([Asserts("c1", Pakistan, "first"), Asserts("t1", Taliban, "first"), Asserts("c2", Pakistan, "revised", supersedes: "c1")]);
        Assert.False(stillAsserted.Contains(new CasualtyEstimateId("first")));
        SupersededEstimates acrossClaimants = SupersededEstimates.Of([Asserts("c1", Pakistan, "first"), Asserts("t2", Taliban, "revised", supersedes: "c1")]);
        Assert.False(acrossClaimants.Contains(new CasualtyEstimateId("first")));
    }

    [Fact]
    public void GroupsOf_LeavesOutARevisedFigure()
    {
        ImmutableArray<ConflictRecord> records = [
            new Actor(Pakistan, "Pakistan", ActorKind.State), new Actor(Taliban, "Taliban", ActorKind.Government),
            Killed("first", 200), Killed("revised", 300), Killed("theirs", 20),
            Asserts("c1", Pakistan, "first"), Asserts("c2", Pakistan, "revised", supersedes: "c1"), Asserts("t1", Taliban, "theirs")];
        CasualtyEstimateGroup group = Assert.Single(CasualtyEnvelope.GroupsOf(Dataset.Create(new DatasetInfo("t"), records)));
        Assert.Equal(["revised", "theirs"], group.Estimates.Select(e => e.Id.Value));
        Assert.True(group.IsContradictory);

        ImmutableArray<ConflictRecord> revisedOnly = [.. records.Where(r => r.RecordId != "theirs" && r.RecordId != "t1")];
        Assert.Empty(CasualtyEnvelope.GroupsOf(Dataset.Create(new DatasetInfo("t"), revisedOnly)));
    }
}

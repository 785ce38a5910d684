using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Model;

public class ClaimantStandingsTests
{
    private static readonly ActorId Pakistan = new("pakistan");
    private static readonly ActorId Army = new("pakistan-armed-forces");
    private static readonly ActorId Asif = new("khawaja-asif");
    private static readonly ActorId Taliban = new("taliban");
    private static readonly ActorId Afghanistan = new("afghanistan");
    private static readonly ActorId Qatar = new("qatar");
    private static readonly ActorId Analysts = new("analysts");

    private static Dataset Sample() => Dataset.Create(new DatasetInfo("Standings"),
    [
        new Actor(Pakistan, "Pakistan", ActorKind.State),
        new Actor(Army, "Pakistani armed forces", ActorKind.ArmedForces, affiliatedWith: Pakistan),
        new Actor(Asif, "Khawaja Asif", ActorKind.Person, affiliatedWith: Pakistan),
        new Actor(Taliban, "Taliban", ActorKind.Government, affiliatedWith: Afghanistan),
        new Actor(Afghanistan, "Afghanistan", ActorKind.State),
        new Actor(Qatar, "Qatar", ActorKind.State),
        new Actor(Analysts, "Analysts", ActorKind.Group),
        new Event(new EventId("clashes"), EventKind.ArmedClash, participants: [new Participant(Taliban, ParticipantRole.Participant), new Participant(Army, ParticipantRole.Participant), new Participant(Qatar, ParticipantRole.Facilitator)]),
        new CasualtyEstimate(new CasualtyEstimateId("by-pakistan"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(200), Taliban, @event: new EventId("clashes"), claimedBy: Pakistan),
        new CasualtyEstimate(new CasualtyEstimateId("by-qatar"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(100), Taliban, @event: new EventId("clashes"), claimedBy: Qatar),
        new CasualtyEstimate(new CasualtyEstimateId("unclaimed"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(50), Taliban),
        new CasualtyEstimate(new CasualtyEstimateId("nowhere"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(5), claimedBy: Qatar),
        new Attribution(new AttributionId("harbouring"), Taliban, ResponsibilityKind.Harbouring, situation: "cross-border assaults", accuser: Pakistan),
        new Claim(new ClaimId("asif-on-estimate"), Asif, ClaimStance.Asserts, ClaimSubject.About(new CasualtyEstimateId("by-pakistan"))),
        new Claim(new ClaimId("analysts-on-clashes"), Analysts, ClaimStance.Asserts, ClaimSubject.About(new EventId("clashes"))),
        new Claim(new ClaimId("taliban-deny"), Taliban, ClaimStance.Denies, ClaimSubject.About(new AttributionId("harbouring"))),
        new Claim(new ClaimId("pakistan-alleges"), Pakistan, ClaimStance.Asserts, ClaimSubject.About(new AttributionId("harbouring"))),
        new Claim(new ClaimId("position"), Analysts, ClaimStance.Asserts, ClaimSubject.Position()),
    ]);

    [Theory]
    [InlineData("by-pakistan", ClaimantStanding.Party)] // Pakistan, through its armed forces in the clash
    [InlineData("by-qatar", ClaimantStanding.ThirdParty)] // a facilitator is not a party
    [InlineData("unclaimed", ClaimantStanding.Unknown)] // no claimant
    [InlineData("nowhere", ClaimantStanding.Unknown)] // no side, no event: no parties
    public void Of_Estimate_JudgesTheClaimantAgainstSideAndEvent(string id, ClaimantStanding expected)
    {
        Dataset dataset = Sample();
        ClaimantStandings standings = ClaimantStandings.For(dataset);

        Assert.Equal(expected, standings.Of(dataset.CasualtyEstimates.Single(e => e.Id.Value == id)));
    }

    [Theory]
    [InlineData("asif-on-estimate", ClaimantStanding.Party)] // affiliated with Pakistan, as the army is
    [InlineData("analysts-on-clashes", ClaimantStanding.ThirdParty)]
    [InlineData("taliban-deny", ClaimantStanding.Party)] // the accused
    [InlineData("pakistan-alleges", ClaimantStanding.ThirdParty)] // the accuser of a situation is not a party to it
    [InlineData("position", ClaimantStanding.Unknown)]
    public void Of_Claim_JudgesTheClaimantAgainstWhatItIsAbout(string id, ClaimantStanding expected)
    {
        Dataset dataset = Sample();
        ClaimantStandings standings = ClaimantStandings.For(dataset);

        Assert.Equal(expected, standings.Of(dataset.Claims.Single(c => c.Id.Value == id)));
    }

    [Fact]
    public void Of_AffiliationCycle_Terminates()
    {
        var a = new ActorId("a");
        var b = new ActorId("b");
        var standings = new ClaimantStandings(id => id == a ? b : id == b ? a : null, _ => null, _ => null, _ => null);

        Assert.Equal(ClaimantStanding.Party, standings.Of(a, [b]));
        Assert.Equal(ClaimantStanding.ThirdParty, standings.Of(new ActorId("c"), [new ActorId("d")]));
        Assert.Equal(ClaimantStanding.Unknown, standings.Of(null, [a]));
        Assert.Equal(ClaimantStanding.Unknown, standings.Of(a, []));
    }

    [Fact]
    public void PartiesTo_Event_LeavesOutFacilitators()
        => Assert.Equal([Taliban, Army], ClaimantStandings.PartiesTo(Sample().Events[0]));
}

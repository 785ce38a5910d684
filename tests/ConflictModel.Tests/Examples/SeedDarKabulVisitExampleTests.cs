using System;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Examples;

/// <summary>The facts of article 002 (Ishaq Dar's visit to Kabul), read from <c>examples/seed-dar-kabul-visit.json</c>.</summary>
public class SeedDarKabulVisitExampleTests
{
    private readonly Dataset _dataset = ExampleFiles.Load(SeedDatasets.DarKabulVisitFile);

    [Fact]
    public void Claims_TalibanGovernmentClaims58PakistaniSoldiers()
    {
        Claim claim = _dataset.Claim("claim-58-soldiers");
        CasualtyEstimate estimate = _dataset.Estimate(claim.Subject.CasualtyEstimate!.Value.Value);

        Assert.Equal(new ActorId("taliban"), claim.Claimant);
        Assert.Equal(CasualtyFigure.Exactly(58, "58"), estimate.Figure);
        Assert.Equal(new ActorId("pakistan-armed-forces"), estimate.Side);
        Assert.Equal("the Taliban government claims the loss of 58 Pakistani soldiers", Assert.Single(claim.Sources).Excerpt);
    }

    [Fact]
    public void Claims_PakistaniSourcesGiveOver200TalibanKilled()
    {
        Claim claim = _dataset.Claim("claim-200-taliban");
        CasualtyFigure figure = _dataset.Estimate(claim.Subject.CasualtyEstimate!.Value.Value).Figure;

        Assert.Equal(new ActorId("pakistan"), claim.Claimant);
        Assert.Null(claim.InResponseTo);
        Assert.Equal((200L, true, "over 200"), (figure.Low!.Value, figure.LowExclusive, figure.Phrase));
        Assert.Null(figure.Best);
        Assert.Equal(201, figure.Minimum());
        Assert.Equal(long.MaxValue, figure.Maximum());
    }

    [Fact]
    public void Attribution_TalibanHarbourArmedGroups_WhichTheTalibanDeny()
    {
        Attribution harbouring = _dataset.Attribution("attribution-taliban-harbouring");
        Claim denial = Assert.Single(_dataset.Claims, c => c.Subject.Attribution == harbouring.Id && c.Stance == ClaimStance.Denies);

        Assert.Equal(new ActorId("taliban"), harbouring.Accused);
        Assert.Equal(ResponsibilityKind.Harbouring, harbouring.Responsibility);
        Assert.Equal(new ActorId("pakistan"), harbouring.Accuser);
        Assert.Equal(new ActorId("cross-border-armed-groups"), harbouring.Beneficiary);
        Assert.Equal(AccusedResponse.Denied, harbouring.Response);
        Assert.Equal(new ActorId("taliban"), denial.Claimant);
        Assert.Equal(new ClaimId("claim-pakistan-alleges-harbouring"), denial.InResponseTo);
        Assert.Equal<ClaimId>([new ClaimId("claim-pakistan-alleges-harbouring"), denial.Id], harbouring.Claims);
    }

    [Fact]
    public void Attribution_TalibanAccusePakistanOfInstigatingKabulIncidents_AndThreatenRetaliation()
    {
        Attribution attribution = _dataset.Attribution("attribution-pakistan-kabul-incidents");
        Event threat = _dataset.Event("taliban-retaliation-threat");

        Assert.Equal((new ActorId("pakistan"), ResponsibilityKind.Instigation, new ActorId("taliban")), (attribution.Accused, attribution.Responsibility, attribution.Accuser!.Value));
        Assert.Equal(new EventId("kabul-violent-incidents"), attribution.Event);
        Assert.Equal(EventKind.Retaliation, threat.Kind);
        Assert.Equal<EventId>([new EventId("kabul-violent-incidents")], threat.InResponseTo);
    }

    [Fact]
    public void Attributions_IndiaAndPakistanBothDenyLinksToArmedFactions()
    {
        Attribution kashmir = _dataset.Attribution("attribution-pakistan-kashmir-killings");
        Attribution india = _dataset.Attribution("attribution-india-armed-factions");

        Assert.Equal((new ActorId("pakistan"), new ActorId("india")), (kashmir.Accused, kashmir.Accuser!.Value));
        Assert.Equal("Indian-administered Kashmir", _dataset.Event(kashmir.Event!.Value.Value).Location!.Name);
        Assert.Equal(new ActorId("india"), india.Accused);
        Assert.Equal(AccusedResponse.Denied, kashmir.Response);
        Assert.Equal(AccusedResponse.Denied, india.Response);
        Claim[] denials = [.. _dataset.Claims.Where(c => c.Stance == ClaimStance.Denies && c.Sources.Any(s => s.Excerpt!.Contains("New Delhi", StringComparison.Ordinal)))];
        Assert.Equal([new ActorId("pakistan"), new ActorId("india")], denials.Select(c => c.Claimant));
        Assert.Equal([kashmir.Id, india.Id], denials.Select(c => c.Subject.Attribution!.Value));
    }

    [Fact]
    public void Mediation_ChinaFacilitatesRoundsInMayAndAugust_WithoutInventedYears()
    {
        Mediation mediation = _dataset.Mediation("mediation-china");

        Assert.Equal(new Mediator(new ActorId("china"), MediatorRole.Facilitator), Assert.Single(mediation.Mediators));
        Assert.Equal(MediationStatus.TalksHeld, mediation.CurrentStatus);
        Assert.Equal(2, mediation.Rounds.Length);
        Assert.All(mediation.Rounds, r => Assert.Equal<ActorId>([new ActorId("china")], r.Facilitators));
        Assert.All(mediation.Rounds, r => Assert.Null(r.Date));
        Assert.StartsWith("In May;", mediation.Rounds[0].Note, StringComparison.Ordinal);
        Assert.StartsWith("In August;", mediation.Rounds[1].Note, StringComparison.Ordinal);
        Assert.All(mediation.Rounds, r => Assert.Equal("follow-up discussions in May and August facilitated by China", Assert.Single(r.Sources).Excerpt));
    }

    [Fact]
    public void Events_DarVisitsKabulToMeetMuttaqi()
    {
        Event visit = _dataset.Event("dar-kabul-visit");

        Assert.Equal(EventKind.Visit, visit.Kind);
        Assert.Equal("Kabul", visit.Location!.Name);
        Assert.Null(visit.Date);
        Assert.Contains(new Participant(new ActorId("ishaq-dar"), ParticipantRole.Visitor), visit.Participants);
        Assert.Contains(new Participant(new ActorId("amir-khan-muttaqi"), ParticipantRole.Participant), visit.Participants);
        Assert.Equal("Amir Khan Muttaqi", _dataset.Actor("amir-khan-muttaqi").Name);
        Assert.Empty(_dataset.Actor("amir-khan-muttaqi").Aliases);
    }

    [Fact]
    public void Events_ChinaIranAndRussiaUrgeTheTalibanToActAgainstTheTtp()
    {
        Event urging = _dataset.Event("urging-action-against-ttp");

        Assert.Equal(
            [new ActorId("china"), new ActorId("iran"), new ActorId("russia")],
            urging.Participants.Where(p => p.Role == ParticipantRole.Initiator).Select(p => p.Actor));
        Assert.Equal(new ActorId("taliban"), Assert.Single(urging.Participants, p => p.Role == ParticipantRole.Target).Actor);
        Assert.Equal<string>(["TTP"], _dataset.Actor("tehreek-e-taliban-pakistan").Aliases);
        Assert.Equal(new ActorId("tehreek-e-taliban-pakistan").Value, _dataset.Claim("claim-ttp-primary-threat").Subject.Target);
    }

    [Fact]
    public void Mediation_ScholarsProposeGulfNationsAsFacilitators()
    {
        Mediation proposal = _dataset.Mediation("mediation-gulf-nations-proposal");

        StatusChange<MediationStatus> proposed = Assert.Single(proposal.History);
        Assert.Equal((MediationStatus.Proposed, new ActorId("scholars")), (proposed.Status, proposed.By!.Value));
        Assert.Equal(new ActorId("gulf-nations"), Assert.Single(proposal.Mediators).Actor);
        Assert.Equal<ActorId>([new ActorId("pakistan"), new ActorId("afghanistan")], proposal.Parties);
    }

    [Fact]
    public void Estimates_KhyberPakhtunkhwaMilitaryLosses_AreUnknownNotZero()
    {
        CasualtyEstimate losses = _dataset.Estimate("casualties-khyber-pakhtunkhwa-military-losses");
        Location where = _dataset.Event(losses.Event!.Value.Value).Location!;

        Assert.True(losses.Figure.IsUnknown);
        Assert.Equal("significant military losses", losses.Figure.Phrase);
        Assert.Equal((LocationPrecision.AdminLevel1, new CountryCode("PAK")), (where.Precision!.Value, where.Country!.Value));
        Assert.Equal<string>(["Khyber Pakhtunkhwa"], where.AdminAreas);
    }

    [Fact]
    public void Records_HaveNoDates_BecauseTheArticleGivesNoYear()
        => Assert.DoesNotContain(ModelGraph.Values(_dataset), v => v.Value is EdtfDate);
}

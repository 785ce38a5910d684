using System;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Examples;

/// <summary>The facts of article 000 (Khawaja Asif's Geo TV interview), read from <c>examples/seed-asif-geo-tv.json</c>.</summary>
public class SeedAsifGeoTvExampleTests
{
    private readonly Dataset _dataset = ExampleFiles.Load(SeedDatasets.AsifGeoTvFile);

    [Fact]
    public void Claims_TalibanClaim58PakistaniSoldiersKilled()
    {
        Claim claim = _dataset.Claim("claim-58-soldiers");
        CasualtyEstimate estimate = _dataset.Estimate(claim.Subject.CasualtyEstimate!.Value.Value);

        Assert.Equal(new ActorId("taliban"), claim.Claimant);
        Assert.Equal(ClaimStance.Asserts, claim.Stance);
        Assert.Equal(58, estimate.Figure.Best);
        Assert.Equal(CasualtyPopulation.Killed, estimate.Population);
        Assert.Equal(new ActorId("pakistan-armed-forces"), estimate.Side);
        Assert.Equal(new ActorId("taliban"), estimate.ClaimedBy);
        Assert.Equal("claiming the deaths of 58 Pakistani soldiers", Assert.Single(claim.Sources).Excerpt);
    }

    [Fact]
    public void Claims_PakistanCounterClaims200TalibanKilled()
    {
        Claim claim = _dataset.Claim("claim-200-taliban");
        CasualtyEstimate estimate = _dataset.Estimate(claim.Subject.CasualtyEstimate!.Value.Value);

        Assert.Equal(new ActorId("pakistan"), claim.Claimant);
        Assert.Equal(new ClaimId("claim-58-soldiers"), claim.InResponseTo);
        Assert.Equal(CasualtyFigure.Exactly(200, "200"), estimate.Figure);
        Assert.Equal(new ActorId("taliban"), estimate.Side);
        Assert.Equal(new ActorId("pakistan"), estimate.ClaimedBy);
        Assert.Equal(new EventId("border-clashes"), estimate.Event);
    }

    [Fact]
    public void Claims_PakistanDeclinesToConfirmThe58()
    {
        Claim declined = Assert.Single(_dataset.Claims, c => c.Stance == ClaimStance.DeclinesToConfirm);

        Assert.Equal(new ActorId("pakistan"), declined.Claimant);
        Assert.Equal(new CasualtyEstimateId("casualties-58-pakistani-soldiers"), declined.Subject.CasualtyEstimate);
        Assert.Equal(new ClaimId("claim-58-soldiers"), declined.InResponseTo);
        Assert.Equal("Islamabad, however, refrained from confirming the casualty figures", Assert.Single(declined.Sources).Excerpt);
    }

    [Fact]
    public void Attribution_IndiaStirredUpTheTaliban_WithAsifAsAccuser()
    {
        Attribution attribution = _dataset.Attribution("attribution-india-instigation");

        Assert.Equal(new ActorId("india"), attribution.Accused);
        Assert.Equal(ResponsibilityKind.Instigation, attribution.Responsibility);
        Assert.Equal(new ActorId("khawaja-asif"), attribution.Accuser);
        Assert.Equal(new ActorId("taliban"), attribution.Beneficiary);
        Assert.Equal(AccusedResponse.NoResponse, attribution.Response);
        Claim claim = _dataset.Claim(attribution.Claims[0].Value);
        Assert.Equal(new ActorId("khawaja-asif"), claim.Claimant);
        Assert.Equal(attribution.Id, claim.Subject.Attribution);
        Assert.Equal("India has stirred up the Taliban. That is why the conflict has spiraled out of control.", claim.Quote);
        Assert.Equal(
            [new SourceId("article-asif-geo-tv"), new SourceId("interview-asif-geo-tv")],
            claim.Sources.Select(s => s.Source));
    }

    [Fact]
    public void Actors_AsifIsDefenseMinister_AndTrumpIsDescribedAsFormerPresident()
    {
        ActorRole asif = Assert.Single(_dataset.Actor("khawaja-asif").Roles);
        ActorRole trump = Assert.Single(_dataset.Actor("donald-trump").Roles);

        Assert.Equal(("Defense Minister", new ActorId("pakistan"), false), (asif.Title, asif.Of!.Value, asif.IsFormer));
        Assert.Equal("Pakistan’s Defense Minister Khawaja Asif", Assert.Single(asif.Sources).Excerpt);
        Assert.Equal(("President", new ActorId("united-states"), true), (trump.Title, trump.Of!.Value, trump.IsFormer));
        Assert.Equal("former U.S. President Donald Trump", Assert.Single(trump.Sources).Excerpt);
    }

    [Fact]
    public void Mediation_PakistanAsksTrump_AndHisAnswerIsDeferred()
    {
        Mediation mediation = _dataset.Mediation("mediation-trump");

        Assert.Equal(new ActorId("donald-trump"), Assert.Single(mediation.Mediators).Actor);
        Assert.Equal(new ActorId("pakistan"), Assert.Single(mediation.RequestedBy));
        Assert.Equal([MediationStatus.Requested, MediationStatus.Deferred], mediation.History.Select(h => h.Status));
        Assert.Equal(MediationStatus.Deferred, mediation.CurrentStatus);
        StatusChange<MediationStatus> deferred = mediation.History[^1];
        Assert.Equal(new ActorId("donald-trump"), deferred.By);
        Claim answer = _dataset.Claim(Assert.Single(deferred.Claims).Value);
        Assert.Equal(new ActorId("donald-trump"), answer.Claimant);
        Assert.Equal(mediation.Id.Value, answer.Subject.Target);
        Assert.Equal(new ClaimId("claim-asif-seeks-trump-mediation"), answer.InResponseTo);
        Assert.Contains("in due course", Assert.Single(deferred.Sources).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Ceasefire_BrokeredBySaudiArabiaAndQatar_CollapsesWithTheKandaharAirstrike()
    {
        Ceasefire ceasefire = Assert.Single(_dataset.Ceasefires);

        Assert.Equal<ActorId>([new ActorId("saudi-arabia"), new ActorId("qatar")], ceasefire.Brokers);
        Assert.Equal<ActorId>([new ActorId("pakistan"), new ActorId("taliban")], ceasefire.Parties);
        Assert.Equal([CeasefireStatus.Declared, CeasefireStatus.Collapsed], ceasefire.History.Select(h => h.Status));
        StatusChange<CeasefireStatus> collapse = ceasefire.History[^1];
        Assert.Equal(new ActorId("pakistan"), collapse.By);
        Event airstrike = _dataset.Event(Assert.Single(collapse.Events).Value);
        Assert.Equal(EventKind.AirOrDroneStrike, airstrike.Kind);
        Assert.Equal("Kandahar", airstrike.Location!.Name);
        Assert.Contains(airstrike.Participants, p => p.Actor == new ActorId("pakistan") && p.Role == ParticipantRole.Initiator);
        Assert.Contains(airstrike.Participants, p => p.Actor == new ActorId("taliban") && p.Role == ParticipantRole.Target);
    }

    [Fact]
    public void Events_TalibanRetaliationAnswersTheAirstrikeNearKabul()
    {
        Event retaliation = _dataset.Event("border-clashes");

        Assert.Equal<EventId>([new EventId("airstrike-near-kabul")], retaliation.InResponseTo);
        Assert.Equal("near Kabul", _dataset.Event("airstrike-near-kabul").Location!.Name);
    }

    [Fact]
    public void Events_TalibanSeizeAT55Tank_AndParadeCapturedUniforms()
    {
        Event capture = _dataset.Event("t-55-tank-seized");
        Event parade = _dataset.Event("taliban-street-demonstrations");

        Assert.Equal(EventKind.Capture, capture.Kind);
        Assert.Contains("T-55 tank", capture.Title, StringComparison.Ordinal);
        Assert.Equal(EventKind.ShowOfForce, parade.Kind);
        Assert.Contains("parading captured uniforms", Assert.Single(parade.Sources).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_TalibanRefuseBagram_NotASingleGrainOfAfghanSoil()
    {
        Event refusal = _dataset.Event("bagram-refusal");
        Claim soil = _dataset.Claim("claim-not-a-grain-of-afghan-soil");

        Assert.Equal<EventId>([new EventId("bagram-demand")], refusal.InResponseTo);
        Assert.Contains(_dataset.Event("bagram-demand").Participants, p => p.Actor == new ActorId("donald-trump") && p.Role == ParticipantRole.Initiator);
        Assert.Equal(new ActorId("taliban"), soil.Claimant);
        Assert.Equal("a single grain of Afghan soil", soil.Quote);
        Assert.Contains("“a single grain of Afghan soil,”", Assert.Single(soil.Sources).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_ForeignMinisterVisitsIndia_SpelledMuttahidaQadri()
    {
        Event visit = _dataset.Event("foreign-minister-visit-india");
        Actor visitor = _dataset.Actor(Assert.Single(visit.Participants, p => p.Role == ParticipantRole.Visitor).Actor.Value);

        Assert.Equal("Muttahida Qadri", visitor.Name);
        Assert.Equal(new ActorId("taliban"), Assert.Single(visitor.Roles).Of);
        Assert.Equal(new ActorId("india"), Assert.Single(visit.Participants, p => p.Role == ParticipantRole.Host).Actor);
    }

    [Fact]
    public void Records_HaveNoDates_BecauseTheArticleGivesNoYear()
    {
        Assert.DoesNotContain(ModelGraph.Values(_dataset), v => v.Value is EdtfDate);
        Assert.All(_dataset.Sources, s => Assert.Null(s.Published));
    }
}

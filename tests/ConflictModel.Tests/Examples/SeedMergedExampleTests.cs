using System;
using System.Collections.Generic;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Examples;

/// <summary>The merged dataset of both articles, read from <c>examples/seed-merged.json</c>.</summary>
public class SeedMergedExampleTests
{
    private static readonly SourceId AsifArticle = new("article-asif-geo-tv");
    private static readonly SourceId DarArticle = new("article-dar-kabul-visit");

    private readonly Dataset _dataset = ExampleFiles.Load(SeedDatasets.MergedFile);

    [Fact]
    public void Claims_The58Figure_IsOneClaimCitingBothArticles()
    {
        Claim claim = Assert.Single(_dataset.Claims, c => c.Stance == ClaimStance.Asserts && CountsKilled(c, "pakistan-armed-forces"));

        Assert.Equal(new ActorId("taliban"), claim.Claimant);
        Assert.Equal(58, _dataset.Estimate(claim.Subject.Target!).Figure.Best);
        Assert.Equal<Citation>(
            [
                new Citation(AsifArticle, "claiming the deaths of 58 Pakistani soldiers"),
                new Citation(DarArticle, "the Taliban government claims the loss of 58 Pakistani soldiers"),
            ],
            claim.Sources);
    }

    [Fact]
    public void Claims_The200Figure_IsOneClaimCitingBothArticles()
    {
        Claim claim = Assert.Single(_dataset.Claims, c => CountsKilled(c, "taliban"));

        Assert.Equal(new ActorId("pakistan"), claim.Claimant);
        Assert.Equal(ClaimStance.Asserts, claim.Stance);
        Assert.Equal(new ClaimId("claim-58-soldiers"), claim.InResponseTo);
        Assert.Equal("over 200", _dataset.Estimate(claim.Subject.Target!).Figure.Phrase);
        Assert.Equal<Citation>(
            [
                new Citation(AsifArticle, "issuing a counter-statement that Pakistani forces had eliminated 200 Taliban militants"),
                new Citation(DarArticle, "According to Pakistani sources, over 200 Taliban fighters were reportedly killed in skirmishes"),
            ],
            claim.Sources);
    }

    [Fact]
    public void Claims_PakistanDeclinesToConfirmThe58_InResponseToTheTaliban()
    {
        Claim declined = _dataset.Claim("claim-pakistan-declines-to-confirm-58");

        Assert.Equal((new ActorId("pakistan"), ClaimStance.DeclinesToConfirm), (declined.Claimant, declined.Stance));
        Assert.Equal(_dataset.Claim("claim-58-soldiers").Subject, declined.Subject);
    }

    [Fact]
    public void CasualtyEnvelope_PakistansTwoRenderings_CountOnePopulation_AndContradict()
    {
        CasualtyEstimate twoHundred = _dataset.Estimate("casualties-200-taliban");
        CasualtyEstimate overTwoHundred = _dataset.Estimate("casualties-over-200-taliban");

        CasualtyEnvelope envelope = CasualtyEnvelope.Of([twoHundred, overTwoHundred]);

        Assert.True(twoHundred.CountsSamePopulationAs(overTwoHundred));
        Assert.Equal<CasualtyEstimateId>([twoHundred.Id, overTwoHundred.Id], envelope.Estimates);
        Assert.Equal((200L, long.MaxValue), (envelope.Minimum!.Value, envelope.Maximum!.Value));
        Assert.True(envelope.IsContradictory);
        Assert.Equal(new CasualtyConflict(twoHundred.Id, overTwoHundred.Id), Assert.Single(envelope.Conflicts));
        Assert.Null(envelope.AgreedMinimum);
    }

    [Fact]
    public void CasualtyEnvelope_OfEveryPopulation_CoversEachEstimateOnce()
    {
        List<List<CasualtyEstimate>> populations = [];
        foreach (CasualtyEstimate estimate in _dataset.CasualtyEstimates)
        {
            List<CasualtyEstimate>? same = populations.Find(p => p[0].CountsSamePopulationAs(estimate));
            if (same is null)
            {
                populations.Add([estimate]);
            }
            else
            {
                same.Add(estimate);
            }
        }

        CasualtyEnvelope[] envelopes = [.. populations.Select(p => CasualtyEnvelope.Of(p))];

        Assert.Equal(3, envelopes.Length);
        CasualtyEnvelope soldiers = envelopes[0];
        Assert.Equal((58L, 58L, 58L, 58L), (soldiers.Minimum!.Value, soldiers.Maximum!.Value, soldiers.AgreedMinimum!.Value, soldiers.AgreedMaximum!.Value));
        Assert.True(envelopes[1].IsContradictory);
        Assert.Equal<CasualtyEstimateId>([new CasualtyEstimateId("casualties-khyber-pakhtunkhwa-military-losses")], envelopes[2].Unknown);
        Assert.Null(envelopes[2].Minimum);
        Assert.Throws<ArgumentException>(() => CasualtyEnvelope.Of(_dataset.CasualtyEstimates.Take(2)));
    }

    [Fact]
    public void Actors_MuttaqiIsOneActor_WithArticle000sSpellingAsAlias()
    {
        Actor muttaqi = _dataset.Actor("amir-khan-muttaqi");

        Assert.Equal("Amir Khan Muttaqi", muttaqi.Name);
        Assert.Equal<string>(["Muttahida Qadri"], muttaqi.Aliases);
        Assert.DoesNotContain(_dataset.Actors, a => a.Id.Value == "muttahida-qadri");
        ActorRole role = Assert.Single(muttaqi.Roles);
        Assert.Equal([AsifArticle, DarArticle], role.Sources.Select(s => s.Source));
        Assert.Contains(new Participant(muttaqi.Id, ParticipantRole.Visitor), _dataset.Event("foreign-minister-visit-india").Participants);
        Assert.Contains(new Participant(muttaqi.Id, ParticipantRole.Participant), _dataset.Event("dar-kabul-visit").Participants);
    }

    [Fact]
    public void Actors_NoNameOrAliasIsSharedByTwoActors()
    {
        var names = _dataset.Actors.SelectMany(a => a.Aliases.Prepend(a.Name).Select(n => (Name: n, a.Id))).ToList();

        Assert.DoesNotContain(names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase), g => g.Select(n => n.Id).Distinct().Count() > 1);
        Assert.Equal<string>(["Afghan Taliban", "Taliban government"], _dataset.Actor("taliban").Aliases);
        Assert.Equal<string>(["Islamabad"], _dataset.Actor("pakistan").Aliases);
    }

    [Fact]
    public void Sources_BothArticles_AndTheInterviewArticle000ReportsFrom()
    {
        Assert.Equal([AsifArticle, new SourceId("interview-asif-geo-tv"), DarArticle], _dataset.Sources.Select(s => s.Id));
        Assert.Equal<SourceId>([new SourceId("interview-asif-geo-tv")], _dataset.Sources[0].BasedOn);
        Assert.Equal(new ActorId("geo-tv"), _dataset.Sources[1].Outlet);
    }

    [Fact]
    public void Events_TheClashesBothArticlesReport_AreOneEventCitingBoth()
    {
        Event clashes = _dataset.Event("border-clashes");

        Assert.Equal(EventKind.ArmedClash, clashes.Kind);
        Assert.Equal([AsifArticle, DarArticle], clashes.Sources.Select(s => s.Source));
        Assert.Equal<EventId>([new EventId("airstrike-near-kabul")], clashes.InResponseTo);
        Assert.All(_dataset.CasualtyEstimates.Where(e => e.ClaimedBy is not null), e => Assert.Equal(clashes.Id, e.Event));
    }

    [Fact]
    public void Merge_HoldsEveryRecordOfBothArticles_IdentifyingOnlyMuttaqi()
    {
        Dataset asif = ExampleFiles.Load(SeedDatasets.AsifGeoTvFile);
        Dataset dar = ExampleFiles.Load(SeedDatasets.DarKabulVisitFile);

        HashSet<(RecordKind, string)> expected = [.. asif.Records.Concat(dar.Records).Select(r => (r.RecordKind, r.RecordId))];
        expected.Remove((RecordKind.Actor, "muttahida-qadri"));
        HashSet<(RecordKind, string)> merged = [.. _dataset.Records.Select(r => (r.RecordKind, r.RecordId))];

        Assert.True(expected.SetEquals(merged));
        Assert.Equal<Ceasefire>(asif.Ceasefires, _dataset.Ceasefires);
        Assert.Equal(
            asif.Mediations.Concat(dar.Mediations).Select(m => m.Id),
            _dataset.Mediations.Select(m => m.Id));
    }

    [Fact]
    public void Merge_ChinaFacilitatedRounds_AndTrumpsDeferredAnswer_AreKept()
    {
        Mediation china = _dataset.Mediation("mediation-china");
        Mediation trump = _dataset.Mediation("mediation-trump");

        Assert.Equal(["In May; the article gives no year.", "In August; the article gives no year."], china.Rounds.Select(r => r.Note));
        Assert.Equal(MediationStatus.Deferred, trump.CurrentStatus);
        Assert.Equal(new ActorId("pakistan"), Assert.Single(trump.RequestedBy));
    }

    [Fact]
    public void Records_HaveNoDates_BecauseNeitherArticleGivesAYear()
        => Assert.DoesNotContain(ModelGraph.Values(_dataset), v => v.Value is EdtfDate);

    private bool CountsKilled(Claim claim, string side)
        => claim.Subject.CasualtyEstimate is { } id && _dataset.Estimate(id.Value) is { Population: CasualtyPopulation.Killed } estimate
            && estimate.Side == new ActorId(side);
}

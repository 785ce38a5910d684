using System;
using System.Collections.Generic;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Tests.TestData;

/// <summary>A dataset that sets every member of every type at least once, with partial dates and open ranges.</summary>
internal static class KitchenSink
{
    public static Dataset Create()
    {
        var pak = new ActorId("pakistan");
        var afg = new ActorId("taliban-government");
        var asif = new ActorId("khawaja-asif");
        var geo = new ActorId("geo-tv");
        var sa = new ActorId("saudi-arabia");
        var qa = new ActorId("qatar");
        var cn = new ActorId("china");
        var s1 = new SourceId("article-1");
        var s2 = new SourceId("interview");
        var e1 = new EventId("airstrike-kabul");
        var e2 = new EventId("retaliation");
        var k1 = new CasualtyEstimateId("killed-58");
        var k2 = new CasualtyEstimateId("killed-58-part");
        var t1 = new AttributionId("india-instigation");
        var c1 = new ClaimId("claim-58");
        var c2 = new ClaimId("claim-58-no-confirm");
        var cf = new CeasefireId("gulf-ceasefire");
        var m1 = new MediationId("trump-mediation");
        var g1 = new AgreementId("accord");
        var cite = new Citation(s1, "claiming the deaths of 58 Pakistani soldiers", "paragraph 3");
        var records = new List<ConflictRecord>
        {
            new Source(s1, SourceKind.NewsArticle, "Pakistan accuses India", geo, "A. Reporter", new Uri("https://example.org/news/1?a=b&c=d"),
                Instant.FromUtc(2025, 10, 12, 8, 30), Instant.FromUtc(2025, 10, 13, 9, 0, 1) + Duration.FromMilliseconds(250), "en", [s2]),
            new Source(s2, SourceKind.Interview, title: "Interview with Geo TV", outlet: geo, language: "ur"),
            new Actor(pak, "Pakistan", ActorKind.State, ["Islamabad"], new CountryCode("PAK"), externalIds: [new ExternalIdentifier("ucdp-actor", "138")]),
            new Actor(afg, "Taliban government", ActorKind.Government, ["the Taliban", "Kabul"], new CountryCode("AFG")),
            new Actor(asif, "Khawaja Asif", ActorKind.Person, affiliatedWith: pak,
                roles: [new ActorRole("Defense Minister", pak, EdtfDate.Parse("2024-03/.."), sources: [new Citation(s1)]), new ActorRole("Minister of Water", pak, EdtfDate.Parse("../2024"), isFormer: true)],
                description: "Pakistan’s Defense Minister"),
            new Actor(geo, "Geo TV", ActorKind.MediaOutlet, country: new CountryCode("PAK")),
            new Actor(sa, "Saudi Arabia", ActorKind.State, country: new CountryCode("SAU")),
            new Actor(qa, "Qatar", ActorKind.State, country: new CountryCode("QAT")),
            new Actor(cn, "China", ActorKind.State, country: new CountryCode("CHN")),
            new Event(e1, EventKind.AirOrDroneStrike, "Airstrike near Kabul", "A Pakistani airstrike near Kabul.", EdtfDate.Parse("2025-10~"),
                new Location("near Kabul", new CountryCode("AFG"), ["Kabul"], new GeoPoint(34.5553, 69.2075), LocationPrecision.Near),
                [new Participant(pak, ParticipantRole.Initiator), new Participant(afg, ParticipantRole.Target)], sources: [cite], externalIds: [new ExternalIdentifier("acled", "AFG12345")]),
            new Event(e2, EventKind.Retaliation, date: EdtfDate.Parse("2025-10-11/2025-10-12"), inResponseTo: [e1], sources: [new Citation(s1)]),
            new CasualtyEstimate(k1, CasualtyPopulation.Killed, new CasualtyFigure(58, 50, 60, isApproximate: true, phrase: "58 Pakistani soldiers"), pak, CasualtyCategory.Combatants,
                e2, EdtfDate.Parse("2025-10"), new Location(country: new CountryCode("AFG"), precision: LocationPrecision.Country), afg, [k2], [cite]),
            new CasualtyEstimate(k2, CasualtyPopulation.Killed, CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200")),
            new CasualtyEstimate(new CasualtyEstimateId("wounded-up-to"), CasualtyPopulation.Wounded, CasualtyFigure.AtMost(100, exclusive: true, phrase: "fewer than 100")),
            new CasualtyEstimate(new CasualtyEstimateId("unknown"), CasualtyPopulation.Displaced, CasualtyFigure.Unknown("thousands")),
            new Attribution(t1, new ActorId("india"), ResponsibilityKind.Instigation, e2, "the deteriorating security situation", asif, afg, AccusedResponse.Denied,
                EdtfDate.Parse("2025-10-12?"), [c1], [new Citation(s2, "India has stirred up the Taliban.")]),
            new Claim(c1, afg, ClaimStance.Asserts, ClaimSubject.About(k1), "The Taliban killed 58 soldiers.", "58 Pakistani soldiers were killed",
                EdtfDate.Parse("2025-10-12"), [cite, new Citation(s2)]),
            new Claim(c2, pak, ClaimStance.DeclinesToConfirm, ClaimSubject.About(k1), inResponseTo: c1),
            new Claim(new ClaimId("claim-retracted"), pak, ClaimStance.Retracts, ClaimSubject.About(e1), supersedes: c2),
            new Claim(new ClaimId("claim-attribution"), asif, ClaimStance.Asserts, ClaimSubject.About(t1)),
            new Claim(new ClaimId("claim-position"), asif, ClaimStance.Asserts, ClaimSubject.PositionOn(m1), quote: "That is why we seek his help."),
            new Claim(new ClaimId("claim-plain-position"), afg, ClaimStance.Asserts, ClaimSubject.Position(), quote: "not a single grain of Afghan soil"),
            new Ceasefire(cf, [pak, afg], "Gulf-brokered ceasefire", [sa, qa], CeasefireScope.Bilateral, CeasefirePurpose.DeEscalation, false,
                EdtfDate.Parse("2025-10-15"), EdtfDate.Parse("2025-10-15/2025-10-16"),
                [
                    new StatusChange<CeasefireStatus>(CeasefireStatus.Declared, EdtfDate.Parse("2025-10-15"), sources: [new Citation(s1)]),
                    new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, EdtfDate.Parse("2025-10-XX"), pak, [e2], [c1], [new Citation(s1)], "Hostilities resumed."),
                ],
                new Location("border", precision: LocationPrecision.Region), g1, [new Citation(s1)]),
            new Mediation(m1, [pak, afg], [new Mediator(new ActorId("trump"), MediatorRole.Mediator, new ActorId("united-states"))], [pak], "a permanent solution",
                [
                    new StatusChange<MediationStatus>(MediationStatus.Requested, by: pak),
                    new StatusChange<MediationStatus>(MediationStatus.Deferred, by: new ActorId("trump"), note: "in due course"),
                ],
                [
                    new MediationRound(EdtfDate.Parse("2025-05"), new Location("Beijing", new CountryCode("CHN")), [cn], [pak, afg], e1, [new Citation(s1)], "follow-up"),
                    new MediationRound(EdtfDate.Parse("2025-08")),
                ],
                [new Citation(s1)]),
            new Agreement(g1, "Peshawar Accord", EdtfDate.Parse("1992-04-24"), [pak, afg], [new ThirdParty(sa, ThirdPartyRole.Mediator), new ThirdParty(qa, ThirdPartyRole.Witness)],
                [new Provision(ProvisionKind.Ceasefire, "A ceasefire.", cf), new Provision(ProvisionKind.InterimGovernment)], AgreementKind.Partial, EdtfDate.Parse("1992"),
                [new ExternalIdentifier("ucdp-pad", "1565")], [new Citation(s1)]),
        };
        var info = new DatasetInfo("Kitchen sink", "Every member of every type.", "CC0-1.0", "ConflictModel tests", "ConflictModel", "1.2.3", Instant.FromUtc(2026, 11, 23, 12, 0));
        return Dataset.Create(info, records);
    }
}

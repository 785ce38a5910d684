using System;
using System.Collections.Generic;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Tests.Validation.TestData;

/// <summary>
/// A dataset that sets every member of every type, with extension data at every level, for the differential tests
/// between DatasetReader and ConflictJsonSerializer.
/// </summary>
internal static class FullDataset
{
    public static Dataset Create()
    {
        var pak = new ActorId("pakistan");
        var afg = new ActorId("taliban");
        var asif = new ActorId("khawaja-asif");
        var geo = new ActorId("geo-tv");
        var un = new ActorId("un");
        var s1 = new SourceId("article-1");
        var s2 = new SourceId("interview ü/~");
        var e1 = new EventId("airstrike");
        var e2 = new EventId("retaliation");
        var k1 = new CasualtyEstimateId("killed-total");
        var k2 = new CasualtyEstimateId("killed-part");
        var t1 = new AttributionId("instigation");
        var c1 = new ClaimId("claim-1");
        var c2 = new ClaimId("claim-2");
        var cf = new CeasefireId("ceasefire");
        var m1 = new MediationId("mediation");
        var g1 = new AgreementId("accord");
        Citation Cite(SourceId s) => Ext(new Citation(s, "the words “quoted” <here> & there", "¶ 3"), ("note", "\"é\""));
        Location Place() => Ext(new Location("near Kabul", new CountryCode("AFG"), ["Kabul", "District 9"], new GeoPoint(34.5553, -69.2075), LocationPrecision.Near), ("osm", "{\"id\":12,\"tags\":[1,2.50,null,true]}"));
        var records = new List<ConflictRecord>
        {
            Ext(new Source(s1, SourceKind.NewsArticle, "Pakistan accuses India", geo, "A. Reporter", new Uri("https://example.org/news/1?a=b&c=d"),
                Instant.FromUtc(2025, 10, 12, 8, 30), Instant.FromUtc(2025, 10, 13, 9, 0, 1) + Duration.FromMilliseconds(250), "en-GB", [s2]), ("paywall", "true")),
            new Source(s2, SourceKind.Interview, title: "Interview", outlet: geo, language: "ur"),
            Ext(new Actor(pak, "Pakistan", ActorKind.State, ["Islamabad", "پاکستان"], new CountryCode("PAK"), null, [], [Ext(new ExternalIdentifier("ucdp-actor", "138"), ("checked", "1e3"))], "The state."), ("wikidata", "\"Q843\"")),
            new Actor(afg, "Taliban", ActorKind.Government, country: new CountryCode("AFG")),
            new Actor(asif, "Khawaja Asif", ActorKind.Person, affiliatedWith: pak,
                roles: [Ext(new ActorRole("Defense Minister", pak, EdtfDate.Parse("2024-03/.."), isFormer: true, sources: [Cite(s1)]), ("rank", "2"))]),
            new Actor(geo, "Geo TV", ActorKind.MediaOutlet),
            new Actor(un, "United Nations", ActorKind.InternationalOrganisation),
            Ext(new Event(e1, EventKind.AirOrDroneStrike, "Airstrike", "A strike.", EdtfDate.Parse("2025-10~"), Place(),
                [Ext(new Participant(pak, ParticipantRole.Initiator), ("x", "[]")), new Participant(afg, ParticipantRole.Target)], [], [Cite(s1)], [new ExternalIdentifier("acled", "AFG1")]), ("extensions", "{\"nested\":{}}")),
            new Event(e2, EventKind.Retaliation, date: EdtfDate.Parse("2025-10-11/2025-10-12"), inResponseTo: [e1], sources: [Cite(s2)]),
            Ext(new CasualtyEstimate(k1, CasualtyPopulation.Killed, Ext(new CasualtyFigure(58, 50, 60, true, true, true, "about 58"), ("type", "\"58\"")), pak, CasualtyCategory.Combatants,
                e2, EdtfDate.Parse("2025-10"), Place(), afg, [k2], [Cite(s1)]), ("origin", "\"kept\"")),
            new CasualtyEstimate(k2, CasualtyPopulation.Killed, CasualtyFigure.AtLeast(20, exclusive: true, phrase: "over 20"), pak, CasualtyCategory.Combatants, e2),
            new CasualtyEstimate(new CasualtyEstimateId("unknown"), CasualtyPopulation.Displaced, CasualtyFigure.Unknown("thousands"), period: EdtfDate.Parse("2025-21")),
            Ext(new Attribution(t1, new ActorId("pakistan"), ResponsibilityKind.Instigation, e2, "the situation", asif, afg, AccusedResponse.Denied,
                EdtfDate.Parse("2025-10-12?"), [c1], [Cite(s2)]), ("confidence", "0.5")),
            Ext(new Claim(c1, afg, ClaimStance.Asserts, Ext(ClaimSubject.About(k1), ("why", "\"because\"")), "58 were killed.", "58 soldiers", EdtfDate.Parse("2025-10-12"), [Cite(s1)]), ("lang", "\"ps\"")),
            new Claim(c2, pak, ClaimStance.DeclinesToConfirm, ClaimSubject.PositionOn(m1), inResponseTo: c1, supersedes: null),
            new Claim(new ClaimId("claim-3"), pak, ClaimStance.Retracts, ClaimSubject.Position(), supersedes: c2),
            Ext(new Ceasefire(cf, [pak, afg], "Doha truce", [un], CeasefireScope.Bilateral, CeasefirePurpose.DeEscalation, false, EdtfDate.Parse("2025-10-15"), EdtfDate.Parse("2025-10-16"),
                [Ext(new StatusChange<CeasefireStatus>(CeasefireStatus.Declared, EdtfDate.Parse("2025-10-15"), un, [e1], [c1], [Cite(s1)], "Declared."), ("y", "null")),
                 new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, EdtfDate.Parse("2025-11"))], Place(), g1, [Cite(s1)]), ("monitor", "\"none\"")),
            Ext(new Mediation(m1, [pak, afg], [Ext(new Mediator(asif, MediatorRole.Facilitator, un), ("z", "{}"))], [pak], "Talks",
                [new StatusChange<MediationStatus>(MediationStatus.Requested, by: pak, claims: [c2], note: "Asked.")],
                [Ext(new MediationRound(EdtfDate.Parse("2025-05"), Place(), [un], [pak, afg], e1, [Cite(s1)], "Round one."), ("w", "-0"))], [Cite(s2)]), ("budget", "12345678901234567890")),
            Ext(new Agreement(g1, "Accord", EdtfDate.Parse("2025-10-15"), [pak, afg], [Ext(new ThirdParty(un, ThirdPartyRole.Guarantor), ("v", "1"))],
                [Ext(new Provision(ProvisionKind.Ceasefire, "Cease fire.", cf), ("p", "\"q\"")), new Provision(ProvisionKind.PrisonerRelease)],
                AgreementKind.Partial, EdtfDate.Parse("2026"), [new ExternalIdentifier("ucdp-pad", "1")], [Cite(s1)]), ("signedAt", "\"Doha\"")),
        };
        DatasetInfo info = Ext(new DatasetInfo("Full dataset", "Every member.", "CC0-1.0", "By us.", "ConflictModel", "1.2", Instant.FromUtc(2026, 1, 2, 3, 4, 5)), ("keywords", "[\"a\",\"b\"]"));
        return Ext(Dataset.Create(info, records), ("generator", "\"tests\""));
    }

    private static T Ext<T>(T value, params (string Name, string Raw)[] members)
        where T : ExtensibleRecord
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach ((string name, string raw) in members)
        {
            list.Add(new(name, raw));
        }

        return value.WithExtensions(ExtensionData.Create(list));
    }
}

using System;
using System.Collections.Immutable;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Model;

/// <summary>Every type's construction guards: misuse throws an ArgumentException naming the parameter.</summary>
public class GuardTests
{
    private static readonly ActorId A = new("a");
    private static readonly SourceId S = new("s");

    public static TheoryData<string, Action> Misuse => new()
    {
        // Ids and value types
        { "value", () => _ = new ActorId(null!) },
        { "value", () => _ = new ActorId("") },
        { "value", () => _ = new EventId(" padded") },
        { "value", () => _ = new ClaimId("tab\tinside".Replace("tab", "\u0001", StringComparison.Ordinal)) },
        { "value", () => _ = new SourceId(new string('x', RecordIds.MaxLength + 1)) },
        { "value", () => _ = new CountryCode("pak") },
        { "value", () => _ = new CountryCode("PK") },
        { "value", () => _ = new CountryCode(null!) },
        { "latitude", () => _ = new GeoPoint(91, 0) },
        { "longitude", () => _ = new GeoPoint(0, -180.5) },
        { "latitude", () => _ = new GeoPoint(double.NaN, 0) },
        { "longitude", () => _ = new GeoPoint(0, double.PositiveInfinity) },

        // Parts
        { "Source", () => _ = new Citation(default) },
        { "Excerpt", () => _ = new Citation(S, excerpt: "  ") },
        { "Locator", () => _ = new Citation(S, locator: "") },
        { "Scheme", () => _ = new ExternalIdentifier("", "1") },
        { "Value", () => _ = new ExternalIdentifier("ucdp-ged", " ") },
        { "Title", () => _ = new ActorRole(" ") },
        { "Of", () => _ = new ActorRole("Minister", of: default(ActorId)) },
        { "Period", () => _ = new ActorRole("Minister", period: default(EdtfDate)) },
        { "Sources", () => _ = new ActorRole("Minister", sources: [null!]) },
        { "Actor", () => _ = new Participant(default, ParticipantRole.Target) },
        { "Role", () => _ = new Participant(A, (ParticipantRole)99) },
        { "Name", () => _ = new Location(name: "") },
        { "Country", () => _ = new Location(country: default(CountryCode)) },
        { "AdminAreas", () => _ = new Location(adminAreas: ["Kandahar", " "]) },
        { "Precision", () => _ = new Location(precision: (LocationPrecision)42) },
        { "kind", () => _ = new ClaimSubject((ClaimSubjectKind)9) },
        { "target", () => _ = new ClaimSubject(ClaimSubjectKind.Event) },
        { "target", () => _ = new ClaimSubject(ClaimSubjectKind.Event, "") },
        { "targetKind", () => _ = new ClaimSubject(ClaimSubjectKind.Event, "e", RecordKind.Actor) },
        { "targetKind", () => _ = new ClaimSubject(ClaimSubjectKind.Position, "m") },
        { "targetKind", () => _ = new ClaimSubject(ClaimSubjectKind.Position, null, RecordKind.Mediation) },
        { "estimate", () => _ = ClaimSubject.About(default(CasualtyEstimateId)) },
        { "record", () => _ = ClaimSubject.PositionOn(default(MediationId)) },
        { "Best", () => _ = new CasualtyFigure(best: -1) },
        { "Low", () => _ = new CasualtyFigure(low: -200) },
        { "High", () => _ = new CasualtyFigure(high: long.MinValue) },
        { "LowExclusive", () => _ = new CasualtyFigure(best: 5, lowExclusive: true) },
        { "HighExclusive", () => _ = new CasualtyFigure(highExclusive: true) },
        { "HighExclusive", () => _ = CasualtyFigure.AtMost(0, exclusive: true) },
        { "Phrase", () => _ = new CasualtyFigure(phrase: "") },
        { "approximateTolerance", () => _ = CasualtyFigure.Exactly(5).Minimum(1.5) },
        { "approximateTolerance", () => _ = CasualtyFigure.Exactly(5).Maximum(-0.1) },
        { "Status", () => _ = new StatusChange<CeasefireStatus>((CeasefireStatus)77) },
        { "By", () => _ = new StatusChange<MediationStatus>(MediationStatus.Requested, by: default(ActorId)) },
        { "Events", () => _ = new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, events: [default]) },
        { "Claims", () => _ = new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, claims: [default]) },
        { "Note", () => _ = new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, note: "") },
        { "Date", () => _ = new StatusChange<CeasefireStatus>(CeasefireStatus.Collapsed, date: default(EdtfDate)) },
        { "Actor", () => _ = new Mediator(default) },
        { "Role", () => _ = new Mediator(A, (MediatorRole)9) },
        { "OnBehalfOf", () => _ = new Mediator(A, onBehalfOf: default(ActorId)) },
        { "Facilitators", () => _ = new MediationRound(facilitators: [default]) },
        { "Participants", () => _ = new MediationRound(participants: [default]) },
        { "Event", () => _ = new MediationRound(@event: default(EventId)) },
        { "Actor", () => _ = new ThirdParty(default, ThirdPartyRole.Witness) },
        { "Role", () => _ = new ThirdParty(A, (ThirdPartyRole)9) },
        { "ceasefire", () => _ = new Provision(ProvisionKind.Amnesty, ceasefire: new CeasefireId("c")) },
        { "Kind", () => _ = new Provision((ProvisionKind)99) },
        { "Text", () => _ = new Provision(ProvisionKind.Amnesty, " ") },

        // Records
        { "Id", () => _ = new Actor(default, "Pakistan", ActorKind.State) },
        { "Name", () => _ = new Actor(A, null!, ActorKind.State) },
        { "Kind", () => _ = new Actor(A, "Pakistan", (ActorKind)99) },
        { "Aliases", () => _ = new Actor(A, "Pakistan", ActorKind.State, aliases: [null!]) },
        { "AffiliatedWith", () => _ = new Actor(A, "Asif", ActorKind.Person, affiliatedWith: default(ActorId)) },
        { "Roles", () => _ = new Actor(A, "Asif", ActorKind.Person, roles: [null!]) },
        { "ExternalIds", () => _ = new Actor(A, "Asif", ActorKind.Person, externalIds: [null!]) },
        { "Description", () => _ = new Actor(A, "Asif", ActorKind.Person, description: "") },
        { "Id", () => _ = new Event(default, EventKind.AirOrDroneStrike) },
        { "Kind", () => _ = new Event(new EventId("e"), (EventKind)999) },
        { "Title", () => _ = new Event(new EventId("e"), EventKind.Talks, title: "") },
        { "Date", () => _ = new Event(new EventId("e"), EventKind.Talks, date: default(EdtfDate)) },
        { "Participants", () => _ = new Event(new EventId("e"), EventKind.Talks, participants: [null!]) },
        { "InResponseTo", () => _ = new Event(new EventId("e"), EventKind.Talks, inResponseTo: [default]) },
        { "Sources", () => _ = new Event(new EventId("e"), EventKind.Talks, sources: [null!]) },
        { "Id", () => _ = new Claim(default, A, ClaimStance.Asserts, ClaimSubject.Position()) },
        { "Claimant", () => _ = new Claim(new ClaimId("c"), default, ClaimStance.Asserts, ClaimSubject.Position()) },
        { "Stance", () => _ = new Claim(new ClaimId("c"), A, (ClaimStance)9, ClaimSubject.Position()) },
        { "Subject", () => _ = new Claim(new ClaimId("c"), A, ClaimStance.Asserts, null!) },
        { "Quote", () => _ = new Claim(new ClaimId("c"), A, ClaimStance.Asserts, ClaimSubject.Position(), quote: " ") },
        { "Made", () => _ = new Claim(new ClaimId("c"), A, ClaimStance.Asserts, ClaimSubject.Position(), made: default(EdtfDate)) },
        { "InResponseTo", () => _ = new Claim(new ClaimId("c"), A, ClaimStance.Denies, ClaimSubject.Position(), inResponseTo: default(ClaimId)) },
        { "Supersedes", () => _ = new Claim(new ClaimId("c"), A, ClaimStance.Retracts, ClaimSubject.Position(), supersedes: default(ClaimId)) },
        { "situation", () => _ = new Attribution(new AttributionId("t"), A, ResponsibilityKind.Instigation) },
        { "Accused", () => _ = new Attribution(new AttributionId("t"), default, ResponsibilityKind.Instigation, situation: "x") },
        { "Responsibility", () => _ = new Attribution(new AttributionId("t"), A, (ResponsibilityKind)9, situation: "x") },
        { "Situation", () => _ = new Attribution(new AttributionId("t"), A, ResponsibilityKind.Support, new EventId("e"), situation: "") },
        { "Response", () => _ = new Attribution(new AttributionId("t"), A, ResponsibilityKind.Support, situation: "x", response: (AccusedResponse)9) },
        { "Claims", () => _ = new Attribution(new AttributionId("t"), A, ResponsibilityKind.Support, situation: "x", claims: [default]) },
        { "Id", () => _ = new Ceasefire(default, [A]) },
        { "Parties", () => _ = new Ceasefire(new CeasefireId("c"), [default]) },
        { "Brokers", () => _ = new Ceasefire(new CeasefireId("c"), [A], brokers: [default]) },
        { "Scope", () => _ = new Ceasefire(new CeasefireId("c"), [A], scope: (CeasefireScope)9) },
        { "Purpose", () => _ = new Ceasefire(new CeasefireId("c"), [A], purpose: (CeasefirePurpose)9) },
        { "History", () => _ = new Ceasefire(new CeasefireId("c"), [A], history: [null!]) },
        { "Agreement", () => _ = new Ceasefire(new CeasefireId("c"), [A], agreement: default(AgreementId)) },
        { "Id", () => _ = new Mediation(default, [A]) },
        { "Mediators", () => _ = new Mediation(new MediationId("m"), [A], mediators: [null!]) },
        { "RequestedBy", () => _ = new Mediation(new MediationId("m"), [A], requestedBy: [default]) },
        { "Rounds", () => _ = new Mediation(new MediationId("m"), [A], rounds: [null!]) },
        { "Subject", () => _ = new Mediation(new MediationId("m"), [A], subject: "") },
        { "Id", () => _ = new Agreement(default, "Accord") },
        { "Name", () => _ = new Agreement(new AgreementId("g"), " ") },
        { "Signatories", () => _ = new Agreement(new AgreementId("g"), "Accord", signatories: [default]) },
        { "ThirdParties", () => _ = new Agreement(new AgreementId("g"), "Accord", thirdParties: [null!]) },
        { "Provisions", () => _ = new Agreement(new AgreementId("g"), "Accord", provisions: [null!]) },
        { "Kind", () => _ = new Agreement(new AgreementId("g"), "Accord", kind: (AgreementKind)99) },
        { "Ended", () => _ = new Agreement(new AgreementId("g"), "Accord", ended: default(EdtfDate)) },
        { "Id", () => _ = new CasualtyEstimate(default, CasualtyPopulation.Killed, CasualtyFigure.Exactly(1)) },
        { "Population", () => _ = new CasualtyEstimate(new CasualtyEstimateId("k"), (CasualtyPopulation)99, CasualtyFigure.Exactly(1)) },
        { "Figure", () => _ = new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Killed, null!) },
        { "Category", () => _ = new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(1), category: (CasualtyCategory)9) },
        { "Components", () => _ = new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(1), components: [default]) },
        { "ClaimedBy", () => _ = new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(1), claimedBy: default(ActorId)) },
        { "Id", () => _ = new Source(default) },
        { "Kind", () => _ = new Source(S, (SourceKind)9) },
        { "Url", () => _ = new Source(S, url: new Uri("/relative", UriKind.Relative)) },
        { "Url", () => _ = new Source(S, url: new Uri("//host/article", UriKind.Absolute)) }, // absolute, but its text reads back relative
        { "Language", () => _ = new Source(S, language: "english!") },
        { "Language", () => _ = new Source(S, language: "e") },
        { "BasedOn", () => _ = new Source(S, basedOn: [default]) },
        { "Title", () => _ = new DatasetInfo("") },
        { "License", () => _ = new DatasetInfo("t", license: " ") },
        { "Info", () => _ = new Dataset(null!) },
        { "FormatVersion", () => _ = new Dataset(new DatasetInfo("t"), "1") },
        { "FormatVersion", () => _ = new Dataset(new DatasetInfo("t"), "v1.0") },
        { "Actors", () => _ = new Dataset(new DatasetInfo("t"), actors: [null!]) },
        { "records", () => _ = Dataset.Create(new DatasetInfo("t"), [null!]) },
        { "members", () => _ = ExtensionData.Create([new("a", "1"), new("a", "2")]) },
        { "members", () => _ = ExtensionData.Create([new("a", "")]) },
        { "estimates", () => _ = CasualtyEnvelope.Of([]) },
        { "type", () => _ = EventTypology.Describe((EventKind)999) },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public void Construction_Misuse_ThrowsNamingTheParameter(string parameter, Action misuse)
    {
        ArgumentException thrown = Assert.ThrowsAny<ArgumentException>(misuse);
        Assert.Equal(parameter, thrown.ParamName);
    }

    [Fact]
    public void With_IsGuardedToo()
    {
        var actor = new Actor(A, "Pakistan", ActorKind.State);
        Assert.Equal("Name", Assert.ThrowsAny<ArgumentException>(() => actor with { Name = "" }).ParamName);
        Assert.Equal("Kind", Assert.ThrowsAny<ArgumentException>(() => actor with { Kind = (ActorKind)99 }).ParamName);
        var figure = CasualtyFigure.AtLeast(200, exclusive: true);
        Assert.Equal("Low", Assert.ThrowsAny<ArgumentException>(() => figure with { Low = null }).ParamName);
        Assert.Equal("Low", Assert.ThrowsAny<ArgumentException>(() => figure with { Low = -1 }).ParamName);
    }

    [Fact]
    public void DefaultArrays_BecomeEmpty()
    {
        var actor = new Actor(A, "Pakistan", ActorKind.State, aliases: default);
        Assert.False(actor.Aliases.IsDefault);
        Assert.Empty(actor.Aliases);
        Assert.Equal(0, new Dataset(new DatasetInfo("t")).RecordCount);
    }

    [Fact]
    public void ValidValues_AreAccepted()
    {
        Assert.True(RecordIds.IsValid("ged-36210"));
        Assert.True(Source.IsWellFormedLanguageTag("ps-AF"));
        Assert.True(Source.IsWellFormedLanguageTag("zh-Hant-TW"));
        Assert.False(Source.IsWellFormedLanguageTag("1e"));
        Assert.False(Source.IsWellFormedLanguageTag(null));
        Assert.True(Dataset.IsFormatVersion("12.3"));
        Assert.False(Dataset.IsFormatVersion("1."));
        Assert.Equal("PAK", new CountryCode("PAK").ToString());
        Assert.Equal("34.5,69.2", new GeoPoint(34.5, 69.2).ToString());
        Assert.Equal(string.Empty, default(ActorId).ToString());
        Assert.Equal("a", ((ActorId)"a").Value);
        Assert.Equal(RecordKind.Mediation, ClaimSubject.PositionOn(new MediationId("m")).TargetKind);
    }
}

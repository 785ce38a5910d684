using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;
using NodaTime;
using Xunit;

namespace ConflictModel.Tests.Model;

/// <summary>
/// The model's enums have an explicit <c>Unspecified = 0</c> wherever 0 used to be a real value (issue 17): a
/// <c>default</c> or forgotten field can no longer silently mean "armed clash" or "killed". The member is not a wire
/// name: the model rejects it, the reader reports it as an unknown value, the serializer's options neither read nor
/// write it, and the schema does not offer it.
/// </summary>
public class UnspecifiedEnumTests
{
    /// <summary>The model enums whose zero means something, and why.</summary>
    private static readonly Dictionary<Type, string> ZeroMeansSomething = new()
    {
        [typeof(DateQualification)] = "[Flags]: None = 0 is the empty set, the FDG rule for flags",
        [typeof(Season)] = "members carry EDTF codes 21-24; 0 is not a member at all",
        [typeof(DatePrecision)] = "derived from EDTF text, never its own wire member; default(PartialDate).IsDefault says it",
        [typeof(IntervalBound)] = "derived from EDTF text, never its own wire member; default(EdtfDate).IsDefault says it",
    };

    public static TheoryData<Type> ModelEnums()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in ModelEnumTypes())
        {
            data.Add(type);
        }

        return data;
    }

    private static Type[] ModelEnumTypes()
        => [.. typeof(ConflictRecord).Assembly.GetExportedTypes().Where(t => t.IsEnum && t.Namespace == "ConflictModel.Model").OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ModelEnums))]
    public void ModelEnum_ZeroIsUnspecified_UnlessZeroMeansSomething(Type type)
    {
        object zero = Enum.ToObject(type, 0);
        if (ZeroMeansSomething.ContainsKey(type))
        {
            Assert.NotEqual("Unspecified", Enum.GetName(type, zero));
            return;
        }

        Assert.Equal("Unspecified", Enum.GetName(type, zero));
        Assert.Equal(zero, Activator.CreateInstance(type));
    }

    [Fact]
    public void ModelEnums_WithUnspecified_AreEveryEnumTheSerializerKnows()
    {
        // The enums the wire carries as names are exactly those that got Unspecified; a new one must decide too.
        string[] withUnspecified = [.. ModelEnumTypes().Where(t => !ZeroMeansSomething.ContainsKey(t)).Select(t => t.Name)];
        Assert.Equal(26, withUnspecified.Length);
        foreach (string name in withUnspecified.Where(n => n is not nameof(PloverCategory) and not nameof(ClaimantStanding)))
        {
            // PloverCategory is the typology's and ClaimantStanding is computed, neither a wire member; every other one
            // the serializer carries.
            Type type = typeof(ConflictRecord).Assembly.GetType($"ConflictModel.Model.{name}")!;
            Assert.NotNull(ConflictJsonSerializer.Options.GetTypeInfo(type));
        }
    }

    public static TheoryData<string, Func<object>> EveryEnumMember()
    {
        var actor = new ActorId("a");
        return new TheoryData<string, Func<object>>
        {
            { "Actor.Kind", () => new Actor(actor, "A", ActorKind.Unspecified) },
            { "Actor.Kind (default)", () => new Actor(actor, "A", default) },
            { "Event.Kind", () => new Event(new EventId("e"), EventKind.Unspecified) },
            { "Event.Kind (with)", () => new Event(new EventId("e"), EventKind.Talks) with { Kind = default } },
            { "Participant.Role", () => new Participant(actor, ParticipantRole.Unspecified) },
            { "Claim.Stance", () => new Claim(new ClaimId("c"), actor, ClaimStance.Unspecified, ClaimSubject.Position()) },
            { "ClaimSubject.Kind", () => new ClaimSubject(ClaimSubjectKind.Unspecified) },
            { "ClaimSubject.TargetKind", () => new ClaimSubject(ClaimSubjectKind.Position, "x", RecordKind.Unspecified) },
            { "Attribution.Responsibility", () => new Attribution(new AttributionId("t"), actor, ResponsibilityKind.Unspecified, new EventId("e")) },
            { "Attribution.Response", () => new Attribution(new AttributionId("t"), actor, ResponsibilityKind.Perpetration, new EventId("e"), response: AccusedResponse.Unspecified) },
            { "Ceasefire.Scope", () => new Ceasefire(new CeasefireId("f"), scope: CeasefireScope.Unspecified) },
            { "Ceasefire.Purpose", () => new Ceasefire(new CeasefireId("f"), purpose: CeasefirePurpose.Unspecified) },
            { "StatusChange<CeasefireStatus>.Status", () => new StatusChange<CeasefireStatus>(CeasefireStatus.Unspecified) },
            { "StatusChange<MediationStatus>.Status", () => new StatusChange<MediationStatus>(default) },
            { "Mediator.Role", () => new Mediator(actor, MediatorRole.Unspecified) },
            { "ThirdParty.Role", () => new ThirdParty(actor, ThirdPartyRole.Unspecified) },
            { "Provision.Kind", () => new Provision(ProvisionKind.Unspecified) },
            { "Agreement.Kind", () => new Agreement(new AgreementId("g"), "G", kind: AgreementKind.Unspecified) },
            { "CasualtyEstimate.Population", () => new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Unspecified, CasualtyFigure.Exactly(1)) },
            { "CasualtyEstimate.Category", () => new CasualtyEstimate(new CasualtyEstimateId("k"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(1), category: CasualtyCategory.Unspecified) },
            { "Location.Precision", () => new Location("L", precision: LocationPrecision.Unspecified) },
            { "Source.Kind", () => new Source(new SourceId("s"), SourceKind.Unspecified) },
        };
    }

    [Theory]
    [MemberData(nameof(EveryEnumMember))]
    public void Model_RejectsUnspecified(string member, Func<object> create)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Contains(".Unspecified", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(member));
    }

    [Fact]
    public void EventTypology_Unspecified_HasNoMapping()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventTypology.Describe(EventKind.Unspecified));
        Assert.DoesNotContain(EventTypology.All, mapping => mapping.Kind == EventKind.Unspecified);
        Assert.Equal(Enum.GetValues<EventKind>().Length - 1, EventTypology.All.Count);
    }

    [Theory]
    [InlineData("unspecified")]
    [InlineData("Unspecified")]
    [InlineData("UNSPECIFIED")]
    public void Reader_UnspecifiedOnTheWire_IsAnUnknownValue_NeverTheMember(string text)
    {
        string json = $$"""
            {"formatVersion":"1.0","info":{"title":"t"},
             "actors":[{"id":"a","name":"A","kind":"{{text}}"}],
             "events":[{"id":"e","kind":"{{text}}"}]}
            """;

        DatasetReadResult read = new DatasetReader().ReadText(json, DatasetFormat.Document, "data.json");

        Assert.Equal(["/actors/0/kind", "/events/0/kind"], read.Diagnostics.Where(d => d.Id == ReaderDiagnostics.UnknownEnumValue.Id).Select(d => d.Location.JsonPointer));
        Assert.All(read.Diagnostics, d => Assert.True(d.IsError, d.ToString()));
        Diagnostic actorKind = read.Diagnostics.First();
        Assert.Equal(
            $"'{text}' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other",
            actorKind.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(read.Diagnostics, d => d.Id == ReaderDiagnostics.NonCanonicalValue.Id);
    }

    [Fact]
    public void Reader_MissingRequiredEnum_IsAMissingMember_NeverUnspecifiedNorTheFirstValue()
    {
        const string json = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A"}],"casualtyEstimates":[{"id":"k","figure":{"best":3}}]}""";

        DatasetReadResult read = new DatasetReader().ReadText(json, DatasetFormat.Document, "data.json");

        Assert.Equal(
            [(ReaderDiagnostics.MissingMember.Id, "/actors/0"), (ReaderDiagnostics.MissingMember.Id, "/casualtyEstimates/0")],
            read.Diagnostics.Select(d => (d.Id, d.Location.JsonPointer)));
        Assert.Empty(read.Dataset.Actors);
        Assert.Empty(read.Dataset.CasualtyEstimates);
    }

    [Fact]
    public void SerializerOptions_NeitherReadNorWriteUnspecified()
    {
        JsonSerializerOptions options = ConflictJsonSerializer.Options;

        Assert.Equal("\"nonStateArmedGroup\"", JsonSerializer.Serialize(ActorKind.NonStateArmedGroup, options.GetTypeInfo(typeof(ActorKind))));
        Assert.Equal(ActorKind.State, JsonSerializer.Deserialize("\"state\"", options.GetTypeInfo(typeof(ActorKind))));
        JsonException written = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(ActorKind.Unspecified, options.GetTypeInfo(typeof(ActorKind))));
        Assert.Contains("ActorKind.Unspecified has no wire name", written.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(EventKind.Unspecified, options.GetTypeInfo(typeof(EventKind))));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"unspecified\"", options.GetTypeInfo(typeof(ActorKind))));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Unspecified\"", options.GetTypeInfo(typeof(RecordKind))));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("0", options.GetTypeInfo(typeof(ActorKind))));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("1", options.GetTypeInfo(typeof(ActorKind))));
    }

    [Fact]
    public void Schema_OffersNoUnspecified()
    {
        string schema = ConflictJsonSchema.Generate();
        Assert.DoesNotContain("unspecified", schema, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"nonStateArmedGroup\"", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void WireNames_AreUnchanged_EveryMemberButUnspecifiedRoundTrips()
    {
        foreach (EventKind kind in Enum.GetValues<EventKind>().Where(k => k != EventKind.Unspecified))
        {
            var record = new Event(new EventId("e"), kind);
            string line = ConflictJsonSerializer.SerializeRecord(record);
            Assert.Contains($"\"kind\":\"{JsonNamingPolicy.CamelCase.ConvertName(kind.ToString())}\"", line, StringComparison.Ordinal);
            Assert.Equal(record, ConflictJsonSerializer.DeserializeRecord(line));
        }
    }
}

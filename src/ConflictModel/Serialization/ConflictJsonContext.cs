using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The System.Text.Json source-generated metadata for the wire format. Internal so that its generated members
/// stay out of the public API; <see cref="ConflictJsonSerializer"/> exposes the options built on it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = ConflictJsonSerializer.MaxDepth,
    Converters =
    [
        typeof(RecordIdConverter<ActorId>),
        typeof(RecordIdConverter<EventId>),
        typeof(RecordIdConverter<ClaimId>),
        typeof(RecordIdConverter<AttributionId>),
        typeof(RecordIdConverter<CeasefireId>),
        typeof(RecordIdConverter<MediationId>),
        typeof(RecordIdConverter<AgreementId>),
        typeof(RecordIdConverter<CasualtyEstimateId>),
        typeof(RecordIdConverter<SourceId>),
        typeof(EdtfDateConverter),
        typeof(InstantConverter),
        typeof(CountryCodeConverter),
        typeof(DurationConverter),
        typeof(CamelCaseEnumConverter<ActorKind>),
        typeof(CamelCaseEnumConverter<EventKind>),
        typeof(CamelCaseEnumConverter<ParticipantRole>),
        typeof(CamelCaseEnumConverter<ClaimStance>),
        typeof(CamelCaseEnumConverter<ClaimSubjectKind>),
        typeof(CamelCaseEnumConverter<RecordKind>),
        typeof(CamelCaseEnumConverter<ResponsibilityKind>),
        typeof(CamelCaseEnumConverter<AccusedResponse>),
        typeof(CamelCaseEnumConverter<CeasefireScope>),
        typeof(CamelCaseEnumConverter<CeasefirePurpose>),
        typeof(CamelCaseEnumConverter<CeasefireStatus>),
        typeof(CamelCaseEnumConverter<MediationStatus>),
        typeof(CamelCaseEnumConverter<MediatorRole>),
        typeof(CamelCaseEnumConverter<ThirdPartyRole>),
        typeof(CamelCaseEnumConverter<ProvisionKind>),
        typeof(CamelCaseEnumConverter<AgreementKind>),
        typeof(CamelCaseEnumConverter<CasualtyPopulation>),
        typeof(CamelCaseEnumConverter<CasualtyCategory>),
        typeof(CamelCaseEnumConverter<LocationPrecision>),
        typeof(CamelCaseEnumConverter<SourceKind>),
        typeof(YearlessDateConverter),
        typeof(CamelCaseEnumConverter<ReportingHedge>),
        typeof(CamelCaseEnumConverter<ClaimantIdentity>),
        typeof(CamelCaseEnumConverter<GroupMemberRole>),
        typeof(CamelCaseEnumConverter<MediationOutcomeKind>),
    ])]
[JsonSerializable(typeof(Dataset))]
[JsonSerializable(typeof(DatasetHeader))]
[JsonSerializable(typeof(Source))]
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(CasualtyEstimate))]
[JsonSerializable(typeof(Attribution))]
[JsonSerializable(typeof(Claim))]
[JsonSerializable(typeof(Ceasefire))]
[JsonSerializable(typeof(Mediation))]
[JsonSerializable(typeof(Agreement))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string))]
internal sealed partial class ConflictJsonContext : JsonSerializerContext
{
}

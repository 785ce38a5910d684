using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using NodaTime;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

public class WireFormatTests
{
    [Fact]
    public void Document_HasTheDocumentedShape()
    {
        Dataset dataset = Dataset.Create(
            new DatasetInfo("Example", license: "CC0-1.0", created: Instant.FromUtc(2026, 1, 2, 3, 4, 5)),
            [
                new Actor(new ActorId("pakistan"), "Pakistan", ActorKind.State, country: new CountryCode("PAK")),
                new CasualtyEstimate(new CasualtyEstimateId("over-200"), CasualtyPopulation.Killed, CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200"), claimedBy: new ActorId("pakistan")),
                new Claim(new ClaimId("c"), new ActorId("pakistan"), ClaimStance.Asserts, ClaimSubject.About(new CasualtyEstimateId("over-200")), made: EdtfDate.Parse("2025-10~")),
            ]);

        const string expected = """
            {
              "formatVersion": "1.0",
              "info": {
                "title": "Example",
                "license": "CC0-1.0",
                "created": "2026-01-02T03:04:05Z"
              },
              "actors": [
                {
                  "id": "pakistan",
                  "name": "Pakistan",
                  "kind": "state",
                  "country": "PAK"
                }
              ],
              "casualtyEstimates": [
                {
                  "id": "over-200",
                  "population": "killed",
                  "figure": {
                    "low": 200,
                    "lowExclusive": true,
                    "phrase": "over 200"
                  },
                  "claimedBy": "pakistan"
                }
              ],
              "claims": [
                {
                  "id": "c",
                  "claimant": "pakistan",
                  "stance": "asserts",
                  "subject": {
                    "kind": "casualtyEstimate",
                    "target": "over-200"
                  },
                  "made": "2025-10~"
                }
              ]
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), ConflictJsonSerializer.Serialize(dataset));
    }

    [Fact]
    public void JsonLines_HasTheDocumentedShape()
    {
        Dataset dataset = Dataset.Create(
            new DatasetInfo("Example"),
            [
                new Actor(new ActorId("qadri"), "Amir Khan Muttaqi", ActorKind.Person, aliases: ["Muttahida Qadri"]),
                new Claim(new ClaimId("p"), new ActorId("qadri"), ClaimStance.Asserts, ClaimSubject.PositionOn(new MediationId("m")), quote: "“a single grain”"),
            ]);

        Assert.Equal(
            """
            {"type":"dataset","formatVersion":"1.0","info":{"title":"Example"}}
            {"type":"actor","id":"qadri","name":"Amir Khan Muttaqi","kind":"person","aliases":["Muttahida Qadri"]}
            {"type":"claim","id":"p","claimant":"qadri","stance":"asserts","subject":{"kind":"position","target":"m","targetKind":"mediation"},"quote":"“a single grain”"}

            """.ReplaceLineEndings("\n"),
            ConflictJsonSerializer.SerializeLines(dataset));
    }

    public static TheoryData<Type> Enums => new(typeof(Actor).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic && t.Namespace == "ConflictModel.Model" && t != typeof(DateQualification) && t != typeof(Season) && t != typeof(IntervalBound) && t != typeof(DatePrecision) && t != typeof(PloverCategory) && t != typeof(ClaimantStanding)));

    [Theory]
    [MemberData(nameof(Enums))]
    public void EnumMembers_AreWrittenAsCamelCaseNames_AndReadBack(Type enumType)
    {
        foreach (object value in Enum.GetValues(enumType))
        {
            string name = Enum.GetName(enumType, value)!;
            if (name == "Unspecified")
            {
                // The default of a field never set has no wire name: not written, not read (UnspecifiedEnumTests).
                Assert.Throws<JsonException>(() => JsonSerializer.Serialize(value, enumType, ConflictJsonSerializer.Options));
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"unspecified\"", enumType, ConflictJsonSerializer.Options));
                continue;
            }

            string wire = JsonSerializer.Serialize(value, enumType, ConflictJsonSerializer.Options);
            Assert.Equal($"\"{char.ToLowerInvariant(name[0])}{name[1..]}\"", wire);
            Assert.Equal(value, JsonSerializer.Deserialize(wire, enumType, ConflictJsonSerializer.Options));
        }

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("0", enumType, ConflictJsonSerializer.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"noSuchMember\"", enumType, ConflictJsonSerializer.Options));
    }

    [Fact]
    public void WireNames_ArePinned()
    {
        // Renaming a member renames the wire value and breaks every dataset in the field: this list changes only on purpose.
        Assert.Equal(
            "state government armedForces nonStateArmedGroup politicalParty person internationalOrganisation mediaOutlet civilSociety group other",
            Names<ActorKind>());
        Assert.Equal("asserts denies declinesToConfirm retracts acknowledges requests rejects", Names<ClaimStance>());
        Assert.Equal("declared inForce violated collapsed ended extended renewed suspended resumed", Names<CeasefireStatus>());
        Assert.Equal("proposed requested offered accepted declined deferred talksHeld concluded suspended resumed", Names<MediationStatus>());
        Assert.Equal("killed wounded killedOrWounded captured missing abducted displaced", Names<CasualtyPopulation>());
        Assert.Equal("exact near adminLevel2 adminLevel1 region country waterOrAirspace", Names<LocationPrecision>());
        Assert.Equal(36, Enum.GetValues<EventKind>().Length - 1); // less Unspecified
        Assert.Equal("mediator facilitator host guarantor observer witness", Names<MediatorRole>());
        Assert.Equal("member chair coChair lead observer", Names<GroupMemberRole>());
        Assert.Equal("ceasefire agreement understanding noAgreement", Names<MediationOutcomeKind>());
    }

    [Theory]
    [InlineData("{\"info\":{\"title\":\"t\",\"x\":1},\"x-a\":[1,{\"b\":null}],\"formatVersion\":\"1.3\",\"type\":\"dataset\"}")]
    [InlineData("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\",\"created\":\"2024-02-29T23:59:59Z\"},\"sources\":[]}")]
    [InlineData("{\"type\":\"dataset\",\"info\":{\"title\":\"t\"},\"Info\":2,\"généré\":\"oui\"}")]
    [InlineData("{\"type\":\"dataset\",\"info\":{\"title\":\"t\"}}")]
    public void DeserializeLines_Header_ReadsAsTheSameDatasetAsADocument(string header)
    {
        // The header line has a fast path of its own; it must give what reading the line as a Dataset gives, which is
        // the document read without the discriminator.
        string document = header.Replace("\"type\":\"dataset\",", string.Empty, StringComparison.Ordinal).Replace(",\"type\":\"dataset\"", string.Empty, StringComparison.Ordinal);
        Dataset expected = ConflictJsonSerializer.Deserialize(document);

        Dataset actual = ConflictJsonSerializer.DeserializeLines(header + "\n");

        Assert.Equal(expected, actual);
        Assert.Equal(expected.Extensions, actual.Extensions);
        Assert.Equal(expected.Info.Extensions, actual.Info.Extensions);
    }

    private static string Names<T>()
        where T : struct, Enum
        => string.Join(' ', Enum.GetValues<T>().Where(v => Enum.GetName(v) != "Unspecified").Select(v => JsonSerializer.Serialize(v, ConflictJsonSerializer.Options).Trim('"')));
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.TestData;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

public class RoundTripTests
{
    [Fact]
    public void Document_ReadWriteRead_GivesEqualModelAndSameBytes()
    {
        Dataset original = KitchenSink.Create();

        byte[] first = ConflictJsonSerializer.SerializeToUtf8Bytes(original);
        Dataset read = ConflictJsonSerializer.Deserialize(first);
        byte[] second = ConflictJsonSerializer.SerializeToUtf8Bytes(read);

        Assert.Equal(original, read);
        Assert.Equal(first, second);
        Assert.Equal((byte)'\n', first[^1]);
        Assert.DoesNotContain((byte)'\r', first);
    }

    [Fact]
    public void JsonLines_ReadWriteRead_GivesEqualModelAndSameBytes()
    {
        Dataset original = KitchenSink.Create();

        string first = ConflictJsonSerializer.SerializeLines(original);
        Dataset read = ConflictJsonSerializer.DeserializeLines(first);

        Assert.Equal(original, read);
        Assert.Equal(first, ConflictJsonSerializer.SerializeLines(read));
        string[] lines = first.TrimEnd('\n').Split('\n');
        Assert.Equal(original.RecordCount + 1, lines.Length);
        Assert.StartsWith("{\"type\":\"dataset\",", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("{\"type\":\"", line, StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentAndJsonLines_HoldTheSameModel()
    {
        Dataset original = KitchenSink.Create();
        Dataset viaLines = ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.Serialize(original))));
        Assert.Equal(original, viaLines);
    }

    [Fact]
    public void Streams_WorkLikeStrings()
    {
        Dataset original = KitchenSink.Create();
        using var document = new MemoryStream();
        ConflictJsonSerializer.Serialize(document, original);
        document.Position = 0;
        Assert.Equal(original, ConflictJsonSerializer.Deserialize(document));

        using var lines = new MemoryStream();
        ConflictJsonSerializer.SerializeLines(lines, original);
        lines.Position = 0;
        Assert.Equal(original, ConflictJsonSerializer.DeserializeLines(lines));
    }

    [Fact]
    public void EveryRecord_RoundTripsAlone()
    {
        foreach (ConflictRecord record in KitchenSink.Create().Records)
        {
            string line = ConflictJsonSerializer.SerializeRecord(record);
            Assert.Equal(record, ConflictJsonSerializer.DeserializeRecord(line));
        }
    }

    [Fact]
    public void UnknownMembers_AreKeptAtEveryLevel_AndWrittenBack()
    {
        const string json = """
            {
              "formatVersion": "1.0",
              "future": [1, {"x": null}],
              "info": { "title": "t", "curator": "someone" },
              "actors": [
                { "id": "pak", "name": "Pakistan", "kind": "state", "wikidata": "Q843",
                  "roles": [ { "title": "x", "rank": 2.50 } ] }
              ],
              "events": [
                { "id": "e", "kind": "talks",
                  "location": { "name": "Kabul", "elevation": { "m": 1791 }, "coordinates": { "latitude": 34.5, "longitude": 69.2, "datum": "WGS84" } },
                  "sources": [ { "source": "s", "page": 3 } ] }
              ],
              "casualtyEstimates": [
                { "id": "k", "population": "killed", "figure": { "best": 3, "method": "hospital" } }
              ]
            }
            """;

        Dataset read = ConflictJsonSerializer.Deserialize(json);

        Assert.Equal("[1,{\"x\":null}]", Single(read.Extensions, "future"));
        Assert.Equal("\"someone\"", Single(read.Info.Extensions, "curator"));
        Assert.Equal("\"Q843\"", Single(read.Actors[0].Extensions, "wikidata"));
        Assert.Equal("2.50", Single(read.Actors[0].Roles[0].Extensions, "rank"));
        Assert.Equal("{\"m\":1791}", Single(read.Events[0].Location!.Extensions, "elevation"));
        Assert.Equal("3", Single(read.Events[0].Sources[0].Extensions, "page"));
        Assert.Equal("\"WGS84\"", Single(read.Events[0].Location!.Coordinates!.Extensions, "datum"));
        Assert.Equal("\"hospital\"", Single(read.CasualtyEstimates[0].Figure.Extensions, "method"));

        Dataset again = ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.Serialize(read));
        Assert.Equal(read, again);
        Dataset viaLines = ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(read));
        Assert.Equal(read, viaLines);
    }

    [Fact]
    public void DeserializeRecords_StreamsTheRecordsAfterTheHeader()
    {
        Dataset original = KitchenSink.Create();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(original)));
        Dataset? header = null;

        var records = ConflictJsonSerializer.DeserializeRecords(stream, h => header = h).ToList();

        Assert.Equal(original.Records, records);
        Assert.Equal(original.Info, header!.Info);
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecords(new MemoryStream("{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n"u8.ToArray())).ToList());
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecords(new MemoryStream([])).ToList());
    }

    [Fact]
    public void EmptyParties_RoundTrip()
    {
        Dataset dataset = Dataset.Create(new DatasetInfo("t"), [new Ceasefire(new CeasefireId("c")), new Mediation(new MediationId("m"))]);
        Assert.Equal(dataset, ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.Serialize(dataset)));
        Assert.Equal(dataset, ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(dataset)));
    }

    [Fact]
    public void PositionWithoutTarget_WritesNoTargetKind()
        => Assert.DoesNotContain("targetKind", ConflictJsonSerializer.SerializeRecord(new Claim(new ClaimId("c"), new ActorId("a"), ClaimStance.Asserts, ClaimSubject.Position())), StringComparison.Ordinal);

    [Fact]
    public void WithExtensions_CopiesAndDiffersByExtensions()
    {
        Actor actor = KitchenSink.Create().Actors[0];
        Actor extended = actor.WithExtensions(ExtensionData.Create([new("wikidata", "\"Q843\"")]));

        Assert.True(actor.Extensions.IsEmpty);
        Assert.NotEqual(actor, extended);
        Assert.Contains("\"wikidata\":\"Q843\"", ConflictJsonSerializer.SerializeRecord(extended), StringComparison.Ordinal);
        Assert.Equal(extended, ConflictJsonSerializer.DeserializeRecord(ConflictJsonSerializer.SerializeRecord(extended)));
    }

    [Fact]
    public void Bom_IsAccepted()
    {
        byte[] json = ConflictJsonSerializer.SerializeToUtf8Bytes(KitchenSink.Create());
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. json];
        Assert.Equal(KitchenSink.Create(), ConflictJsonSerializer.Deserialize(withBom));

        byte[] lines = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(KitchenSink.Create()))];
        Assert.Equal(KitchenSink.Create(), ConflictJsonSerializer.DeserializeLines(new MemoryStream(lines)));
    }

    [Fact]
    public void JsonLines_ToleratesCrLfAndBlankLines_AndLongLines()
    {
        Dataset original = KitchenSink.Create();
        string lines = ConflictJsonSerializer.SerializeLines(original).Replace("\n", "\r\n\r\n", StringComparison.Ordinal);
        Assert.Equal(original, ConflictJsonSerializer.DeserializeLines(lines));

        var longActor = new Actor(new ActorId("long"), new string('n', 200_000), ActorKind.Group);
        Dataset big = Dataset.Create(new DatasetInfo("big"), [longActor]);
        Assert.Equal(big, ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(big)));
    }

    private static string Single(ExtensionData extensions, string name)
    {
        Assert.True(extensions.TryGetValue(name, out string raw), $"missing {name} in {extensions}");
        return raw;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.TestData;
using Xunit;

namespace ConflictModel.Tests.Serialization;

/// <summary>The plain deserializer throws a JsonException that says where and what; the diagnostic reader is Validation's.</summary>
public class BadInputTests
{
    private static readonly string Valid = ConflictJsonSerializer.Serialize(KitchenSink.Create());

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "malformed at the start", "{,\"formatVersion\":\"1.0\"}", "LineNumber: 0" },
        { "malformed in the middle", Valid.Replace("\"name\": \"Pakistan\",", "\"name\": \"Pakistan\",,", StringComparison.Ordinal), "$.actors[0]" },
        { "truncated", Valid[..(Valid.Length / 2)], "Path: $" },
        { "wrong type", Valid.Replace("\"kind\": \"state\"", "\"kind\": 3", StringComparison.Ordinal), "$.actors[0].kind" },
        { "unknown enum", Valid.Replace("\"kind\": \"state\"", "\"kind\": \"empire\"", StringComparison.Ordinal), "$.actors[0].kind" },
        { "missing required", Valid.Replace("\"name\": \"Pakistan\",", string.Empty, StringComparison.Ordinal), "missing required properties including: 'name'" },
        { "null for required", Valid.Replace("\"name\": \"Pakistan\"", "\"name\": null", StringComparison.Ordinal), "$.actors[0].name" },
        { "invalid date", Valid.Replace("\"2025-10~\"", "\"2023-02-30\"", StringComparison.Ordinal), "day 30 does not exist in 2023-02" },
        { "invalid id", Valid.Replace("\"id\": \"pakistan\"", "\"id\": \"\"", StringComparison.Ordinal), "$.actors[0].id" },
        { "id of wrong type", Valid.Replace("\"id\": \"pakistan\"", "\"id\": 7", StringComparison.Ordinal), "ActorId must be a JSON string" },
        { "invalid country", Valid.Replace("\"PAK\"", "\"Pakistan\"", StringComparison.Ordinal), "$.actors[0].country" },
        { "invalid instant", Valid.Replace("2026-11-23T12:00:00Z", "yesterday", StringComparison.Ordinal), "$.info.created" },
        { "number beyond long", Valid.Replace("\"best\": 58", "\"best\": 99999999999999999999999", StringComparison.Ordinal), "$.casualtyEstimates[0].figure.best" },
        { "negative count", Valid.Replace("\"best\": 58", "\"best\": -58", StringComparison.Ordinal), "A count cannot be negative" },
        { "duplicate key", Valid.Replace("\"name\": \"Pakistan\",", "\"name\": \"Pakistan\", \"name\": \"India\",", StringComparison.Ordinal), "Duplicate" },
        { "not an object", "[]", "Path: $" },
        { "null document", "null", "null, not a dataset" },
        { "newer major version", "{\"formatVersion\":\"2.0\",\"info\":{\"title\":\"t\"}}", "format version 2.0 is not supported: this library reads 1.x" },
        { "deep nesting", "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}", "depth" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Deserialize_BadDocument_ThrowsJsonExceptionSayingWhere(string what, string json, string expected)
    {
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.Deserialize(json));
        Assert.True(thrown.Message.Contains(expected, StringComparison.Ordinal), $"{what}: '{thrown.Message}' should contain '{expected}'");
    }

    [Fact]
    public void Deserialize_SyntaxError_NamesPathAndLine()
    {
        string json = Valid.Replace("\"kind\": \"state\"", "\"kind\": state", StringComparison.Ordinal);
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.Deserialize(json));
        int line = json[..json.IndexOf("\"kind\": state", StringComparison.Ordinal)].Count(c => c == '\n');
        Assert.Equal(line, thrown.LineNumber);
        Assert.Equal("$.actors[0].kind", thrown.Path);
    }

    [Fact]
    public void Deserialize_InvalidUtf8_Throws()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Valid);
        int at = Array.IndexOf(bytes, (byte)'P');
        bytes[at] = 0xFF;
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.Deserialize(bytes));
    }

    public static TheoryData<string, string, string> BadLines => new()
    {
        { "no header", "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n", "Line 1: a JSON Lines dataset begins with its header line" },
        { "empty", "\n\n", "no dataset header" },
        { "newer major version", "{\"type\":\"dataset\",\"formatVersion\":\"3.1\",\"info\":{\"title\":\"t\"}}\n", "Line 1: format version 3.1 is not supported" },
        { "second header", Header + Header, "Line 2: the dataset header must be the first line" },
        { "header with records", "{\"type\":\"dataset\",\"info\":{\"title\":\"t\"},\"actors\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}]}\n", "holds no records" },
        { "no type", Header + "{\"id\":\"a\"}\n", "Line 2: The line has no \"type\" member" },
        { "type not string", Header + "{\"type\":1}\n", "Line 2: The \"type\" member must be a string" },
        { "unknown type", Header + "{\"type\":\"battle\"}\n", "Line 2: 'battle' is not a record type" },
        { "lone surrogate type", Header + "{\"type\":\"\\ud800\"}\n", "Line 2: The \"type\" member is not valid text" },
        { "not an object", Header + "[1]\n", "Line 2: A JSON Lines line holds one object" },
        { "broken line", Header + "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\n", "Line 3:" },
        { "bad value", Header + "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":-1}}\n", "Line 2: Invalid value: A count cannot be negative" },
        { "bad date", Header + "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"talks\",\"date\":\"2025-13\"}\n", "Line 2: '2025-13' is not a valid EDTF date: month 13 does not exist (01 to 12, or a season 21 to 24). Path: $.date" },
    };

    private const string Header = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n";

    [Theory]
    [MemberData(nameof(BadLines))]
    public void DeserializeLines_BadInput_ThrowsJsonExceptionNamingTheLine(string what, string jsonLines, string expected)
    {
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeLines(jsonLines));
        Assert.True(thrown.Message.Contains(expected, StringComparison.Ordinal), $"{what}: '{thrown.Message}' should contain '{expected}'");
    }

    [Fact]
    public void SerializeLines_ExtensionMemberNamedType_IsRefusedNotWrittenTwice()
    {
        var actor = new Actor(new ActorId("a"), "A", ActorKind.State).WithExtensions(ExtensionData.Create([new("type", "\"legacy\"")]));
        Dataset dataset = Dataset.Create(new DatasetInfo("t"), [actor]);
        Assert.Equal(dataset, ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.Serialize(dataset)));
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.SerializeLines(dataset));
        Assert.Contains("extension member named \"type\"", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeLines_DatasetExtensionMemberNamedType_IsRefusedNotWrittenTwice()
    {
        // Found by fuzzing: a document may carry an unknown top-level "type"; the JSON Lines header already has one.
        Dataset dataset = ConflictJsonSerializer.Deserialize("{\"type\":\"legacy\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}");
        Assert.True(dataset.Extensions.TryGetValue("type", out _));
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.SerializeLines(dataset));
        Assert.Contains("extension member named \"type\"", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"\\ud800\":0}")]
    [InlineData("{\"\\udc00\":0,\"type\":\"actor\"}")]
    [InlineData("{\"type\":\"actor\",\"\\ud800x\":0,\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}")]
    public void DeserializeRecord_MemberNameWithLoneSurrogateEscape_ThrowsJsonException(string line)
    {
        // Found by fuzzing: valid JSON, but the name cannot be unescaped to text; this threw InvalidOperationException.
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecord(line));
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeLines(Header + line + "\n"));
    }

    [Fact]
    public void Serialize_AnUnreadableFormatVersion_IsRefused()
    {
        var dataset = new Dataset(new DatasetInfo("t"), "2.0");
        Assert.Contains("format version 2.0 is not supported", Assert.Throws<JsonException>(() => ConflictJsonSerializer.Serialize(dataset)).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.SerializeLines(dataset));
        Assert.Equal("1.7", ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.Serialize(new Dataset(new DatasetInfo("t"), "1.7"))).FormatVersion);
    }

    [Fact]
    public void DeserializeRecord_Header_IsNotARecord()
        => Assert.Contains("header", Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecord(Header.TrimEnd())).Message, StringComparison.Ordinal);

    [Fact]
    public void Serialize_DefaultValues_AreRefused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(ActorId), ConflictJsonSerializer.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(EdtfDate), ConflictJsonSerializer.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(CountryCode), ConflictJsonSerializer.Options));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ConflictJsonSerializer.Serialize((Dataset)null!));
        Assert.Throws<ArgumentNullException>(() => ConflictJsonSerializer.Deserialize((string)null!));
        Assert.Throws<ArgumentNullException>(() => ConflictJsonSerializer.Deserialize((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => ConflictJsonSerializer.DeserializeLines((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => ConflictJsonSerializer.SerializeRecord(null!));
    }
}

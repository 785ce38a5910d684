using System;
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

/// <summary>The deserializer is a throwing front over the one reader: its JsonException is the first error's diagnostic, as validate prints it.</summary>
public class BadInputTests
{
    private static readonly string Valid = ConflictJsonSerializer.Serialize(KitchenSink.Create());

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "malformed at the start", "{,\"formatVersion\":\"1.0\"}", "(1,2): error CM0001: ',' is an invalid start of a property name" },
        { "malformed in the middle", Valid.Replace("\"name\": \"Pakistan\",", "\"name\": \"Pakistan\",,", StringComparison.Ordinal), "error CM0001: ',' is an invalid start of a property name. Expected a '\"'. (at /actors/0)" },
        { "truncated", Valid[..(Valid.Length / 2)], "error CM0001: Expected start of a property name or value, but instead reached end of data." },
        { "wrong type", Valid.Replace("\"kind\": \"state\"", "\"kind\": 3", StringComparison.Ordinal), "(39,15): error CM0008: Expected a actor kind (a string) here, found a number (at /actors/0/kind)" },
        { "unknown enum", Valid.Replace("\"kind\": \"state\"", "\"kind\": \"empire\"", StringComparison.Ordinal), "(39,15): error CM0009: 'empire' is not a known actor kind; expected one of: state, " },
        { "missing required", Valid.Replace("\"name\": \"Pakistan\",", string.Empty, StringComparison.Ordinal), "(36,5): error CM0007: Required member 'name' of an actor is missing (at /actors/0)" },
        { "null for required", Valid.Replace("\"name\": \"Pakistan\"", "\"name\": null", StringComparison.Ordinal), "(38,15): error CM0008: Expected a string here, found null (at /actors/0/name)" },
        { "invalid date", Valid.Replace("\"2025-10~\"", "\"2023-02-30\"", StringComparison.Ordinal), "day 30 does not exist in 2023-02" },
        { "invalid id", Valid.Replace("\"id\": \"pakistan\"", "\"id\": \"\"", StringComparison.Ordinal), "(37,13): error CM0011: '' is not a valid id: it is empty (at /actors/0/id)" },
        { "id of wrong type", Valid.Replace("\"id\": \"pakistan\"", "\"id\": 7", StringComparison.Ordinal), "(37,13): error CM0008: Expected a actor id (a string) here, found a number (at /actors/0/id)" },
        { "invalid country", Valid.Replace("\"PAK\"", "\"Pakistan\"", StringComparison.Ordinal), "(43,18): error CM0014: 'Pakistan' is not an ISO 3166-1 alpha-3 country code (three upper-case letters such as PAK) (at /actors/0/country)" },
        { "invalid instant", Valid.Replace("2026-11-23T12:00:00Z", "yesterday", StringComparison.Ordinal), "(10,16): error CM0014: 'yesterday' is not an ISO 8601 UTC timestamp such as 2025-10-12T08:30:00Z (at /info/created)" },
        { "number beyond long", Valid.Replace("\"best\": 58", "\"best\": 99999999999999999999999", StringComparison.Ordinal), "(173,17): error CM0013: 99999999999999999999999 is not a whole number from 0 to 9223372036854775807 (written without a fraction or exponent) (at /casualtyEstimates/0/figure/best)" },
        { "negative count", Valid.Replace("\"best\": 58", "\"best\": -58", StringComparison.Ordinal), "(173,17): error CM2003: 'best' is -58; a count of people cannot be negative (at /casualtyEstimates/0/figure/best)" },
        { "duplicate key", Valid.Replace("\"name\": \"Pakistan\",", "\"name\": \"Pakistan\", \"name\": \"India\",", StringComparison.Ordinal), "(38,27): error CM0006: Member 'name' appears more than once in this object; only the first is read (at /actors/0/name)" },
        { "not an object", "[]", "(1,1): error CM0008: Expected a dataset (a JSON object) here, found an array" },
        { "null document", "null", "(1,1): error CM0008: Expected a dataset (a JSON object) here, found null" },
        { "newer major version", "{\"formatVersion\":\"2.0\",\"info\":{\"title\":\"t\"}}", "(1,18): error CM0022: Format version 2.0 is not supported: this library reads 1.x" },
        { "deep nesting", "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}", "(1,112): error CM0003: JSON nesting is deeper than 64 levels" },
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
    public void Deserialize_Error_LocatesAsJsonExceptionDoes_ZeroBasedLineAndByte_JsonPath()
    {
        // The message says 1-based line and column as validate prints them; the properties are 0-based as
        // JsonException documents them, and Path is the JSONPath System.Text.Json would give.
        string json = "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\n\"actors\":[\n  {\"id\":\"a\",\"name\":\"Ä\",\"kind\":\"stat\"}]}";
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.Deserialize(json));
        Assert.StartsWith("(3,31): error CM0009: 'stat' is not a known actor kind; expected one of: ", thrown.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at /actors/0/kind)", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(2, thrown.LineNumber);
        Assert.Equal(31, thrown.BytePositionInLine); // "Ä" is two UTF-8 bytes: the column counts it once, the byte position twice
        Assert.Equal("$.actors[0].kind", thrown.Path);
        Assert.DoesNotContain("ConflictModel.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SameMessageAsTheReadersDiagnostic()
    {
        string json = Valid.Replace("\"kind\": \"state\"", "\"kind\": \"stat\"", StringComparison.Ordinal);
        ConflictModel.Diagnostics.Diagnostic first = new ConflictModel.Serialization.DatasetReader().ReadText(json, ConflictModel.Serialization.DatasetFormat.Document).Diagnostics.First(d => d.IsError);
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.Deserialize(json));
        Assert.StartsWith($"({first.Location.StartLine},{first.Location.StartColumn}): error {first.Id}: {first.GetMessage()} (at {first.Location.JsonPointer})", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeRecord_Errors_AreTheLineParsersAtLineOne()
    {
        JsonException thrown = Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecord("{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":-600000}}"));
        Assert.Equal("(1,76): error CM2003: 'best' is -600000; a count of people cannot be negative (at /figure/best)", thrown.Message);
        Assert.Equal(0, thrown.LineNumber);
        Assert.Equal(75, thrown.BytePositionInLine);
        Assert.Equal("$.figure.best", thrown.Path);
        Assert.Contains("blank", Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeRecord("  ")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeRecords_StopsAtTheFirstBadLine_AfterYieldingTheRecordsBeforeIt()
    {
        string lines = Header + "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"stat\"}\n";
        var read = new System.Collections.Generic.List<ConflictRecord>();
        Dataset? header = null;
        JsonException thrown = Assert.Throws<JsonException>(() =>
        {
            foreach (ConflictRecord record in ConflictJsonSerializer.DeserializeRecords(new MemoryStream(Encoding.UTF8.GetBytes(lines)), h => header = h))
            {
                read.Add(record);
            }
        });
        Assert.Equal("t", header?.Info.Title);
        Assert.Equal(["a"], read.Select(r => r.RecordId));
        Assert.StartsWith("(3,44): error CM0009: 'stat' is not a known actor kind", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(2, thrown.LineNumber);
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
        { "no header", "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n", "(1,1): error CM0016: A JSON Lines dataset begins with its header line" },
        { "empty", "\n\n", "(1,1): error CM0001: The input is empty: a JSON Lines dataset begins with its header line" },
        { "newer major version", "{\"type\":\"dataset\",\"formatVersion\":\"3.1\",\"info\":{\"title\":\"t\"}}\n", "(1,35): error CM0022: Format version 3.1 is not supported" },
        { "second header", Header + Header, "(2,1): error CM0017: The dataset header must be the first line, and only the first" },
        { "header with records", "{\"type\":\"dataset\",\"info\":{\"title\":\"t\"},\"actors\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}]}\n", "(1,1): error CM0017: The header line holds records; write each record on a line of its own" },
        { "no type", Header + "{\"id\":\"a\"}\n", "(2,1): error CM0007: Required member 'type' of a JSON Lines record is missing" },
        { "type not string", Header + "{\"type\":1}\n", "(2,9): error CM0008: Expected the record type (a string) here, found another value (at /type)" },
        { "unknown type", Header + "{\"type\":\"battle\"}\n", "(2,9): error CM0018: 'battle' is not a record type; expected one of: dataset, source, actor, event, casualtyEstimate, attribution, claim, ceasefire, mediation, agreement (at /type)" },
        { "lone surrogate type", Header + "{\"type\":\"\\ud800\"}\n", "(2,9): error CM0018: '\\ud800' is not a record type" },
        { "not an object", Header + "[1]\n", "(2,1): error CM0008: Expected a record (a JSON object) here, found an array" },
        { "broken line", Header + "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\n", "(3,22): error CM0001: Expected depth to be zero at the end of the JSON payload." },
        { "bad value", Header + "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":-1}}\n", "(2,76): error CM2003: 'best' is -1; a count of people cannot be negative (at /figure/best)" },
        { "bad date", Header + "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"talks\",\"date\":\"2025-13\"}\n", "(2,48): error CM0010: '2025-13' is not a valid EDTF date: month 13 does not exist (01 to 12, or a season 21 to 24) (at /date)" },
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

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Examples;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

public class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(ConflictJsonSchema.Generate()).RootElement;

    [Fact]
    public void CommittedSchema_IsWhatTheGeneratorWrites()
    {
        string generated = ConflictJsonSchema.Generate();
        string path = Path.Combine(Path.GetDirectoryName(ExampleFiles.RepositoryPath("x"))!, "..", "schemas", "conflictmodel.schema.json");
        if (ExampleFiles.Regenerating)
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"schemas/conflictmodel.schema.json is missing; run the tests once with {ExampleFiles.RegenerateVariable}=1.");
        Assert.True(generated == File.ReadAllText(path), $"schemas/conflictmodel.schema.json is stale; run the tests once with {ExampleFiles.RegenerateVariable}=1 and review the diff.");
    }

    [Fact]
    public void Schema_DescribesEveryRecordKindAndLine()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        string[] kinds = ["sources", "actors", "events", "casualtyEstimates", "attributions", "claims", "ceasefires", "mediations", "agreements"];
        JsonElement properties = Schema.GetProperty("properties");
        Assert.All(kinds, kind => Assert.Equal("array", properties.GetProperty(kind).GetProperty("type").GetString()));
        Assert.Equal(["info"], Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order().ToArray());
        Assert.Equal(10, Schema.GetProperty("$defs").GetProperty("jsonLine").GetProperty("oneOf").GetArrayLength());
        JsonElement actorLine = Schema.GetProperty("$defs").GetProperty("actorLine");
        Assert.Equal("actor", actorLine.GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        Assert.Equal("type", actorLine.GetProperty("required")[0].GetString());
    }

    [Fact]
    public void Schema_PinsValueShapes()
    {
        JsonElement actor = Schema.GetProperty("properties").GetProperty("actors").GetProperty("items").GetProperty("properties");
        Assert.Equal("^[A-Z]{3}$", actor.GetProperty("country").GetProperty("pattern").GetString());
        Assert.Equal(["state", "government"], actor.GetProperty("kind").GetProperty("enum").EnumerateArray().Take(2).Select(e => e.GetString()!).ToArray());
        JsonElement created = Schema.GetProperty("properties").GetProperty("info").GetProperty("properties").GetProperty("created");
        Assert.Contains("T", created.GetProperty("pattern").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"default\"", ConflictJsonSchema.Generate(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-10-11", true)]
    [InlineData("2025-04", true)]
    [InlineData("2025-10~", true)]
    [InlineData("2025-21", true)]
    [InlineData("201X", true)]
    [InlineData("2004-XX-XX", true)]
    [InlineData("2025-05/2025-08", true)]
    [InlineData("../2025-10-11", true)]
    [InlineData("2025-10/", true)]
    [InlineData("2025-13", false)]
    [InlineData("2025-10-11T10:00:00Z", false)]
    [InlineData("25", false)]
    public void EdtfPattern_AgreesWithTheParserOnShape(string text, bool accepted)
    {
        bool matches = Regex.IsMatch(text, ConflictJsonSchema.EdtfPattern) || Regex.IsMatch(text, IntervalPattern());
        Assert.Equal(accepted, matches);
        Assert.Equal(accepted, EdtfDate.TryParse(text, out _));
    }

    private static string IntervalPattern()
    {
        JsonElement date = Schema.GetProperty("properties").GetProperty("events").GetProperty("items").GetProperty("properties").GetProperty("date");
        return date.GetProperty("anyOf")[1].GetProperty("pattern").GetString()!;
    }
}

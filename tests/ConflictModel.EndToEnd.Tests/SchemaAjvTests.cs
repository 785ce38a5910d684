using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConflictModel.Serialization;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>The committed JSON Schema, checked by ajv in strict mode against the examples and against broken datasets.</summary>
[Collection(NodeToolsGroup.Name)]
public sealed class SchemaAjvTests(NodeTools tools) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-ajv-").FullName;

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "missing info", "\"info\": {", "\"inf\": {" },
        { "unknown actor kind", "\"kind\": \"state\"", "\"kind\": \"empire\"" },
        { "number as enum", "\"kind\": \"state\"", "\"kind\": 0" },
        { "lower-case country", "\"country\": \"PAK\"", "\"country\": \"pak\"" },
        { "empty id", "\"id\": \"pakistan\"", "\"id\": \"\"" },
        { "id as number", "\"id\": \"pakistan\"", "\"id\": 7" },
        { "negative count", "\"best\": 58", "\"best\": -58" },
        { "figure as string", "\"best\": 58", "\"best\": \"58\"" },
        { "missing claimant", "\"claimant\": ", "\"speaker\": " },
        { "unknown stance", "\"stance\": \"asserts\"", "\"stance\": \"shouts\"" },
    };

    [Fact]
    public void Examples_AreValid()
    {
        string[] files = Directory.GetFiles(Repository.Path("examples")).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order().ToArray();
        Assert.NotEmpty(files);
        ProcessResult result = tools.Node(["validate-json.mjs", Schema, .. files]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(files.Length, result.Output.Split('\n').Count(l => l.StartsWith("VALID ", StringComparison.Ordinal)));
    }

    [Fact]
    public void GeneratedSchema_IsTheCommittedOne()
        => Assert.Equal(File.ReadAllText(Schema), ConflictJsonSchema.Generate());

    [Theory]
    [MemberData(nameof(Breakages))]
    public void BrokenDataset_IsRejectedByAjvAndByTheReader(string what, string find, string replace)
    {
        string text = File.ReadAllText(Repository.Path("examples", "seed-merged.json"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        string broken = ReplaceFirst(text, find, replace);
        string path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, broken);

        ProcessResult ajv = tools.Node("validate-json.mjs", Schema, path);
        Assert.True(ajv.ExitCode == 1 && ajv.Output.StartsWith("INVALID", StringComparison.Ordinal), $"{what}: ajv accepted it\n{ajv}");
        Assert.ThrowsAny<JsonException>(() => ConflictJsonSerializer.Deserialize(broken));
        Serialization.DatasetReadResult read = new Serialization.DatasetReader().ReadText(broken, Serialization.DatasetFormat.Document, "broken.json");
        Assert.True(new Validation.DatasetValidator().Validate(read).HasErrors, $"{what}: the validating reader found no error");
    }

    [Fact]
    public void BrokenJsonLinesLine_IsRejectedByAjvAndByTheReader()
    {
        string[] lines = File.ReadAllLines(Repository.Path("examples", "seed-merged.jsonl"));
        lines[5] = lines[5].Replace("\"type\":\"", "\"type\":\"x", StringComparison.Ordinal);
        string path = Path.Combine(_folder, "broken.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        ProcessResult ajv = tools.Node("validate-json.mjs", Schema, path);
        Assert.True(ajv.ExitCode == 1, ajv.ToString());
        Assert.Contains("\"line\":6", ajv.Output, StringComparison.Ordinal);
        JsonException thrown = Assert.ThrowsAny<JsonException>(() => ConflictJsonSerializer.DeserializeLines(File.ReadAllText(path)));
        Assert.StartsWith("(6,9): error CM0018:", thrown.Message, StringComparison.Ordinal); // the validator's own line
        Assert.Equal(5, thrown.LineNumber); // 0-based, as JsonException documents it
        Serialization.DatasetReadResult read = new Serialization.DatasetReader().Read(path);
        Assert.Contains(read.Diagnostics, d => d.Id == "CM0018" && d.Location.StartLine == 6);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Schema => Repository.Path("schemas", "conflictmodel.schema.json");

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}

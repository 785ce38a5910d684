using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Xunit;

namespace ConflictModel.Tests.Examples;

/// <summary>
/// Issue 15: the example datasets of real conflicts other than the seeds use every addition of vocabulary 1.1. The
/// additions are not listed by hand: they are what the schema the library generates today has and the schema of the
/// vocabulary before issue 15 (<c>Baselines/conflictmodel.schema.before-vocabulary-1.1.json</c>, the committed schema at
/// 57085e0, the parent of the first 1.1 commit) has not — a member of an object type, or a value of an enumeration.
/// The examples are read through the library's reader and written back, so only what the model understood counts.
/// </summary>
public class VocabularyAdditionsCoverageTests
{
    private const string BaselineFile = "conflictmodel.schema.before-vocabulary-1.1.json";

    [Fact]
    public void EveryVocabulary11Addition_AppearsInSomeExampleOtherThanTheSeeds()
    {
        IReadOnlyList<string> examples = NonSeedExamples();
        Assert.True(examples.Count >= 2, $"issue 15 asks for at least two real conflicts other than the seeds; examples/ has {examples.Count}.");

        List<SchemaAddition> missing = Missing(examples);

        Assert.True(
            missing.Count == 0,
            $"{missing.Count} vocabulary 1.1 addition(s) appear in none of {string.Join(", ", examples)}:\n  "
                + string.Join("\n  ", missing.Select(m => m.Describe())));
    }

    [Fact]
    public void Additions_AreFoundByComparingTheSchemas()
    {
        IReadOnlyCollection<SchemaAddition> additions = VocabularyAdditions.Find(Baseline(), CurrentSchema()).Keys;

        // The comparison sees new members of existing types (an event's dateAsReported), members of new types (a group
        // member's role) and new values of existing enumerations, each once however many places the type is used in.
        Assert.Contains(additions, a => a.IsMember && a.Example.EndsWith(".events[]", StringComparison.Ordinal) && a.Name == "dateAsReported");
        Assert.Contains(additions, a => !a.IsMember && a.Example.EndsWith(".events[].kind", StringComparison.Ordinal) && a.Name == "peacekeeperDeployment");
        Assert.Single(additions, a => a.IsMember && a.Name == "hedge");
        Assert.DoesNotContain(additions, a => a.IsMember && a.Name == "id");
        Assert.DoesNotContain(additions, a => !a.IsMember && a.Name == "armedClash");
    }

    [Fact]
    public void Coverage_OfASingleExample_NamesWhatItLacks()
    {
        // Shows the check can fail: one example alone does not use every addition.
        List<SchemaAddition> missing = Missing(["india-pakistan-ceasefire-2025.json"]);

        Assert.NotEmpty(missing);
        Assert.Contains(missing, m => !m.IsMember && m.Name == "peacekeeperDeployment");
    }

    private static List<SchemaAddition> Missing(IReadOnlyList<string> examples)
    {
        JsonElement current = CurrentSchema();
        Dictionary<SchemaAddition, string> additions = VocabularyAdditions.Find(Baseline(), current);
        HashSet<SchemaAddition> used = [];
        foreach (string name in examples)
        {
            Dataset dataset = ExampleFiles.Load(name);
            using JsonDocument written = JsonDocument.Parse(ConflictJsonSerializer.SerializeToUtf8Bytes(dataset));
            VocabularyAdditions.CollectUsed(written.RootElement, current, used);
        }

        return [.. additions.Keys.Where(a => !used.Contains(a)).OrderBy(a => a.Example, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> NonSeedExamples()
        => [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith("seed-", StringComparison.Ordinal)
                && (n.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".jsonl", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];

    private static JsonElement CurrentSchema() => JsonDocument.Parse(ConflictJsonSchema.Generate()).RootElement;

    private static JsonElement Baseline()
        => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Root, "tests", "ConflictModel.Tests", "Examples", "Baselines", BaselineFile))).RootElement;
}

/// <summary>A member of an object type, or a value of an enumeration, of the schema. A type is known by the set of its
/// member names (an enumeration by its set of values), so a citation is one type wherever it is used.</summary>
/// <param name="IsMember">True for a member, false for an enumeration value.</param>
/// <param name="Shape">The type's member names, or the enumeration's values, sorted and joined.</param>
/// <param name="Name">The member's name or the value.</param>
/// <param name="Example">The shortest path in the document form where the type is used, for messages.</param>
internal sealed record SchemaAddition(bool IsMember, string Shape, string Name, string Example)
{
    public bool Equals(SchemaAddition? other) => other is not null && IsMember == other.IsMember && Shape == other.Shape && Name == other.Name;

    public override int GetHashCode() => HashCode.Combine(IsMember, Shape, Name);

    public string Describe() => IsMember ? $"member {Example}.{Name}" : $"value \"{Name}\" of {Example}";
}

/// <summary>The comparison of two schemas, and the walk of a dataset written in the document form along the schema.</summary>
internal static class VocabularyAdditions
{
    /// <summary>The members and values of <paramref name="current"/> that <paramref name="baseline"/> has at none of the
    /// places the type is used in (a member that only appears in a new place, like a casualty figure's <c>best</c> in
    /// a citation's new <c>figure</c>, is not an addition; the citation's <c>figure</c> is).</summary>
    public static Dictionary<SchemaAddition, string> Find(JsonElement baseline, JsonElement current)
    {
        HashSet<(bool, string, string)> before = [.. Occurrences(baseline).Select(o => (o.Addition.IsMember, o.Path, o.Addition.Name))];
        Dictionary<SchemaAddition, List<string>> now = [];
        foreach ((SchemaAddition addition, string path) in Occurrences(current))
        {
            if (!now.TryGetValue(addition, out List<string>? paths))
            {
                now[addition] = paths = [];
            }

            paths.Add(path);
        }

        Dictionary<SchemaAddition, string> additions = [];
        foreach ((SchemaAddition addition, List<string> paths) in now)
        {
            if (!paths.Any(p => before.Contains((addition.IsMember, p, addition.Name))))
            {
                string example = paths.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).First();
                additions[addition with { Example = example }] = example;
            }
        }

        return additions;
    }

    /// <summary>Adds to <paramref name="used"/> every member present (not null) and every enumeration value in <paramref name="document"/>.</summary>
    public static void CollectUsed(JsonElement document, JsonElement schema, HashSet<SchemaAddition> used)
        => Walk(document, RootOf(schema), used);

    private static JsonElement RootOf(JsonElement schema)
    {
        // The document form only: the JSON Lines definitions repeat the same types with a "type" member.
        using JsonDocument root = JsonDocument.Parse($"{{\"properties\":{schema.GetProperty("properties").GetRawText()}}}");
        return root.RootElement.Clone();
    }

    private static void Walk(JsonElement value, JsonElement schema, HashSet<SchemaAddition> used)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                JsonElement? type = Alternatives(schema).Where(s => s.TryGetProperty("properties", out _)).Cast<JsonElement?>().FirstOrDefault();
                if (type is not { } objectSchema)
                {
                    return;
                }

                JsonElement members = objectSchema.GetProperty("properties");
                string shape = ShapeOf(members);
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    if (member.Value.ValueKind != JsonValueKind.Null && members.TryGetProperty(member.Name, out JsonElement memberSchema))
                    {
                        used.Add(new SchemaAddition(true, shape, member.Name, ""));
                        Walk(member.Value, memberSchema, used);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement items in Alternatives(schema).Where(s => s.TryGetProperty("items", out _)).Take(1).Select(s => s.GetProperty("items")))
                {
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        Walk(item, items, used);
                    }
                }

                break;
            case JsonValueKind.String:
                foreach (JsonElement enumeration in Alternatives(schema).Where(s => s.TryGetProperty("enum", out _)))
                {
                    string text = value.GetString()!;
                    JsonElement values = enumeration.GetProperty("enum");
                    if (values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == text))
                    {
                        used.Add(new SchemaAddition(false, EnumShapeOf(values), text, ""));
                    }
                }

                break;
        }
    }

    private static List<(SchemaAddition Addition, string Path)> Occurrences(JsonElement schema)
    {
        List<(SchemaAddition Addition, string Path)> found = [];
        Visit(RootOf(schema), "", found);
        return found;
    }

    private static void Visit(JsonElement node, string path, List<(SchemaAddition Addition, string Path)> found)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("properties", out JsonElement members))
        {
            string shape = ShapeOf(members);
            foreach (JsonProperty member in members.EnumerateObject())
            {
                found.Add((new SchemaAddition(true, shape, member.Name, path), path));
                Visit(member.Value, $"{path}.{member.Name}", found);
            }
        }

        if (node.TryGetProperty("enum", out JsonElement values))
        {
            string shape = EnumShapeOf(values);
            foreach (JsonElement value in values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
            {
                found.Add((new SchemaAddition(false, shape, value.GetString()!, path), path));
            }
        }

        if (node.TryGetProperty("items", out JsonElement items))
        {
            Visit(items, path + "[]", found);
        }

        foreach (string keyword in new[] { "anyOf", "oneOf" })
        {
            if (node.TryGetProperty(keyword, out JsonElement alternatives))
            {
                foreach (JsonElement alternative in alternatives.EnumerateArray())
                {
                    Visit(alternative, path, found);
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Alternatives(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return schema;
        foreach (string keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out JsonElement alternatives))
            {
                foreach (JsonElement alternative in alternatives.EnumerateArray())
                {
                    foreach (JsonElement nested in Alternatives(alternative))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    private static string ShapeOf(JsonElement members)
        => string.Join(",", members.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));

    private static string EnumShapeOf(JsonElement values)
        => "enum:" + string.Join(",", values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).Order(StringComparer.Ordinal));
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation.TestData;
using ConflictModel.Validation;
using Xunit;
using Xunit.Abstractions;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// A seeded random mutator over valid datasets (truncations, byte flips, insertions, deletions, member deletions,
/// type swaps, line shuffles): nothing thrown escapes the reader or any rule, every location is well formed, and the
/// reader agrees with ConflictJsonSerializer: when the serializer accepts the input the reader reports no error and
/// reads an equal model; when the serializer rejects it the reader reports at least one error.
/// </summary>
public class GeneratedInputTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_123;

    /// <summary>
    /// How many inputs a CI run tries: a fixed number, not a time budget, so that the same inputs are tried however busy
    /// the machine is (with a time budget a slow run tried fewer, so a failure that only a later input finds would come and
    /// go with the load).
    /// </summary>
    private const int Iterations = 200;

    private static readonly string[] Fragments = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "1e999", "0.5", "\\u0000", "\\ud800", "\"type\"", "\"id\"", "  ", "\n", "é", "\uFEFF"];

    [Fact]
    public void ReadAndValidate_MutatedDatasets_NeverThrowAndAgreeWithSerializer()
    {
        // CM_FUZZ_SEED and CM_FUZZ_SECONDS run a longer campaign locally, for that many seconds; CI uses the fixed seed
        // and the fixed number of inputs.
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CM_FUZZ_SEED"), out int s) ? s : Seed;
        TimeSpan? budget = int.TryParse(Environment.GetEnvironmentVariable("CM_FUZZ_SECONDS"), out int seconds) ? TimeSpan.FromSeconds(seconds) : null;
        var random = new Random(seed);
        List<(string Text, DatasetFormat Format)> seeds = Seeds();
        var validator = new DatasetValidator(RuleHarness.AllRulesOn());
        var reader = new DatasetReader(new DatasetReaderOptions { ReportUnknownMembers = true });
        int accepted = 0, rejected = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        int i = 0;
        for (; budget is null ? i < Iterations : watch.Elapsed < budget; i++)
        {
            (string text, DatasetFormat format) = seeds[random.Next(seeds.Count)];
            string mutated = Mutate(random, text, format);
            string context = $"seed {seed}, iteration {i}, {format}:\n{Clip(mutated)}";

            DatasetReadResult read = reader.ReadText(mutated, format, "fuzz");
            ValidationResult result = validator.Validate(read);
            Assert.True(!result.Diagnostics.Any(d => d.Id == "CM0900"), $"{context}\n{string.Join("\n", result.Diagnostics.Where(d => d.Id == "CM0900"))}");
            int lines = mutated.Count(c => c == '\n') + 1;
            foreach (Diagnostic d in result.Diagnostics)
            {
                Assert.InRange(d.Location.StartLine, 1, lines);
                Assert.True(d.Location.JsonPointer.Length == 0 || d.Location.JsonPointer[0] == '/', context);
                _ = d.GetMessage();
            }

            Dataset? expected = Deserialize(mutated, format);
            bool readerErrors = read.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            if (expected is not null)
            {
                accepted++;
                Assert.True(!readerErrors, $"The serializer accepts, the reader reports errors:\n{string.Join("\n", read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}\n{context}");
                Assert.True(expected.Equals(read.Dataset), $"The readers disagree; {context}");
            }
            else
            {
                rejected++;
                Assert.True(readerErrors, $"The serializer rejects, the reader reports no error:\n{string.Join("\n", read.Diagnostics)}\n{context}");
            }
        }

        output.WriteLine($"{i} inputs: {accepted} accepted, {rejected} rejected by both, in {watch.Elapsed}");
        Assert.True(accepted > i / 20 && rejected > i / 4, $"{accepted} accepted, {rejected} rejected: the mutator is too mild or too harsh");
    }

    private static Dataset? Deserialize(string text, DatasetFormat format)
    {
        try
        {
            return format == DatasetFormat.Document ? SourceGeneratedReader.Deserialize(text) : SourceGeneratedReader.DeserializeLines(text);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // SourceGeneratedReader.DeserializeLines lets this escape for a "type" with an unpaired surrogate escape
            // (JsonLines.ReadDiscriminator calls GetString); it is still a rejection.
            return null;
        }
    }

    internal static List<(string, DatasetFormat)> Seeds()
    {
        var datasets = new List<Dataset> { FullDataset.Create() };
        if (ReaderDifferentialTests.KitchenSinkFactory() is { } kitchenSink)
        {
            datasets.Add(kitchenSink());
        }

        // One seed article is enough variety; the merged examples would only make each round slower.
        datasets.AddRange(ReaderDifferentialTests.ExampleFiles().Where(p => p.EndsWith("seed-dar-kabul-visit.json", StringComparison.Ordinal)).Select(p => SourceGeneratedReader.Deserialize(File.ReadAllBytes(p))));
        return [.. datasets.SelectMany(d => new[] { (ConflictJsonSerializer.Serialize(d), DatasetFormat.Document), (ConflictJsonSerializer.SerializeLines(d), DatasetFormat.JsonLines) })];
    }

    internal static string Mutate(Random random, string text, DatasetFormat format)
    {
        int rounds = 1 + random.Next(3);
        for (int r = 0; r < rounds && text.Length > 0; r++)
        {
            text = random.Next(9) switch
            {
                0 => text[..random.Next(text.Length)],
                1 => Replace(text, random.Next(text.Length), (char)random.Next(32, 127)),
                2 => text.Insert(random.Next(text.Length), Fragments[random.Next(Fragments.Length)]),
                3 => DeleteSpan(random, text),
                4 or 5 => Structural(random, text, format),
                6 when format == DatasetFormat.JsonLines => ShuffleLines(random, text),
                _ => Structural(random, text, format),
            };
        }

        return text;
    }

    private static string Replace(string text, int at, char c) => string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1));

    private static string DeleteSpan(Random random, string text)
    {
        int start = random.Next(text.Length);
        int length = Math.Min(text.Length - start, 1 + random.Next(20));
        return text.Remove(start, length);
    }

    private static string ShuffleLines(Random random, string text)
    {
        List<string> lines = [.. text.Split('\n')];
        int a = random.Next(lines.Count), b = random.Next(lines.Count);
        switch (random.Next(3))
        {
            case 0:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 1:
                lines.Insert(a, lines[b]);
                break;
            default:
                lines.RemoveAt(a);
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Deletes a member or swaps a value's JSON type somewhere in the document (or one line).</summary>
    private static string Structural(Random random, string text, DatasetFormat format)
    {
        if (format == DatasetFormat.JsonLines)
        {
            string[] lines = text.Split('\n');
            int index = random.Next(lines.Length);
            lines[index] = StructuralJson(random, lines[index]);
            return string.Join('\n', lines);
        }

        return StructuralJson(random, text);
    }

    private static string StructuralJson(Random random, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        if (root is null)
        {
            return json;
        }

        List<JsonNode> nodes = [];
        try
        {
            Collect(root, nodes);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return json; // a member name with an unpaired surrogate escape, or a repeated one, cannot be enumerated
        }

        JsonNode target = nodes[random.Next(nodes.Count)];
        JsonNode? parent = target.Parent;
        if (parent is null)
        {
            return json;
        }

        JsonNode? replacement = random.Next(8) switch
        {
            0 => null,
            1 => JsonValue.Create(-random.Next(1, 100)),
            2 => JsonValue.Create("  "),
            3 => JsonValue.Create(true),
            4 => new JsonArray(),
            5 => new JsonObject(),
            6 => JsonValue.Create("2023-02-30"),
            _ => JsonValue.Create(long.MaxValue),
        };
        bool delete = random.Next(3) == 0;
        switch (parent)
        {
            case JsonObject obj:
                string name = obj.First(p => ReferenceEquals(p.Value, target)).Key;
                if (delete)
                {
                    obj.Remove(name);
                }
                else
                {
                    obj[name] = replacement;
                }

                break;
            case JsonArray array:
                int at = array.IndexOf(target);
                if (delete)
                {
                    array.RemoveAt(at);
                }
                else
                {
                    array[at] = replacement;
                }

                break;
        }

        try
        {
            return root.ToJsonString();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return json; // a string with an unpaired surrogate escape, from an earlier round, cannot be written back
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (member.Value is not null)
                    {
                        Collect(member.Value, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    if (item is not null)
                    {
                        Collect(item, nodes);
                    }
                }

                break;
        }
    }

    private static string Clip(string text) => text.Length <= 3000 ? text : text[..3000] + "…";
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Input that was not read whole (issue 15): the records never read cite sources, mention actors and answer
/// accusations, so the rules that find what no record does (CM1010, CM1012, CM5003, CM5008) hold back, and
/// <see cref="RuleEndContext.IsInputComplete"/> tells a rule so — loaded and streamed, JSON Lines and documents.
/// </summary>
public sealed class IncompleteInputTests
{
    private const string Actors = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\"c\",\"name\":\"C\",\"kind\":\"state\"}\n";
    private const string Sources = "{\"type\":\"source\",\"id\":\"s\"}\n{\"type\":\"source\",\"id\":\"s2\"}\n";
    private const string Accusation = "{\"type\":\"attribution\",\"id\":\"t\",\"accused\":\"a\",\"accuser\":\"b\",\"responsibility\":\"support\",\"situation\":\"x\",\"response\":\"denied\",\"claims\":[\"d\"],\"sources\":[{\"source\":\"s\"}]}\n";

    /// <summary>
    /// The records only the lost part of the input holds: the accused's denial (the evidence of the attribution's
    /// response), and an event, the one record that mentions actor c and cites source s2; each with a member nested
    /// as deep as asked, or with a stance that is not one.
    /// </summary>
    private static string LastLines(int depth = 0, bool unbuildable = false)
    {
        string deep = depth == 0 ? string.Empty : ",\"note\":" + new string('[', depth) + new string(']', depth);
        string stance = unbuildable ? "mumbles" : "denies";
        string kind = unbuildable ? "brawl" : "armedClash";
        return $"{{\"type\":\"claim\",\"id\":\"d\",\"claimant\":\"a\",\"stance\":\"{stance}\",\"subject\":{{\"kind\":\"attribution\",\"target\":\"t\"}},\"statement\":\"x\",\"sources\":[{{\"source\":\"s\"}}]{deep}}}\n"
            + $"{{\"type\":\"event\",\"id\":\"ev\",\"kind\":\"{kind}\",\"participants\":[{{\"actor\":\"c\",\"role\":\"initiator\"}}],\"sources\":[{{\"source\":\"s2\"}}]{deep}}}\n";
    }

    private static string Lines(string lastLines) => RuleHarness.Header + "\n" + Actors + Sources + Accusation + lastLines;

    private static readonly string[] CompletenessIds = ["CM1010", "CM1012", "CM5003", "CM5008"];

    public static TheoryData<string, DatasetFormat, string, bool> Inputs() => new()
    {
        { "lines, whole", DatasetFormat.JsonLines, Lines(LastLines()), true },
        { "lines, nesting past the limit", DatasetFormat.JsonLines, Lines(LastLines(depth: 80)), false },
        { "lines, records that cannot be built", DatasetFormat.JsonLines, Lines(LastLines(unbuildable: true)), false },
        { "lines, cut short", DatasetFormat.JsonLines, Lines(LastLines())[..(Lines(string.Empty).Length + 60)], false },
        { "document, whole", DatasetFormat.Document, Document(LastLines()), true },
        { "document, truncated", DatasetFormat.Document, Document(LastLines())[..(Document(LastLines()).IndexOf("\"claims\"", StringComparison.Ordinal) + 60)], false },
        { "document, nesting past the limit", DatasetFormat.Document, Document(LastLines(depth: 80)), false },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void IsInputComplete_SaysWhetherEveryRecordWasRead(string name, DatasetFormat format, string text, bool complete)
    {
        _ = name;
        foreach (bool? seen in Run(format, text, new CompletenessProbe()).Select(p => p!.Seen))
        {
            Assert.Equal(complete, seen);
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RulesAboutWhatNoRecordDoes_HoldBackWhenNotReadWhole(string name, DatasetFormat format, string text, bool complete)
    {
        _ = name;
        (string[] loaded, string[] streamed) = Findings(format, text);
        Assert.Equal(loaded, streamed);
        string[] held = [.. loaded.Where(d => CompletenessIds.Any(id => d.Contains(id, StringComparison.Ordinal)))];
        Assert.True(held.Length == 0, $"{name}:\n{string.Join("\n", loaded)}");
        if (!complete)
        {
            Assert.Contains(loaded, d => d.Contains("error CM00", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(DatasetFormat.JsonLines)]
    [InlineData(DatasetFormat.Document)]
    public void RulesAboutWhatNoRecordDoes_StillReportOnWholeInput(DatasetFormat format)
    {
        // The same input read whole, without the records the damaged inputs lose: each rule reports what it holds back there.
        string text = format == DatasetFormat.JsonLines ? Lines(string.Empty) : Document(string.Empty);
        (string[] loaded, string[] streamed) = Findings(format, text);
        Assert.Equal(loaded, streamed);
        Assert.Contains(loaded, d => d.Contains("CM1010: No record cites source 's2'", StringComparison.Ordinal));
        Assert.Contains(loaded, d => d.Contains("CM1012: No record mentions actor 'c'", StringComparison.Ordinal));
        Assert.Contains(loaded, d => d.Contains("CM5008: The response is 'denied', but no claim by 'a' records it", StringComparison.Ordinal));
    }

    /// <summary>The JSON Lines records (header left out) as one document: each line in its kind's array, in order.</summary>
    private static string Document(string lastLines)
    {
        string lines = Actors + Sources + Accusation + lastLines;
        var arrays = new Dictionary<string, List<string>>();
        foreach (string line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string type = line[(line.IndexOf("\"type\":\"", StringComparison.Ordinal) + 8)..];
            type = type[..type.IndexOf('"', StringComparison.Ordinal)];
            string record = "{" + line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..];
            string array = type + "s";
            if (!arrays.TryGetValue(array, out List<string>? list))
            {
                arrays[array] = list = [];
            }

            list.Add(record);
        }

        return "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"Test\"}," + string.Join(",", arrays.Select(a => $"\"{a.Key}\":[{string.Join(",", a.Value)}]")) + "}\n";
    }

    /// <summary>Validates loaded, streamed from a stream and streamed from a file, each with a fresh <paramref name="probe"/> (or the library's rules alone), and returns the probes.</summary>
    private static IEnumerable<CompletenessProbe?> Run(DatasetFormat format, string text, CompletenessProbe? probe)
    {
        foreach (Func<DatasetValidator, ValidationResult> validate in Validations(format, text))
        {
            CompletenessProbe? fresh = probe is null ? null : new CompletenessProbe();
            ValidationOptions options = RuleHarness.AllRulesOn();
            if (fresh is not null)
            {
                options = options with { Rules = [.. RuleCatalog.Rules, fresh] };
            }

            validate(new DatasetValidator(options));
            yield return fresh;
        }
    }

    private static (string[] Loaded, string[] Streamed) Findings(DatasetFormat format, string text)
    {
        string[][] all = [.. Validations(format, text).Select(v => StreamingValidationTests.Describe(v(new DatasetValidator(RuleHarness.AllRulesOn()))))];
        Assert.Equal(all[0], all[2]);
        return (all[0], all[1]);
    }

    private static IEnumerable<Func<DatasetValidator, ValidationResult>> Validations(DatasetFormat format, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        string name = format == DatasetFormat.JsonLines ? "test.jsonl" : "test.json";
        var reader = new DatasetReader(new DatasetReaderOptions { MaxDepth = 64 });
        yield return validator => validator.Validate(reader.ReadUtf8(bytes, format, name));
        yield return validator =>
        {
            using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(bytes), name, format);
            return validator.Validate(records);
        };
        yield return validator =>
        {
            string path = Path.Combine(Path.GetTempPath(), $"cm-incomplete-{Guid.NewGuid():N}-{name}");
            try
            {
                File.WriteAllBytes(path, bytes);
                using FileStream file = File.OpenRead(path);
                using DatasetRecordReader records = reader.OpenRecords(file, name, format);
                return validator.Validate(records);
            }
            finally
            {
                File.Delete(path);
            }
        };
    }

    /// <summary>Records what its end action was told about the input.</summary>
    private sealed class CompletenessProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9998", "Probe", "Probe", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "Records IsInputComplete.");

        public bool? Seen { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context) => context.RegisterEndAction(end => Seen = end.IsInputComplete);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Validation.Rules;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// The compact streaming states of CM1004 (reference cycles), CM1008 (duplicate actors) and CM2008 (contradictory
/// estimates) against the loaded validation, on inputs made to catch what a state keeps wrongly: records in every
/// order, forward links, repeated ids, names differing in case and spaces, groups split across the file. And what
/// they keep: no record, no estimate's location or figure.
/// </summary>
public sealed class StreamingReferenceStateTests
{
    private static string Actor(string id, string name, string extra = "")
        => $"{{\"type\":\"actor\",\"id\":\"{id}\",\"name\":\"{name}\",\"kind\":\"group\"{extra}}}";

    private static string Affiliated(string id, string with) => Actor(id, id.ToUpperInvariant(), $",\"affiliatedWith\":\"{with}\"");

    private static string Source(string id, params string[] basedOn)
        => basedOn.Length == 0 ? $"{{\"type\":\"source\",\"id\":\"{id}\"}}" : $"{{\"type\":\"source\",\"id\":\"{id}\",\"basedOn\":[{Quoted(basedOn)}]}}";

    private static string Claim(string id, string extra = "")
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":{{\"kind\":\"position\"}},\"made\":\"2025-05-10\"{extra}}}";

    private static string Event(string id, params string[] inResponseTo)
        => $"{{\"type\":\"event\",\"id\":\"{id}\",\"kind\":\"statement\",\"participants\":[{{\"actor\":\"a\",\"role\":\"initiator\"}}]{(inResponseTo.Length == 0 ? "" : $",\"inResponseTo\":[{Quoted(inResponseTo)}]")}}}";

    private static string Estimate(string id, string figure, string extra = "", string population = "killed", string @event = "e")
        => $"{{\"type\":\"casualtyEstimate\",\"id\":\"{id}\",\"population\":\"{population}\",\"figure\":{figure},\"event\":\"{@event}\"{extra}}}";

    private static string Quoted(IEnumerable<string> ids) => string.Join(",", ids.Select(i => $"\"{i}\""));

    private static readonly string A = Actor("a", "A");
    private static readonly string E = Event("e");
    private static readonly string F = Event("f");

    // ---- CM1004 ----------------------------------------------------------------------------------------------

    public static TheoryData<string, int, string[]> Cycles() => new()
    {
        // name, CM1004 count in the loaded validation, records
        { "actor triangle", 1, [Affiliated("x", "y"), Affiliated("y", "z"), Affiliated("z", "x"), Actor("w", "W")] },
        { "actor triangle with a tail into it", 1, [Affiliated("t", "x"), Affiliated("x", "y"), Affiliated("y", "z"), Affiliated("z", "x")] },
        { "two cycles sharing a record", 1, [Source("p", "q"), Source("q", "p", "r"), Source("r", "q")] },
        { "source list, link in cycle not first", 1, [Source("s1", "t", "s2", "s3"), Source("s2", "s3"), Source("s3", "s1"), Source("t")] },
        { "source cycle with self-reference and dangling", 1, [Source("s1", "s1", "nowhere", "s2"), Source("s2", "s1")] },
        { "events", 1, [E, Event("v1", "e", "v3"), Event("v2", "v1"), Event("v3", "v2")] },
        { "estimates", 1, [E, Estimate("m1", "{\"best\":3}", ",\"components\":[\"m2\"]"), Estimate("m2", "{\"best\":3}", ",\"components\":[\"m1\"]")] },
        { "claims in both relations", 2, [A, Claim("c1", ",\"supersedes\":\"c2\",\"inResponseTo\":\"c3\""), Claim("c2", ",\"supersedes\":\"c1\""), Claim("c3", ",\"inResponseTo\":\"c1\"")] },
        { "duplicate id on the cycle, first copy links", 1, [Affiliated("x", "y"), Affiliated("y", "x"), Affiliated("x", "z"), Actor("z", "Z")] },
        { "duplicate id, first copy has no link", 0, [Actor("x", "X"), Affiliated("y", "x"), Affiliated("x", "y")] },
        { "duplicate id, first copy links elsewhere", 0, [Affiliated("x", "z"), Affiliated("y", "x"), Affiliated("x", "y"), Actor("z", "Z")] },
        { "duplicate claim, first copy only in the other relation", 0, [A, Claim("c1", ",\"supersedes\":\"c2\""), Claim("c2", ",\"inResponseTo\":\"c1\""), Claim("c1", ",\"inResponseTo\":\"c2\""), Claim("c2", ",\"supersedes\":\"c1\"")] },
        { "duplicate in a list relation", 1, [Source("s1"), Source("s2", "s1"), Source("s1", "s2"), Source("s3", "s4"), Source("s4", "s3"), Source("s3")] },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void ReferenceCycle_InEveryOrder_StreamedIsLoaded(string name, int expected, string[] records)
    {
        Assert.Equal(expected, Count(records, "CM1004"));
        foreach (string[] order in Orders(records))
        {
            AssertSame(order, $"{name}: {string.Join(" | ", order)}");
        }
    }

    [Fact]
    public void ReferenceCycle_DuplicateWithoutLinksFirst_IsNotOnTheCycle()
    {
        // The first 'x' has no link, so Analyze follows that one and finds no cycle; a state that took the first
        // record *with links* for 'x' would report y → x → y.
        string[] records = [Actor("x", "X"), Affiliated("y", "x"), Affiliated("x", "y")];
        Assert.Empty(Streamed(records).Diagnostics.Where(d => d.Id == "CM1004"));
    }

    [Fact]
    public void ReferenceCycle_ManyRecords_StreamedIsLoaded()
    {
        // Enough ids for the state's seen-id filter to grow and to answer "maybe" falsely now and then: chains closed
        // into cycles, repeated ids with and without links, in a fixed shuffled order. (Cycles are kept short: the
        // loaded rule orders a cycle by records.IndexOf, which is slow for cycles of thousands.)
        var records = new List<string>();
        for (int i = 0; i < 2_000; i++)
        {
            records.Add(i % 20 == 19 ? Affiliated($"x{i}", $"x{i - 19}") : Affiliated($"x{i}", $"x{i + 1}"));
            records.Add(Source($"s{i}", i % 7 == 0 ? [] : [$"t{i % 5}", i % 10 == 9 ? $"s{i - 9}" : $"s{i + 1}"]));
            if (i % 50 == 0)
            {
                records.Add(i % 100 == 0 ? Actor($"x{i + 1}", "Copy") : Affiliated($"x{i + 2}", $"x{i}"));
            }
        }

        var random = new Random(1004);
        string[] shuffled = [.. records.OrderBy(_ => random.Next())];
        Assert.True(Count(shuffled, "CM1004") > 10);
        AssertSame(shuffled, "many records");
    }

    // ---- CM1008 ----------------------------------------------------------------------------------------------

    public static TheoryData<string, int, string[]> Actors() => new()
    {
        { "alias names a later actor", 1, [Actor("a1", "First", ",\"aliases\":[\"Other\",\" later \"]"), Actor("a2", "Later")] },
        { "alias names an earlier actor", 1, [Actor("a2", "Later"), Actor("a1", "First", ",\"aliases\":[\"LATER\"]")] },
        { "alias names the second of two actors with one name", 2, [Actor("a1", "First", ",\"aliases\":[\"Z\"]"), Actor("a2", "z"), Actor("a3", " Z")] },
        { "names differing in case and spaces", 2, [Actor("a1", "Taliban"), Actor("a2", "TALIBAN "), Actor("a3", " taliban")] },
        { "duplicate actor ids, same name", 0, [Actor("a", "Same"), Actor("a", "same")] },
        { "duplicate actor ids, other names", 3, [Actor("a", "One"), Actor("b", "Two", ",\"aliases\":[\"three\"]"), Actor("a", "Three", ",\"aliases\":[\"two\"]"), Actor("c", "one")] },
        { "alias of an actor's own name and of a duplicate of itself", 0, [Actor("a", "Own", ",\"aliases\":[\"own\",\"Again\"]"), Actor("a", "Again")] },
        { "alias naming nobody", 0, [Actor("a", "Own", ",\"aliases\":[\"Nobody\"]"), Actor("b", "Else")] },
    };

    [Theory]
    [MemberData(nameof(Actors))]
    public void DuplicateActor_InEveryOrder_StreamedIsLoaded(string name, int expected, string[] records)
    {
        Assert.Equal(expected, Count(records, "CM1008"));
        foreach (string[] order in Orders(records))
        {
            AssertSame(order, $"{name}: {string.Join(" | ", order)}");
        }
    }

    [Fact]
    public void DuplicateActor_AliasOfALaterActor_IsReportedAtTheAliasWithTheNameAsAdditionalLocation()
    {
        Diagnostic found = Assert.Single(Streamed([Actor("a1", "First", ",\"aliases\":[\"Other\",\" later \"]"), Actor("a2", "Later")]).Diagnostics, d => d.Id == "CM1008");
        Assert.Equal(("/aliases/1", 2, "/name", 3), (found.Location.JsonPointer, found.Location.StartLine, found.AdditionalLocations.Single().JsonPointer, found.AdditionalLocations.Single().StartLine));
        Assert.Contains("' later '", found.GetMessage(), StringComparison.Ordinal);
    }

    // ---- CM2008 ----------------------------------------------------------------------------------------------

    private const string Place = ",\"location\":{\"name\":\"Border\",\"country\":\"PK\",\"adminAreas\":[\"Kurram\",\"Upper\"]}";

    public static TheoryData<string, int, string[]> Estimates() => new()
    {
        { "groups split across the file", 3, [E, F, Estimate("k1", "{\"best\":200}"), Estimate("w1", "{\"best\":5}", population: "wounded"), Estimate("f1", "{\"best\":10}", @event: "f"), Estimate("k2", "{\"low\":200,\"lowExclusive\":true}"), Estimate("w2", "{\"best\":50}", population: "wounded"), Estimate("f2", "{\"best\":10}", @event: "f"), Estimate("k3", "{\"high\":100}")] },
        { "duplicate estimate ids", 3, [E, Estimate("k", "{\"best\":10}"), Estimate("j", "{\"best\":100}"), Estimate("k", "{\"best\":1000}"), Estimate("i", "{\"best\":10}")] },
        { "locations, periods and sides tell groups apart", 1, [E, A, Estimate("p1", "{\"best\":10}", Place), Estimate("p2", "{\"best\":10}", ",\"location\":{\"name\":\"Border\",\"country\":\"PK\",\"adminAreas\":[\"Kurram\"]}"), Estimate("p3", "{\"best\":90}", Place + ",\"period\":\"2025-10\""), Estimate("p4", "{\"best\":99}", ",\"side\":\"a\"" + Place), Estimate("p5", "{\"best\":50}", Place)] },
        { "approximate figures", 1, [E, Estimate("a1", "{\"best\":100,\"isApproximate\":true}"), Estimate("a2", "{\"best\":109}"), Estimate("a3", "{\"best\":112}"), Estimate("a4", "{\"phrase\":\"many\"}")] },
    };

    [Theory]
    [MemberData(nameof(Estimates))]
    public void ContradictoryEstimates_InEveryOrder_StreamedIsLoaded(string name, int expected, string[] records)
    {
        Assert.Equal(expected, Count(records, "CM2008"));
        foreach (string[] order in Orders(records))
        {
            AssertSame(order, $"{name}: {string.Join(" | ", order)}");
        }
    }

    [Fact]
    public void ContradictoryEstimates_ManyInAGroup_StreamedIsLoaded()
    {
        // One large group of rival figures (some ids repeated) and many small ones, interleaved.
        var random = new Random(2008);
        var records = new List<string> { E, F };
        for (int i = 0; i < 400; i++)
        {
            records.Add(Estimate($"k{i % 350}", $"{{\"best\":{random.Next(1, 60) * 10}}}"));
            records.Add(Estimate($"g{i}", $"{{\"best\":{random.Next(1, 4)}}}", $",\"period\":\"2025-{1 + (i % 12):00}\"", @event: "f"));
        }

        string[] shuffled = [.. records.OrderBy(_ => random.Next())];
        Assert.True(Count(shuffled, "CM2008") > 200);
        AssertSame(shuffled, "many in a group");
    }

    // ---- What the states keep --------------------------------------------------------------------------------

    [Fact]
    public void Validate_TheseStates_KeepNoRecordsNorTheirParts()
    {
        var probe = new RetentionProbe();
        ValidationOptions options = RuleHarness.AllRulesOn() with
        {
            Rules = [.. RuleCatalog.Rules.Where(r => r is ReferenceCycleRule or DuplicateActorRule or ContradictoryEstimatesRule), probe],
        };
        Assert.Equal(4, options.Rules.Length);
        
        var records = new List<string> { A, E };
        for (int i = 0; i < 1_000; i++)
        {
            // Actors with links and aliases that name nobody (they wait for the end), claims with links, estimates
            // sharing groups (each group's key holds a location), with figures the reader does not share (under
            // 1024, a bare best figure is one object for every estimate that has it).
            records.Add(Actor($"x{i}", $"Name {i}", $",\"affiliatedWith\":\"x{i + 1}\",\"aliases\":[\"Alias {i}\"]"));
            records.Add(Claim($"c{i}", $",\"supersedes\":\"c{i + 1}\",\"inResponseTo\":\"c{i + 2}\""));
            records.Add(Estimate($"k{i}", $"{{\"best\":{2_000 * (1 + (i % 3))}}}", Place.Replace("Border", $"Border {i % 10}", StringComparison.Ordinal)));
        }

        using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(RuleHarness.Lines(records))), "big.jsonl", DatasetFormat.JsonLines);
        ValidationResult result = new DatasetValidator(options).Validate(reader);

        Assert.Contains(result.Diagnostics, d => d.Id == "CM2008");
        Assert.True(probe.Seen >= 3_000, $"saw {probe.Seen} records");
        Assert.True(probe.AliveAtEnd <= 2, $"{probe.AliveAtEnd} of {probe.Seen} records were still alive at the end of the validation");
        Assert.True(probe.PartsAliveAtEnd <= 2, $"{probe.PartsAliveAtEnd} of {probe.PartsSeen} estimates' locations and figures were still alive at the end of the validation");
    }

    // ---- Harness ---------------------------------------------------------------------------------------------

    private static int Count(IEnumerable<string> records, string id) => Loaded(records).Diagnostics.Count(d => d.Id == id);

    private static ValidationResult Loaded(IEnumerable<string> records)
        => new DatasetValidator(RuleHarness.AllRulesOn()).Validate(new DatasetReader().ReadText(RuleHarness.Lines(records), DatasetFormat.JsonLines, "test.jsonl"));

    private static ValidationResult Streamed(IEnumerable<string> records)
    {
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(RuleHarness.Lines(records))), "test.jsonl", DatasetFormat.JsonLines);
        return new DatasetValidator(RuleHarness.AllRulesOn()).Validate(reader);
    }

    /// <summary>The pattern of StreamingValidationTests.AssertSame: every diagnostic, with its locations, alike.</summary>
    private static void AssertSame(IReadOnlyList<string> records, string what)
    {
        string[] expected = Describe(Loaded(records));
        string[] actual = Describe(Streamed(records));
        Assert.True(expected.SequenceEqual(actual), $"{what}\nloaded:\n{string.Join("\n", expected)}\nstreamed:\n{string.Join("\n", actual)}");
    }

    private static string[] Describe(ValidationResult result)
        => [.. result.Diagnostics.Select(d => $"{d} [{d.Severity}] {Where(d.Location)} also {string.Join(" ", d.AdditionalLocations.Select(Where))}")];

    private static string Where(DiagnosticLocation l) => $"{l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} @{l.ByteOffset} {l.JsonPointer}";

    /// <summary>Every order of a few records (up to 5!), or the rotations and their reverses of more.</summary>
    private static IEnumerable<string[]> Orders(string[] records)
    {
        if (records.Length <= 5)
        {
            return Permutations(records);
        }

        return Enumerable.Range(0, records.Length)
            .SelectMany(r => new[] { records.Skip(r).Concat(records.Take(r)).ToArray(), records.Skip(r).Concat(records.Take(r)).Reverse().ToArray() });
    }

    private static IEnumerable<string[]> Permutations(string[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            string[] rest = [.. items.Take(i), .. items.Skip(i + 1)];
            foreach (string[] tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <summary>Holds each record it sees, and each estimate's location and figure, weakly; counts those alive at the end.</summary>
    private sealed class RetentionProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9998", "Probe", "Probe", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "Counts records.");
        private readonly List<WeakReference<ConflictRecord>> _seen = [];
        private readonly List<WeakReference<object>> _parts = [];

        public int Seen => _seen.Count;

        public int PartsSeen => _parts.Count;

        public int AliveAtEnd { get; private set; }

        public int PartsAliveAtEnd { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                start.RegisterRecordAction<ConflictRecord>(c =>
                {
                    _seen.Add(new WeakReference<ConflictRecord>(c.Record));
                    if (c.Record is CasualtyEstimate { Location: { } location } estimate)
                    {
                        _parts.Add(new WeakReference<object>(location));
                        _parts.Add(new WeakReference<object>(estimate.Figure));
                    }
                });
                start.RegisterEndAction(end =>
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    AliveAtEnd = _seen.Count(w => w.TryGetTarget(out _));
                    PartsAliveAtEnd = _parts.Count(w => w.TryGetTarget(out _));
                });
            });
    }
}

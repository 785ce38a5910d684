using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Streaming validation (<see cref="DatasetValidator.Validate(DatasetRecordReader, Action{long})"/>) against the
/// loaded one (<see cref="DatasetValidator.Validate(DatasetReadResult)"/>) on the same bytes: every diagnostic, with its
/// id, severity, message, location (line, column, end, pointer, byte offset), additional locations and suppression.
/// </summary>
public sealed class StreamingValidationTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string name in Corpus().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Validate_StreamedInput_ReportsExactlyWhatTheLoadedInputReports(string name)
    {
        byte[] bytes = Corpus()[name];
        foreach (ValidationOptions options in OptionSets())
        {
            AssertSame(bytes, options, new DatasetReaderOptions { ReportUnknownMembers = true });
        }
    }

    [Fact]
    public void Validate_SmallLimits_StreamedMatchesLoaded()
    {
        // Lines longer than the record limit, and a diagnostics cap that is reached.
        byte[] bytes = Corpus()["examples/seed-merged.jsonl"];
        AssertSame(bytes, RuleHarness.AllRulesOn(), new DatasetReaderOptions { MaxRecordBytes = 300, MaxDiagnostics = 7 });
    }

    [Fact]
    public void Validate_ShuffledAndDamagedLines_StreamedMatchesLoaded()
    {
        // Every record line of the corpus, in a seeded random order (references now point forwards as well as
        // backwards) with some lines cut short, repeated or given invalid bytes.
        List<string> lines = [.. Corpus().Where(c => !c.Key.Contains("rule", StringComparison.Ordinal)).SelectMany(c => Encoding.UTF8.GetString(c.Value).Split('\n')).Where(l => l.Contains("\"type\"", StringComparison.Ordinal) && !l.Contains("\"dataset\"", StringComparison.Ordinal))];
        for (int seed = 1; seed <= 3; seed++)
        {
            var random = new Random(seed);
            var output = new List<byte>(Encoding.UTF8.GetBytes(RuleHarness.Header + "\r\n"));
            foreach (string line in lines.OrderBy(_ => random.Next()))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(line);
                switch (random.Next(12))
                {
                    case 0: bytes = bytes[..random.Next(bytes.Length)]; break;
                    case 1: output.AddRange(bytes); output.Add((byte)'\n'); break;
                    case 2: bytes[random.Next(bytes.Length)] = 0xFF; break;
                    case 3: output.AddRange("   \n"u8.ToArray()); break;
                }

                output.AddRange(bytes);
                output.Add((byte)'\n');
            }

            AssertSame([.. output], seed == 1 ? OptionSets().Last() : RuleHarness.AllRulesOn(), new DatasetReaderOptions());
        }
    }

    [Fact]
    public void Validate_GzipStream_StreamedMatchesLoaded()
    {
        byte[] bytes = Corpus()["examples/seed-merged.jsonl"];
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        DatasetReader reader = new();
        ValidationResult loaded = new DatasetValidator(RuleHarness.AllRulesOn()).Validate(reader.Read(new MemoryStream(compressed.ToArray()), "x.jsonl.gz", DatasetFormat.JsonLines, gzip: true));
        using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(compressed.ToArray()), "x.jsonl.gz", DatasetFormat.JsonLines, gzip: true);
        ValidationResult streamed = new DatasetValidator(RuleHarness.AllRulesOn()).Validate(records);
        Assert.Equal(Describe(loaded), Describe(streamed));
        Assert.Null(streamed.Read);
        Assert.Equal(loaded.RecordCount, streamed.RecordCount);
    }

    [Fact]
    public void Validate_ForwardReferencesNearAndFar_StreamedMatchesLoaded()
    {
        // More records than the validation keeps at hand (512): a record whose lookups miss is tried again when it
        // leaves the recent ones (references a few records ahead are known by then), or at the end (references far
        // ahead, or dangling). Events respond to the event three ahead, every 50th to one 1,000 ahead, every 70th to
        // one that does not exist; every 40th event is repeated under the same id further on.
        var lines = new List<string>();
        for (int i = 0; i < 2_000; i++)
        {
            string target = i % 70 == 0 ? $"missing-{i}" : i % 50 == 0 ? $"e{(i + 1_000) % 2_000}" : $"e{(i + 3) % 2_000}";
            string id = i % 40 == 39 && i > 601 ? $"e{i - 601}" : $"e{i}";
            lines.Add($$"""{"type":"event","id":"{{id}}","kind":"statement","title":"T{{i}}","date":"2025-{{1 + (i % 12):D2}}","location":{"country":"PAK"},"inResponseTo":["{{target}}"]}""");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(lines));
        string[] loaded = AssertSame(bytes, RuleHarness.AllRulesOn(), new DatasetReaderOptions());
        Assert.Contains(loaded, d => d.Contains("CM1001", StringComparison.Ordinal)); // the dangling ones, found at the end
        Assert.Contains(loaded, d => d.Contains("CM1002", StringComparison.Ordinal)); // the repeated ids
    }

    [Fact]
    public void Validate_SharedExternalIds_StreamedMatchesLoaded()
    {
        // CM1011 keeps only a handle per identifier and reads records again to compare: an identifier repeated in one
        // record, one differing only in an extension member, three records sharing one, an actor and an event
        // sharing one (different kinds: not reported), and a group scheme (not checked).
        static string Event(string id, string ids) => $$"""{"type":"event","id":"{{id}}","kind":"statement","title":"T","date":"2025-05","location":{"country":"PAK"},"externalIds":[{{ids}}]}""";
        string[] lines =
        [
            Event("e1", """{"scheme":"ged","value":"1"},{"scheme":"ged","value":"1"},{"scheme":"ucdp-conflict","value":"9"}"""),
            Event("e2", """{"scheme":"ged","value":"2"},{"scheme":"ged","value":"1","note":"x"}"""),
            Event("e3", """{"scheme":"ged","value":"1"},{"scheme":"ucdp-conflict","value":"9"}"""),
            """{"type":"actor","id":"a1","name":"A","kind":"state","externalIds":[{"scheme":"ged","value":"1"}]}""",
            """{"type":"actor","id":"a2","name":"B","kind":"state","externalIds":[{"scheme":"ged","value":"1"},{"scheme":"ged","value":"2"}]}""",
            Event("e1", """{"scheme":"ged","value":"2"}"""),
        ];
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(lines));
        var reader = new DatasetReader();
        ValidationOptions options = RuleHarness.AllRulesOn() with { Rules = [.. RuleCatalog.Rules.Where(r => r.SupportedDiagnostics.Any(d => d.Id == "CM1011"))] };
        ValidationResult loaded = new DatasetValidator(options).Validate(reader.ReadUtf8(bytes, DatasetFormat.JsonLines, "test.jsonl"));
        Assert.Equal(4, loaded.Diagnostics.Count(d => d.Id == "CM1011")); // e2/1, e3/0, a2/0, the second e1/0
        AssertSame(bytes, options, new DatasetReaderOptions());
    }

    [Fact]
    public void Validate_HandleToRecordWithDroppedElements_LocatesLikeTheLoadedPath()
    {
        // The reader drops an invalid external id; a state that keeps the handle and reports at /externalIds/1 at the
        // end must land on the element the model calls 1 (the file's third), as the loaded path does.
        string events = """
            {"type":"event","id":"e1","kind":"statement","title":"Clash","date":"2025-05","location":{"country":"PAK"},"externalIds":[{"scheme":"x"},{"scheme":"x","value":"1"},{"scheme":"y","value":"2"}]}
            {"type":"event","id":"e2","kind":"statement","title":"Clash","date":"2025-05","location":{"country":"PAK"},"externalIds":[{"scheme":"x","value":"3"},{"scheme":"y","value":"4"}]}
            """;
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(events.Split('\n')));
        ValidationOptions options = RuleHarness.AllRulesOn() with { Rules = [new SecondExternalIdRule()] };
        var reader = new DatasetReader();
        ValidationResult loaded = new DatasetValidator(options).Validate(reader.ReadUtf8(bytes, DatasetFormat.JsonLines, "test.jsonl"));
        using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines);
        ValidationResult streamed = new DatasetValidator(options).Validate(records);

        Diagnostic first = Assert.Single(loaded.Diagnostics, d => d.Id == "CM9997" && d.Location.StartLine == 2);
        string line = events.Split('\n')[0];
        Assert.Equal(line.IndexOf("{\"scheme\":\"y\"", StringComparison.Ordinal) + 1, first.Location.StartColumn);
        Assert.Equal(Describe(loaded), Describe(streamed));
    }

    [Fact]
    public void StreamingContext_FirstWithIdAndHandle_FollowTheIdTable()
    {
        // Two events share an id, an actor has the same id (another kind): only the second event is not the first
        // with its id. At the end there is no current record: no handle, and not "first".
        string[] lines =
        [
            """{"type":"event","id":"x","kind":"statement","title":"A","date":"2025-05","location":{"country":"PAK"}}""",
            """{"type":"actor","id":"x","name":"X","kind":"state"}""",
            """{"type":"event","id":"x","kind":"statement","title":"B","date":"2025-05","location":{"country":"PAK"}}""",
            """{"type":"event","id":"y","kind":"statement","title":"C","date":"2025-05","location":{"country":"PAK"}}""",
        ];
        var probe = new FirstProbe();
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(lines));
        using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines);
        new DatasetValidator(RuleHarness.AllRulesOn() with { Rules = [probe] }).Validate(records);

        Assert.Equal([true, true, false, true], probe.Firsts);
        Assert.Equal(4, probe.Offsets.Distinct().Count());
        List<long> streamedOffsets = [.. probe.Offsets];

        // Loaded, the same engine walks the records in the same order and gives the same answers and offsets.
        var loadedProbe = new FirstProbe();
        new DatasetValidator(RuleHarness.AllRulesOn() with { Rules = [loadedProbe] }).Validate(new DatasetReader().Read(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines));
        Assert.Equal([true, true, false, true], loadedProbe.Firsts);
        Assert.Equal(streamedOffsets, loadedProbe.Offsets);
        Assert.IsType<ArgumentException>(loadedProbe.DefaultRead);

        // A handle that was never given out (the default value) is refused, not read from offset 0.
        Assert.IsType<ArgumentException>(probe.DefaultRead);
        Assert.IsType<ArgumentException>(probe.DefaultLocation);
    }

    private sealed class FirstProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9996", "Probe", "Probe", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "A probe.");

        public List<bool> Firsts { get; } = [];

        public List<long> Offsets { get; } = [];

        public Exception? DefaultRead { get; private set; }

        public Exception? DefaultLocation { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                start.RegisterRecordAction<ConflictRecord>(c =>
                {
                    Firsts.Add(c.IsFirstWithId);
                    Offsets.Add(c.Handle.ByteOffset);
                });
                start.RegisterEndAction(c =>
                {
                    DefaultRead = Xunit.Record.Exception(() => c.ReadAgain(default));
                    DefaultLocation = Xunit.Record.Exception(() => c.LocationOf(default(RecordHandle), "/title"));
                });
            });
    }

    /// <summary>Reports every event's second external id, at the end: a state that keeps handles and locates inside arrays.</summary>
    private sealed class SecondExternalIdRule : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9997", "Second external id", "Second external id of '{0}'", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "A probe.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                var state = new State();
                start.RegisterRecordAction<Event>(state.Record);
                start.RegisterEndAction(state.End);
            });

        private sealed class State
        {
            private readonly List<(string Id, RecordHandle Handle)> _kept = [];

            public void Record(RecordContext<Event> context)
            {
                if (context.Record is { ExternalIds.Length: > 1 } e)
                {
                    _kept.Add((e.RecordId, context.Handle));
                }
            }

            public void End(RuleEndContext context)
            {
                foreach ((string id, RecordHandle handle) in _kept)
                {
                    Assert.Equal(id, (context.ReadAgain(handle) as Event)?.RecordId);
                    context.Report(Diagnostic.Create(Descriptor, context.LocationOf(handle, "/externalIds/1"), id));
                }
            }
        }
    }

    /// <summary>
    /// Validates loaded and streamed (from a stream that cannot be re-read and from a file) and asserts the same
    /// diagnostics; gives the loaded ones, described. Shared with the other streaming test classes.
    /// </summary>
    internal static string[] AssertSame(byte[] bytes, ValidationOptions options, DatasetReaderOptions readerOptions)
    {
        var reader = new DatasetReader(readerOptions);
        ValidationResult loaded = new DatasetValidator(options).Validate(reader.ReadUtf8(bytes, DatasetFormat.JsonLines, "test.jsonl"));
        string[] expected = Describe(loaded);

        // From a stream that cannot be re-read (a temporary copy is used) and from a file (re-read in place).
        using (DatasetRecordReader records = reader.OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines))
        {
            ValidationResult streamed = new DatasetValidator(options).Validate(records);
            Assert.Equal(expected, Describe(streamed));
            Assert.Equal(loaded.RecordCount, streamed.RecordCount);
        }

        string path = Path.Combine(Path.GetTempPath(), $"cm-stream-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllBytes(path, bytes);
            using FileStream file = File.OpenRead(path);
            using DatasetRecordReader records = reader.OpenRecords(file, "test.jsonl", DatasetFormat.JsonLines);
            Assert.Equal(expected, Describe(new DatasetValidator(options).Validate(records)));
        }
        finally
        {
            File.Delete(path);
        }

        return expected;
    }

    internal static string[] Describe(ValidationResult result)
        => [.. result.Diagnostics.Select(d => $"{d} [{d.Severity}] {Where(d.Location)} also {string.Join(" ", d.AdditionalLocations.Select(Where))} suppressed={d.IsSuppressed}:{d.SuppressionJustification}")];

    private static string Where(DiagnosticLocation l) => $"{l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} @{l.ByteOffset} {l.JsonPointer}";

    private static IEnumerable<ValidationOptions> OptionSets()
    {
        yield return ValidationOptions.Default with { Today = RuleHarness.Today };
        yield return RuleHarness.AllRulesOn();
        yield return RuleHarness.AllRulesOn().WithSeverity("*", ReportSeverity.Error) with
        {
            Suppressions = [new Suppression("CM1001", "known", record: "e1"), new Suppression("CM5010", "kept as published", file: "test.jsonl"), new Suppression("CM2001", null, file: "*.jsonl"), new Suppression("CM3001", "unused", file: "other.jsonl"), new Suppression("CM1012", "all actors", file: "test.jsonl")],
        };
    }

    private static Dictionary<string, byte[]>? _corpus;

    /// <summary>Every example and fixture as JSON Lines (documents converted), the real GED extract, and every rule case's trigger and clean inputs.</summary>
    private static Dictionary<string, byte[]> Corpus()
    {
        if (_corpus is not null)
        {
            return _corpus;
        }

        var corpus = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string root = Root();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "examples")).Order(StringComparer.Ordinal))
        {
            string name = "examples/" + Path.GetFileName(file);
            byte[] bytes = File.ReadAllBytes(file);
            corpus[name] = file.EndsWith(".json", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(ConflictJsonSerializer.Deserialize(bytes)))
                : bytes;
        }

        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(root, "tests", "ConflictModel.Tests", "Validation", "TestData", "ucdp-ged-23.1-car-fatalities.jsonl.gz")), CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            gzip.CopyTo(copy);
            corpus["TestData/ucdp-ged-23.1-car-fatalities.jsonl"] = copy.ToArray();
        }

        corpus["TestData/FullDataset"] = Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(TestData.FullDataset.Create()));
        foreach (var cases in new[] { ReferenceRuleTests.Cases(), CasualtyRuleTests.Cases(), DateRuleTests.Cases(), DiplomacyRuleTests.Cases(), ProvenanceRuleTests.Cases(), ReaderRuleTests.Cases() })
        {
            foreach (RuleCase c in cases)
            {
                corpus[$"rule {c.Id} trigger {c.At}"] = Encoding.UTF8.GetBytes(RuleHarness.Lines(c.Trigger));
                corpus[$"rule {c.Id} clean {c.At}"] = Encoding.UTF8.GetBytes(RuleHarness.Lines(c.Clean));
            }
        }

        return _corpus = corpus;
    }

    private static string Root()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ConflictModel.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}

/// <summary>What a streaming validation keeps: the records it has passed must be garbage once read.</summary>
public sealed class StreamingRetentionTests
{
    [Fact]
    public void Validate_StreamedRecords_AreNotKeptByRecordRulesOrCompactStates()
    {
        // Every built-in rule (each is record-scoped or has compact state: see the next test), and a probe that
        // holds each record it sees only weakly and, at the end, counts those still alive.
        var probe = new RetentionProbe();
        ValidationOptions options = RuleHarness.AllRulesOn() with { Rules = [.. RuleCatalog.Rules, probe] };
        byte[] bytes = Generated(3_000);
        using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(bytes), "big.jsonl", DatasetFormat.JsonLines);
        new DatasetValidator(options).Validate(records);

        Assert.True(probe.Seen >= 3_000, $"saw {probe.Seen} records");
        Assert.True(probe.AliveAtEnd <= 2, $"{probe.AliveAtEnd} of {probe.Seen} records were still alive at the end of the validation");
    }

    /// <summary>JSON Lines of about <paramref name="count"/> records: the seed example's records again and again under new ids.</summary>
    private static byte[] Generated(int count)
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "ConflictModel.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        string[] lines = File.ReadAllLines(Path.Combine(root, "examples", "seed-merged.jsonl"));
        var output = new StringBuilder(lines[0]).Append('\n');
        int written = 0;
        for (int copy = 0; written < count; copy++)
        {
            foreach (string line in lines.Skip(1))
            {
                // Suffix every id-like string so that each copy is a new set of records referring to each other.
                output.Append(System.Text.RegularExpressions.Regex.Replace(line, "\"(id|actor|source|event|claimant|accused|accuser|target|outlet|side)\":\"([^\"]+)\"", m => $"\"{m.Groups[1].Value}\":\"{m.Groups[2].Value}-{copy}\"")).Append('\n');
                written++;
            }
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private sealed class RetentionProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9999", "Probe", "Probe", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "Counts records.");
        private readonly List<WeakReference<ConflictRecord>> _seen = [];

        public int Seen => _seen.Count;

        public int AliveAtEnd { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                start.RegisterRecordAction<ConflictRecord>(c => _seen.Add(new WeakReference<ConflictRecord>(c.Record)));
                start.RegisterEndAction(_ => AliveAtEnd = CountAlive());
            });

        private int CountAlive()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return _seen.Count(w => w.TryGetTarget(out _));
        }
    }
}

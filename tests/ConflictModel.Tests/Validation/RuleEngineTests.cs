using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// The rule engine's contract with a rule, loaded and streamed alike: when Initialize runs, which records each action
/// sees and in what order, what a lookup of a record further on gives, and what a failing action costs.
/// </summary>
public class RuleEngineTests
{
    private static readonly DiagnosticDescriptor Probe = new("CM9980", "Probe", "Probe {0}", DiagnosticCategories.References, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "A probe.");

    [Fact]
    public void Initialize_IsCalledOncePerValidator_AndRegistrationClosesAfterIt()
    {
        var rule = new RecordingRule();
        var validator = new DatasetValidator(Options(rule));
        Loaded(validator, Lines(Actor("a")));
        Streamed(validator, Lines(Actor("a")));

        Assert.Equal(1, rule.Initializations);
        Assert.Throws<InvalidOperationException>(() => rule.Registration!.RegisterEndAction(_ => { }));
    }

    [Fact]
    public void RecordActions_SeeTheirKindsOnly_InInputOrder_LoadedAndStreamed()
    {
        byte[] lines = Lines(Actor("a1"), Event("e1", "a1"), Actor("a2"), Event("e2", "a2"), Actor("a3"));
        foreach (bool streamed in new[] { false, true })
        {
            var rule = new RecordingRule();
            var validator = new DatasetValidator(Options(rule));
            _ = streamed ? Streamed(validator, lines) : Loaded(validator, lines);

            Assert.Equal(["a1", "a2", "a3"], rule.Actors);
            Assert.Equal(["a1", "e1", "a2", "e2", "a3"], rule.All);
            Assert.Equal(1, rule.Ends);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(600)] // beyond the records a streaming validation keeps at hand: the check waits for the end
    public void RecordAction_LookingUpARecordFurtherOn_FindsIt_LoadedAndStreamed(int between)
    {
        var records = new List<string> { Event("e", "late") };
        records.AddRange(Enumerable.Range(0, between).Select(i => Actor($"filler{i}")));
        records.Add(Actor("late"));
        byte[] lines = Lines([.. records]);
        foreach (bool streamed in new[] { false, true })
        {
            var rule = new LookupRule();
            ValidationResult result = streamed ? Streamed(new DatasetValidator(Options(rule)), lines) : Loaded(new DatasetValidator(Options(rule)), lines);

            // The check of one record reports what it finds once every id it names is known, and only that.
            Diagnostic found = Assert.Single(result.Diagnostics, d => d.Id == Probe.Id);
            Assert.Equal("Probe found late", found.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, found.Location.StartLine);
            Assert.Equal("/participants/0/actor", found.Location.JsonPointer);

            // The state's step runs once per record; streamed, it sees only what was read before it.
            Assert.Equal(1, rule.StateSteps);
            Assert.Equal(!streamed, rule.StateFound);
        }
    }

    [Fact]
    public void RecordAction_ThatThrows_IsReportedOnceAndNotRunAgain()
    {
        byte[] lines = Lines(Actor("a1"), Actor("a2"), Actor("a3"));
        foreach (bool streamed in new[] { false, true })
        {
            var rule = new ThrowingRule();
            var validator = new DatasetValidator(Options(rule, new RecordingRule()));
            ValidationResult result = streamed ? Streamed(validator, lines) : Loaded(validator, lines);

            Assert.Equal(1, rule.Calls);
            Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Id == "CM0900");
            Assert.Contains("ThrowingRule", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(3, result.Diagnostics.Count(d => d.Id == Probe.Id)); // the other rule still ran
        }
    }

    [Fact]
    public void Initialize_ThatThrows_IsReportedAndTheOtherRulesRun()
    {
        var validator = new DatasetValidator(Options(new BrokenInitializeRule(), new RecordingRule()));
        ValidationResult result = Loaded(validator, Lines(Actor("a1")));

        Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Id == "CM0900");
        Assert.Contains("BrokenInitializeRule", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(result.Diagnostics, d => d.Id == Probe.Id);
    }

    private static ValidationOptions Options(params DatasetRule[] rules) => RuleHarness.AllRulesOn() with { Rules = [.. rules] };

    private static string Actor(string id) => $$"""{"type":"actor","id":"{{id}}","name":"Name {{id}}","kind":"state"}""";

    private static string Event(string id, string actor)
        => $$"""{"type":"event","id":"{{id}}","kind":"statement","title":"T","date":"2025-05","participants":[{"actor":"{{actor}}","role":"initiator"}]}""";

    private static byte[] Lines(params string[] records) => Encoding.UTF8.GetBytes(RuleHarness.Lines(records));

    private static ValidationResult Loaded(DatasetValidator validator, byte[] bytes)
        => validator.Validate(new DatasetReader().Read(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines));

    private static ValidationResult Streamed(DatasetValidator validator, byte[] bytes)
    {
        using DatasetRecordReader records = new DatasetReader().OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines);
        return validator.Validate(records);
    }

    private sealed class RecordingRule : DatasetRule
    {
        public int Initializations { get; private set; }

        public RuleRegistration? Registration { get; private set; }

        public List<string> Actors { get; } = [];

        public List<string> All { get; } = [];

        public int Ends { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(RuleRegistration context)
        {
            Initializations++;
            Registration = context;
            context.RegisterRecordAction<Actor>(c =>
            {
                Actors.Add(c.Record.RecordId);
                c.Report(Probe, "/id", c.Record.RecordId);
            });
            context.RegisterStartAction(start => start.RegisterRecordAction<ConflictRecord>(c => All.Add(c.Record.RecordId)));
            context.RegisterEndAction(_ => Ends++);
        }
    }

    private sealed class LookupRule : DatasetRule
    {
        public int StateSteps { get; private set; }

        public bool StateFound { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(RuleRegistration context)
        {
            context.RegisterRecordAction<Event>(c =>
            {
                ActorId id = c.Record.Participants[0].Actor;
                c.Report(Probe, "/participants/0/actor", c.Symbols.Find(id) is null ? "nothing" : "found " + id.Value);
            });
            context.RegisterStartAction(start => start.RegisterRecordAction<Event>(c =>
            {
                StateSteps++;
                StateFound = c.Symbols.Find(c.Record.Participants[0].Actor) is not null;
            }));
        }
    }

    private sealed class ThrowingRule : DatasetRule
    {
        public int Calls { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(RuleRegistration context)
            => context.RegisterRecordAction<Actor>(_ =>
            {
                Calls++;
                throw new InvalidOperationException("boom");
            });
    }

    private sealed class BrokenInitializeRule : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(RuleRegistration context) => throw new InvalidOperationException("broken");
    }
}

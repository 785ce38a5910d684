using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Past <see cref="DatasetReaderOptions.MaxDiagnostics"/>, a finding that can no longer be reported is counted and
/// never located (a streaming validation would read its record again for that): what is reported must be exactly the
/// first of an uncapped validation's findings in keep order (unsuppressed, most severe, then earliest), loaded and
/// streamed; a finding held while a lookup had missed is made if the rule fails instead; and a finding reported at a
/// handle is the one <c>LocationOf(handle, …)</c> would have placed.
/// </summary>
public sealed class DiagnosticCapTests
{
    private static readonly DiagnosticDescriptor AtHandle = new("CM9982", "At a handle", "Event {0}", DiagnosticCategories.References, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: "A probe.");
    private static readonly DiagnosticDescriptor ByLocation = new("CM9983", "By location", "Event {0}", DiagnosticCategories.References, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: "A probe.");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_PastTheCap_ReportsTheUncappedValidationsFirstFindings(bool streamed)
    {
        // 1,200 events and 1,200 estimates without sources (CM5009 as they are read, CM5010 at the end, at a handle),
        // events naming an actor defined only at the end (held while the lookup misses), and, near the end, an error
        // (a dangling reference) that outranks every warning before it.
        var records = new List<string>();
        for (int i = 0; i < 1200; i++)
        {
            records.Add(Event($"e{i}", i % 100 == 0 ? "late" : "a"));
            records.Add($$"""{"type":"casualtyEstimate","id":"c{{i}}","population":"killed","figure":{"best":{{i + 1}}},"event":"e{{i}}"}""");
        }

        records.Insert(0, Actor("a"));
        records.Add(Event("dangling", "nobody"));
        records.Add(Actor("late"));
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(records));
        ValidationOptions options = RuleHarness.AllRulesOn();

        ValidationResult all = Validate(bytes, options, 1_000_000, streamed);
        ValidationResult capped = Validate(bytes, options, 40, streamed);

        Assert.True(all.Diagnostics.Length > 2400, $"expected more findings than the collector keeps before trimming, got {all.Diagnostics.Length}");
        List<Diagnostic> first = [.. all.Diagnostics.Sort(KeepOrder).Take(40)];
        first.Sort(DiagnosticCollector.ReportOrder);
        string[] expected = [.. first.Select(Describe)];
        Assert.Single(capped.Diagnostics, d => d.Id == ReaderDiagnostics.TooManyDiagnostics.Id);
        Assert.Equal(expected, capped.Diagnostics.Where(d => d.Id != ReaderDiagnostics.TooManyDiagnostics.Id).Select(Describe));
        Assert.Contains(capped.Diagnostics, d => d.Id == "CM1001" && d.Location.StartLine == records.Count); // the error near the end is kept
        Assert.Equal(capped.Diagnostics.Length, capped.Diagnostics.Distinct().Count());
    }

    [Fact]
    public void Validate_PastTheCap_StillUsesASuppressionThatMatchesAFindingNotReported()
    {
        var records = new List<string> { Actor("a") };
        records.AddRange(Enumerable.Range(0, 1500).Select(i => Event($"e{i}", "a")));
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines(records));
        ValidationOptions options = RuleHarness.AllRulesOn() with
        {
            Suppressions = [new Suppression("CM5009", "Reported elsewhere.", record: "e1499")],
        };

        foreach (bool streamed in new[] { false, true })
        {
            ValidationResult result = Validate(bytes, options, 20, streamed);

            // The suppressed finding is on the last line, far past the 20 reported, but the suppression was used.
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == ValidationDiagnostics.UnusedSuppression.Id);
            Assert.Single(result.Diagnostics, d => d.Id == ReaderDiagnostics.TooManyDiagnostics.Id);
        }
    }

    [Fact]
    public void EndAction_ReportAtAHandle_IsWhatLocationOfPlaces_LoadedAndStreamed()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines([Actor("a"), Event("e1", "a"), Actor("b"), Event("e2", "b")]));
        foreach (bool streamed in new[] { false, true })
        {
            ValidationResult result = Validate(bytes, RuleHarness.AllRulesOn() with { Rules = [new HandleRule()] }, 1000, streamed);

            Diagnostic[] atHandle = [.. result.Diagnostics.Where(d => d.Id == AtHandle.Id)];
            Diagnostic[] byLocation = [.. result.Diagnostics.Where(d => d.Id == ByLocation.Id)];
            Assert.Equal(2, atHandle.Length);
            Assert.Equal(byLocation.Select(d => (d.Location, d.GetMessage(CultureInfo.InvariantCulture))), atHandle.Select(d => (d.Location, d.GetMessage(CultureInfo.InvariantCulture))));
            Assert.Equal([3, 5], atHandle.Select(d => d.Location.StartLine));
            Assert.Equal("/participants/0/actor", atHandle[0].Location.JsonPointer);
        }
    }

    [Fact]
    public void EndAction_ReportAtAHandle_OfAnUndeclaredDescriptor_FailsTheRule()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines([Actor("a"), Event("e1", "a")]));
        foreach (bool streamed in new[] { false, true })
        {
            ValidationResult result = Validate(bytes, RuleHarness.AllRulesOn() with { Rules = [new HandleRule(undeclared: true)] }, 1000, streamed);

            Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Id == ValidationDiagnostics.InternalError.Id);
            Assert.Contains("not among its supported diagnostics", failure.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == ByLocation.Id);
        }
    }

    [Fact]
    public void RecordAction_ThatThrowsAfterAMissedLookup_KeepsWhatItReported_LoadedAndStreamed()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RuleHarness.Lines([Event("e1", "late"), Actor("late")]));
        foreach (bool streamed in new[] { false, true })
        {
            ValidationResult result = Validate(bytes, RuleHarness.AllRulesOn() with { Rules = [new ReportThenThrowRule()] }, 1000, streamed);

            Assert.Single(result.Diagnostics, d => d.Id == ValidationDiagnostics.InternalError.Id);
            Diagnostic held = Assert.Single(result.Diagnostics, d => d.Id == ByLocation.Id);
            Assert.Equal(streamed ? "Event nothing" : "Event late", held.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(2, held.Location.StartLine);
            Assert.Equal("/participants/0/actor", held.Location.JsonPointer);
        }
    }

    private static ValidationResult Validate(byte[] bytes, ValidationOptions options, int maxDiagnostics, bool streamed)
    {
        var reader = new DatasetReader(new DatasetReaderOptions { MaxDiagnostics = maxDiagnostics });
        var validator = new DatasetValidator(options);
        if (!streamed)
        {
            return validator.Validate(reader.Read(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines));
        }

        using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines);
        return validator.Validate(records);
    }

    // The order in which findings are kept when there are too many, as the documentation states it.
    private static int KeepOrder(Diagnostic a, Diagnostic b)
    {
        int c = a.IsSuppressed.CompareTo(b.IsSuppressed);
        c = c != 0 ? c : b.Severity.CompareTo(a.Severity);
        return c != 0 ? c : DiagnosticCollector.ReportOrder(a, b);
    }

    private static string Describe(Diagnostic d)
        => $"{d} [{d.Location.JsonPointer}] ({d.Location.EndLine},{d.Location.EndColumn}) @{d.Location.ByteOffset} {d.Severity} {d.IsSuppressed}";

    private static string Actor(string id) => $$"""{"type":"actor","id":"{{id}}","name":"Name {{id}}","kind":"state"}""";

    private static string Event(string id, string actor)
        => $$"""{"type":"event","id":"{{id}}","kind":"statement","title":"T","date":"2025-05","participants":[{"actor":"{{actor}}","role":"initiator"}]}""";

    /// <summary>Reports each event twice at the end: at its handle, and at the location LocationOf gives for it.</summary>
    private sealed class HandleRule(bool undeclared = false) : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = undeclared ? [ByLocation] : [AtHandle, ByLocation];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                var events = new List<(string Id, RecordHandle Handle)>();
                start.RegisterRecordAction<Event>(c => events.Add((c.Record.RecordId, c.Handle)));
                start.RegisterEndAction(end =>
                {
                    foreach ((string id, RecordHandle handle) in events)
                    {
                        end.Report(AtHandle, handle, "/participants/0/actor", id);
                        end.Report(Diagnostic.Create(ByLocation, end.LocationOf(handle, "/participants/0/actor"), id));
                    }
                });
            });
    }

    /// <summary>Looks up the event's actor, reports what it found, then throws.</summary>
    private sealed class ReportThenThrowRule : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [ByLocation];

        public override void Initialize(RuleRegistration context)
            => context.RegisterRecordAction<Event>(c =>
            {
                ActorId id = c.Record.Participants[0].Actor;
                c.Report(ByLocation, "/participants/0/actor", c.Symbols.Find(id) is null ? "nothing" : id.Value);
                throw new InvalidOperationException("boom");
            });
    }
}

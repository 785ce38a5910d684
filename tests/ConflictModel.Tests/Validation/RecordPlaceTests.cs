using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// A record's place (<c>RecordContext.Place</c>): 4 bytes a state keeps instead of a 16-byte handle, which must give
/// the very handle back, in every form of input: the id table's index for the first record with an id (with the
/// record's span when it is not its whole line, and when the id was numbered by a reference before its record), a
/// handle kept aside for the others (a repeated id, a wide record).
/// </summary>
public sealed class RecordPlaceTests
{
    private static string Actor(string id) => $"{{\"type\":\"actor\",\"id\":\"{id}\",\"name\":\"N {id}\",\"kind\":\"state\"}}";

    private static readonly string[] Records =
    [
        Actor("a1"),
        "   " + Actor("a2") + "  ", // space around the record on its line: the span is kept
        Actor("a1"), // a repeated id: kept aside
        new string(' ', 20_000) + Actor("a3"), // wide: kept aside
        Actor("a4"), // numbered by the probe before it comes
        "{\"type\":\"source\",\"id\":\"a1\"}", // the same id, another kind
        "\t" + Actor("a5"),
    ];

    [Fact]
    public void Place_Streamed_GivesTheHandleBack()
    {
        var probe = new PlaceProbe();
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(RuleHarness.Lines(Records))), "test.jsonl", DatasetFormat.JsonLines);
        ValidationResult result = new DatasetValidator(Options(probe)).Validate(reader);
        AssertProbe(probe, result, expectedAside: 2);
    }

    [Fact]
    public void Place_Loaded_GivesTheHandleBack()
    {
        var probe = new PlaceProbe();
        ValidationResult result = new DatasetValidator(Options(probe)).Validate(new DatasetReader().ReadText(RuleHarness.Lines(Records), DatasetFormat.JsonLines, "test.jsonl"));
        AssertProbe(probe, result, expectedAside: 0);
    }

    [Fact]
    public void Place_StreamedDocument_GivesTheHandleBack()
    {
        // A document's record is its own window, wherever it is on its lines.
        string document = "{\"formatVersion\":\"1.0\",\n \"actors\": [" + Actor("a1").Replace("\"type\":\"actor\",", "", StringComparison.Ordinal) + ",\n   "
            + Actor("a2").Replace("\"type\":\"actor\",", "", StringComparison.Ordinal) + ", " + Actor("a1").Replace("\"type\":\"actor\",", "", StringComparison.Ordinal)
            + ",\n" + Actor("a4").Replace("\"type\":\"actor\",", "", StringComparison.Ordinal) + "]}";
        var probe = new PlaceProbe();
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(document)), "test.json", DatasetFormat.Document);
        ValidationResult result = new DatasetValidator(Options(probe)).Validate(reader);
        Assert.Equal(4, probe.Seen.Count);
        AssertProbe(probe, result, expectedAside: 1);
    }

    private static void AssertProbe(PlaceProbe probe, ValidationResult result, int expectedAside)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CM0900" or "CM9992");
        Assert.True(probe.Ended);
        Assert.Equal(expectedAside, probe.Seen.Count(s => s.Place < 0));
        Assert.Equal(probe.Seen.Count, probe.Seen.Select(s => s.Place).Distinct().Count()); // one place per record
        Assert.All(probe.Seen, s => Assert.Equal(s.Handle, s.Back));
        Assert.All(probe.Seen, s => Assert.Equal(s.Handle, s.BackDuringWalk));
        Assert.All(probe.Seen, s => Assert.Equal(s.Place, s.PlaceAgain)); // the same for every call on one record
        Assert.All(probe.Seen, s => Assert.Equal(s.IdNumber, s.IdNumberBack)); // and gives the number of its kind and id
    }

    private static ValidationOptions Options(PlaceProbe probe) => RuleHarness.AllRulesOn() with { Rules = [probe] };

    /// <summary>Keeps each record's place and handle; at the end, the handles its places give back.</summary>
    private sealed class PlaceProbe : DatasetRule
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CM9992", "Place probe", "{0}", "Tests", DiagnosticSeverity.Error, isEnabledByDefault: true, description: "Reports what did not match.");

        public List<(int Place, int PlaceAgain, RecordHandle Handle, RecordHandle BackDuringWalk, RecordHandle Back, int IdNumber, int IdNumberBack)> Seen { get; } = [];

        public bool Ended { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(RuleRegistration context)
        {
            context.RegisterRecordAction<ConflictRecord>(c =>
            {
                if (Seen.Count == 0)
                {
                    c.IdNumber(RecordKind.Actor, "a4"); // numbered before its record: room for its line and span
                }

                int place = c.Place;
                Seen.Add((place, c.Place, c.Handle, c.HandleOf(place), default, c.IdNumber(c.Record.RecordKind, c.Record.RecordId), -1));
            });
            context.RegisterEndAction(end =>
            {
                for (int i = 0; i < Seen.Count; i++)
                {
                    Seen[i] = Seen[i] with { Back = end.HandleOf(Seen[i].Place), IdNumberBack = end.IdNumberOf(Seen[i].Place) };
                }

                Assert.Throws<ArgumentOutOfRangeException>(() => end.HandleOf(Seen.Min(s => s.Place) - 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => end.HandleOf(1_000_000));
                Assert.Throws<ArgumentOutOfRangeException>(() => end.IdNumberOf(1_000_000));
                Ended = true;
            });
        }
    }
}

using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class LocationTests
{
    [Fact]
    public void LocationOf_AfterDroppedElement_PointsAtTheWireIndex()
    {
        // The first participant has no role and is dropped: the model's participant 0 is the file's participant 1.
        string text = RuleHarness.Lines(["{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"participants\":[{\"actor\":\"a\"},{\"actor\":\"ghost\",\"role\":\"target\"}]}"]);
        ValidationResult result = RuleHarness.Validate(text);
        Diagnostic dangling = result.Diagnostics.Single(d => d.Id == "CM1001");
        Assert.Equal("/participants/1/actor", dangling.Location.JsonPointer);
        Assert.Equal(text.Split('\n')[1].IndexOf("\"ghost\"", System.StringComparison.Ordinal) + 1, dangling.Location.StartColumn);
    }

    [Fact]
    public void LocationOf_AbsentMember_FallsBackToTheDeepestThatExists()
    {
        string json = "{\"info\":{\"title\":\"t\"},\"events\":[\n  {\"id\":\"e\",\"kind\":\"other\",\"location\":{\"name\":\"x\"}}\n]}";
        DatasetReadResult read = new DatasetReader().ReadText(json, DatasetFormat.Document, "d.json");
        Event e = Assert.Single(read.Dataset.Events);
        DiagnosticLocation record = read.LocationOf(e);
        Assert.Equal(("/events/0", 2, 3), (record.JsonPointer, record.StartLine, record.StartColumn));
        string line = json.Split('\n')[1];
        Assert.Equal((2, line.Length + 1), (record.EndLine!.Value, record.EndColumn!.Value));
        DiagnosticLocation country = read.LocationOf(e, "/location/country");
        Assert.Equal(("/events/0/location", 2, line.IndexOf("{\"name\"", System.StringComparison.Ordinal) + 1), (country.JsonPointer, country.StartLine, country.StartColumn));
        Assert.Equal("/events/0", read.LocationOf(e, "/date").JsonPointer);
    }

    [Fact]
    public void LocationOfInfo_Member_IsFound()
    {
        const string Header = "{\"type\":\"dataset\",\"info\":{\"title\":\"t\",\"created\":\"2030-01-01T00:00:00Z\"}}";
        DatasetReadResult read = new DatasetReader().ReadText(Header + "\n", DatasetFormat.JsonLines, "x.jsonl");
        DiagnosticLocation created = read.LocationOfInfo("/created");
        Assert.Equal(("/info/created", 1, Header.IndexOf("\"2030", System.StringComparison.Ordinal) + 1), (created.JsonPointer, created.StartLine, created.StartColumn));
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(read);
        Assert.Equal("/info/created", result.Diagnostics.Single(d => d.Id == "CM3004").Location.JsonPointer);
    }

    [Fact]
    public void TryGetRecordAt_FindsTheRecordOfADiagnostic()
    {
        string text = RuleHarness.Lines(["{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"nation\"}"]);
        DatasetReadResult read = new DatasetReader().ReadText(text, DatasetFormat.JsonLines, "test.jsonl");
        Assert.True(read.TryGetRecordAt(read.Diagnostics.Single().Location, out RecordKind kind, out string? id));
        Assert.Equal((RecordKind.Actor, "a"), (kind, id));
    }
}

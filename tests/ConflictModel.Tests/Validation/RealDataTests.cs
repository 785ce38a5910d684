using System;
using System.IO;
using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>UCDP GED 23.1 for the Central African Republic, as published (see TestData/README.md).</summary>
public sealed class RealDataTests : IDisposable
{
    private static readonly string[] BestOutsideBounds =
    [
        "ged-150819", "ged-152964", "ged-152965", "ged-162775", "ged-197881", "ged-214122", "ged-214188", "ged-234081", "ged-252108", "ged-252110",
        "ged-255999", "ged-256000", "ged-256001", "ged-256002", "ged-258743", "ged-258744", "ged-259286", "ged-262281", "ged-30272", "ged-423913",
    ];

    private static readonly string[] BoundsInverted =
    [
        "ged-150819", "ged-152964", "ged-162775", "ged-197881", "ged-214122", "ged-214188", "ged-234081", "ged-252110", "ged-255999", "ged-256000",
        "ged-258743", "ged-259286", "ged-262281", "ged-30272", "ged-423913",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cm-ged-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Validate_UcdpGed_FindsExactlyTheTwentyEventsWithBestOutsideBounds()
    {
        DatasetReadResult read = new DatasetReader().Read(Fixture());
        Assert.Empty(read.Diagnostics);
        Assert.Equal(1_848, read.Dataset.CasualtyEstimates.Length);
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(read);

        Assert.False(result.HasErrors);
        Assert.Equal(["CM2001", "CM2002"], result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(BestOutsideBounds, Ids(read, result, "CM2001"));
        Assert.Equal(BoundsInverted, Ids(read, result, "CM2002"));
        Assert.All(result.Diagnostics.Where(d => d.Id == "CM2001"), d => Assert.Equal("/figure/best", d.Location.JsonPointer));
    }

    [Fact]
    public void Validate_UcdpGedWithConfiguration_SuppressesWithJustification()
    {
        Directory.CreateDirectory(_directory);
        string data = Path.Combine(_directory, "ged.jsonl.gz");
        File.Copy(Fixture(), data);
        File.WriteAllText(Path.Combine(_directory, ValidationConfiguration.FileName), """
            {
              "severity": { "CM2002": "error" },
              "suppressions": [
                { "id": "CM2001", "file": "ged*.jsonl.gz", "justification": "UCDP publishes these figures; kept as published." },
                { "id": "CM2002", "record": "ged-30272", "justification": "Checked against the source article: UCDP's figures." }
              ]
            }
            """);
        ValidationConfiguration config = ValidationConfiguration.Discover(data)!;
        ValidationResult result = new DatasetValidator(config.ToOptions() with { Today = RuleHarness.Today }).Validate(new DatasetReader(config.ToReaderOptions()).Read(data));

        Assert.All(result.Diagnostics.Where(d => d.Id == "CM2001"), d => Assert.True(d.IsSuppressed));
        Assert.Equal(14, result.Count(DiagnosticSeverity.Error));
        Diagnostic checkedOne = result.Diagnostics.Single(d => d.Id == "CM2002" && d.IsSuppressed);
        Assert.Equal("Checked against the source article: UCDP's figures.", checkedOne.SuppressionJustification);
        Assert.True(result.HasErrors);
    }

    private static string[] Ids(DatasetReadResult read, ValidationResult result, string id)
        => [.. result.Diagnostics.Where(d => d.Id == id).Select(d => read.SpanAt(d.Location.ByteOffset)!.Id!).Order(StringComparer.Ordinal)];

    private static string Fixture()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ConflictModel.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory!, "tests", "ConflictModel.Tests", "Validation", "TestData", "ucdp-ged-23.1-car-fatalities.jsonl.gz");
    }
}

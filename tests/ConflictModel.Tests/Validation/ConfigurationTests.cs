using System;
using System.IO;
using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public sealed class ConfigurationTests : IDisposable
{
    // A best figure outside its bounds (CM2001, warning) in a record with id "k", and a dangling reference (CM1001, error).
    private const string Data =
        "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"T\"}}\n" +
        "{\"type\":\"source\",\"id\":\"s\"}\n" +
        "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"sources\":[{\"source\":\"s\"}]}\n" +
        "{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":5,\"low\":10},\"event\":\"e\",\"sources\":[{\"source\":\"s\"}]}\n" +
        "{\"type\":\"casualtyEstimate\",\"id\":\"j\",\"population\":\"killed\",\"figure\":{\"best\":5},\"event\":\"missing\",\"sources\":[{\"source\":\"s\"}]}\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cm-config-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Parse_FullExample_ReadsEverySetting()
    {
        ValidationConfiguration config = ValidationConfiguration.Parse("""
            {
              "preset": "strict",
              "severity": { "CM2001": "error", "category:Casualties": "warning", "*": "info", "Dates": "none" },
              "warningsAsErrors": true,
              "suppressions": [ { "id": "CM2003", "record": "ged-36210", "file": "data/*.jsonl", "justification": "UCDP reports it so" } ]
            }
            """);
        Assert.Equal(ValidationPreset.Strict, config.Preset);
        Assert.Equal(ReportSeverity.Error, config.Severities["CM2001"]);
        Assert.Equal(ReportSeverity.Warning, config.Severities["category:Casualties"]);
        Assert.Equal(ReportSeverity.Info, config.Severities["*"]);
        Assert.Equal(ReportSeverity.Suppress, config.Severities["category:Dates"]);
        Assert.True(config.WarningsAsErrors);
        Suppression suppression = Assert.Single(config.Suppressions);
        Assert.Equal(("CM2003", "ged-36210", "data/*.jsonl", "UCDP reports it so"), (suppression.Id, suppression.Record, suppression.File, suppression.Justification));
        Assert.Empty(config.Diagnostics);
    }

    [Theory]
    [InlineData("{\"preset\": \"default\",", 1)]
    [InlineData("{\"preset\": \"paranoid\"}", 1)]
    [InlineData("{\"severity\": {\"CM2001\": \"loud\"}}", 1)]
    [InlineData("{\"colour\": true}", 1)]
    [InlineData("{\"suppressions\": [{\"record\": \"x\", \"justification\": \"y\"}]}", 1)]
    [InlineData("{\"suppressions\": [{\"id\": \"CM2001\", \"justification\": \"y\"}]}", 1)]
    [InlineData("{\n  \"warningsAsErrors\": \"yes\"\n}", 2)]
    public void Parse_Malformed_ThrowsWithLocation(string json, int line)
    {
        ValidationConfigurationException ex = Assert.Throws<ValidationConfigurationException>(() => ValidationConfiguration.Parse(json, "/tmp/.conflictmodel.json"));
        Assert.NotNull(ex.Location);
        Assert.Equal(line, ex.Location!.StartLine);
        Assert.StartsWith("/tmp/.conflictmodel.json(", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownRuleAndUnconfigurable_AreDiagnosticsWithPositions()
    {
        ValidationConfiguration config = ValidationConfiguration.Parse("{\"severity\": {\n  \"CM9998\": \"error\",\n  \"CM0001\": \"none\",\n  \"CM2001\": \"error\"}}");
        Assert.Equal([("CM0903", 2, 3), ("CM0904", 3, 3)], config.Diagnostics.Select(d => (d.Id, d.Location.StartLine, d.Location.StartColumn)));
        Assert.Equal(["CM2001"], config.Severities.Keys);
        ValidationResult result = Validate(config.ToOptions());
        Assert.Contains(result.Diagnostics, d => d.Id == "CM0903");
    }

    [Fact]
    public void Load_Missing_ThrowsIOException()
        => Assert.ThrowsAny<IOException>(() => ValidationConfiguration.Load(Path.Combine(_root, "nope", ValidationConfiguration.FileName)));

    [Fact]
    public void Discover_FindsNearestAboveAndStopsAtRepositoryRoot()
    {
        string repo = Path.Combine(_root, "repo");
        string data = Path.Combine(repo, "data", "2025");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(_root, ValidationConfiguration.FileName), "{\"preset\":\"strict\"}");
        string file = Path.Combine(data, "x.jsonl");
        Assert.Null(ValidationConfiguration.Discover(file));
        File.WriteAllText(Path.Combine(repo, ValidationConfiguration.FileName), "{\"preset\":\"lenient\"}");
        ValidationConfiguration? found = ValidationConfiguration.Discover(file);
        Assert.NotNull(found);
        Assert.Equal(ValidationPreset.Lenient, found!.Preset);
        Assert.Equal(Path.Combine(repo, ValidationConfiguration.FileName), found.FilePath);
    }

    [Fact]
    public void Severity_MostSpecificWins()
    {
        ValidationOptions options = ValidationOptions.Default
            .WithSeverity("*", ReportSeverity.Error)
            .WithSeverity("category:Casualties", ReportSeverity.Info)
            .WithSeverity("CM2002", ReportSeverity.Hidden);
        Assert.Equal(DiagnosticSeverity.Hidden, options.GetEffectiveSeverity(RuleCatalog.Find("CM2002")!));
        Assert.Equal(DiagnosticSeverity.Info, options.GetEffectiveSeverity(RuleCatalog.Find("CM2001")!));
        Assert.Equal(DiagnosticSeverity.Error, options.GetEffectiveSeverity(RuleCatalog.Find("CM3004")!));
        Assert.Null(options.WithSeverity("Casualties", ReportSeverity.Suppress).GetEffectiveSeverity(RuleCatalog.Find("CM2001")!));
    }

    [Fact]
    public void Severity_GlobalDoesNotEnableRulesOffByDefaultButIdDoes()
    {
        DiagnosticDescriptor unknownMember = ReaderDiagnostics.UnknownMember;
        Assert.Null(ValidationOptions.Default.WithSeverity("*", ReportSeverity.Warning).GetEffectiveSeverity(unknownMember));
        Assert.Equal(DiagnosticSeverity.Warning, ValidationOptions.Default.WithSeverity("CM0020", ReportSeverity.Warning).GetEffectiveSeverity(unknownMember));
    }

    [Fact]
    public void Severity_NotConfigurable_KeepsDefault()
        => Assert.Equal(DiagnosticSeverity.Error, ValidationOptions.Default.WithSeverity("CM0001", ReportSeverity.Suppress).GetEffectiveSeverity(ReaderDiagnostics.MalformedJson));

    [Fact]
    public void Presets_StrictEnablesAndRaises_LenientLowers()
    {
        var strict = ValidationOptions.Default with { Preset = ValidationPreset.Strict };
        var lenient = ValidationOptions.Default with { Preset = ValidationPreset.Lenient };
        Assert.Equal(DiagnosticSeverity.Warning, strict.GetEffectiveSeverity(ReaderDiagnostics.UnknownMember));
        Assert.Equal(DiagnosticSeverity.Warning, strict.GetEffectiveSeverity(RuleCatalog.Find("CM2008")!));
        Assert.Equal(DiagnosticSeverity.Info, lenient.GetEffectiveSeverity(RuleCatalog.Find("CM2001")!));
        Assert.Equal(DiagnosticSeverity.Error, lenient.GetEffectiveSeverity(RuleCatalog.Find("CM1001")!));
        Assert.Null(lenient.GetEffectiveSeverity(ReaderDiagnostics.UnknownMember));
    }

    [Fact]
    public void WarningsAsErrors_TurnsWarningsIntoErrors()
    {
        ValidationResult result = Validate(ValidationConfiguration.Default.WithWarningsAsErrors(true).ToOptions());
        Assert.Equal(DiagnosticSeverity.Error, result.Diagnostics.Single(d => d.Id == "CM2001").Severity);
    }

    [Fact]
    public void Suppression_WithJustification_MarksOneOccurrenceOnly()
    {
        string config = Write("{\"suppressions\":[{\"id\":\"CM2001\",\"record\":\"k\",\"justification\":\"The source gives these figures.\"},{\"id\":\"CM1001\",\"file\":\"*.jsonl\",\"justification\":\"Events come from another file.\"}]}");
        ValidationResult result = Validate(ValidationConfiguration.Load(config).ToOptions());
        Diagnostic bounds = result.Diagnostics.Single(d => d.Id == "CM2001");
        Assert.True(bounds.IsSuppressed);
        Assert.Equal("The source gives these figures.", bounds.SuppressionJustification);
        Assert.True(result.Diagnostics.Single(d => d.Id == "CM1001").IsSuppressed);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Suppression_OtherRecordOrFile_DoesNotApplyAndIsReportedUnused()
    {
        string config = Write("{\"suppressions\":[{\"id\":\"CM2001\",\"record\":\"j\",\"justification\":\"x\"},{\"id\":\"CM2001\",\"file\":\"other/*.jsonl\",\"justification\":\"x\"}]}");
        ValidationResult result = Validate(ValidationConfiguration.Load(config).ToOptions());
        Assert.False(result.Diagnostics.Single(d => d.Id == "CM2001").IsSuppressed);
        Diagnostic unused = Assert.Single(result.Diagnostics, d => d.Id == "CM0902");
        Assert.Equal((config, 1, 18), (unused.Location.FilePath, unused.Location.StartLine, unused.Location.StartColumn));
    }

    [Fact]
    public void Suppression_WithoutJustification_IsNotAppliedAndIsReported()
    {
        string config = Write("{\"suppressions\":[\n  {\"id\":\"CM2001\",\"record\":\"k\"}]}");
        ValidationResult result = Validate(ValidationConfiguration.Load(config).ToOptions());
        Assert.False(result.Diagnostics.Single(d => d.Id == "CM2001").IsSuppressed);
        Diagnostic missing = Assert.Single(result.Diagnostics, d => d.Id == "CM0901");
        Assert.Equal((config, 2, 3, "/suppressions/0"), (missing.Location.FilePath, missing.Location.StartLine, missing.Location.StartColumn, missing.Location.JsonPointer));
    }

    [Fact]
    public void CommandLineOverride_WinsOverFile()
    {
        string config = Write("{\"severity\":{\"CM2001\":\"error\"}}");
        ValidationConfiguration loaded = ValidationConfiguration.Load(config);
        Assert.Equal(DiagnosticSeverity.Error, Validate(loaded.ToOptions()).Diagnostics.Single(d => d.Id == "CM2001").Severity);
        Assert.DoesNotContain(Validate(loaded.WithSeverity("CM2001", ReportSeverity.Suppress).ToOptions()).Diagnostics, d => d.Id == "CM2001");
    }

    [Fact]
    public void ToReaderOptions_UnknownMembersEnabled_ReportsThem()
    {
        Assert.False(ValidationConfiguration.Default.ToReaderOptions().ReportUnknownMembers);
        Assert.True(ValidationConfiguration.Default.WithPreset(ValidationPreset.Strict).ToReaderOptions().ReportUnknownMembers);
    }

    private string Write(string json)
    {
        Directory.CreateDirectory(_root);
        string path = Path.Combine(_root, ValidationConfiguration.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    private ValidationResult Validate(ValidationOptions options)
    {
        Directory.CreateDirectory(_root);
        string data = Path.Combine(_root, "data.jsonl");
        File.WriteAllText(data, Data);
        return new DatasetValidator(options with { Today = RuleHarness.Today }).Validate(new DatasetReader().Read(data));
    }
}

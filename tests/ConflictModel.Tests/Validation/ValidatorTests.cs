using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class ValidatorTests
{
    private static readonly DiagnosticDescriptor Sample = new("CM5999", "Sample", "Sample {0}", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning, true);

    [Fact]
    public void Validate_ThrowingRule_ReportsInternalErrorAndRunsOthers()
    {
        var options = ValidationOptions.Default with { Rules = [new ThrowingRule(), .. RuleCatalog.Rules] };
        ValidationResult result = Validate("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}", options);
        Diagnostic failure = Assert.Single(result.Diagnostics, d => d.Id == "CM0900");
        Assert.Contains("ThrowingRule", failure.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Id == "CM5009");
    }

    [Fact]
    public void Validate_RuleReportingUndeclaredDescriptor_IsAnInternalError()
    {
        var options = ValidationOptions.Default with { Rules = [new UndeclaredRule()] };
        ValidationResult result = Validate("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}", options);
        Assert.Equal(["CM0900"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Validate_Diagnostics_AreSortedByLineColumnAndId()
    {
        ValidationResult result = Validate(
            "{\"type\":\"claim\",\"id\":\"c\",\"claimant\":\"x\",\"stance\":\"denies\",\"subject\":{\"kind\":\"position\"}}\n{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}",
            ValidationOptions.Default);
        var keys = result.Diagnostics.Select(d => (d.Location.StartLine, d.Location.StartColumn, d.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.StartLine).ThenBy(k => k.StartColumn).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
        Assert.True(keys.Count >= 4);
    }

    [Fact]
    public void Validate_SuppressedRule_IsNotRun()
    {
        var rule = new CountingRule();
        var options = (ValidationOptions.Default with { Rules = [rule] }).WithSeverity("CM5999", ReportSeverity.Suppress);
        Validate("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}", options);
        Assert.Equal(0, rule.Runs);
    }

    [Fact]
    public void Validate_TooManyFindings_KeepsTheMostSeriousUpToTheLimit()
    {
        // 30 events without a source (warnings) after 5 dangling references (errors), with a limit of 10.
        string records = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{{\"type\":\"event\",\"id\":\"e{i}\",\"kind\":\"other\"{(i >= 25 ? ",\"inResponseTo\":[\"none\"]" : string.Empty)}}}"));
        DatasetReadResult read = new DatasetReader(new DatasetReaderOptions { MaxDiagnostics = 10 }).ReadText(RuleHarness.Header + "\n" + records + "\n", DatasetFormat.JsonLines, "test.jsonl");
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(read);
        Assert.Equal(11, result.Diagnostics.Length);
        Assert.Equal(5, result.Count(DiagnosticSeverity.Error));
        Assert.Single(result.Diagnostics, d => d.Id == "CM0023");
    }

    [Fact]
    public void ToString_IsCompilerStyle()
    {
        ValidationResult result = Validate("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\"}", ValidationOptions.Default);
        Assert.Equal("test.jsonl(2,1): warning CM5009: The event cites no source", result.Diagnostics.Single(d => d.Id == "CM5009").ToString());
    }

    [Fact]
    public void RuleCatalog_HasFortyRulesWithUniqueIdsInTheirCategoryRanges()
    {
        ImmutableArray<DiagnosticDescriptor> all = RuleCatalog.Descriptors;
        Assert.Equal(all.Length, all.Select(d => d.Id).Distinct().Count());
        Assert.True(all.Count(d => d.Id[2] is >= '1' and <= '5') >= 40);
        foreach (DiagnosticDescriptor d in all)
        {
            string expected = d.Id[2] switch
            {
                '1' => DiagnosticCategories.References,
                '2' => DiagnosticCategories.Casualties,
                '3' => DiagnosticCategories.Dates,
                '4' => DiagnosticCategories.Diplomacy,
                '5' => DiagnosticCategories.Provenance,
                _ => d.Id[3] == '9' ? DiagnosticCategories.Configuration : DiagnosticCategories.Format,
            };
            Assert.True(expected == d.Category, $"{d.Id} is in {d.Category}, expected {expected}");
        }

        Assert.All(RuleCatalog.Rules, r => Assert.NotEmpty(r.SupportedDiagnostics));
    }

    private static ValidationResult Validate(string records, ValidationOptions options)
        => new DatasetValidator(options with { Today = RuleHarness.Today }).Validate(
            new DatasetReader().ReadText(RuleHarness.Header + "\n" + records + "\n", DatasetFormat.JsonLines, "test.jsonl"));

    private sealed class ThrowingRule : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Sample];

        public override void Initialize(RuleRegistration context) => context.RegisterEndAction(_ => throw new InvalidOperationException("boom"));
    }

    private sealed class UndeclaredRule : DatasetRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Sample];

        public override void Initialize(RuleRegistration context)
            => context.RegisterRecordAction<ConflictModel.Model.ConflictRecord>(c => c.Report(Diagnostic.Create(ReaderDiagnostics.MalformedJson, c.LocationOf(null), "x")));
    }

    private sealed class CountingRule : DatasetRule
    {
        public int Runs { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Sample];

        public override void Initialize(RuleRegistration context)
        {
            Runs++;
            context.RegisterRecordAction<ConflictModel.Model.ConflictRecord>(_ => Runs++);
            context.RegisterEndAction(_ => Runs++);
        }
    }
}

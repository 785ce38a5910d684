using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>Ids of an author's own prefix (ACME001): accepted by descriptors, configuration and suppressions.</summary>
public class CustomRuleIdTests
{
    [Theory]
    [InlineData("CM2001", true)]
    [InlineData("ACME001", true)]
    [InlineData("AB123456", true)]
    [InlineData("ABCDEFGHIJ123", true)]
    [InlineData("CM123", false)] // the library's prefix keeps its four digits
    [InlineData("CM12345", false)]
    [InlineData("acme001", false)]
    [InlineData("A001", false)]
    [InlineData("ACME01", false)]
    [InlineData("ACME1234567", false)]
    [InlineData("ABCDEFGHIJK123", false)]
    [InlineData("ACME-001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_LibraryAndAuthorPrefixes(string? id, bool valid) => Assert.Equal(valid, DiagnosticDescriptor.IsValidId(id));

    [Fact]
    public void Descriptor_WithBadId_SaysWhatAnIdIs()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("acme1", "T", "M", "C", DiagnosticSeverity.Info, true));
        Assert.Contains("ACME001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_SeverityAndSuppressionOfAnAuthorId_Apply()
    {
        ValidationConfiguration config = ValidationConfiguration.Parse("""
            {"severity": {"ACME001": "error"},
             "suppressions": [{"id": "ACME001", "record": "a2", "justification": "A known exception."}]}
            """, "/tmp/data/.conflictmodel.json");
        Assert.Empty(config.Diagnostics);

        ValidationOptions options = config.ToOptions() with { Rules = [new AcmeRule()] };
        DatasetReadResult read = new DatasetReader().ReadText(RuleHarness.Lines([
            """{"type":"actor","id":"a1","name":"One","kind":"state"}""",
            """{"type":"actor","id":"a2","name":"Two","kind":"state"}""",
        ]), DatasetFormat.JsonLines, "/tmp/data/test.jsonl");
        ValidationResult result = new DatasetValidator(options).Validate(read);

        Diagnostic[] acme = [.. result.Diagnostics.Where(d => d.Id == "ACME001")];
        Assert.Equal(2, acme.Length);
        Assert.All(acme, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal([false, true], acme.Select(d => d.IsSuppressed));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("CM09", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_UnknownLibraryId_IsStillReported()
    {
        ValidationConfiguration config = ValidationConfiguration.Parse("""{"severity": {"CM9998": "error", "ACME999": "none"}}""");
        Assert.Single(config.Diagnostics);
    }

    private sealed class AcmeRule : DatasetRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new("ACME001", "Every actor", "Actor '{0}'", "ACME house style", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

        public override void Initialize(RuleRegistration context)
            => context.RegisterRecordAction<Actor>(c => c.Report(Descriptor, "/id", c.Record.RecordId));
    }
}

using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;

namespace ConflictModel.Tests.Docs;

/// <summary>docs/extending.md's custom rule, kept compiling and true.</summary>
public class ExtendingExampleTests
{
    [Fact]
    public void CustomRule_RunsBesideTheLibrarysRules()
    {
        const string json = """
            {"formatVersion":"1.0","info":{"title":"t"},
             "actors":[{"id":"a","name":"A","kind":"state"}],
             "claims":[{"id":"c","claimant":"a","stance":"asserts","subject":{"kind":"position"}}]}
            """;
        var options = ValidationOptions.Default with { Rules = [.. RuleCatalog.Rules, new ClaimNeedsQuoteRule()] };
        ValidationResult result = new DatasetValidator(options).Validate(new DatasetReader().ReadText(json, DatasetFormat.Document, "data.json"));

        Diagnostic custom = Assert.Single(result.Diagnostics, d => d.Id == "CM9001");
        Assert.Equal("Claim 'c' has no verbatim quote", custom.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Warning, custom.Severity);
        Assert.Equal("/claims/0/id", custom.Location.JsonPointer);
        Assert.Contains(result.Diagnostics, d => d.Id != "CM9001");
    }

    private sealed class ClaimNeedsQuoteRule : DatasetRule
    {
        public static readonly DiagnosticDescriptor ClaimWithoutQuote = new(
            "CM9001", "Claim without a quote", "Claim '{0}' has no verbatim quote", "House style",
            DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Our newsroom keeps the claimant's own words for every claim.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [ClaimWithoutQuote];

        public override void Analyze(RuleContext context)
        {
            foreach (Claim claim in context.Dataset.Claims)
            {
                if (claim.Quote is null)
                {
                    context.Report(ClaimWithoutQuote, claim, "/id", claim.Id.Value);
                }
            }
        }
    }
}

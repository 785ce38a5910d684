using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

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

        public override void Initialize(RuleRegistration context)
            => context.RegisterRecordAction<Claim>(Check);

        private static void Check(RecordContext<Claim> context)
        {
            if (context.Record.Quote is null)
            {
                context.Report(ClaimWithoutQuote, "/id", context.Record.Id.Value);
            }
        }
    }

    [Fact]
    public void StatefulRule_ReportsTheSameStreamedAsLoaded()
    {
        const string lines = """
            {"type":"dataset","formatVersion":"1.0","info":{"title":"t"}}
            {"type":"source","id":"s1","title":"Daily report"}
            {"type":"source","id":"s2","title":"Other"}
            {"type":"source","id":"s3","title":"Daily report"}
            """;
        var options = ValidationOptions.Default with { Rules = [new RepeatedSourceTitleRule()] };
        var reader = new DatasetReader();
        ValidationResult loaded = new DatasetValidator(options).Validate(reader.ReadText(lines, DatasetFormat.JsonLines, "data.jsonl"));
        using DatasetRecordReader records = reader.OpenRecords(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)), "data.jsonl", DatasetFormat.JsonLines);
        ValidationResult streamed = new DatasetValidator(options).Validate(records);

        Diagnostic found = Assert.Single(loaded.Diagnostics);
        Assert.Equal("Source 's3' has the title of source 's1'", found.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, found.Location.StartLine);
        Assert.Equal(2, found.AdditionalLocations[0].StartLine);
        Assert.Equal(loaded.Diagnostics.Select(Describe), streamed.Diagnostics.Select(Describe));
    }

    private static string Describe(Diagnostic d)
        => $"{d} {d.Location} {d.Location.JsonPointer} {d.Location.ByteOffset} {d.Location.EndLine}:{d.Location.EndColumn} {string.Join(',', d.AdditionalLocations)} {d.AdditionalLocations[0].JsonPointer} {d.AdditionalLocations[0].ByteOffset} {d.AdditionalLocations[0].EndLine}:{d.AdditionalLocations[0].EndColumn} {string.Join(',', d.Arguments)} {d.Descriptor.Id}";

    private sealed class RepeatedSourceTitleRule : DatasetRule
    {
        public static readonly DiagnosticDescriptor RepeatedTitle = new(
            "CM9002", "Repeated source title", "Source '{0}' has the title of source '{1}'", "House style",
            DiagnosticSeverity.Info, isEnabledByDefault: true, description: "Two sources with one title are often one source.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [RepeatedTitle];

        public override void Initialize(RuleRegistration context)
            => context.RegisterStartAction(start =>
            {
                // One table per validation: each title with the first source that had it (its id and handle, not the record).
                var first = new System.Collections.Generic.Dictionary<string, (string Id, RecordHandle Handle)>(System.StringComparer.Ordinal);
                start.RegisterRecordAction<Source>(c =>
                {
                    if (c.Record.Title is not { } title)
                    {
                        return;
                    }

                    if (!first.TryAdd(title, (c.Record.Id.Value, c.Handle)))
                    {
                        (string id, RecordHandle handle) = first[title];
                        c.Report(RepeatedTitle, "/title", [c.LocationOf(handle, "/title")], c.Record.Id.Value, id);
                    }
                });
            });
    }
}

using System.Collections.Generic;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Examples;

/// <summary>Every reference in each example names a record the same example holds, and ids are unique within their kind.</summary>
public class ExampleReferenceTests
{
    [Fact]
    public void SeedAsifGeoTv_EveryReference_ResolvesToARecord() => AssertReferencesResolve(SeedDatasets.AsifGeoTvFile);

    [Fact]
    public void SeedDarKabulVisit_EveryReference_ResolvesToARecord() => AssertReferencesResolve(SeedDatasets.DarKabulVisitFile);

    [Fact]
    public void SeedMerged_EveryReference_ResolvesToARecord() => AssertReferencesResolve(SeedDatasets.MergedFile);

    [Fact]
    public void SeedMergedLines_EveryReference_ResolvesToARecord() => AssertReferencesResolve(SeedDatasets.MergedLinesFile);

    [Fact]
    public void SeedMerged_References_ReachEveryKindTheExamplesLinkTo()
    {
        Dataset dataset = ExampleFiles.Load(SeedDatasets.MergedFile);

        HashSet<RecordKind> kinds = [.. ModelGraph.References(dataset).Select(r => r.Kind)];

        // Shows the walker finds ids at every depth: roles' and rounds' citations, status changes, claim subjects.
        RecordKind[] expected =
        [
            RecordKind.Actor, RecordKind.Event, RecordKind.Claim, RecordKind.Attribution, RecordKind.CasualtyEstimate, RecordKind.Source, RecordKind.Mediation,
        ];
        Assert.Equal(expected.Order(), kinds.Order());
        Assert.Contains(ModelGraph.References(dataset), r => r.Path == "Mediation 'mediation-china'.Rounds[1].Facilitators[0]" && r.Id == "china");
        Assert.Contains(ModelGraph.References(dataset), r => r.Path == "Claim 'claim-ttp-primary-threat'.Subject" && r.Kind == RecordKind.Actor);
    }

    [Fact]
    public void Unresolved_DanglingNestedReferences_AreReported()
    {
        Dataset dataset = Dataset.Create(
            new DatasetInfo("Dangling"),
            [
                new Actor(new ActorId("taliban"), "Taliban", ActorKind.Government),
                new Claim(
                    new ClaimId("claim"),
                    new ActorId("taliban"),
                    ClaimStance.Asserts,
                    ClaimSubject.About(new CasualtyEstimateId("missing-estimate")),
                    sources: [new Citation(new SourceId("missing-source"))]),
            ]);

        IReadOnlyList<RecordReference> unresolved = ModelGraph.Unresolved(dataset);

        Assert.Equal(
            [
                new RecordReference("Claim 'claim'.Subject", RecordKind.CasualtyEstimate, "missing-estimate"),
                new RecordReference("Claim 'claim'.Sources[0].Source", RecordKind.Source, "missing-source"),
            ],
            unresolved);
    }

    [Fact]
    public void SeedExamples_Ids_AreUniqueWithinTheirKind()
    {
        foreach (string name in new[] { SeedDatasets.AsifGeoTvFile, SeedDatasets.DarKabulVisitFile, SeedDatasets.MergedFile })
        {
            Dataset dataset = ExampleFiles.Load(name);

            var repeated = dataset.Records.GroupBy(r => (r.RecordKind, r.RecordId)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

            Assert.True(repeated.Count == 0, $"{name} repeats ids: {string.Join(", ", repeated)}");
        }
    }

    private static void AssertReferencesResolve(string name)
    {
        Dataset dataset = ExampleFiles.Load(name);

        IReadOnlyList<RecordReference> unresolved = ModelGraph.Unresolved(dataset);

        Assert.NotEmpty(ModelGraph.References(dataset));
        Assert.True(
            unresolved.Count == 0,
            $"{name} has references to records it does not hold:\n{string.Join("\n", unresolved.Select(r => $"{r.Path} -> {r.Kind} '{r.Id}'"))}");
    }
}

using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Tests.TestData;
using Xunit;

namespace ConflictModel.Tests.Model;

public class EqualityTests
{
    [Fact]
    public void Records_BuiltTwice_AreEqualWithEqualHashCodes()
    {
        Dataset first = KitchenSink.Create();
        Dataset second = KitchenSink.Create();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        foreach ((ConflictRecord a, ConflictRecord b) in first.Records.Zip(second.Records))
        {
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.NotSame(a, b);
        }
    }

    [Fact]
    public void Arrays_CompareByElements()
    {
        var a = new Actor(new ActorId("a"), "A", ActorKind.Group, aliases: ImmutableArray.Create("x", "y"));
        var b = new Actor(new ActorId("a"), "A", ActorKind.Group, aliases: ImmutableArray.Create("x", "y"));
        var c = new Actor(new ActorId("a"), "A", ActorKind.Group, aliases: ImmutableArray.Create("y", "x"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, a with { Aliases = [] } with { Aliases = ["x", "y"] });
    }

    [Fact]
    public void ChangingAnyMember_BreaksEquality()
    {
        Dataset dataset = KitchenSink.Create();
        Actor asif = dataset.Actors.Single(a => a.Id.Value == "khawaja-asif");
        Assert.NotEqual(asif, asif with { Roles = [asif.Roles[0] with { IsFormer = true }, asif.Roles[1]] });
        Assert.NotEqual(asif, asif with { Description = "x" });

        CasualtyEstimate estimate = dataset.CasualtyEstimates[0];
        Assert.NotEqual(estimate, estimate with { Figure = estimate.Figure with { Phrase = "58" } });
        Assert.NotEqual(estimate, estimate with { Components = [] });

        Ceasefire ceasefire = dataset.Ceasefires[0];
        Assert.NotEqual(ceasefire, ceasefire with { History = ceasefire.History.RemoveAt(1) });
        Assert.Equal(CeasefireStatus.Collapsed, ceasefire.CurrentStatus);
        Assert.Equal(MediationStatus.Deferred, dataset.Mediations[0].CurrentStatus);

        Assert.NotEqual(dataset, dataset with { Info = dataset.Info with { Version = "9" } });
        Assert.NotEqual(dataset, dataset with { Claims = dataset.Claims.RemoveAt(0) });
    }

    [Fact]
    public void Ids_CompareOrdinally()
    {
        Assert.NotEqual(new ActorId("Taliban"), new ActorId("taliban"));
        Assert.Equal(new ActorId("taliban"), new ActorId("taliban"));
        Assert.Equal(RecordKind.Actor, ActorId.Kind);
        Assert.Equal(RecordKind.CasualtyEstimate, new CasualtyEstimateId("k").GetType().GetProperty("Kind")!.GetValue(null));
    }

    [Fact]
    public void Dataset_RecordsAreGroupedInWireOrder()
    {
        Dataset dataset = KitchenSink.Create();
        RecordKind[] kinds = dataset.Records.Select(r => r.RecordKind).Distinct().ToArray();
        Assert.Equal(
            [RecordKind.Source, RecordKind.Actor, RecordKind.Event, RecordKind.CasualtyEstimate, RecordKind.Attribution, RecordKind.Claim, RecordKind.Ceasefire, RecordKind.Mediation, RecordKind.Agreement],
            kinds);
        Assert.Equal(dataset.RecordCount, dataset.Records.Count());
        Assert.All(dataset.Records, r => Assert.False(string.IsNullOrEmpty(r.RecordId)));
    }

    [Fact]
    public void ClaimSubject_ExposesTypedTargets()
    {
        ClaimSubject subject = ClaimSubject.About(new CasualtyEstimateId("k"));
        Assert.Equal(new CasualtyEstimateId("k"), subject.CasualtyEstimate);
        Assert.Null(subject.Attribution);
        Assert.Null(subject.Event);
        Assert.Equal(RecordKind.CasualtyEstimate, subject.TargetKind);
        Assert.Equal(new AttributionId("t"), ClaimSubject.About(new AttributionId("t")).Attribution);
        Assert.Equal(new EventId("e"), ClaimSubject.About(new EventId("e")).Event);
        Assert.Null(ClaimSubject.Position().Target);
    }

    [Fact]
    public void ExtensionData_IsAnOrderedValue()
    {
        ExtensionData ab = ExtensionData.Create([new("a", "1"), new("b", "2")]);
        ExtensionData ba = ExtensionData.Create([new("b", "2"), new("a", "1")]);
        Assert.NotEqual(ab, ba);
        Assert.Equal(ab, ExtensionData.Create([new("a", "1"), new("b", "2")]));
        Assert.Equal(ab.GetHashCode(), ExtensionData.Create([new("a", "1"), new("b", "2")]).GetHashCode());
        Assert.Same(ExtensionData.Empty, ExtensionData.Create([]));
        Assert.Equal("a, b", ab.ToString());
        Assert.False(ab.TryGetValue("c", out _));
        Assert.Equal(2, ab.Count);
        Assert.Equal("b", ab[1].Key);
    }
}

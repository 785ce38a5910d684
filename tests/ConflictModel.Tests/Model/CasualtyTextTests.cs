using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Tests.Examples;
using Xunit;

namespace ConflictModel.Tests.Model;

/// <summary>
/// The casualty types print as the domain reads them (no <c>ImmutableArray`1[…]</c>, no <see cref="long.MaxValue"/>
/// sentinel), and <see cref="CasualtyEnvelope.GroupsOf"/> finds the contested figures of a dataset.
/// </summary>
public class CasualtyTextTests
{
    private static readonly ActorId Taliban = new("taliban");

    [Theory]
    [InlineData(200L, null, null, false, false, false, "200", "200 (\"200\")")]
    [InlineData(null, 200L, null, true, false, false, "over 200", "over 200 (\"over 200\")")]
    [InlineData(null, 58L, null, false, false, false, "at least 58", "at least 58 (\"at least 58\")")]
    [InlineData(null, null, 100L, false, false, false, "up to 100", "up to 100 (\"up to 100\")")]
    [InlineData(null, null, 100L, false, true, false, "fewer than 100", "fewer than 100 (\"fewer than 100\")")]
    [InlineData(60L, null, null, false, false, true, "about 60", "about 60 (\"about 60\")")]
    [InlineData(1500L, 1000L, 2000L, false, false, false, "1,500 (1,000 to 2,000)", "1,500 (1,000 to 2,000) (\"1,500 (1,000 to 2,000)\")")]
    [InlineData(null, null, null, false, false, false, "unknown", "unknown (\"unknown\")")]
    public void FigureToString_ReadsAsReported(long? best, long? low, long? high, bool lowExclusive, bool highExclusive, bool approximate, string expected, string withPhrase)
    {
        var figure = new CasualtyFigure(best, low, high, lowExclusive, highExclusive, approximate);
        Assert.Equal(expected, figure.ToString());
        Assert.Equal(withPhrase, (figure with { Phrase = expected }).ToString());
    }

    [Fact]
    public void EnvelopeToString_Over200And200_ReadsAsTheDomain()
    {
        CasualtyEnvelope envelope = CasualtyEnvelope.Of([Killed("a", CasualtyFigure.Exactly(200, "200")), Killed("b", CasualtyFigure.AtLeast(200, exclusive: true, "over 200"))]);
        string text = envelope.ToString();
        Assert.Equal("200 to no upper bound; contradictory: 'a' contradicts 'b' (a, b)", text);
        Assert.DoesNotContain("ImmutableArray", text, StringComparison.Ordinal);
        Assert.DoesNotContain(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopeToString_Agreeing_SaysWhatAllAllow()
    {
        CasualtyEnvelope envelope = CasualtyEnvelope.Of([
            Killed("a", CasualtyFigure.AtLeast(50)), Killed("b", new CasualtyFigure(low: 40, high: 70)), Killed("u", CasualtyFigure.Unknown("dozens"))]);
        Assert.Equal("40 to no upper bound; all allow 50 to 70 (a, b) (unknown: u)", envelope.ToString());
        Assert.Equal("no known figure (unknown: u)", CasualtyEnvelope.Of([Killed("u", CasualtyFigure.Unknown())]).ToString());
    }

    [Fact]
    public void GroupsOf_SeedMerged_FindsTheContestedTalibanFigure()
    {
        Dataset dataset = ExampleFiles.Load("seed-merged.json");
        ImmutableArray<CasualtyEstimateGroup> groups = CasualtyEnvelope.GroupsOf(dataset);

        CasualtyEstimateGroup contested = Assert.Single(groups, g => g.IsContradictory);
        Assert.Equal(["casualties-200-taliban", "casualties-over-200-taliban"], contested.Estimates.Select(e => e.Id.Value));
        Assert.Equal(CasualtyPopulation.Killed, contested.Population);
        Assert.Equal(Taliban, contested.Side);
        Assert.Equal(200, contested.Envelope.Minimum);
        Assert.Equal(
            "Killed of taliban (Combatants): casualties-200-taliban: 200 (\"200\"); casualties-over-200-taliban: over 200 (\"over 200\") — 200 to no upper bound; contradictory: 'casualties-200-taliban' contradicts 'casualties-over-200-taliban' (casualties-200-taliban, casualties-over-200-taliban)",
            contested.ToString());
    }

    [Fact]
    public void GroupsOf_GroupsByEveryMemberOfThePopulation_InDatasetOrder()
    {
        CasualtyEstimate a = Killed("a", CasualtyFigure.Exactly(10));
        CasualtyEstimate otherSide = a with { Id = new CasualtyEstimateId("other-side"), Side = new ActorId("pakistan") };
        CasualtyEstimate wounded = a with { Id = new CasualtyEstimateId("wounded"), Population = CasualtyPopulation.Wounded };
        CasualtyEstimate b = Killed("b", CasualtyFigure.Exactly(12));
        CasualtyEstimate otherPeriod = a with { Id = new CasualtyEstimateId("other-period"), Period = EdtfDate.Parse("2025-10") };
        CasualtyEstimate c = Killed("c", CasualtyFigure.AtMost(11));
        CasualtyEstimate wounded2 = wounded with { Id = new CasualtyEstimateId("wounded-2"), Figure = CasualtyFigure.Exactly(3) };
        Dataset dataset = Dataset.Create(new DatasetInfo("t"), [a, otherSide, wounded, b, otherPeriod, c, wounded2]);

        ImmutableArray<CasualtyEstimateGroup> groups = CasualtyEnvelope.GroupsOf(dataset);

        Assert.Equal(2, groups.Length);
        Assert.Equal(["a", "b", "c"], groups[0].Estimates.Select(e => e.Id.Value));
        Assert.True(groups[0].IsContradictory);
        Assert.Equal(["wounded", "wounded-2"], groups[1].Estimates.Select(e => e.Id.Value));
        Assert.True(groups[1].IsContradictory);
        Assert.Empty(CasualtyEnvelope.GroupsOf(Dataset.Create(new DatasetInfo("t"), [a, otherSide])));
        Assert.Throws<ArgumentNullException>(() => CasualtyEnvelope.GroupsOf(null!));
    }

    private static CasualtyEstimate Killed(string id, CasualtyFigure figure)
        => new(new CasualtyEstimateId(id), CasualtyPopulation.Killed, figure, Taliban, CasualtyCategory.Combatants);
}

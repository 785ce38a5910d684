using System;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Model;

public class CasualtyTests
{
    private static readonly ActorId Taliban = new("taliban");

    [Theory]
    [InlineData(null, null, null, false, false, false, null, null)]
    [InlineData(58L, null, null, false, false, false, 58L, 58L)]
    [InlineData(200L, null, null, false, false, true, 180L, 220L)]
    [InlineData(null, 200L, null, true, false, false, 201L, long.MaxValue)]
    [InlineData(null, 58L, null, false, false, false, 58L, long.MaxValue)]
    [InlineData(null, null, 100L, false, false, false, 0L, 100L)]
    [InlineData(null, null, 100L, false, true, false, 0L, 99L)]
    [InlineData(5L, 3L, 9L, false, false, false, 3L, 9L)]
    public void MinimumAndMaximum_FollowTheBounds(long? best, long? low, long? high, bool lowExclusive, bool highExclusive, bool approximate, long? min, long? max)
    {
        var figure = new CasualtyFigure(best, low, high, lowExclusive, highExclusive, approximate);
        Assert.Equal(min, figure.Minimum());
        Assert.Equal(max, figure.Maximum());
        Assert.Equal(best is null && low is null && high is null, figure.IsUnknown);
    }

    [Fact]
    public void Maximum_OfAHugeApproximateFigure_StaysInRange()
    {
        var figure = new CasualtyFigure(best: long.MaxValue - 1, isApproximate: true);
        Assert.Equal(long.MaxValue, figure.Maximum());
        Assert.True(figure.Minimum() < long.MaxValue);
    }

    [Fact]
    public void UnknownIsNotZero()
    {
        CasualtyFigure unknown = CasualtyFigure.Unknown("heavy losses");
        Assert.True(unknown.IsUnknown);
        Assert.Null(unknown.Best);
        Assert.NotEqual(CasualtyFigure.Exactly(0), unknown);
    }

    [Fact]
    public void Envelope_Over200AndExactly200_Contradict()
    {
        CasualtyEstimate over = Killed("over-200", CasualtyFigure.AtLeast(200, exclusive: true, "over 200"));
        CasualtyEstimate exactly = Killed("eliminated-200", CasualtyFigure.Exactly(200, "eliminated 200"));

        CasualtyEnvelope envelope = CasualtyEnvelope.Of([over, exactly]);

        Assert.True(envelope.IsContradictory);
        Assert.Equal(new CasualtyConflict(over.Id, exactly.Id), Assert.Single(envelope.Conflicts));
        Assert.Equal(200, envelope.Minimum);
        Assert.Equal(long.MaxValue, envelope.Maximum);
        Assert.Null(envelope.AgreedMinimum);
        Assert.Null(envelope.AgreedMaximum);
    }

    [Fact]
    public void Envelope_CompatibleFigures_AgreeOnTheirIntersection()
    {
        CasualtyEstimate atLeast = Killed("at-least-58", CasualtyFigure.AtLeast(58));
        CasualtyEstimate about = Killed("about-60", new CasualtyFigure(best: 60, isApproximate: true));
        CasualtyEstimate range = Killed("range", new CasualtyFigure(low: 50, high: 70));
        CasualtyEstimate unknown = Killed("unknown", CasualtyFigure.Unknown("dozens"));

        CasualtyEnvelope envelope = CasualtyEnvelope.Of([atLeast, about, range, unknown]);

        Assert.False(envelope.IsContradictory);
        Assert.Equal(50, envelope.Minimum);
        Assert.Equal(long.MaxValue, envelope.Maximum);
        Assert.Equal(58, envelope.AgreedMinimum);
        Assert.Equal(66, envelope.AgreedMaximum);
        Assert.Equal([atLeast.Id, about.Id, range.Id], envelope.Estimates.ToArray());
        Assert.Equal(unknown.Id, Assert.Single(envelope.Unknown));
    }

    [Fact]
    public void Envelope_Tolerance_DecidesWhetherApproximateFiguresMeet()
    {
        CasualtyEstimate about = Killed("about-100", new CasualtyFigure(best: 100, isApproximate: true));
        CasualtyEstimate exactly = Killed("exactly-115", CasualtyFigure.Exactly(115));
        Assert.True(CasualtyEnvelope.Of([about, exactly]).IsContradictory);
        Assert.False(CasualtyEnvelope.Of([about, exactly], approximateTolerance: 0.2).IsContradictory);
    }

    [Fact]
    public void Envelope_OnlyUnknown_HasNoBounds()
    {
        CasualtyEnvelope envelope = CasualtyEnvelope.Of([Killed("u", CasualtyFigure.Unknown())]);
        Assert.Null(envelope.Minimum);
        Assert.Null(envelope.Maximum);
        Assert.False(envelope.IsContradictory);
        Assert.Empty(envelope.Estimates);
    }

    [Fact]
    public void Envelope_RefusesDifferentPopulations()
    {
        CasualtyEstimate killed = Killed("k", CasualtyFigure.Exactly(5));
        CasualtyEstimate wounded = killed with { Id = new CasualtyEstimateId("w"), Population = CasualtyPopulation.Wounded };
        CasualtyEstimate otherSide = killed with { Id = new CasualtyEstimateId("o"), Side = new ActorId("pakistan") };

        Assert.Contains("count different people", Assert.Throws<ArgumentException>(() => CasualtyEnvelope.Of([killed, wounded])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CasualtyEnvelope.Of([killed, otherSide]));
        Assert.Throws<ArgumentException>(() => CasualtyEnvelope.Of([killed, null!]));
        Assert.Throws<ArgumentNullException>(() => CasualtyEnvelope.Of(null!));
        Assert.False(killed.CountsSamePopulationAs(wounded));
        Assert.True(killed.CountsSamePopulationAs(killed with { Id = new CasualtyEstimateId("again"), ClaimedBy = new ActorId("someone") }));
    }

    private static CasualtyEstimate Killed(string id, CasualtyFigure figure)
        => new(new CasualtyEstimateId(id), CasualtyPopulation.Killed, figure, Taliban, CasualtyCategory.Combatants);
}

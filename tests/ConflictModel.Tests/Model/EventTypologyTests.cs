using System;
using System.Linq;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Model;

public class EventTypologyTests
{
    [Fact]
    public void EveryEventType_HasExactlyOneMapping()
    {
        Assert.Equal(Enum.GetValues<EventType>(), EventTypology.All.Select(m => m.Type).ToArray());
        Assert.All(Enum.GetValues<EventType>(), t => Assert.Equal(t, EventTypology.Describe(t).Type));
    }

    [Theory]
    [InlineData("Battles", "Armed clash", EventType.ArmedClash)]
    [InlineData("Explosions/Remote violence", "Air/drone strike", EventType.AirOrDroneStrike)]
    [InlineData("explosions/remote violence", "AIR/DRONE STRIKE", EventType.AirOrDroneStrike)]
    [InlineData("Violence against civilians", "Abduction/forced disappearance", EventType.Abduction)]
    [InlineData("Strategic developments", "Other", EventType.Other)]
    [InlineData("Protests", "Peaceful protest", EventType.PeacefulProtest)]
    public void TryFromAcled_FindsTheType(string eventType, string subEventType, EventType expected)
    {
        Assert.True(EventTypology.TryFromAcled(eventType, subEventType, out EventType found));
        Assert.Equal(expected, found);
    }

    [Fact]
    public void TryFromAcled_UnknownPair_IsRefused()
        => Assert.False(EventTypology.TryFromAcled("Battles", "Air/drone strike", out _));

    [Fact]
    public void AcledPairs_AreUniqueExceptOther()
    {
        var pairs = EventTypology.All.Where(m => m.AcledSubEventType is not null and not "Other").Select(m => (m.AcledEventType, m.AcledSubEventType)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(PloverCategory.Consult, EventTypology.Describe(EventType.Talks).Plover);
        Assert.Null(EventTypology.Describe(EventType.Visit).AcledEventType);
    }
}

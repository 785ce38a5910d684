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
        // Every kind an event can have; Unspecified (the default, which no event holds) has no mapping.
        EventKind[] kinds = [.. Enum.GetValues<EventKind>().Where(k => k != EventKind.Unspecified)];
        Assert.Equal(kinds, EventTypology.All.Select(m => m.Kind).ToArray());
        Assert.All(kinds, t => Assert.Equal(t, EventTypology.Describe(t).Kind));
    }

    [Theory]
    [InlineData("Battles", "Armed clash", EventKind.ArmedClash)]
    [InlineData("Explosions/Remote violence", "Air/drone strike", EventKind.AirOrDroneStrike)]
    [InlineData("explosions/remote violence", "AIR/DRONE STRIKE", EventKind.AirOrDroneStrike)]
    [InlineData("Violence against civilians", "Abduction/forced disappearance", EventKind.Abduction)]
    [InlineData("Strategic developments", "Other", EventKind.Other)]
    [InlineData("Protests", "Peaceful protest", EventKind.PeacefulProtest)]
    public void TryFromAcled_FindsTheType(string eventType, string subEventType, EventKind expected)
    {
        Assert.True(EventTypology.TryFromAcled(eventType, subEventType, out EventKind found));
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
        Assert.Equal(PloverCategory.Consult, EventTypology.Describe(EventKind.Talks).Plover);
        Assert.Null(EventTypology.Describe(EventKind.Visit).AcledEventType);
    }
}

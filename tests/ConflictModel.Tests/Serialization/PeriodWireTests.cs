using System.Text.Json;
using ConflictModel.Serialization;
using NodaTime;
using Xunit;

namespace ConflictModel.Tests.Serialization;

/// <summary>
/// The one <see cref="Period"/> converter behind <see cref="ConflictJsonSerializer.Options"/>: a ceasefire's duration
/// (positive, time units allowed) and a date as reported's offset (signed, whole days or larger) both round-trip, and
/// text that is neither is refused.
/// </summary>
public class PeriodWireTests
{
    public static TheoryData<string> WireForms => ["P7D", "P1W", "PT30H", "P1M2D", "-P3M", "P0D", "-P1Y2W"];

    [Theory]
    [MemberData(nameof(WireForms))]
    public void Period_WrittenAsRead(string wire)
    {
        string json = $"\"{wire}\"";

        Period period = JsonSerializer.Deserialize<Period>(json, ConflictJsonSerializer.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(period, ConflictJsonSerializer.Options));
    }

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"P\"")]
    [InlineData("\"-PT3H\"")]
    [InlineData("\"P1.5D\"")]
    [InlineData("\"7 days\"")]
    [InlineData("7")]
    public void Period_NotAnIsoDuration_IsRefused(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Period>(json, ConflictJsonSerializer.Options));
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads and writes a date-only NodaTime <see cref="Period"/> as an ISO 8601 duration, with a leading minus for
/// a period before the reference date (<c>-P3M</c>, <c>P7D</c>), as <see cref="ReportedPeriod"/> defines it.
/// </summary>
internal sealed class ReportedPeriodConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An offset or duration must be an ISO 8601 duration such as \"-P3M\" or \"P7D\", not {WireText.Describe(reader.TokenType)}.");
        }

        string text = reader.GetString()!;
        return ReportedPeriod.TryParse(text, out Period? period, out string? error)
            ? period
            : throw new JsonException($"'{WireText.Clip(text)}' is not {error}.");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
        => writer.WriteStringValue(ReportedPeriod.Format(value));
}

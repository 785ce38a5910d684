using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads and writes every NodaTime <see cref="Period"/> of the wire form as an ISO 8601 duration: a ceasefire's planned
/// duration or an extension's length (<c>P7D</c>, <c>PT72H</c>, <c>P1M</c>: positive, whole seconds or larger units),
/// and a date as reported's offset from its report (<c>-P3M</c>, <c>P0D</c>: whole days or larger, a leading minus for
/// a period before the report, as <see cref="ReportedPeriod"/> defines it). Units are kept as written (<c>P1W</c> is
/// not turned into <c>P7D</c>) so a period reads back as it was written. One converter, because System.Text.Json
/// applies one converter per type; the hand-written reader checks each member against its own form.
/// </summary>
internal sealed class DurationConverter : JsonConverter<Period>
{
    /// <summary>What the wire form expects, for messages.</summary>
    public const string Expected = "an ISO 8601 duration such as P7D, PT72H or P1M (positive, whole seconds or larger units)";

    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A duration must be {Expected}, not {WireText.Describe(reader.TokenType)}.");
        }

        string text = reader.GetString()!;
        if (TryParse(text, out Period? period))
        {
            return period;
        }

        return ReportedPeriod.TryParse(text, out Period? offset, out _)
            ? offset
            : throw new JsonException($"'{WireText.Clip(text)}' is not {Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.HasTimeComponent ? Format(value) : ReportedPeriod.Format(value));

    /// <summary>Formats a duration in ISO 8601, with the units it holds.</summary>
    public static string Format(Period value) => PeriodPattern.Roundtrip.Format(value);

    /// <summary>Parses an ISO 8601 duration of the wire form: positive, no fractions, no units below a second.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Period? value)
    {
        value = null;

        // NodaTime's round-trip pattern also reads its own sub-second units (s, t, n) and signs; ISO 8601 has neither.
        if (text.Length is < 3 or > 64 || text[0] != 'P')
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is 'P' or 'Y' or 'M' or 'W' or 'D' or 'T' or 'H' or 'S'))
            {
                return false;
            }
        }

        ParseResult<Period> result = PeriodPattern.Roundtrip.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        Period period = result.Value;
        bool negative = period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0 || period.Minutes < 0 || period.Seconds < 0;
        if (negative || period.Equals(Period.Zero))
        {
            return false;
        }

        value = period;
        return true;
    }
}

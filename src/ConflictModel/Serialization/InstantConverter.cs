using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads and writes a NodaTime <see cref="Instant"/> as an ISO 8601 UTC timestamp (<c>2025-10-12T08:30:00Z</c>,
/// fractional seconds only when present). Ours rather than NodaTime.Serialization's, which costs start-up
/// time and is not native-AOT clean.
/// </summary>
internal sealed class InstantConverter : JsonConverter<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A timestamp must be an ISO 8601 UTC string such as \"2025-10-12T08:30:00Z\", not {WireText.Describe(reader.TokenType)}.");
        }

        if (!reader.ValueIsEscaped && TryParseUtcSeconds(reader.ValueSpan, out Instant instant))
        {
            return instant;
        }

        string text = reader.GetString()!;
        ParseResult<Instant> result = Pattern.Parse(text);
        return result.Success
            ? result.Value
            : throw new JsonException($"'{WireText.Clip(text)}' is not an ISO 8601 UTC timestamp such as \"2025-10-12T08:30:00Z\".");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => writer.WriteStringValue(Pattern.Format(value));

    /// <summary>
    /// Parses the common form <c>yyyy-MM-ddTHH:mm:ssZ</c> from UTF-8 without a string; anything else (fractions,
    /// other years, invalid values) is left to NodaTime's <see cref="InstantPattern.ExtendedIso"/>, which reads the
    /// same instant from this form.
    /// </summary>
    internal static bool TryParseUtcSeconds(ReadOnlySpan<byte> raw, out Instant value)
    {
        value = default;
        if (raw.Length != 20 || raw[4] != '-' || raw[7] != '-' || raw[10] != 'T' || raw[13] != ':' || raw[16] != ':' || raw[19] != 'Z')
        {
            return false;
        }

        int year = Digits(raw, 0, 4), month = Digits(raw, 5, 2), day = Digits(raw, 8, 2);
        int hour = Digits(raw, 11, 2), minute = Digits(raw, 14, 2), second = Digits(raw, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        value = Instant.FromUtc(year, month, day, hour, minute, second);
        return true;

        static int Digits(ReadOnlySpan<byte> text, int start, int length)
        {
            int result = 0;
            for (int i = start; i < start + length; i++)
            {
                int digit = text[i] - '0';
                if ((uint)digit > 9)
                {
                    return -1;
                }

                result = (result * 10) + digit;
            }

            return result;
        }
    }
}

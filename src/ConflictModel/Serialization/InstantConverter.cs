using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

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

        string text = reader.GetString()!;
        ParseResult<Instant> result = Pattern.Parse(text);
        return result.Success
            ? result.Value
            : throw new JsonException($"'{WireText.Clip(text)}' is not an ISO 8601 UTC timestamp such as \"2025-10-12T08:30:00Z\".");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        => writer.WriteStringValue(Pattern.Format(value));
}

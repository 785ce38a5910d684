using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Model;

namespace ConflictModel.Serialization;

/// <summary>Reads and writes a <see cref="YearlessDate"/> as its ISO 8601-2 text (<c>XXXX-04</c>).</summary>
internal sealed class YearlessDateConverter : JsonConverter<YearlessDate>
{
    public override YearlessDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A date with an unspecified year must be a string such as \"XXXX-04\", not {WireText.Describe(reader.TokenType)}.");
        }

        string text = reader.GetString()!;
        return YearlessDate.TryParse(text, out YearlessDate date, out string? error)
            ? date
            : throw new JsonException($"'{WireText.Clip(text)}' is not a date with an unspecified year: {error}.");
    }

    public override void Write(Utf8JsonWriter writer, YearlessDate value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new JsonException("Cannot write the default YearlessDate.");
        }

        writer.WriteStringValue(value.ToString());
    }
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reads and writes a <see cref="CountryCode"/> as its three-letter string.</summary>
internal sealed class CountryCodeConverter : JsonConverter<CountryCode>
{
    public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A country must be an ISO 3166-1 alpha-3 string such as \"PAK\", not {WireText.Describe(reader.TokenType)}.");
        }

        string text = WireStrings.ReadText(ref reader);
        return CountryCode.IsWellFormed(text)
            ? new CountryCode(text)
            : throw new JsonException($"'{WireText.Clip(text)}' is not an ISO 3166-1 alpha-3 code (three upper-case letters such as \"PAK\").");
    }

    public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value ?? throw new JsonException("Cannot write the default CountryCode."));
}

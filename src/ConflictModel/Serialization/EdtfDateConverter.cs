using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reads and writes an <see cref="EdtfDate"/> as its EDTF text, parsing the UTF-8 bytes directly.</summary>
internal sealed class EdtfDateConverter : JsonConverter<EdtfDate>
{
    public override EdtfDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A date must be an EDTF string such as \"2025-10\", not {WireText.Describe(reader.TokenType)}.");
        }

        EdtfDate date;
        string? error;
        bool parsed = reader.HasValueSequence || reader.ValueIsEscaped
            ? EdtfDate.TryParse(reader.GetString(), out date, out error)
            : EdtfDate.TryParseUtf8(reader.ValueSpan, out date, out error);
        return parsed ? date : throw new JsonException($"'{WireText.Clip(reader.GetString())}' is not a valid EDTF date: {error}.");
    }

    public override void Write(Utf8JsonWriter writer, EdtfDate value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new JsonException("Cannot write the default EdtfDate.");
        }

        writer.WriteStringValue(value.ToString());
    }
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reads and writes a strongly typed id as a JSON string.</summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class RecordIdConverter<TId> : JsonConverter<TId>
    where TId : struct, IRecordId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TId).Name} must be a JSON string, not {WireText.Describe(reader.TokenType)}.");
        }

        string text = WireStrings.ReadId(ref reader, out bool known);
        if (known)
        {
            return TId.Create(text);
        }

        string? problem = RecordIds.Describe(text);
        if (problem is not null)
        {
            throw new JsonException($"'{WireText.Clip(text)}' is not a valid {TId.Kind} id: {problem}.");
        }

        WireStrings.RememberId(text);
        return TId.Create(text);
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            throw new JsonException($"Cannot write the default (empty) {typeof(TId).Name}.");
        }

        writer.WriteStringValue(value.Value);
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConflictModel.Serialization;

/// <summary>
/// Writes enum members as their camelCase names (<c>nonStateArmedGroup</c>) and reads only those names: numbers are
/// rejected so that the wire never depends on member order. The names are part of the wire contract.
/// <c>Unspecified</c>, the zero value of the model's enums, is not a wire name: reading <c>"unspecified"</c> fails
/// as any unknown name does, and writing it fails rather than putting a value on the wire that says nothing (the
/// model's constructors reject it, so only a caller's own type serialized with these options can get here).
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, JsonEncodedText> Encoded = CreateEncoded();

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            byte[][] names = EnumNames<TEnum>.Utf8;
            for (int i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return EnumNames<TEnum>.Values[i];
                }
            }

            // As JsonStringEnumConverter did: a name in another case is the member (the validating reader reports it).
            string text = reader.GetString()!;
            for (int i = 0; i < names.Length; i++)
            {
                if (string.Equals(text, EnumNames<TEnum>.Names[i], StringComparison.OrdinalIgnoreCase))
                {
                    return EnumNames<TEnum>.Values[i];
                }
            }
        }

        // System.Text.Json adds the path, line and position to a JsonException thrown without a message.
        throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Encoded.TryGetValue(value, out JsonEncodedText name))
        {
            throw new JsonException($"{typeof(TEnum).Name}.{value} has no wire name: {(EnumNames<TEnum>.IsUnspecified(value) ? "Unspecified stands for a field never set" : "it is not a defined member")}.");
        }

        writer.WriteStringValue(name);
    }

    private static Dictionary<TEnum, JsonEncodedText> CreateEncoded()
    {
        var encoded = new Dictionary<TEnum, JsonEncodedText>();
        for (int i = 0; i < EnumNames<TEnum>.Values.Length; i++)
        {
            encoded[EnumNames<TEnum>.Values[i]] = JsonEncodedText.Encode(EnumNames<TEnum>.Names[i]);
        }

        return encoded;
    }
}

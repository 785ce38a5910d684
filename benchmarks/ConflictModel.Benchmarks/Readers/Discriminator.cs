using System;
using System.Text.Json;
using ConflictModel.Model;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>The record type a JSON Lines line declares in its <c>type</c> member, found as the library finds it: a scan to the member.</summary>
public static class Discriminator
{
    public static Type Of(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON Lines line holds one object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                return Of(ref reader);
            }

            reader.Read();
            reader.Skip();
        }

        throw new JsonException("The line has no \"type\" member.");
    }

    public static Type Of(string type) => type switch
    {
        "source" => typeof(Source),
        "actor" => typeof(Actor),
        "event" => typeof(Event),
        "casualtyEstimate" => typeof(CasualtyEstimate),
        "attribution" => typeof(Attribution),
        "claim" => typeof(Claim),
        "ceasefire" => typeof(Ceasefire),
        "mediation" => typeof(Mediation),
        "agreement" => typeof(Agreement),
        "dataset" => typeof(Dataset),
        _ => throw new JsonException($"'{type}' is not a record type."),
    };

    private static Type Of(ref Utf8JsonReader reader)
    {
        // Compared as UTF-8, as the value would be by a hand-written reader; no string is made.
        return reader.ValueTextEquals("event"u8) ? typeof(Event)
            : reader.ValueTextEquals("casualtyEstimate"u8) ? typeof(CasualtyEstimate)
            : reader.ValueTextEquals("source"u8) ? typeof(Source)
            : reader.ValueTextEquals("attribution"u8) ? typeof(Attribution)
            : reader.ValueTextEquals("actor"u8) ? typeof(Actor)
            : reader.ValueTextEquals("claim"u8) ? typeof(Claim)
            : Of(reader.GetString() ?? string.Empty);
    }
}

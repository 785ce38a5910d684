using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Finds the value a relative JSON Pointer names inside an already-read record by reading the record's bytes
/// again. Array indices in the pointer are the model's; they are mapped to wire indices where elements were dropped.
/// When the pointer names something absent, the deepest value that exists is returned.
/// </summary>
internal static class JsonPointerNavigator
{
    public static (int Start, int End, string Pointer) Resolve(SourceText text, RecordSpan span, string? relativePointer, int maxDepth)
    {
        string basePointer = span.Pointer;
        if (string.IsNullOrEmpty(relativePointer) || relativePointer[0] != '/')
        {
            return (span.Start, span.End, basePointer);
        }

        try
        {
            return Walk(text, span, relativePointer, maxDepth);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A member name with an unpaired surrogate escape cannot be compared; such a member was reported on reading.
            return (span.Start, span.End, basePointer);
        }
    }

    private static (int Start, int End, string Pointer) Walk(SourceText text, RecordSpan span, string relativePointer, int maxDepth)
    {
        ReadOnlySpan<byte> json = text.Bytes.Span[span.Start..span.End];
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        reader.Read();
        var resolved = new StringBuilder();
        int start = (int)reader.TokenStartIndex;
        int end = ValueEnd(ref reader);
        foreach (string token in Tokens(relativePointer))
        {
            bool found = false;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool match = reader.ValueTextEquals(token);
                    reader.Read();
                    if (match)
                    {
                        found = true;
                        resolved.Append('/').Append(DiagnosticLocation.EscapePointerToken(token));
                        break;
                    }

                    reader.Skip();
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                int wire = index;
                if (span.Remaps is { } remaps && remaps.TryGetValue(resolved.ToString(), out int[]? kept))
                {
                    wire = index < kept.Length ? kept[index] : -1;
                }

                int i = 0;
                while (wire >= 0 && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (i == wire)
                    {
                        found = true;
                        resolved.Append('/').Append(wire.ToString(CultureInfo.InvariantCulture));
                        break;
                    }

                    reader.Skip();
                    i++;
                }
            }

            if (!found)
            {
                break;
            }

            start = (int)reader.TokenStartIndex;
            end = ValueEnd(ref reader);
        }

        return (span.Start + start, span.Start + end, span.Pointer + resolved.ToString());
    }

    /// <summary>Gets the offset just past the value the reader is on, without moving the reader.</summary>
    internal static int ValueEnd(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                Utf8JsonReader copy = reader;
                copy.Skip();
                return (int)copy.BytesConsumed;
            case JsonTokenType.String:
            case JsonTokenType.PropertyName:
                return (int)reader.TokenStartIndex + reader.ValueSpan.Length + 2;
            default:
                return (int)reader.TokenStartIndex + reader.ValueSpan.Length;
        }
    }

    private static IEnumerable<string> Tokens(string pointer)
    {
        foreach (string raw in pointer[1..].Split('/'))
        {
            yield return raw.Contains('~', StringComparison.Ordinal) ? raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : raw;
        }
    }
}

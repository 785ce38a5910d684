using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>
/// Reads the rows of a JSON source one object at a time, without holding the file: a GeoJSON FeatureCollection
/// (each feature's <c>properties</c>, with the point's <c>longitude</c> and <c>latitude</c>), an API page
/// (<c>{"Result":[…]}</c>), or a bare array of objects.
/// </summary>
internal static class JsonRows
{
    private enum Phase
    {
        Root,
        RootMember,
        SkipValue,
        ArrayStart,
        Items,
        Done,
    }

    private sealed class State
    {
        public JsonReaderState Reader = new(new JsonReaderOptions { MaxDepth = 64 });
        public Phase Phase = Phase.Root;
        public string ArrayName = string.Empty;
        public bool GeoJson;
        public long Index;
        public int LineAtStart = 1;
        public string? Error;
        public long ErrorOffset;
        public int? ErrorLine;
    }

    public static IEnumerable<SourceRow> Read(Stream stream, string? filePath, ImportLog log)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int filled = 0;
            bool final = false;
            var state = new State();
            var rows = new List<SourceRow>();
            while (state.Phase != Phase.Done)
            {
                if (!final)
                {
                    if (filled == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = stream.Read(buffer, filled, buffer.Length - filled);
                    final = read == 0;
                    filled += read;
                }

                if (state.Phase == Phase.Root && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                {
                    // A byte order mark: Utf8JsonReader does not skip it.
                    Buffer.BlockCopy(buffer, 3, buffer, 0, filled - 3);
                    filled -= 3;
                }

                int consumed = Parse(buffer.AsSpan(0, filled), final, state, filePath, rows);
                foreach (SourceRow row in rows)
                {
                    yield return row;
                }

                rows.Clear();
                if (state.Error is not null)
                {
                    int line = state.ErrorLine ?? state.LineAtStart + Lines(buffer.AsSpan(0, (int)Math.Min(filled, state.ErrorOffset)));
                    log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation(filePath, line, 1), state.Error));
                    yield break;
                }

                state.LineAtStart += Lines(buffer.AsSpan(0, consumed));
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                if (final && state.Phase != Phase.Done)
                {
                    int end = state.LineAtStart + Lines(buffer.AsSpan(0, filled));
                    log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation(filePath, end, 1), state.Phase == Phase.Root ? "The file is empty" : "The JSON ends before the array of rows is closed"));
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Parse(ReadOnlySpan<byte> data, bool final, State state, string? filePath, List<SourceRow> rows)
    {
        var reader = new Utf8JsonReader(data, final, state.Reader);
        int lineScan = 0, line = state.LineAtStart;
        try
        {
            while (state.Phase != Phase.Done)
            {
                Utf8JsonReader probe = reader;
                if (!probe.Read())
                {
                    break;
                }

                switch (state.Phase)
                {
                    case Phase.Root when probe.TokenType == JsonTokenType.StartObject:
                        state.Phase = Phase.RootMember;
                        break;
                    case Phase.Root when probe.TokenType == JsonTokenType.StartArray:
                        state.Phase = Phase.Items;
                        break;
                    case Phase.Root:
                        Fail(state, probe, "The JSON is neither a GeoJSON FeatureCollection, an object with a \"Result\" array, nor an array of rows");
                        return (int)reader.BytesConsumed;
                    case Phase.RootMember when probe.TokenType == JsonTokenType.EndObject:
                        if (state.ArrayName.Length == 0)
                        {
                            Fail(state, probe, "The JSON has no \"features\" or \"Result\" array of rows");
                            return (int)reader.BytesConsumed;
                        }

                        state.Phase = Phase.Done;
                        break;
                    case Phase.RootMember when state.ArrayName.Length == 0 && (probe.ValueTextEquals("features"u8) || probe.ValueTextEquals("Result"u8)):
                        state.GeoJson = probe.ValueTextEquals("features"u8);
                        state.ArrayName = state.GeoJson ? "features" : "Result";
                        state.Phase = Phase.ArrayStart;
                        break;
                    case Phase.RootMember:
                        state.Phase = Phase.SkipValue;
                        break;
                    case Phase.SkipValue:
                        if (!probe.TrySkip())
                        {
                            return (int)reader.BytesConsumed;
                        }

                        state.Phase = Phase.RootMember;
                        break;
                    case Phase.ArrayStart when probe.TokenType == JsonTokenType.StartArray:
                        state.Phase = Phase.Items;
                        break;
                    case Phase.ArrayStart:
                        Fail(state, probe, $"\"{state.ArrayName}\" is not an array");
                        return (int)reader.BytesConsumed;
                    case Phase.Items when probe.TokenType == JsonTokenType.EndArray:
                        state.Phase = state.ArrayName.Length == 0 ? Phase.Done : Phase.RootMember;
                        break;
                    case Phase.Items:
                        int start = (int)probe.TokenStartIndex;
                        Utf8JsonReader item = probe;
                        if (!item.TrySkip())
                        {
                            return (int)reader.BytesConsumed;
                        }

                        line += Lines(data[lineScan..start]);
                        lineScan = start;
                        using (JsonDocument document = JsonDocument.ParseValue(ref probe))
                        {
                            rows.Add(Row(document.RootElement, state, filePath, line));
                        }

                        state.Index++;
                        break;
                }

                reader = probe;
            }
        }
        catch (JsonException ex)
        {
            // The reader state carries the line count across blocks: the exception's (0-based) line is the file's.
            state.Error = "Malformed JSON: " + ex.Message.ReplaceLineEndings(" ");
            state.ErrorLine = (int)(ex.LineNumber ?? 0) + 1;
        }
        finally
        {
            state.Reader = reader.CurrentState;
        }

        return (int)reader.BytesConsumed;
    }

    private static void Fail(State state, Utf8JsonReader reader, string message)
    {
        state.Error = message;
        state.ErrorOffset = reader.TokenStartIndex;
    }

    private static SourceRow Row(JsonElement item, State state, string? filePath, int line)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        string index = state.Index.ToString(CultureInfo.InvariantCulture);
        string prefix = state.ArrayName.Length == 0 ? "/" + index : $"/{state.ArrayName}/{index}";
        JsonElement properties = item;
        if (state.GeoJson)
        {
            prefix += "/properties";
            properties = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("properties", out JsonElement p) ? p : default;
        }

        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                fields.Add(new(property.Name, Text(property.Value)));
            }
        }

        if (state.GeoJson && item.ValueKind == JsonValueKind.Object && item.TryGetProperty("geometry", out JsonElement geometry) && geometry.ValueKind == JsonValueKind.Object
            && geometry.TryGetProperty("coordinates", out JsonElement point) && point.ValueKind == JsonValueKind.Array && point.GetArrayLength() >= 2)
        {
            // GeoJSON writes [longitude, latitude]; the properties of the GED extract carry no latitude/longitude columns.
            if (!fields.Exists(f => f.Key == "longitude"))
            {
                fields.Add(new("longitude", Text(point[0])));
            }

            if (!fields.Exists(f => f.Key == "latitude"))
            {
                fields.Add(new("latitude", Text(point[1])));
            }
        }

        return new SourceRow(filePath, state.Index + 1, line, prefix, fields);
    }

    private static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate ("\ud800") is valid JSON but not text: keep the escaped form.
                    string raw = value.GetRawText();
                    return raw[1..^1];
                }

            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return value.GetRawText();
        }
    }

    private static int Lines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');
}

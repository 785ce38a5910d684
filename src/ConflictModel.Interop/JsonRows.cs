using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
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
        public int ColumnAtStart = 1;
        public string? Error;
        public long ErrorOffset;
        public int? ErrorLine;

        /// <summary>Text of the rows parsed last that was not UTF-8 (where, and what), for <see cref="Read"/> to report as CM6015.</summary>
        public List<(DiagnosticLocation Location, string Row, string What)> InvalidUtf8 = [];
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
                foreach ((DiagnosticLocation location, string row, string what) in state.InvalidUtf8)
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.InvalidUtf8, location, row, what));
                }

                state.InvalidUtf8.Clear();
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
                state.ColumnAtStart = ColumnAfter(buffer.AsSpan(0, consumed), state.ColumnAtStart);
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
        int lineScan = 0, line = state.LineAtStart, column = state.ColumnAtStart;
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
                    case Phase.RootMember when state.ArrayName.Length == 0 && (NameIs(ref probe, "features"u8) || NameIs(ref probe, "Result"u8)):
                        state.GeoJson = NameIs(ref probe, "features"u8);
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
                        column = ColumnAfter(data[lineScan..start], column);
                        lineScan = start;
                        using (JsonDocument document = JsonDocument.ParseValue(ref probe))
                        {
                            rows.Add(Row(document.RootElement, state, filePath, line, column));
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

    private static SourceRow Row(JsonElement item, State state, string? filePath, int line, int column)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        string index = state.Index.ToString(CultureInfo.InvariantCulture);
        string prefix = state.ArrayName.Length == 0 ? "/" + index : $"/{state.ArrayName}/{index}";
        JsonElement properties = item;
        if (state.GeoJson)
        {
            prefix += "/properties";
            properties = Member(item, "properties") ?? default;
        }

        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in properties.EnumerateObject())
            {
                string name = Name(property, out bool nameInvalid);
                string? text = Text(property.Value, out bool textInvalid);
                string where = $"row {state.Index + 1}";
                if (nameInvalid)
                {
                    state.InvalidUtf8.Add((new DiagnosticLocation(filePath, line, column, prefix), where, $"the name of member '{name}'"));
                }

                if (textInvalid)
                {
                    state.InvalidUtf8.Add((new DiagnosticLocation(filePath, line, column, prefix + "/" + DiagnosticLocation.EscapePointerToken(name)), where, $"the value of '{name}'"));
                }

                fields.Add(new(name, text));
            }
        }

        if (state.GeoJson && Member(item, "geometry") is { } geometry
            && Member(geometry, "coordinates") is { ValueKind: JsonValueKind.Array } point && point.GetArrayLength() >= 2)
        {
            // GeoJSON writes [longitude, latitude]; the properties of the GED extract carry no latitude/longitude columns.
            if (!fields.Exists(f => f.Key == "longitude"))
            {
                fields.Add(new("longitude", Text(point[0], out _)));
            }

            if (!fields.Exists(f => f.Key == "latitude"))
            {
                fields.Add(new("latitude", Text(point[1], out _)));
            }
        }

        return new SourceRow(filePath, state.Index + 1, line, prefix, fields, column);
    }

    /// <summary>
    /// Compares a member name; false for a name that cannot be text (an escaped lone surrogate, "\ud800"), on which
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> throws although the JSON is valid.
    /// </summary>
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        try
        {
            return reader.ValueTextEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The first member of an object with the name, or null (also for a value that is not an object). Names are compared
    /// one by one with <see cref="Name(JsonProperty, out bool)"/>: <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
    /// throws when another member's name is an escaped lone surrogate.
    /// </summary>
    private static JsonElement? Member(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (Name(property, out _) == name)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// A member's name. A name that cannot be transcoded (an escaped lone surrogate, "\ud800", which is valid JSON but
    /// not text; or bytes that are not UTF-8, which the JSON reader does not check) is kept as written in the file, with
    /// invalid byte sequences as U+FFFD; <paramref name="invalidUtf8"/> says whether there were any.
    /// </summary>
    private static string Name(JsonProperty property, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(property);
            invalidUtf8 = !Utf8.IsValid(raw);
            return Encoding.UTF8.GetString(raw);
        }
    }

    /// <summary>A value's text, as <see cref="Name(JsonProperty, out bool)"/> reads a name.</summary>
    private static string? Text(JsonElement value, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate ("\ud800") is valid JSON but not text, and the JSON reader does not check
                    // that a string's bytes are UTF-8: keep the text as written, invalid sequences as U+FFFD.
                    ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value);
                    raw = raw[1..^1];
                    invalidUtf8 = !Utf8.IsValid(raw);
                    return Encoding.UTF8.GetString(raw);
                }

            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                // Numbers, true, false, arrays and objects as written; inside an array or object a string may not be UTF-8.
                ReadOnlySpan<byte> written = JsonMarshal.GetRawUtf8Value(value);
                invalidUtf8 = !Utf8.IsValid(written);
                return Encoding.UTF8.GetString(written);
        }
    }

    private static int Lines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    /// <summary>
    /// The 1-based column (in UTF-16 code units, as every diagnostic counts) just after <paramref name="bytes"/>, which
    /// start at <paramref name="column"/>: an array written on one line (<c>jq -c</c>) puts each row at its own column.
    /// </summary>
    private static int ColumnAfter(ReadOnlySpan<byte> bytes, int column)
    {
        int newline = bytes.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            column = 1;
            bytes = bytes[(newline + 1)..];
        }

        long units = column;
        foreach (byte b in bytes)
        {
            // A UTF-8 lead or ASCII byte starts a character; a four-byte character is two UTF-16 units.
            units += (b & 0xC0) != 0x80 ? (b >= 0xF0 ? 2 : 1) : 0;
        }

        return (int)Math.Min(units, int.MaxValue);
    }
}

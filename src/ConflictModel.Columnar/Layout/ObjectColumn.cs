using System;
using System.Collections.Generic;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>
/// A JSON object (a record, a casualty figure, a location, a citation…) as a Parquet struct: a field per member
/// the layout knows, the derived fields, and <c>extensions</c>, the members the layout does not know as one JSON
/// object text (null when there are none), so that nothing the wire form holds is lost.
/// </summary>
internal sealed class ObjectColumn : Column
{
    /// <summary>The name of the field holding the members the layout does not know.</summary>
    public const string Extensions = "extensions";

    private readonly Dictionary<string, Column> _byName;
    private StructField? _field;

    public ObjectColumn(string name, IReadOnlyList<Column> members, IReadOnlyList<DerivedField>? derived = null)
        : base(name)
    {
        Members = members;
        Derived = derived ?? [];
        _byName = members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Fields = [.. members.Select(m => m.Field), .. Derived.Select(d => d.Field), new DataField<string>(Extensions)];
    }

    /// <summary>Gets the members the layout maps, in wire order.</summary>
    public IReadOnlyList<Column> Members { get; }

    /// <summary>Gets the fields computed for engines from the object's members.</summary>
    public IReadOnlyList<DerivedField> Derived { get; }

    /// <summary>Gets the struct's fields: members, derived fields, then <c>extensions</c>.</summary>
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>
    /// Gets the struct. Made on first use: a record's fields go straight into its file's schema instead, and a
    /// Parquet.Net field may belong to one parent only (it records its path when added).
    /// </summary>
    public override Field Field => _field ??= new StructField(Name, [.. Fields]);

    public override object? FromJson(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Mismatch(value.GetRawText());
        }

        return ToRow(value, skip: null);
    }

    /// <summary>Makes the struct's fields from an object.</summary>
    /// <param name="value">The object.</param>
    /// <param name="skip">A member to leave out (the record's <c>type</c>, which the file stands for).</param>
    /// <returns>Field name to value.</returns>
    public Dictionary<string, object?> ToRow(JsonElement value, string? skip)
    {
        var row = new Dictionary<string, object?>(Fields.Count, StringComparer.Ordinal);
        foreach (Column member in Members)
        {
            row[member.Name] = member is BooleanColumn { AbsentIsFalse: true } ? false : null;
        }

        ArrayBufferWriter<byte>? unknown = null;
        Utf8JsonWriter? unknownWriter = null;
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (skip is not null && property.NameEquals(skip))
            {
                continue;
            }

            if (_byName.TryGetValue(property.Name, out Column? member))
            {
                row[member.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : member.FromJson(property.Value);
            }
            else
            {
                if (unknownWriter is null)
                {
                    unknown = new ArrayBufferWriter<byte>(256);
                    unknownWriter = new Utf8JsonWriter(unknown, WriterOptions);
                    unknownWriter.WriteStartObject();
                }

                WriteVerbatim(unknownWriter, property);
            }
        }

        foreach (DerivedField derived in Derived)
        {
            row[derived.Field.Name] = derived.Compute(value);
        }

        if (unknownWriter is not null)
        {
            unknownWriter.WriteEndObject();
            unknownWriter.Flush();
            row[Extensions] = Encoding.UTF8.GetString(unknown!.WrittenSpan);
            unknownWriter.Dispose();
        }
        else
        {
            row[Extensions] = null;
        }

        return row;
    }

    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        if (value is not IDictionary<string, object> fields)
        {
            throw Mismatch(value);
        }

        writer.WriteStartObject();
        WriteMembers(writer, fields);
        writer.WriteEndObject();
    }

    /// <summary>Writes the members of a struct read from Parquet (not the braces), then its extension members.</summary>
    public void WriteMembers(Utf8JsonWriter writer, IDictionary<string, object> fields)
    {
        foreach (Column member in Members)
        {
            fields.TryGetValue(member.Name, out object? item);
            if (!member.IsAbsent(item))
            {
                writer.WritePropertyName(member.Name);
                member.WriteJson(writer, item!);
            }
        }

        if (fields.TryGetValue(Extensions, out object? extensions) && extensions is not null)
        {
            string text = AsText(extensions) ?? throw Mismatch(extensions);
            using JsonDocument document = ParseExtensions(text);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                WriteVerbatim(writer, property);
            }
        }
    }

    /// <summary>Gets the names of the fields a struct read from Parquet has that this layout does not.</summary>
    public IEnumerable<string> UnknownFields(IDictionary<string, object> fields)
        => fields.Keys.Where(k => !_byName.ContainsKey(k) && k != Extensions && Derived.All(d => d.Field.Name != k));

    private JsonDocument ParseExtensions(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"'{Name}.{Extensions}' is not JSON: {ex.Message}", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException($"'{Name}.{Extensions}' is not a JSON object");
        }

        return document;
    }

    /// <summary>Writes a member with its value's text as read: extension values are kept as raw JSON, byte for byte.</summary>
    private static void WriteVerbatim(Utf8JsonWriter writer, JsonProperty property)
    {
        writer.WritePropertyName(property.Name);
        writer.WriteRawValue(property.Value.GetRawText(), skipInputValidation: true);
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>A field computed from an object's members for engines (a figure's minimum), not read back.</summary>
/// <param name="Field">The Parquet field.</param>
/// <param name="Compute">Computes the value from the object.</param>
internal sealed record DerivedField(DataField Field, Func<JsonElement, object?> Compute);

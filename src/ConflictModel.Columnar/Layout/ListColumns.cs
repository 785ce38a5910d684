using System;
using System.Collections.Generic;
using System.Text.Json;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>An array of strings (aliases, id lists) as a Parquet list of strings; an absent array is an empty list.</summary>
internal sealed class TextListColumn(string name) : Column(name)
{
    public override Field Field { get; } = new ListField(name, new DataField<string>("element"));

    public override object? FromJson(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(value.GetRawText());
        }

        var items = new List<ReadOnlyMemory<char>?>(value.GetArrayLength());
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()!.AsMemory() : throw Mismatch(item.GetRawText()));
        }

        return items;
    }

    public override bool IsAbsent(object? value) => value is null || (AsList(value) is System.Collections.ICollection { Count: 0 });

    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        writer.WriteStartArray();
        foreach (object? item in AsList(value) ?? throw Mismatch(value))
        {
            writer.WriteStringValue(item is null ? throw Mismatch(null) : AsText(item) ?? throw Mismatch(item));
        }

        writer.WriteEndArray();
    }
}

/// <summary>An array of objects (participants, citations, history…) as a Parquet list of structs; an absent array is an empty list.</summary>
internal sealed class ObjectListColumn(string name, ObjectColumn element) : Column(name)
{
    public ObjectColumn Element { get; } = element;

    public override Field Field { get; } = new ListField(name, element.Field);

    public override object? FromJson(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(value.GetRawText());
        }

        var items = new List<IDictionary<string, object?>>(value.GetArrayLength());
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Object ? Element.ToRow(item, skip: null) : throw Mismatch(item.GetRawText()));
        }

        return items;
    }

    public override bool IsAbsent(object? value) => value is null || (AsList(value) is System.Collections.ICollection { Count: 0 });

    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        writer.WriteStartArray();
        foreach (object? item in AsList(value) ?? throw Mismatch(value))
        {
            Element.WriteJson(writer, item ?? throw Mismatch(null));
        }

        writer.WriteEndArray();
    }
}

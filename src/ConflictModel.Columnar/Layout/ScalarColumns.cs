using System;
using System.Text.Json;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>A string member (ids, references, enum names, URIs, timestamps, free text) as a UTF-8 string column.</summary>
internal sealed class TextColumn(string name) : Column(name)
{
    public override Field Field { get; } = new DataField<string>(name);

    public override object? FromJson(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? value.GetString() : throw Mismatch(value.GetRawText());

    public override void WriteJson(Utf8JsonWriter writer, object value)
        => writer.WriteStringValue(AsText(value) ?? throw Mismatch(value));
}

/// <summary>A whole-number member (casualty counts) as an INT64 column.</summary>
internal sealed class IntegerColumn(string name) : Column(name)
{
    public override Field Field { get; } = new DataField<long?>(name);

    public override object? FromJson(JsonElement value)
        => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw Mismatch(value.GetRawText());

    public override void WriteJson(Utf8JsonWriter writer, object value)
        => writer.WriteNumberValue(value is long number ? number : throw Mismatch(value));
}

/// <summary>A real-number member (latitude, longitude) as a DOUBLE column.</summary>
internal sealed class NumberColumn(string name) : Column(name)
{
    public override Field Field { get; } = new DataField<double?>(name);

    public override object? FromJson(JsonElement value)
        => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number) ? number : throw Mismatch(value.GetRawText());

    public override void WriteJson(Utf8JsonWriter writer, object value)
        => writer.WriteNumberValue(value is double number ? number : throw Mismatch(value));
}

/// <summary>
/// A boolean member as a BOOLEAN column. Members the wire form leaves out when false (<c>isApproximate</c>,
/// <c>lowExclusive</c>…) are written false, never null, so that engines need no <c>coalesce</c>.
/// </summary>
internal sealed class BooleanColumn(string name, bool absentIsFalse) : Column(name)
{
    public override Field Field { get; } = new DataField<bool?>(name);

    public bool AbsentIsFalse { get; } = absentIsFalse;

    public override object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Mismatch(value.GetRawText()),
    };

    public override bool IsAbsent(object? value) => value is null || (AbsentIsFalse && value is false);

    public override void WriteJson(Utf8JsonWriter writer, object value)
        => writer.WriteBooleanValue(value is bool flag ? flag : throw Mismatch(value));
}

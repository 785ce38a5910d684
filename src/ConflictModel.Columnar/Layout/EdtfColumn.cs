using System;
using System.Collections.Generic;
using System.Text.Json;
using ConflictModel.Model;
using NodaTime;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>
/// An EDTF date member as a struct: <c>edtf</c>, the text as written (what is read back), and for engines the
/// <c>earliest</c> and <c>latest</c> days it allows as DATE (null for an open or unknown end) and its
/// <c>precision</c> (day, month, season, year, decade, century).
/// </summary>
internal sealed class EdtfColumn(string name) : Column(name)
{
    public const string Text = "edtf";
    public const string Earliest = "earliest";
    public const string Latest = "latest";
    public const string Precision = "precision";

    public override Field Field { get; } = new StructField(
        name,
        new DataField<string>(Text),
        new DataField<DateOnly?>(Earliest),
        new DataField<DateOnly?>(Latest),
        new DataField<string>(Precision));

    public override object? FromJson(JsonElement value)
    {
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Mismatch(value.GetRawText());
        if (!EdtfDate.TryParse(text, out EdtfDate date))
        {
            throw Mismatch(text);
        }

        return new Dictionary<string, object?>(4, StringComparer.Ordinal)
        {
            [Text] = text,
            [Earliest] = ToDateOnly(date.Earliest),
            [Latest] = ToDateOnly(date.Latest),
            [Precision] = PrecisionName(date.Precision),
        };
    }

    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        if (value is not IDictionary<string, object> fields || !fields.TryGetValue(Text, out object? text) || text is null || AsText(text) is not { } edtf)
        {
            throw Mismatch(value);
        }

        writer.WriteStringValue(edtf);
    }

    public override bool IsAbsent(object? value)
        => value is null || (value is IDictionary<string, object> fields && (!fields.TryGetValue(Text, out object? text) || text is null));

    internal static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        DatePrecision.Season => "season",
        DatePrecision.Year => "year",
        DatePrecision.Decade => "decade",
        DatePrecision.Century => "century",
        _ => precision.ToString().ToLowerInvariant(),
    };

    private static DateOnly? ToDateOnly(LocalDate? date)
        => date is { } d && d.Year is >= 1 and <= 9999 ? new DateOnly(d.Year, d.Month, d.Day) : null;
}

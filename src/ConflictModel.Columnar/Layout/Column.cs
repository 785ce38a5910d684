using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>
/// One member of the wire form as a Parquet column. The layout is driven by the JSON wire form, not the C# model:
/// a record is written by the serializer (so what is written is exactly what the JSON form holds), each member the
/// layout knows becomes a typed column, and the members it does not know stay as JSON text. Reading turns the
/// columns back into the same JSON, which the serializer reads as it reads any line.
/// </summary>
internal abstract class Column(string name)
{
    /// <summary>Gets the member's name: the JSON member and the Parquet field have the same name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets whether the column is computed for engines (earliest, latest, minimum…) and not read back.</summary>
    public virtual bool IsDerived => false;

    /// <summary>Gets the Parquet field.</summary>
    public abstract Field Field { get; }

    /// <summary>Gets the column's value for a JSON value (never JSON null: absent and null members are both null).</summary>
    /// <param name="value">The member's value.</param>
    /// <returns>The value the untyped Parquet writer takes, or null.</returns>
    /// <exception cref="FormatException">The value is not of the column's type (the layout and the wire form disagree).</exception>
    public abstract object? FromJson(JsonElement value);

    /// <summary>Writes a value read from Parquet back as JSON.</summary>
    /// <param name="writer">The writer, positioned where the value goes.</param>
    /// <param name="value">A non-null value as the untyped Parquet reader gives it.</param>
    /// <exception cref="FormatException">The value is not of the column's type (the file is not of this layout).</exception>
    public abstract void WriteJson(Utf8JsonWriter writer, object value);

    /// <summary>Gets whether a value read from Parquet says that the member is absent.</summary>
    /// <param name="value">The value, or null.</param>
    /// <returns>True when nothing should be written.</returns>
    public virtual bool IsAbsent(object? value) => value is null;

    protected FormatException Mismatch(object? value) => new(string.Create(CultureInfo.InvariantCulture, $"column '{Name}' holds {Describe(value)}, not the layout's type"));

    internal static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"text '{s}'",
        _ => $"a {value.GetType().Name}",
    };

    /// <summary>Reads text from the untyped reader's forms of a string.</summary>
    protected static string? AsText(object value) => value switch
    {
        string s => s,
        ReadOnlyMemory<char> m => m.ToString(),
        _ => null,
    };

    /// <summary>Enumerates the items of a list value from the untyped reader.</summary>
    protected static IEnumerable? AsList(object value) => value is string ? null : value as IEnumerable;
}

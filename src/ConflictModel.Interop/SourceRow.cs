using System;
using System.Collections.Generic;
using System.Globalization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>
/// One row of a source file (a CSV record, a GeoJSON feature, an API result object) as column names and text, with
/// where it stands in the file so every diagnostic about it can be located.
/// </summary>
internal sealed class SourceRow
{
    private readonly Dictionary<string, int> _index;
    private readonly List<KeyValuePair<string, string?>> _fields;

    public SourceRow(string? filePath, long number, int line, string pointerPrefix, List<KeyValuePair<string, string?>> fields)
    {
        FilePath = filePath;
        Number = number;
        Line = line;
        PointerPrefix = pointerPrefix;
        _fields = fields;
        _index = new Dictionary<string, int>(fields.Count, StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            _index.TryAdd(fields[i].Key, i);
        }
    }

    /// <summary>Gets the file the row was read from, or null for a stream without a name.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the 1-based number of the row among the data rows (the header is not counted).</summary>
    public long Number { get; }

    /// <summary>Gets the 1-based line on which the row starts.</summary>
    public int Line { get; }

    /// <summary>Gets the JSON Pointer of the row's object in a JSON source ("/features/0/properties"), or "" for CSV.</summary>
    public string PointerPrefix { get; }

    /// <summary>Gets the fields in source order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Fields => _fields;

    /// <summary>Gets whether the row has the column at all (an empty value counts as present).</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>Gets the column's text exactly as written, or null when the column is absent or null.</summary>
    public string? Raw(string column) => _index.TryGetValue(column, out int i) ? _fields[i].Value : null;

    /// <summary>Gets the column's text, trimmed; empty when the column is absent, empty or null.</summary>
    public string Text(string column)
        => _index.TryGetValue(column, out int i) && _fields[i].Value is { } value ? value.Trim() : string.Empty;

    /// <summary>Gets the column's text, or null when it is absent or blank.</summary>
    public string? OptionalText(string column) => Text(column) is { Length: > 0 } text ? text : null;

    /// <summary>Where a diagnostic about the row (and one of its columns) points.</summary>
    public DiagnosticLocation Location(string? column = null)
        => new(FilePath, Line, 1, column is null ? PointerPrefix : PointerPrefix + "/" + DiagnosticLocation.EscapePointerToken(column));

    /// <summary>Reads an integer column; false when it is empty or not an integer.</summary>
    public bool TryLong(string column, out long value)
    {
        string text = Text(column);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // JSON numbers written with a fraction of zero ("3.0"), as some exports do.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a decimal number column; false when it is empty or not a number.</summary>
    public bool TryDouble(string column, out double value)
        => double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

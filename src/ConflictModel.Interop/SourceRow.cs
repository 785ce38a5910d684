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

    public SourceRow(string? filePath, long number, int line, string pointerPrefix, List<KeyValuePair<string, string?>> fields, int column = 1)
    {
        FilePath = filePath;
        Number = number;
        Line = line;
        Column = column;
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

    /// <summary>Gets the 1-based column at which the row starts (a JSON object on a line with others is not at column 1).</summary>
    public int Column { get; }

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
        => new(FilePath, Line, Column, column is null ? PointerPrefix : PointerPrefix + "/" + DiagnosticLocation.EscapePointerToken(column));

    /// <summary>
    /// Reads an integer column written as JSON writes an integer: an optional minus sign and digits, without a leading
    /// zero, a plus sign, spaces, a fraction (<c>5.0</c>), an exponent (<c>1e3</c>) or hex (<c>0x10</c>); false for anything
    /// else, so that a figure is never silently rounded or reinterpreted (the JSON reader refuses the same forms).
    /// </summary>
    public bool TryLong(string column, out long value)
    {
        value = 0;
        return Raw(column) is { } text && IsJsonInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether the text is an integer in JSON's grammar: <c>-?(0|[1-9][0-9]*)</c>.</summary>
    internal static bool IsJsonInteger(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == '-')
        {
            text = text[1..];
        }

        if (text.Length == 0 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the text is a whole number written with ASCII digits only (at most 18 of them), as an id column such as
    /// PAD's <c>paid</c> is: <see cref="long.TryParse(string, NumberStyles, IFormatProvider, out long)"/> also accepts
    /// trailing NUL characters ("13\0"), which would then reach an id.
    /// </summary>
    internal static bool IsWholeNumber(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a decimal number column; false when it is empty or not a number.</summary>
    public bool TryDouble(string column, out double value)
        => double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

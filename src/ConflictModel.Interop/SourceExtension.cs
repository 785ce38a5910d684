using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ConflictModel.Interop;

/// <summary>
/// The source columns a record keeps as one extension member (such as <c>"ucdpGed": {"date_prec": 2, …}</c>): the
/// columns without a member of their own, and those whose value the mapping could not carry exactly. Numbers are
/// written as JSON numbers when the column is numeric and the text is an integer; everything else as text.
/// </summary>
internal sealed class SourceExtension
{
    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
    private readonly ISet<string> _numeric;

    public SourceExtension(ISet<string> numericColumns) => _numeric = numericColumns;

    public int Count => _values.Count;

    /// <summary>Keeps a column's text as written (absent and empty values are kept as "" so that the round trip is exact).</summary>
    public void Keep(string column, string? text)
    {
        // A set, not a scan of the list: a row of a file with 100,000 unknown columns keeps each once, in linear time.
        if (_kept.Add(column))
        {
            _values.Add(new(column, text ?? string.Empty));
        }
    }

    /// <summary>Keeps a column only when what the members give back differs from the text as written.</summary>
    public void KeepUnless(string column, string? text, string derived)
    {
        if (!string.Equals(text ?? string.Empty, derived, StringComparison.Ordinal))
        {
            Keep(column, text);
        }
    }

    /// <summary>The object as raw JSON, or null when nothing was kept.</summary>
    public string? ToJson()
    {
        if (_values.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> value in _values)
            {
                if (_numeric.Contains(value.Key) && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)
                    && number.ToString(CultureInfo.InvariantCulture) == value.Value)
                {
                    writer.WriteNumber(value.Key, number);
                }
                else
                {
                    writer.WriteString(value.Key, value.Value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads back the columns of an extension member written by <see cref="ToJson"/>.</summary>
    public static Dictionary<string, string> Parse(string json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return values;
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // Extension data someone edited into something else: nothing to take back from it.
        }

        return values;
    }
}

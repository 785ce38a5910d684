using System.Globalization;
using System.Text;
using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>
/// Makes a value safe to print on one line of a log or terminal: control characters (C0, DEL, C1, so line breaks and
/// the ESC that starts ANSI sequences), Unicode line and paragraph separators, and the bidirectional controls that
/// reorder what is shown (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) become visible escapes (<c>\n</c>,
/// <c>\t</c>, <c>\u001B</c>). A dataset then cannot print a line of its own, such as a forged
/// <c>file(1,1): error CM0001</c>, recolour the terminal or make two different values look the same.
/// </summary>
internal static class TerminalText
{
    /// <summary>Escapes the characters that could forge or hide output; other text is returned unchanged.</summary>
    /// <param name="value">The value; null gives an empty string.</param>
    /// <returns>The escaped value.</returns>
    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        int first = 0;
        while (first < value.Length && !NeedsEscape(value[first]))
        {
            first++;
        }

        if (first == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (int i = first; i < value.Length; i++)
        {
            char c = value[i];
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }

        return builder.ToString();
    }

    /// <summary>Returns whether a character is escaped by <see cref="Escape"/>.</summary>
    /// <param name="c">The character.</param>
    /// <returns>True when it is a control, a line or paragraph separator, or a bidirectional control.</returns>
    internal static bool NeedsEscape(char c)
        => c < ' ' || (c >= '\u007F' && c <= '\u009F')
           || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
           || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}

using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// Unicode Technical Standard #39 skeletons (section 4, "Confusable Detection") and invisible characters, for
/// CM1013 and CM1014. The skeleton of a text is each code point replaced by its prototype from confusables.txt
/// (Unicode 15.0, embedded as <c>Unicode/confusable-skeletons.txt</c>, one line per code point whose skeleton
/// differs from itself, canonical decompositions included), with default-ignorable code points dropped; two texts
/// with one skeleton look alike. Where this differs from UTS #39's <c>NFD(map(NFD(text)))</c>: combining marks are
/// not put in canonical order across code points (two texts that differ only in the order of stacked marks are not
/// found alike), and invisible characters are dropped rather than kept.
/// </summary>
internal static class ConfusableText
{
    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;

    private static readonly Lazy<FrozenDictionary<int, string>> Table = new(Load);

    /// <summary>Gets the skeleton of a text.</summary>
    public static string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        FrozenDictionary<int, string> table = Table.Value;
        for (int i = 0; i < text.Length;)
        {
            int codePoint = CodePointAt(text, i, out int length);
            i += length;
            if (IsInvisible(codePoint))
            {
                continue;
            }

            if (codePoint is >= HangulFirst and <= HangulLast)
            {
                // Hangul syllables decompose algorithmically (Unicode 15.0, section 3.12) into jamo, which have entries.
                int index = codePoint - HangulFirst;
                Append(builder, table, 0x1100 + (index / 588));
                Append(builder, table, 0x1161 + (index % 588 / 28));
                if (index % 28 != 0)
                {
                    Append(builder, table, 0x11A7 + (index % 28));
                }

                continue;
            }

            Append(builder, table, codePoint);
        }

        return builder.ToString();
    }

    /// <summary>Gets the skeleton of one code point (itself when it has no entry).</summary>
    public static string SkeletonOf(int codePoint) => Table.Value.TryGetValue(codePoint, out string? skeleton) ? skeleton : char.ConvertFromUtf32(codePoint);

    /// <summary>
    /// Whether a code point is invisible: a Default_Ignorable_Code_Point of Unicode 15.0 (zero-width spaces and
    /// joiners, the bidirectional marks, embeddings, overrides and isolates, the soft hyphen, the byte order mark,
    /// variation selectors, tags, fillers…): it takes no room on the screen, yet makes two texts differ.
    /// </summary>
    public static bool IsInvisible(int c) => c switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    /// <summary>
    /// Finds the first invisible character of a text, as a UTF-16 index and code point; -1 when there is none. With
    /// <paramref name="allowJoinersInWords"/>, a zero-width non-joiner or joiner between two letters of which one is
    /// outside Latin is allowed: Persian, Arabic and the Indic scripts spell words with them.
    /// </summary>
    public static int FindInvisible(string text, bool allowJoinersInWords, out int codePoint)
    {
        for (int i = 0; i < text.Length;)
        {
            int c = CodePointAt(text, i, out int length);
            if (IsInvisible(c) && !(allowJoinersInWords && c is 0x200C or 0x200D && InWord(text, i, length)))
            {
                codePoint = c;
                return i;
            }

            i += length;
        }

        codePoint = 0;
        return -1;
    }

    /// <summary>Whether a text has a character outside ASCII.</summary>
    public static bool HasNonAscii(string text) => !Ascii.IsValid(text);

    /// <summary>The name of an invisible character for messages: its Unicode name for the usual ones.</summary>
    public static string Describe(int codePoint)
    {
        string name = codePoint switch
        {
            0x00AD => "SOFT HYPHEN",
            0x034F => "COMBINING GRAPHEME JOINER",
            0x061C => "ARABIC LETTER MARK",
            0x200B => "ZERO WIDTH SPACE",
            0x200C => "ZERO WIDTH NON-JOINER",
            0x200D => "ZERO WIDTH JOINER",
            0x200E => "LEFT-TO-RIGHT MARK",
            0x200F => "RIGHT-TO-LEFT MARK",
            0x202A => "LEFT-TO-RIGHT EMBEDDING",
            0x202B => "RIGHT-TO-LEFT EMBEDDING",
            0x202C => "POP DIRECTIONAL FORMATTING",
            0x202D => "LEFT-TO-RIGHT OVERRIDE",
            0x202E => "RIGHT-TO-LEFT OVERRIDE",
            0x2060 => "WORD JOINER",
            0x2066 => "LEFT-TO-RIGHT ISOLATE",
            0x2067 => "RIGHT-TO-LEFT ISOLATE",
            0x2068 => "FIRST STRONG ISOLATE",
            0x2069 => "POP DIRECTIONAL ISOLATE",
            0xFEFF => "ZERO WIDTH NO-BREAK SPACE",
            _ => "an invisible character",
        };
        return string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4} {name}");
    }

    /// <summary>
    /// A text as a message shows it: invisible characters written as <c>\uXXXX</c>, so that neither a hidden
    /// character nor a bidirectional override acts on the reader's screen.
    /// </summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length;)
        {
            int c = CodePointAt(text, i, out int length);
            if (IsInvisible(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{c:X4}");
            }
            else
            {
                builder.Append(text, i, length);
            }

            i += length;
        }

        return builder.ToString();
    }

    /// <summary>Where two look-alike texts first differ, for messages: "character N is U+XXXX where the other has U+YYYY".</summary>
    public static string FirstDifference(string text, string other)
    {
        int i = 0;
        int position = 1;
        while (i < text.Length && i < other.Length)
        {
            int a = CodePointAt(text, i, out int length);
            int b = CodePointAt(other, i, out int otherLength);
            if (a != b)
            {
                return string.Create(CultureInfo.InvariantCulture, $"character {position} is U+{a:X4} where the other has U+{b:X4}");
            }

            i += length == otherLength ? length : Math.Min(length, otherLength);
            position++;
        }

        return i < text.Length
            ? string.Create(CultureInfo.InvariantCulture, $"it has U+{CodePointAt(text, i, out _):X4} at character {position}, past the other's end")
            : string.Create(CultureInfo.InvariantCulture, $"the other has U+{CodePointAt(other, i, out _):X4} at character {position}, past this one's end");
    }

    private static bool InWord(string text, int index, int length)
    {
        if (index == 0 || index + length >= text.Length)
        {
            return false;
        }

        int before = index - (index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2]) ? 2 : 1);
        int previous = CodePointAt(text, before, out _);
        int next = CodePointAt(text, index + length, out _);
        return IsLetterOrMark(previous) && IsLetterOrMark(next) && (previous > 0x24F || next > 0x24F);
    }

    private static bool IsLetterOrMark(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or
        UnicodeCategory.SpacingCombiningMark;

    private static void Append(StringBuilder builder, FrozenDictionary<int, string> table, int codePoint)
    {
        if (table.TryGetValue(codePoint, out string? skeleton))
        {
            builder.Append(skeleton);
        }
        else if (codePoint > 0xFFFF)
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
        else
        {
            builder.Append((char)codePoint);
        }
    }

    // A lone surrogate (which the reader refuses in ids, but a loaded model may hold) stands for itself.
    private static int CodePointAt(string text, int index, out int length)
    {
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(text[index], text[index + 1]);
        }

        length = 1;
        return text[index];
    }

    private static FrozenDictionary<int, string> Load()
    {
        using Stream stream = typeof(ConfusableText).Assembly.GetManifestResourceStream("ConflictModel.Validation.Rules.Unicode.confusable-skeletons.txt")
            ?? throw new InvalidOperationException("The confusables table is not embedded in ConflictModel.dll.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>(8192);
        var skeleton = new StringBuilder(8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            int codePoint = int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            skeleton.Clear();
            foreach (string part in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                skeleton.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            table[codePoint] = skeleton.ToString();
        }

        return table.ToFrozenDictionary();
    }
}

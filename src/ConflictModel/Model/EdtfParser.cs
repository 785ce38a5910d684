using System;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// Parses EDTF levels 0 and 1 (dates, seasons, qualification, unspecified digits, open and unknown interval
/// ends) from ASCII bytes. Succeeds without allocating; failures say what is wrong in words an editor of the
/// data understands.
/// </summary>
internal static class EdtfParser
{
    /// <summary>The longest text considered; real EDTF level 1 intervals are under 30 characters.</summary>
    public const int MaxLength = 64;

    public static bool TryParse(ReadOnlySpan<byte> text, out EdtfDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (text.IsEmpty)
        {
            error = "it is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"it is longer than {MaxLength} characters";
            return false;
        }

        int slash = text.IndexOf((byte)'/');
        if (slash < 0)
        {
            if (!TryParseDate(text, out PartialDate single, out error))
            {
                return false;
            }

            date = EdtfDate.CreateUnchecked(single, IntervalBound.Known, default, IntervalBound.Known, interval: false);
            return true;
        }

        ReadOnlySpan<byte> startText = text[..slash];
        ReadOnlySpan<byte> endText = text[(slash + 1)..];
        if (endText.Contains((byte)'/'))
        {
            error = "an interval has exactly one '/'";
            return false;
        }

        if (!TryParseEnd(startText, "start", out PartialDate start, out IntervalBound startBound, out error)
            || !TryParseEnd(endText, "end", out PartialDate end, out IntervalBound endBound, out error))
        {
            return false;
        }

        if (startBound != IntervalBound.Known && endBound != IntervalBound.Known)
        {
            error = "at least one end of an interval must be a date";
            return false;
        }

        if (startBound == IntervalBound.Known && endBound == IntervalBound.Known && end.Latest < start.Earliest)
        {
            error = $"the interval ends ({end}) before it starts ({start})";
            return false;
        }

        date = EdtfDate.CreateUnchecked(start, startBound, end, endBound, interval: true);
        return true;
    }

    private static bool TryParseEnd(ReadOnlySpan<byte> text, string which, out PartialDate date, out IntervalBound bound, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (text.IsEmpty)
        {
            bound = IntervalBound.Unknown;
            error = null;
            return true;
        }

        if (text.SequenceEqual(".."u8))
        {
            bound = IntervalBound.Open;
            error = null;
            return true;
        }

        bound = IntervalBound.Known;
        if (!TryParseDate(text, out date, out error))
        {
            error = $"the interval's {which}: {error}";
            return false;
        }

        return true;
    }

    private static bool TryParseDate(ReadOnlySpan<byte> text, out PartialDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        DateQualification qualification = DateQualification.None;
        switch (text[^1])
        {
            case (byte)'?':
                qualification = DateQualification.Uncertain;
                text = text[..^1];
                break;
            case (byte)'~':
                qualification = DateQualification.Approximate;
                text = text[..^1];
                break;
            case (byte)'%':
                qualification = DateQualification.UncertainAndApproximate;
                text = text[..^1];
                break;
        }

        if (text.IndexOfAny("?~%"u8) >= 0)
        {
            error = "qualifying part of a date ('?', '~', '%' inside it) is EDTF level 2, which is not supported; qualify the whole date at its end";
            return false;
        }

        if (text.IsEmpty)
        {
            error = "a qualifier needs a date before it";
            return false;
        }

        if (text[0] == (byte)'Y')
        {
            error = "letter-prefixed years (Y...) lie outside the years -9998 to 9999 that this model supports";
            return false;
        }

        if (text.IndexOfAny("Tt:"u8) >= 0)
        {
            error = "EDTF date-times are not accepted here; record instants in a timestamp field";
            return false;
        }

        bool negative = text[0] == (byte)'-';
        ReadOnlySpan<byte> rest = negative ? text[1..] : text;
        if (rest.Length < 4)
        {
            error = "the year must have four digits";
            return false;
        }

        ReadOnlySpan<byte> yearText = rest[..4];
        rest = rest[4..];
        var unspecified = PartialDate.UnspecifiedDigits.None;
        int year;
        if (IsDigits(yearText))
        {
            year = Number(yearText);
        }
        else if (IsDigits(yearText[..3]) && yearText[3] == (byte)'X')
        {
            unspecified = PartialDate.UnspecifiedDigits.YearLastDigit;
            year = Number(yearText[..3]) * 10;
        }
        else if (IsDigits(yearText[..2]) && yearText[2] == (byte)'X' && yearText[3] == (byte)'X')
        {
            unspecified = PartialDate.UnspecifiedDigits.YearLastTwoDigits;
            year = Number(yearText[..2]) * 100;
        }
        else
        {
            error = yearText.IndexOf((byte)'X') >= 0
                ? "only the last one or two digits of a year may be 'X' at EDTF level 1"
                : "the year must have four digits";
            return false;
        }

        if (negative)
        {
            if (year == 0)
            {
                error = "-0000 is not a year; year zero is written 0000";
                return false;
            }

            if (unspecified != PartialDate.UnspecifiedDigits.None)
            {
                error = "unspecified digits in a negative year are not supported";
                return false;
            }

            year = -year;
        }

        if (year < CalendarSystem.Iso.MinYear)
        {
            error = $"year {year} is before {CalendarSystem.Iso.MinYear}, the earliest supported";
            return false;
        }

        if (rest.IsEmpty)
        {
            date = new PartialDate(year, 0, 0, unspecified, qualification);
            error = null;
            return true;
        }

        if (unspecified != PartialDate.UnspecifiedDigits.None)
        {
            error = "a year with unspecified digits cannot have a month";
            return false;
        }

        if (rest.Length < 3 || rest[0] != (byte)'-')
        {
            error = "after the year comes '-' and a two-digit month";
            return false;
        }

        ReadOnlySpan<byte> monthText = rest.Slice(1, 2);
        rest = rest[3..];
        if (monthText.SequenceEqual("XX"u8))
        {
            if (rest.IsEmpty)
            {
                date = new PartialDate(year, 0, 0, PartialDate.UnspecifiedDigits.Month, qualification);
                error = null;
                return true;
            }

            if (rest.SequenceEqual("-XX"u8))
            {
                date = new PartialDate(year, 0, 0, PartialDate.UnspecifiedDigits.MonthAndDay, qualification);
                error = null;
                return true;
            }

            error = "after an unspecified month ('XX') only an unspecified day ('-XX') may follow at EDTF level 1";
            return false;
        }

        if (!IsDigits(monthText))
        {
            error = $"'{Ascii(monthText)}' is not a two-digit month";
            return false;
        }

        int month = Number(monthText);
        if (month is >= 21 and <= 24)
        {
            if (!rest.IsEmpty)
            {
                error = "a season (21 to 24) cannot have a day";
                return false;
            }

            if (month == (int)Season.Winter && year == CalendarSystem.Iso.MaxYear)
            {
                error = $"winter of {year} runs past the last supported year";
                return false;
            }

            date = new PartialDate(year, month, 0, PartialDate.UnspecifiedDigits.None, qualification);
            error = null;
            return true;
        }

        if (month is < 1 or > 12)
        {
            error = $"month {Ascii(monthText)} does not exist (01 to 12, or a season 21 to 24)";
            return false;
        }

        if (rest.IsEmpty)
        {
            date = new PartialDate(year, month, 0, PartialDate.UnspecifiedDigits.None, qualification);
            error = null;
            return true;
        }

        if (rest.Length != 3 || rest[0] != (byte)'-')
        {
            error = "after the month comes '-' and a two-digit day, and nothing else";
            return false;
        }

        ReadOnlySpan<byte> dayText = rest[1..];
        if (dayText.SequenceEqual("XX"u8))
        {
            date = new PartialDate(year, month, 0, PartialDate.UnspecifiedDigits.Day, qualification);
            error = null;
            return true;
        }

        if (!IsDigits(dayText))
        {
            error = $"'{Ascii(dayText)}' is not a two-digit day";
            return false;
        }

        int day = Number(dayText);
        int daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            error = $"day {Ascii(dayText)} does not exist in {year:D4}-{month:D2}, which has {daysInMonth} days";
            return false;
        }

        date = new PartialDate(year, month, day, PartialDate.UnspecifiedDigits.None, qualification);
        error = null;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte b in digits)
        {
            value = (value * 10) + (b - '0');
        }

        return value;
    }

    private static string Ascii(ReadOnlySpan<byte> text) => System.Text.Encoding.ASCII.GetString(text);
}

using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// A date whose year the report leaves unsaid ("in April", "on 11 October"), written with ISO 8601-2 (EDTF)
/// unspecified year digits: <c>XXXX-04</c>, <c>XXXX-10-11</c>, optionally qualified (<c>XXXX-04~</c>). Without a
/// year it denotes no span of days; <see cref="InYear"/> and <see cref="InferYear"/> give one. The <c>default</c>
/// value is not a date (<see cref="IsDefault"/>). Immutable and thread-safe; equal when the text is equal.
/// </summary>
public readonly struct YearlessDate : IEquatable<YearlessDate>
{
    private readonly byte _month; // 1-12; 0 only in the default value
    private readonly byte _day; // 1-31, 0 when absent
    private readonly byte _qualification;

    private YearlessDate(int month, int day, DateQualification qualification)
    {
        _month = (byte)month;
        _day = (byte)day;
        _qualification = (byte)qualification;
    }

    /// <summary>Gets whether this is the <c>default</c> value, which is not a date.</summary>
    public bool IsDefault => _month == 0;

    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month => _month;

    /// <summary>Gets the day of the month when one is given, else null.</summary>
    public int? Day => _day == 0 ? null : _day;

    /// <summary>Gets whether the date is uncertain or approximate.</summary>
    public DateQualification Qualification => (DateQualification)_qualification;

    /// <summary>Gets how precisely the date is known within its year: <see cref="DatePrecision.Day"/> or <see cref="DatePrecision.Month"/>.</summary>
    public DatePrecision Precision => _day == 0 ? DatePrecision.Month : DatePrecision.Day;

    /// <summary>Creates a month of an unsaid year (<c>XXXX-04</c>).</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The month or qualification is out of range.</exception>
    public static YearlessDate FromMonth(int month, DateQualification qualification = DateQualification.None)
    {
        Guard.Against.OutOfRange(month, nameof(month), 1, 12);
        return new YearlessDate(month, 0, Guard.Against.Undefined(qualification, nameof(qualification)));
    }

    /// <summary>Creates a day of an unsaid year (<c>XXXX-10-11</c>).</summary>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day, which must exist in that month in some year (29 February is allowed).</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The month, day or qualification is out of range.</exception>
    public static YearlessDate FromDay(int month, int day, DateQualification qualification = DateQualification.None)
    {
        Guard.Against.OutOfRange(month, nameof(month), 1, 12);
        Guard.Against.OutOfRange(day, nameof(day), 1, MaxDay(month));
        return new YearlessDate(month, day, Guard.Against.Undefined(qualification, nameof(qualification)));
    }

    /// <summary>Parses the text, throwing on failure.</summary>
    /// <param name="text">The text, such as <c>XXXX-04</c>.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a date with an unspecified year.</exception>
    public static YearlessDate Parse(string text)
    {
        Guard.Against.Null(text);
        return TryParse(text, out YearlessDate date, out string? error)
            ? date
            : throw new FormatException($"'{text}' is not a date with an unspecified year: {error}");
    }

    /// <summary>Parses the text, saying what is wrong on failure.</summary>
    /// <param name="text">The text: <c>XXXX-MM</c> or <c>XXXX-MM-DD</c>, optionally followed by <c>?</c>, <c>~</c> or <c>%</c>.</param>
    /// <param name="date">The date, when the text is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out YearlessDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (!text.StartsWith("XXXX-", StringComparison.Ordinal))
        {
            error = "it must begin with the unspecified year XXXX- (a date whose year is known is an EDTF date)";
            return false;
        }

        ReadOnlySpan<char> rest = text[5..];
        DateQualification qualification = DateQualification.None;
        if (rest.Length > 0 && rest[^1] is '?' or '~' or '%')
        {
            qualification = rest[^1] switch { '?' => DateQualification.Uncertain, '~' => DateQualification.Approximate, _ => DateQualification.UncertainAndApproximate };
            rest = rest[..^1];
        }

        if (!(rest.Length is 2 or 5) || !TwoDigits(rest[..2], out int month) || month is < 1 or > 12)
        {
            error = "the month must be two digits from 01 to 12";
            return false;
        }

        int day = 0;
        if (rest.Length == 5 && (rest[2] != '-' || !TwoDigits(rest[3..], out day) || day < 1 || day > MaxDay(month)))
        {
            error = $"the day must be two digits naming a day of month {month:D2}";
            return false;
        }

        date = new YearlessDate(month, day, qualification);
        error = null;
        return true;
    }

    /// <summary>Gets the date in a given year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The date with that year; null when the day does not exist in it (29 February of a common year).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the ISO calendar's range.</exception>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public PartialDate? InYear(int year)
    {
        ThrowIfDefault();
        Guard.Against.OutOfRange(year, nameof(year), CalendarSystem.Iso.MinYear, CalendarSystem.Iso.MaxYear);
        if (_day == 0)
        {
            return PartialDate.FromMonth(year, _month, Qualification);
        }

        return _day <= CalendarSystem.Iso.GetDaysInMonth(year, _month)
            ? PartialDate.FromDay(new LocalDate(year, _month, _day), Qualification)
            : null;
    }

    /// <summary>
    /// Infers the year from the date of the report that gives this date: the last occurrence that begins on or
    /// before the report's date, as reporting of past events means ("in April", in a report of October 2025, is
    /// April 2025; in a report of 2 April 2025, April 2025 too; in a report of March 2025, April 2024).
    /// </summary>
    /// <param name="reportDate">The report's date.</param>
    /// <returns>The date with the inferred year.</returns>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public PartialDate InferYear(LocalDate reportDate)
    {
        ThrowIfDefault();
        for (int year = reportDate.Year; ; year--)
        {
            if (InYear(year) is { } candidate && candidate.Earliest <= reportDate)
            {
                return candidate;
            }
        }
    }

    /// <summary>Writes the text (<c>XXXX-04</c>, <c>XXXX-10-11~</c>).</summary>
    /// <returns>The text, or an empty string for the <c>default</c> value.</returns>
    public override string ToString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        string text = _day == 0
            ? string.Create(CultureInfo.InvariantCulture, $"XXXX-{_month:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"XXXX-{_month:D2}-{_day:D2}");
        return Qualification switch
        {
            DateQualification.Uncertain => text + "?",
            DateQualification.Approximate => text + "~",
            DateQualification.UncertainAndApproximate => text + "%",
            _ => text,
        };
    }

    /// <inheritdoc/>
    public bool Equals(YearlessDate other) => _month == other._month && _day == other._day && _qualification == other._qualification;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is YearlessDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_month, _day, _qualification);

    /// <summary>Compares two dates for equality of their text.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(YearlessDate left, YearlessDate right) => left.Equals(right);

    /// <summary>Compares two dates for inequality of their text.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(YearlessDate left, YearlessDate right) => !left.Equals(right);

    private static int MaxDay(int month) => month == 2 ? 29 : CalendarSystem.Iso.GetDaysInMonth(2001, month);

    private static bool TwoDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length != 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]))
        {
            return false;
        }

        value = ((text[0] - '0') * 10) + (text[1] - '0');
        return true;
    }

    private void ThrowIfDefault()
    {
        if (IsDefault)
        {
            throw new InvalidOperationException("The default YearlessDate is not a date.");
        }
    }
}

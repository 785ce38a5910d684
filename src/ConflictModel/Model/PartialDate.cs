using System;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// One EDTF (ISO 8601-2) level 0 or 1 date: a day, month, season, year, decade or century, optionally
/// qualified as uncertain or approximate, in the ISO calendar (years -9998 to 9999). It covers the span from
/// <see cref="Earliest"/> to <see cref="Latest"/>, both inclusive. The <c>default</c> value is not a valid date
/// (<see cref="IsDefault"/>). Immutable and thread-safe.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>
{
    private readonly short _year;
    private readonly byte _month; // 1-12, 21-24 for a season, 0 when absent
    private readonly byte _day; // 1-31, 0 when absent
    private readonly UnspecifiedDigits _unspecified;
    private readonly byte _qualification;
    private readonly bool _isValid;

    internal PartialDate(int year, int month, int day, UnspecifiedDigits unspecified, DateQualification qualification)
    {
        _year = (short)year;
        _month = (byte)month;
        _day = (byte)day;
        _unspecified = unspecified;
        _qualification = (byte)qualification;
        _isValid = true;
    }

    /// <summary>Which digits of the written form are <c>X</c> (unspecified), so that the text round-trips.</summary>
    internal enum UnspecifiedDigits : byte
    {
        None,
        YearLastDigit, // 201X
        YearLastTwoDigits, // 20XX
        Month, // 2004-XX
        MonthAndDay, // 2004-XX-XX
        Day, // 2004-06-XX
    }

    /// <summary>Gets whether this is the <c>default</c> value, which is not a date.</summary>
    public bool IsDefault => !_isValid;

    /// <summary>Gets the year as written; for a decade or century, its first year (2010 for <c>201X</c>).</summary>
    public int Year => _year;

    /// <summary>Gets the month (1 to 12) when one is given, else null.</summary>
    public int? Month => _month is >= 1 and <= 12 ? _month : null;

    /// <summary>Gets the day of the month when one is given, else null.</summary>
    public int? Day => _day == 0 ? null : _day;

    /// <summary>Gets the season when the date is one (<c>2025-21</c>), else null.</summary>
    public Season? Season => _month >= 21 ? (Season)_month : null;

    /// <summary>Gets how precisely the date is known.</summary>
    public DatePrecision Precision => _unspecified switch
    {
        UnspecifiedDigits.YearLastDigit => DatePrecision.Decade,
        UnspecifiedDigits.YearLastTwoDigits => DatePrecision.Century,
        UnspecifiedDigits.Month or UnspecifiedDigits.MonthAndDay => DatePrecision.Year,
        UnspecifiedDigits.Day => DatePrecision.Month,
        _ when _day != 0 => DatePrecision.Day,
        _ when _month >= 21 => DatePrecision.Season,
        _ when _month != 0 => DatePrecision.Month,
        _ => DatePrecision.Year,
    };

    /// <summary>Gets the date's qualification.</summary>
    public DateQualification Qualification => (DateQualification)_qualification;

    /// <summary>Gets whether the date is marked uncertain (<c>?</c> or <c>%</c>).</summary>
    public bool IsUncertain => (Qualification & DateQualification.Uncertain) != 0;

    /// <summary>Gets whether the date is marked approximate (<c>~</c> or <c>%</c>).</summary>
    public bool IsApproximate => (Qualification & DateQualification.Approximate) != 0;

    /// <summary>Gets the first day the date covers.</summary>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public LocalDate Earliest
    {
        get
        {
            ThrowIfDefault();
            return Precision switch
            {
                DatePrecision.Day => new LocalDate(_year, _month, _day),
                DatePrecision.Month => new LocalDate(_year, _month, 1),
                DatePrecision.Season => new LocalDate(_year, SeasonFirstMonth((Season)_month), 1),
                _ => new LocalDate(_year, 1, 1),
            };
        }
    }

    /// <summary>Gets the last day the date covers.</summary>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public LocalDate Latest
    {
        get
        {
            ThrowIfDefault();
            switch (Precision)
            {
                case DatePrecision.Day:
                    return new LocalDate(_year, _month, _day);
                case DatePrecision.Month:
                    return LastDayOfMonth(_year, _month);
                case DatePrecision.Season:
                    var season = (Season)_month;
                    return season == Model.Season.Winter
                        ? LastDayOfMonth(_year + 1, 2)
                        : LastDayOfMonth(_year, SeasonFirstMonth(season) + 2);
                case DatePrecision.Decade:
                    return new LocalDate(_year + 9, 12, 31);
                case DatePrecision.Century:
                    return new LocalDate(_year + 99, 12, 31);
                default:
                    return new LocalDate(_year, 12, 31);
            }
        }
    }

    /// <summary>Creates a date known to the day.</summary>
    /// <param name="date">The day, in the ISO calendar.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar, or the qualification is undefined.</exception>
    public static PartialDate FromDay(LocalDate date, DateQualification qualification = DateQualification.None)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("EDTF dates are in the ISO calendar.", nameof(date));
        }

        return new PartialDate(date.Year, date.Month, date.Day, UnspecifiedDigits.None, CheckQualification(qualification));
    }

    /// <summary>Creates a date known to the month.</summary>
    /// <param name="year">The year, -9998 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static PartialDate FromMonth(int year, int month, DateQualification qualification = DateQualification.None)
    {
        CheckYear(year, nameof(year));
        Guard.Against.OutOfRange(month, nameof(month), 1, 12);
        return new PartialDate(year, month, 0, UnspecifiedDigits.None, CheckQualification(qualification));
    }

    /// <summary>Creates a date known to the season.</summary>
    /// <param name="year">The year, -9998 to 9998 (winter runs into the next year).</param>
    /// <param name="season">The season.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The year or season is out of range.</exception>
    public static PartialDate FromSeason(int year, Season season, DateQualification qualification = DateQualification.None)
    {
        CheckYear(year, nameof(year));
        Guard.Against.Undefined(season, nameof(season));
        if (season == Model.Season.Winter && year == CalendarSystem.Iso.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Winter of the last representable year runs past the calendar's end.");
        }

        return new PartialDate(year, (int)season, 0, UnspecifiedDigits.None, CheckQualification(qualification));
    }

    /// <summary>Creates a date known to the year.</summary>
    /// <param name="year">The year, -9998 to 9999.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static PartialDate FromYear(int year, DateQualification qualification = DateQualification.None)
    {
        CheckYear(year, nameof(year));
        return new PartialDate(year, 0, 0, UnspecifiedDigits.None, CheckQualification(qualification));
    }

    /// <summary>Creates a date known to the decade (<c>201X</c>).</summary>
    /// <param name="firstYear">The decade's first year, a multiple of 10 from 0 to 9990.</param>
    /// <param name="qualification">Whether the date is uncertain or approximate.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The year is not a non-negative multiple of 10 in range.</exception>
    public static PartialDate FromDecade(int firstYear, DateQualification qualification = DateQualification.None)
    {
        Guard.Against.OutOfRange(firstYear, nameof(firstYear), 0, 9990);
        if (firstYear % 10 != 0)
        {
            throw new ArgumentException($"A decade starts at a multiple of 10, not {firstYear}.", nameof(firstYear));
        }

        return new PartialDate(firstYear, 0, 0, UnspecifiedDigits.YearLastDigit, CheckQualification(qualification));
    }

    /// <summary>Returns the same date with another qualification.</summary>
    /// <param name="qualification">The new qualification.</param>
    /// <returns>The qualified date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The qualification is undefined.</exception>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public PartialDate WithQualification(DateQualification qualification)
    {
        ThrowIfDefault();
        return new PartialDate(_year, _month, _day, _unspecified, CheckQualification(qualification));
    }

    /// <summary>Gets whether <paramref name="date"/> falls within this date's span.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <see cref="Earliest"/> ≤ date ≤ <see cref="Latest"/>.</returns>
    public bool Contains(LocalDate date) => date >= Earliest && date <= Latest;

    /// <summary>Writes the EDTF form (<c>2025-04</c>, <c>2025-10~</c>, <c>201X</c>).</summary>
    /// <returns>The EDTF text, or an empty string for the <c>default</c> value.</returns>
    public override string ToString()
    {
        if (!_isValid)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(16);
        AppendTo(builder);
        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(PartialDate other)
        => _year == other._year && _month == other._month && _day == other._day && _unspecified == other._unspecified
           && _qualification == other._qualification && _isValid == other._isValid;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_year, _month, _day, _unspecified, _qualification, _isValid);

    /// <summary>Compares two dates for equality of their written form.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Compares two dates for inequality of their written form.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    internal void AppendTo(StringBuilder builder)
    {
        int year = _year;
        if (year < 0)
        {
            builder.Append('-');
            year = -year;
        }

        string digits = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        switch (_unspecified)
        {
            case UnspecifiedDigits.YearLastDigit:
                builder.Append(digits.AsSpan(0, 3)).Append('X');
                break;
            case UnspecifiedDigits.YearLastTwoDigits:
                builder.Append(digits.AsSpan(0, 2)).Append("XX");
                break;
            default:
                builder.Append(digits);
                break;
        }

        switch (_unspecified)
        {
            case UnspecifiedDigits.Month:
                builder.Append("-XX");
                break;
            case UnspecifiedDigits.MonthAndDay:
                builder.Append("-XX-XX");
                break;
            case UnspecifiedDigits.Day:
                AppendTwoDigits(builder, _month).Append("-XX");
                break;
            default:
                if (_month != 0)
                {
                    AppendTwoDigits(builder, _month);
                }

                if (_day != 0)
                {
                    AppendTwoDigits(builder, _day);
                }

                break;
        }

        switch (Qualification)
        {
            case DateQualification.Uncertain:
                builder.Append('?');
                break;
            case DateQualification.Approximate:
                builder.Append('~');
                break;
            case DateQualification.UncertainAndApproximate:
                builder.Append('%');
                break;
        }
    }

    internal static LocalDate LastDayOfMonth(int year, int month)
        => new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    private static StringBuilder AppendTwoDigits(StringBuilder builder, int value)
        => builder.Append('-').Append((char)('0' + (value / 10))).Append((char)('0' + (value % 10)));

    private static int SeasonFirstMonth(Season season) => season switch
    {
        Model.Season.Spring => 3,
        Model.Season.Summer => 6,
        Model.Season.Autumn => 9,
        _ => 12,
    };

    private static void CheckYear(int year, string parameterName)
        => Guard.Against.OutOfRange(year, parameterName, CalendarSystem.Iso.MinYear, CalendarSystem.Iso.MaxYear);

    private static DateQualification CheckQualification(DateQualification qualification)
        => Guard.Against.Undefined(qualification, nameof(qualification));

    private void ThrowIfDefault()
    {
        if (!_isValid)
        {
            throw new InvalidOperationException("The default PartialDate is not a date.");
        }
    }
}

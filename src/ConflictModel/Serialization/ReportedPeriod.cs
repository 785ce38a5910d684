using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using NodaTime;

namespace ConflictModel.Serialization;

/// <summary>
/// The wire form of a reported date's offsets and duration: an ISO 8601 duration in years, months, weeks and days
/// (<c>P1Y2M</c>, <c>P3W</c>, <c>P7D</c>, <c>P0D</c>), whole and non-negative, with an optional leading minus that
/// negates the whole period (<c>-P3M</c>: three months before). One canonical text per value, so a written dataset
/// reads back byte for byte.
/// </summary>
internal static class ReportedPeriod
{
    /// <summary>A pattern for the form, for the JSON Schema.</summary>
    public const string Pattern = "^-?P(?:[0-9]{1,6}Y)?(?:[0-9]{1,6}M)?(?:[0-9]{1,6}W)?(?:[0-9]{1,6}D)?$";

    /// <summary>Parses the text; on failure says what the text should be.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Period? period, [NotNullWhen(false)] out string? error)
    {
        period = null;
        error = "an ISO 8601 duration in whole years, months, weeks and days, such as \"P7D\" or, before the report, \"-P3M\"";
        ReadOnlySpan<char> rest = text;
        bool negative = rest.StartsWith('-');
        if (negative)
        {
            rest = rest[1..];
        }

        if (!rest.StartsWith('P') || rest.Length < 3)
        {
            return false;
        }

        rest = rest[1..];
        int years = 0, months = 0, weeks = 0, days = 0;
        int order = 0;
        while (!rest.IsEmpty)
        {
            int digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits is 0 or > 6 || digits == rest.Length)
            {
                return false;
            }

            int value = int.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            int unit = rest[digits] switch { 'Y' => 1, 'M' => 2, 'W' => 3, 'D' => 4, _ => 0 };
            if (unit <= order)
            {
                return false;
            }

            order = unit;
            switch (unit)
            {
                case 1: years = value; break;
                case 2: months = value; break;
                case 3: weeks = value; break;
                default: days = value; break;
            }

            rest = rest[(digits + 1)..];
        }

        int sign = negative ? -1 : 1;
        period = new PeriodBuilder { Years = sign * years, Months = sign * months, Weeks = sign * weeks, Days = sign * days }.Build();
        error = null;
        return true;
    }

    /// <summary>Writes the canonical text of a date-only period whose units all have one sign.</summary>
    /// <exception cref="System.Text.Json.JsonException">The period has time units or units of both signs.</exception>
    public static string Format(Period period)
    {
        if (period.HasTimeComponent)
        {
            throw new System.Text.Json.JsonException($"The period {period} has time units; the wire form has years, months, weeks and days.");
        }

        int[] units = [period.Years, period.Months, period.Weeks, period.Days];
        bool negative = Array.Exists(units, u => u < 0);
        if (negative && Array.Exists(units, u => u > 0))
        {
            throw new System.Text.Json.JsonException($"The period {period} mixes units before and after; the wire form negates the whole period.");
        }

        var builder = new StringBuilder(negative ? "-P" : "P");
        Append(builder, period.Years, 'Y');
        Append(builder, period.Months, 'M');
        Append(builder, period.Weeks, 'W');
        Append(builder, period.Days, 'D');
        if (builder.Length == (negative ? 2 : 1))
        {
            builder.Append("0D");
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, int value, char unit)
    {
        if (value != 0)
        {
            builder.Append(Math.Abs(value).ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}

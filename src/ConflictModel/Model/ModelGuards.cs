using System;

namespace ConflictModel.Model;

/// <summary>Guards for the model's value types that Ardalis.GuardClauses has no clause for.</summary>
internal static class ModelGuards
{
    public static EdtfDate? NotDefault(EdtfDate? value, string parameterName)
        => value is { IsDefault: true } ? throw new ArgumentException("The default EdtfDate is not a date; use null for unknown.", parameterName) : value;

    public static CountryCode? NotDefault(CountryCode? value, string parameterName)
        => value is { Value: null } ? throw new ArgumentException("The default CountryCode is not a code; use null for unknown.", parameterName) : value;

    /// <summary>Rejects a period that is zero, has a negative unit, or has units below a second (not an ISO 8601 duration of the wire form).</summary>
    public static NodaTime.Period? PositiveDuration(NodaTime.Period? value, string parameterName)
    {
        if (value is not { } period)
        {
            return null;
        }

        bool negative = period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0 || period.Minutes < 0 || period.Seconds < 0;
        if (negative || period.Milliseconds != 0 || period.Ticks != 0 || period.Nanoseconds != 0 || period.Equals(NodaTime.Period.Zero))
        {
            throw new ArgumentOutOfRangeException(parameterName, period, "A duration is positive, in whole seconds or larger units (ISO 8601, such as P7D or PT72H).");
        }

        return period;
    }

    public static long? NotNegative(long? value, string parameterName)
        => value is < 0 ? throw new ArgumentOutOfRangeException(parameterName, value, "A count cannot be negative.") : value;
}

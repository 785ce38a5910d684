using System;

namespace ConflictModel.Model;

/// <summary>Guards for the model's value types that Ardalis.GuardClauses has no clause for.</summary>
internal static class ModelGuards
{
    public static EdtfDate? NotDefault(EdtfDate? value, string parameterName)
        => value is { IsDefault: true } ? throw new ArgumentException("The default EdtfDate is not a date; use null for unknown.", parameterName) : value;

    public static CountryCode? NotDefault(CountryCode? value, string parameterName)
        => value is { Value: null } ? throw new ArgumentException("The default CountryCode is not a code; use null for unknown.", parameterName) : value;

    public static long? NotNegative(long? value, string parameterName)
        => value is < 0 ? throw new ArgumentOutOfRangeException(parameterName, value, "A count cannot be negative.") : value;
}

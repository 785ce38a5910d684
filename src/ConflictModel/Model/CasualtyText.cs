using System.Globalization;

namespace ConflictModel.Model;

/// <summary>Casualty counts in words, for the model's <c>ToString</c>: culture-invariant, with thousands separators.</summary>
internal static class CasualtyText
{
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A maximum in words: <see cref="long.MaxValue"/> is the open bound's sentinel, "no upper bound".</summary>
    public static string Maximum(long value) => value == long.MaxValue ? "no upper bound" : Number(value);

    /// <summary>A range in words: one number when both ends are the same, else "min to max".</summary>
    public static string Range(long minimum, long maximum) => minimum == maximum ? Number(minimum) : $"{Number(minimum)} to {Maximum(maximum)}";
}

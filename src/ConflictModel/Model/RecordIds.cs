using System;

namespace ConflictModel.Model;

/// <summary>The rules every record id's text follows, whatever its kind.</summary>
public static class RecordIds
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// Returns whether <paramref name="value"/> is a valid id: 1 to <see cref="MaxLength"/> characters, no white
    /// space or control characters at either end, and no control characters anywhere.
    /// </summary>
    /// <param name="value">The candidate id text.</param>
    /// <returns><see langword="true"/> when the text can be an id.</returns>
    public static bool IsValid(ReadOnlySpan<char> value) => Describe(value) is null;

    /// <summary>Throws when <paramref name="value"/> is not a valid id; returns it otherwise.</summary>
    internal static string Check(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        string? problem = Describe(value);
        if (problem is not null)
        {
            throw new ArgumentException($"'{value}' is not a valid id: {problem}.", parameterName);
        }

        return value;
    }

    /// <summary>Says what is wrong with an id's text, or null when nothing is.</summary>
    internal static string? Describe(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return "it is empty";
        }

        if (value.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "it starts or ends with white space";
        }

        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        return null;
    }
}

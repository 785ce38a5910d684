using System;

namespace ConflictModel.Model;

/// <summary>
/// An ISO 3166-1 alpha-3 country code such as <c>PAK</c> or <c>AFG</c>. The model checks only the shape (three
/// upper-case ASCII letters); whether a code is assigned by ISO is a validation rule's business, since data
/// carries user-assigned codes such as <c>XKX</c>. Serialized as a JSON string.
/// </summary>
public readonly record struct CountryCode
{
    /// <summary>Creates a code.</summary>
    /// <param name="value">Three upper-case ASCII letters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not three upper-case ASCII letters.</exception>
    public CountryCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"'{value}' is not an ISO 3166-1 alpha-3 code (three upper-case letters A-Z).", nameof(value));
        }

        Value = value;
    }

    /// <summary>Gets the three-letter code; null only for the <c>default</c> value.</summary>
    public string Value { get; }

    /// <summary>Returns whether <paramref name="value"/> has the shape of an alpha-3 code.</summary>
    /// <param name="value">The candidate text.</param>
    /// <returns><see langword="true"/> for three upper-case ASCII letters.</returns>
    public static bool IsWellFormed(ReadOnlySpan<char> value)
        => value.Length == 3 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && char.IsAsciiLetterUpper(value[2]);

    /// <summary>Returns the code.</summary>
    /// <returns>The code, or an empty string for the default value.</returns>
    public override string ToString() => Value ?? string.Empty;
}

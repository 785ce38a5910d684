using System;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The wire names of an enumeration: camelCase, as the serializer's converter writes them. An enum's
/// <c>Unspecified</c> member (its zero value, the default of an unset field) has no wire name: it is not among
/// <see cref="Values"/>, <see cref="Names"/> or <see cref="Expected"/>, so it is never read and never offered.
/// </summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The name of the zero member that means "not set" in the model's enums.</summary>
    public const string UnspecifiedName = "Unspecified";

    /// <summary>Whether the enum has an <c>Unspecified = 0</c> member.</summary>
    public static readonly bool HasUnspecified = Enum.IsDefined(default(TEnum)) && Enum.GetName(default(TEnum)) == UnspecifiedName;

    public static readonly TEnum[] Values = Array.FindAll(Enum.GetValues<TEnum>(), v => !IsUnspecified(v));

    public static readonly string[] Names = Array.ConvertAll(Values, v => JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(v)!));

    public static readonly byte[][] Utf8 = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);

    public static readonly string Expected = string.Join(", ", Names);

    /// <summary>The enumeration's name in words: <c>ActorKind</c> is "actor kind".</summary>
    public static readonly string DisplayName = Words(typeof(TEnum).Name);

    /// <summary>Whether a value is the enum's <c>Unspecified</c> member.</summary>
    public static bool IsUnspecified(TEnum value) => HasUnspecified && value.Equals(default(TEnum));

    /// <summary>The wire name of a member; <c>unspecified</c> for the member that has none (for messages only).</summary>
    public static string NameOf(TEnum value)
    {
        int index = Array.IndexOf(Values, value);
        return index >= 0 ? Names[index] : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    private static string Words(string name)
    {
        var builder = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

using System;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>The wire names of an enumeration: camelCase, as the serializer's converter writes them.</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    public static readonly string[] Names = Array.ConvertAll(Enum.GetNames<TEnum>(), n => JsonNamingPolicy.CamelCase.ConvertName(n));

    public static readonly byte[][] Utf8 = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);

    public static readonly string Expected = string.Join(", ", Names);

    /// <summary>The enumeration's name in words: <c>ActorKind</c> is "actor kind".</summary>
    public static readonly string DisplayName = Words(typeof(TEnum).Name);

    public static string NameOf(TEnum value) => Names[Array.IndexOf(Values, value)];

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

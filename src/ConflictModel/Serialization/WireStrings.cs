using System;
using System.Text.Json;
using System.Text.Unicode;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Repeated short strings read by the serializer's converters (ids named by every reference, country codes), pooled
/// per thread in small bounded tables so that a repeat costs no allocation and deserialized records share one string
/// per value. Ids enter the pool only once checked, so a pooled id need not be checked again.
/// </summary>
internal static class WireStrings
{
    private const int MaxPooledBytes = 64;
    private const int Capacity = 16 * 1024;

    [ThreadStatic]
    private static StringPool? t_ids;

    [ThreadStatic]
    private static StringPool? t_texts;

    /// <summary>Reads an id's text; <paramref name="known"/> when it is one already checked and pooled.</summary>
    public static string ReadId(ref Utf8JsonReader reader, out bool known)
    {
        known = false;
        Span<char> chars = stackalloc char[MaxPooledBytes];
        if (!TryDecode(ref reader, chars, out int count))
        {
            return reader.GetString()!;
        }

        StringPool pool = t_ids ??= new StringPool(Capacity);
        if (pool.TryGet(chars[..count], out string? pooled))
        {
            known = true;
            return pooled!;
        }

        return chars[..count].ToString();
    }

    /// <summary>Remembers an id that was checked and found valid.</summary>
    public static void RememberId(string id)
    {
        if (id.Length <= MaxPooledBytes)
        {
            (t_ids ??= new StringPool(Capacity)).Add(id);
        }
    }

    /// <summary>Reads a string, pooled when short.</summary>
    public static string ReadText(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[MaxPooledBytes];
        return TryDecode(ref reader, chars, out int count)
            ? (t_texts ??= new StringPool(Capacity)).Get(chars[..count])
            : reader.GetString()!;
    }

    /// <summary>Decodes a short unescaped string token; false for anything else, which <see cref="Utf8JsonReader.GetString"/> handles (and rejects when it is not UTF-8).</summary>
    private static bool TryDecode(ref Utf8JsonReader reader, scoped Span<char> chars, out int count)
    {
        count = 0;
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > chars.Length)
        {
            return false;
        }

        return Utf8.ToUtf16(raw, chars, out _, out count, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
    }
}

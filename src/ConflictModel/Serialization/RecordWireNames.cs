using System;
using System.Collections.Generic;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The one table of record kinds, their model types and their wire names (the JSON Lines <c>type</c> discriminator,
/// and the schema's definition names): every reader, writer and the schema export look names up here, so a new kind
/// is added in one place and an unknown name is never silently taken for some other kind.
/// </summary>
internal static class RecordWireNames
{
    /// <summary>Every record kind, in the order of the document form's arrays.</summary>
    public static IReadOnlyList<(RecordKind Kind, Type Type, string Name)> All { get; } =
    [
        (RecordKind.Source, typeof(Source), "source"),
        (RecordKind.Actor, typeof(Actor), "actor"),
        (RecordKind.Event, typeof(Event), "event"),
        (RecordKind.CasualtyEstimate, typeof(CasualtyEstimate), "casualtyEstimate"),
        (RecordKind.Attribution, typeof(Attribution), "attribution"),
        (RecordKind.Claim, typeof(Claim), "claim"),
        (RecordKind.Ceasefire, typeof(Ceasefire), "ceasefire"),
        (RecordKind.Mediation, typeof(Mediation), "mediation"),
        (RecordKind.Agreement, typeof(Agreement), "agreement"),
    ];

    /// <summary>The UTF-8 wire names, index for index with <see cref="All"/>.</summary>
    public static IReadOnlyList<byte[]> Utf8Names { get; } = [.. EnumerateUtf8()];

    /// <summary>Gets the wire name of a kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public static string NameOf(RecordKind kind)
    {
        foreach ((RecordKind k, _, string name) in All)
        {
            if (k == kind)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind.");
    }

    /// <summary>Gets the wire name of a model type: a record type's, <c>dataset</c> for <see cref="Dataset"/>, else null.</summary>
    public static string? NameOf(Type type)
    {
        if (type == typeof(Dataset))
        {
            return ConflictJsonSerializer.HeaderType;
        }

        foreach ((_, Type t, string name) in All)
        {
            if (t == type)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Finds the kind a wire name stands for (exact, case-sensitive).</summary>
    public static bool TryGetKind(string name, out RecordKind kind)
    {
        foreach ((RecordKind k, _, string n) in All)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static IEnumerable<byte[]> EnumerateUtf8()
    {
        foreach ((_, _, string name) in All)
        {
            yield return Encoding.UTF8.GetBytes(name);
        }
    }
}

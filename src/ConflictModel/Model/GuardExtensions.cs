using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>Guard clauses of the model's own, in the style of Ardalis.GuardClauses.</summary>
internal static class GuardExtensions
{
    /// <summary>Normalizes a default array to empty and rejects null elements.</summary>
    public static ImmutableArray<T> NullItems<T>(this IGuardClause guardClause, ImmutableArray<T> input, string parameterName)
    {
        _ = guardClause;
        if (input.IsDefault)
        {
            return ImmutableArray<T>.Empty;
        }

        for (int i = 0; i < input.Length; i++)
        {
            if (input[i] is null)
            {
                throw new ArgumentException($"Element {i} of {parameterName} is null.", parameterName);
            }
        }

        return input;
    }

    /// <summary>Normalizes a default array to empty and rejects null, empty or white-space elements.</summary>
    public static ImmutableArray<string> BlankItems(this IGuardClause guardClause, ImmutableArray<string> input, string parameterName)
    {
        _ = guardClause;
        if (input.IsDefault)
        {
            return ImmutableArray<string>.Empty;
        }

        for (int i = 0; i < input.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(input[i]))
            {
                throw new ArgumentException($"Element {i} of {parameterName} is null, empty or white space.", parameterName);
            }
        }

        return input;
    }

    /// <summary>Rejects a string that is present but empty or white space; null (absent) is allowed.</summary>
    public static string? Blank(this IGuardClause guardClause, string? input, string parameterName)
    {
        _ = guardClause;
        if (input is not null && string.IsNullOrWhiteSpace(input))
        {
            throw new ArgumentException($"{parameterName} is empty or white space; leave it absent (null) when unknown.", parameterName);
        }

        return input;
    }

    /// <summary>
    /// Rejects an enum value that is not one of the enum's named members, or is its <c>Unspecified</c> member (the
    /// zero value of the model's enums, which stands for a field never set, never for a value).
    /// </summary>
    public static TEnum Undefined<TEnum>(this IGuardClause guardClause, TEnum input, string parameterName)
        where TEnum : struct, Enum
    {
        _ = guardClause;
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(parameterName, input, $"{input} is not a defined {typeof(TEnum).Name}.");
        }

        // EqualityComparer, not input.Equals(default): Enum.Equals(object) boxes both values, once for every enum member
        // of every record built (about 95 bytes a GED-shaped record, measured with an allocation listener).
        if (EqualityComparer<TEnum>.Default.Equals(input, default) && Enum.GetName(input) == "Unspecified")
        {
            throw new ArgumentOutOfRangeException(parameterName, input, $"{typeof(TEnum).Name}.Unspecified is the value of a field never set; say which {typeof(TEnum).Name} it is.");
        }

        return input;
    }

    /// <summary>Rejects a nullable enum value that is present but not a named member.</summary>
    public static TEnum? Undefined<TEnum>(this IGuardClause guardClause, TEnum? input, string parameterName)
        where TEnum : struct, Enum
        => input is { } value ? guardClause.Undefined(value, parameterName) : null;

    /// <summary>Rejects a strongly typed id that is the default (empty) value.</summary>
    public static TId DefaultId<TId>(this IGuardClause guardClause, TId input, string parameterName)
        where TId : struct, IRecordId<TId>
    {
        _ = guardClause;
        if (input.Value is null)
        {
            throw new ArgumentException($"{parameterName} is the default (empty) {typeof(TId).Name}.", parameterName);
        }

        return input;
    }

    /// <summary>Rejects a nullable id that is present but the default (empty) value.</summary>
    public static TId? DefaultId<TId>(this IGuardClause guardClause, TId? input, string parameterName)
        where TId : struct, IRecordId<TId>
        => input is { } value ? guardClause.DefaultId(value, parameterName) : null;

    /// <summary>Rejects ids in an array that are the default (empty) value, normalizing default arrays to empty.</summary>
    public static ImmutableArray<TId> DefaultIds<TId>(this IGuardClause guardClause, ImmutableArray<TId> input, string parameterName)
        where TId : struct, IRecordId<TId>
    {
        _ = guardClause;
        if (input.IsDefault)
        {
            return ImmutableArray<TId>.Empty;
        }

        for (int i = 0; i < input.Length; i++)
        {
            if (input[i].Value is null)
            {
                throw new ArgumentException($"Element {i} of {parameterName} is the default (empty) {typeof(TId).Name}.", parameterName);
            }
        }

        return input;
    }
}

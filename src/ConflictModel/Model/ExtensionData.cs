using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Members of a record that this version of the model does not know, kept so that reading and writing a
/// dataset never drops data. Each member is its name and its value as raw, minified JSON text, in the order it
/// was read. Immutable; equal when the same members hold the same text in the same order.
/// </summary>
public sealed class ExtensionData : IEquatable<ExtensionData>, IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly ImmutableArray<KeyValuePair<string, string>> _members;

    private ExtensionData(ImmutableArray<KeyValuePair<string, string>> members) => _members = members;

    /// <summary>Gets the extension data with no members.</summary>
    public static ExtensionData Empty { get; } = new(ImmutableArray<KeyValuePair<string, string>>.Empty);

    /// <summary>Gets the number of members.</summary>
    public int Count => _members.Length;

    /// <summary>Gets whether there are no members.</summary>
    public bool IsEmpty => _members.IsEmpty;

    /// <summary>Gets the member at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based position.</param>
    public KeyValuePair<string, string> this[int index] => _members[index];

    /// <summary>Creates extension data from members, keeping their order.</summary>
    /// <param name="members">Member names with their raw JSON values. Names must be unique.</param>
    /// <returns>The extension data.</returns>
    /// <exception cref="ArgumentException">A name is null or repeated, or a value is null or empty.</exception>
    public static ExtensionData Create(IEnumerable<KeyValuePair<string, string>> members)
    {
        Guard.Against.Null(members);
        ImmutableArray<KeyValuePair<string, string>> array = [.. members];
        if (array.IsEmpty)
        {
            return Empty;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> member in array)
        {
            if (member.Key is null || !seen.Add(member.Key))
            {
                throw new ArgumentException($"Extension member name '{member.Key}' is null or repeated.", nameof(members));
            }

            if (string.IsNullOrWhiteSpace(member.Value))
            {
                throw new ArgumentException($"Extension member '{member.Key}' has no value.", nameof(members));
            }
        }

        return new ExtensionData(array);
    }

    /// <summary>Looks a member up by name.</summary>
    /// <param name="name">The member's name (ordinal).</param>
    /// <param name="rawJson">The member's raw JSON value when found.</param>
    /// <returns>Whether the member exists.</returns>
    public bool TryGetValue(string name, out string rawJson)
    {
        foreach (KeyValuePair<string, string> member in _members)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                rawJson = member.Value;
                return true;
            }
        }

        rawJson = string.Empty;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(ExtensionData? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_members.Length != other._members.Length)
        {
            return false;
        }

        for (int i = 0; i < _members.Length; i++)
        {
            if (!string.Equals(_members[i].Key, other._members[i].Key, StringComparison.Ordinal)
                || !string.Equals(_members[i].Value, other._members[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ExtensionData);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (KeyValuePair<string, string> member in _members)
        {
            hash.Add(member.Key, StringComparer.Ordinal);
            hash.Add(member.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_members).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Lists the member names.</summary>
    /// <returns>The names, comma-separated.</returns>
    public override string ToString() => Count == 0 ? "(none)" : string.Join(", ", _members.Select(m => m.Key));
}

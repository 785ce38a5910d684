using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace ConflictModel.Model;

/// <summary>
/// Backing storage for the model's <see cref="ImmutableArray{T}"/> properties. <see cref="ImmutableArray{T}"/>
/// compares by reference; records store their collections in this wrapper so that the compiler-generated
/// record equality compares them element by element.
/// </summary>
internal readonly struct ValueArray<T> : IEquatable<ValueArray<T>>
{
    public ValueArray(ImmutableArray<T> items) => Items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    public ImmutableArray<T> Items { get; }

    public bool Equals(ValueArray<T> other)
    {
        ImmutableArray<T> left = Items.IsDefault ? ImmutableArray<T>.Empty : Items;
        ImmutableArray<T> right = other.Items.IsDefault ? ImmutableArray<T>.Empty : other.Items;
        if (left.Length != right.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        if (!Items.IsDefault)
        {
            foreach (T item in Items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }
}

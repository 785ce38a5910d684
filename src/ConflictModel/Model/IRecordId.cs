using System;

namespace ConflictModel.Model;

/// <summary>
/// A strongly typed identifier of one kind of record. Ids are case-sensitive strings, unique within a dataset
/// per record kind, compared ordinally. The <c>default</c> value of an id type has a null <see cref="Value"/> and
/// is rejected wherever an id is required.
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IRecordId<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IRecordId<TSelf>
{
    /// <summary>Gets the id's text; null only for the <c>default</c> value.</summary>
    string Value { get; }

    /// <summary>Gets the kind of record this id identifies.</summary>
    static abstract RecordKind Kind { get; }

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id's text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id (see <see cref="RecordIds.IsValid"/>).</exception>
    static abstract TSelf Create(string value);
}

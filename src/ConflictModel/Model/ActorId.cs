using System;

namespace ConflictModel.Model;

/// <summary>Identifies an <see cref="Actor"/> within a dataset. Serialized as a JSON string.</summary>
public readonly record struct ActorId : IRecordId<ActorId>
{
    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id's text (see <see cref="RecordIds.IsValid"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public ActorId(string value) => Value = RecordIds.Check(value, nameof(value));

    /// <inheritdoc/>
    public string Value { get; }

    /// <inheritdoc/>
    public static RecordKind Kind => RecordKind.Actor;

    /// <inheritdoc/>
    public static ActorId Create(string value) => new(value);

    /// <summary>Converts text to an id.</summary>
    /// <param name="value">The id's text.</param>
    public static explicit operator ActorId(string value) => new(value);

    /// <summary>Returns the id's text, or an empty string for the default value.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

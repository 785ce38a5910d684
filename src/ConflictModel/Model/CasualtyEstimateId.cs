using System;

namespace ConflictModel.Model;

/// <summary>Identifies a <see cref="CasualtyEstimate"/> within a dataset. Serialized as a JSON string.</summary>
public readonly record struct CasualtyEstimateId : IRecordId<CasualtyEstimateId>
{
    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id's text (see <see cref="RecordIds.IsValid"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id.</exception>
    public CasualtyEstimateId(string value) => Value = RecordIds.Check(value, nameof(value));

    /// <inheritdoc/>
    public string Value { get; }

    /// <inheritdoc/>
    public static RecordKind Kind => RecordKind.CasualtyEstimate;

    /// <inheritdoc/>
    public static CasualtyEstimateId Create(string value) => new(value);

    /// <summary>Converts text to an id.</summary>
    /// <param name="value">The id's text.</param>
    public static explicit operator CasualtyEstimateId(string value) => new(value);

    /// <summary>Returns the id's text, or an empty string for the default value.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value ?? string.Empty;
}

using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// An identifier of the same thing in another dataset, such as a UCDP actor id (<c>ucdp-actor</c>,
/// <c>218</c>) or an ACLED event id, so that records can be traced back to their origin.
/// </summary>
public sealed record ExternalIdentifier : ExtensibleRecord
{
    private readonly string _scheme = string.Empty;
    private readonly string _value = string.Empty;

    /// <summary>Creates an external identifier.</summary>
    /// <param name="scheme">The identifier scheme, such as <c>ucdp-ged</c>, <c>ucdp-actor</c>, <c>ucdp-pad</c>, <c>acled</c>, <c>wikidata</c>.</param>
    /// <param name="value">The identifier within that scheme.</param>
    /// <exception cref="System.ArgumentException">A text is null, empty or white space.</exception>
    public ExternalIdentifier(string scheme, string value)
    {
        Scheme = scheme;
        Value = value;
    }

    /// <summary>Gets the identifier scheme.</summary>
    public string Scheme { get => _scheme; init => _scheme = Guard.Against.NullOrWhiteSpace(value, nameof(Scheme)); }

    /// <summary>Gets the identifier within the scheme.</summary>
    public string Value { get => _value; init => _value = Guard.Against.NullOrWhiteSpace(value, nameof(Value)); }
}

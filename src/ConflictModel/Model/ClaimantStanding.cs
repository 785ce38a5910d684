namespace ConflictModel.Model;

/// <summary>
/// Whether a casualty estimate or claim comes from a party to the events it is about or from a third party,
/// derived from the records by <see cref="ClaimantStandings"/>.
/// </summary>
public enum ClaimantStanding
{
    /// <summary>
    /// Not a value: the default of a field that was never set. <see cref="ClaimantStandings"/> never returns it.
    /// </summary>
    Unspecified = 0,

    /// <summary>Not known: the record names no claimant, or what it is about names no parties.</summary>
    Unknown,

    /// <summary>The claimant is one of the parties, or belongs to the same actor as one (<see cref="Actor.AffiliatedWith"/>).</summary>
    Party,

    /// <summary>The claimant is none of the parties and belongs to none of them.</summary>
    ThirdParty,
}

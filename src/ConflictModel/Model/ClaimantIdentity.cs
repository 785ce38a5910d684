namespace ConflictModel.Model;

/// <summary>How far a report identifies who makes a <see cref="Claim"/>.</summary>
public enum ClaimantIdentity
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>The report names the claimant ("Khawaja Asif remarked", "the Taliban government claims").</summary>
    Named,

    /// <summary>
    /// The report identifies the claimant only by affiliation or office, not by name ("according to Pakistani
    /// sources", "officials said"): the claim's <see cref="Claim.Claimant"/> is the actor they belong to or speak for.
    /// </summary>
    Unnamed,

    /// <summary>
    /// The report does not say who makes the claim ("according to reports", "it is claimed"): the claim's
    /// <see cref="Claim.Claimant"/> is the actor the editor takes the claim to come from, and nothing more is known.
    /// </summary>
    Unattributed,
}

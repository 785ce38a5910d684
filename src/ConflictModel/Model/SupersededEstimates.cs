using System.Collections.Generic;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// The casualty estimates their claimants have replaced. An estimate is superseded when at least one claim asserts it
/// and every claim that asserts it is superseded (<see cref="Claim.Supersedes"/>) by a claim of the same claimant: a
/// revised figure, a retraction. A superseded figure stays in the dataset as what was said, but it is no longer anyone's
/// figure, so it contradicts nothing (<c>CM2008</c>, <see cref="CasualtyEnvelope.GroupsOf"/>, <c>conflictmodel stats</c>).
/// A claim naming another claimant's claim in <see cref="Claim.Supersedes"/> replaces nothing (CM5005 reports it).
/// Built from claims one at a time, in any order, keeping only ids. Not thread-safe.
/// </summary>
public sealed class SupersededEstimates
{
    private readonly Dictionary<CasualtyEstimateId, List<(ClaimId Claim, ActorId Claimant)>> _asserted = [];
    private readonly HashSet<(ClaimId Claim, ActorId Claimant)> _replaced = [];

    /// <summary>Takes a claim into account: what it asserts, and what it supersedes.</summary>
    /// <param name="claim">The claim.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="claim"/> is null.</exception>
    public void Add(Claim claim)
    {
        Guard.Against.Null(claim);
        if (claim.Stance == ClaimStance.Asserts && claim.Subject.CasualtyEstimate is { } estimate)
        {
            if (!_asserted.TryGetValue(estimate, out List<(ClaimId, ActorId)>? claims))
            {
                _asserted[estimate] = claims = [];
            }

            claims.Add((claim.Id, claim.Claimant));
        }

        if (claim.Supersedes is { } replaced && replaced != claim.Id)
        {
            _replaced.Add((replaced, claim.Claimant));
        }
    }

    /// <summary>Gets whether an estimate is superseded: asserted, and only by claims their claimants have replaced.</summary>
    /// <param name="estimate">The estimate's id.</param>
    /// <returns>True when it is superseded.</returns>
    public bool Contains(CasualtyEstimateId estimate)
        => _asserted.TryGetValue(estimate, out List<(ClaimId Claim, ActorId Claimant)>? claims) && claims.TrueForAll(_replaced.Contains);

    /// <summary>Gets the estimates the given claims supersede.</summary>
    /// <param name="claims">The claims (of one dataset).</param>
    /// <returns>The superseded estimates.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="claims"/> is null or contains null.</exception>
    public static SupersededEstimates Of(IEnumerable<Claim> claims)
    {
        Guard.Against.Null(claims);
        var superseded = new SupersededEstimates();
        foreach (Claim claim in claims)
        {
            superseded.Add(claim);
        }

        return superseded;
    }
}

using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Two or more casualty estimates that count the same people, with what they say together: one contested figure.
/// Made by <see cref="CasualtyEnvelope.GroupsOf"/>. Immutable; equal when the estimates, in order, and the envelope are.
/// </summary>
public sealed record CasualtyEstimateGroup
{
    private readonly ValueArray<CasualtyEstimate> _estimates;

    /// <summary>Creates a group.</summary>
    /// <param name="estimates">The estimates, all of one population.</param>
    /// <param name="envelope">Their envelope (<see cref="CasualtyEnvelope.Of"/>).</param>
    /// <exception cref="System.ArgumentException">An argument is null, or the estimates are empty or contain null.</exception>
    public CasualtyEstimateGroup(ImmutableArray<CasualtyEstimate> estimates, CasualtyEnvelope envelope)
    {
        Guard.Against.NullOrEmpty(estimates, nameof(estimates));
        _estimates = new(Guard.Against.NullItems(estimates, nameof(estimates)));
        Envelope = Guard.Against.Null(envelope);
    }

    /// <summary>Gets the estimates, in the dataset's order.</summary>
    public ImmutableArray<CasualtyEstimate> Estimates => _estimates.Items;

    /// <summary>Gets what the estimates say together.</summary>
    public CasualtyEnvelope Envelope { get; }

    /// <summary>Gets whether no single count satisfies every estimate.</summary>
    public bool IsContradictory => Envelope.IsContradictory;

    /// <summary>Gets the population counted (from the first estimate; all count the same).</summary>
    public CasualtyPopulation Population => Estimates[0].Population;

    /// <summary>Gets the side whose people are counted, if the estimates say.</summary>
    public ActorId? Side => Estimates[0].Side;

    /// <summary>Gets the category of people counted, if the estimates say.</summary>
    public CasualtyCategory? Category => Estimates[0].Category;

    /// <summary>Returns the group in words: who is counted, then each estimate's figure, then the envelope.</summary>
    /// <returns>The group in words.</returns>
    public override string ToString()
    {
        string who = Side is { } side ? $" of {side}" : string.Empty;
        string category = Category is { } c ? $" ({c})" : string.Empty;
        return $"{Population}{who}{category}: {string.Join("; ", Estimates.Select(e => $"{e.Id}: {e.Figure}"))} — {Envelope}";
    }
}

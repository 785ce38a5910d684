using System;
using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Says whether a casualty estimate or a claim comes from a party to the events it is about or from a third party
/// (<see cref="ClaimantStanding"/>), from the records alone. The parties are: for an estimate, the side whose
/// casualties it counts and the participants of its event other than facilitators; for a claim, those of the estimate
/// it is about, the participants of the event it is about, or the accused and the event's participants of the
/// attribution it is about. The claimant is a party when it is one of them, or when it and one of them belong to the
/// same actor through <see cref="Actor.AffiliatedWith"/> (Pakistan claiming for the Pakistani armed forces, its
/// defence minister for Pakistan). Build one per dataset with <see cref="For"/>; thread-safe once built.
/// </summary>
public sealed class ClaimantStandings
{
    private const int MaxAffiliationDepth = 64;

    private readonly Func<ActorId, ActorId?> _affiliationOf;
    private readonly Func<EventId, Event?> _findEvent;
    private readonly Func<CasualtyEstimateId, CasualtyEstimate?> _findEstimate;
    private readonly Func<AttributionId, Attribution?> _findAttribution;

    /// <summary>Creates the judgement over lookups of the records it needs.</summary>
    /// <param name="affiliationOf">Gets the actor an actor is affiliated with (<see cref="Actor.AffiliatedWith"/>), or null.</param>
    /// <param name="findEvent">Finds an event by id, or null.</param>
    /// <param name="findEstimate">Finds a casualty estimate by id, or null.</param>
    /// <param name="findAttribution">Finds an attribution by id, or null.</param>
    /// <exception cref="ArgumentNullException">A lookup is null.</exception>
    public ClaimantStandings(
        Func<ActorId, ActorId?> affiliationOf,
        Func<EventId, Event?> findEvent,
        Func<CasualtyEstimateId, CasualtyEstimate?> findEstimate,
        Func<AttributionId, Attribution?> findAttribution)
    {
        _affiliationOf = Guard.Against.Null(affiliationOf);
        _findEvent = Guard.Against.Null(findEvent);
        _findEstimate = Guard.Against.Null(findEstimate);
        _findAttribution = Guard.Against.Null(findAttribution);
    }

    /// <summary>Creates the judgement over a dataset's records (the first record of each id counts).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The judgement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static ClaimantStandings For(Dataset dataset)
    {
        Guard.Against.Null(dataset);
        var affiliations = new Dictionary<ActorId, ActorId?>();
        foreach (Actor actor in dataset.Actors)
        {
            affiliations.TryAdd(actor.Id, actor.AffiliatedWith);
        }

        var events = new Dictionary<EventId, Event>();
        foreach (Event e in dataset.Events)
        {
            events.TryAdd(e.Id, e);
        }

        var estimates = new Dictionary<CasualtyEstimateId, CasualtyEstimate>();
        foreach (CasualtyEstimate estimate in dataset.CasualtyEstimates)
        {
            estimates.TryAdd(estimate.Id, estimate);
        }

        var attributions = new Dictionary<AttributionId, Attribution>();
        foreach (Attribution attribution in dataset.Attributions)
        {
            attributions.TryAdd(attribution.Id, attribution);
        }

        return new ClaimantStandings(
            id => affiliations.GetValueOrDefault(id),
            id => events.GetValueOrDefault(id),
            id => estimates.GetValueOrDefault(id),
            id => attributions.GetValueOrDefault(id));
    }

    /// <summary>Gets the parties to an event: its participants other than facilitators.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The parties, each once, in the order the event lists them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public static IEnumerable<ActorId> PartiesTo(Event @event)
        => Guard.Against.Null(@event).Participants.Where(p => p.Role != ParticipantRole.Facilitator).Select(p => p.Actor).Distinct();

    /// <summary>Gets the parties to what an estimate counts: its side and the parties to its event.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The parties, each once; empty when neither is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    public IEnumerable<ActorId> PartiesTo(CasualtyEstimate estimate)
    {
        Guard.Against.Null(estimate);
        IEnumerable<ActorId> side = estimate.Side is { } s ? [s] : [];
        IEnumerable<ActorId> fromEvent = estimate.Event is { } id && _findEvent(id) is { } e ? PartiesTo(e) : [];
        return side.Concat(fromEvent).Distinct();
    }

    /// <summary>Gets the parties to what a claim is about (see the class remarks).</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The parties, each once; empty when the claim is about a position or a record not found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    public IEnumerable<ActorId> PartiesTo(Claim claim)
    {
        Guard.Against.Null(claim);
        ClaimSubject subject = claim.Subject;
        if (subject.CasualtyEstimate is { } estimateId)
        {
            return _findEstimate(estimateId) is { } estimate ? PartiesTo(estimate) : [];
        }

        if (subject.Event is { } eventId)
        {
            return _findEvent(eventId) is { } e ? PartiesTo(e) : [];
        }

        if (subject.Attribution is { } attributionId && _findAttribution(attributionId) is { } attribution)
        {
            IEnumerable<ActorId> fromEvent = attribution.Event is { } id && _findEvent(id) is { } e ? PartiesTo(e) : [];
            return new[] { attribution.Accused }.Concat(fromEvent).Distinct();
        }

        return [];
    }

    /// <summary>Gets whether the estimate comes from a party: its <see cref="CasualtyEstimate.ClaimedBy"/> against its parties.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The standing; <see cref="ClaimantStanding.Unknown"/> when no one is said to claim it or it names no parties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimate"/> is null.</exception>
    public ClaimantStanding Of(CasualtyEstimate estimate) => Of(Guard.Against.Null(estimate).ClaimedBy, PartiesTo(estimate));

    /// <summary>Gets whether the claim comes from a party: its claimant against the parties to what it is about.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The standing; <see cref="ClaimantStanding.Unknown"/> when what it is about names no parties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    public ClaimantStanding Of(Claim claim) => Of(Guard.Against.Null(claim).Claimant, PartiesTo(claim));

    /// <summary>Gets whether a claimant is one of the parties or belongs to the same actor as one.</summary>
    /// <param name="claimant">The claimant, or null when not known.</param>
    /// <param name="parties">The parties.</param>
    /// <returns>The standing; <see cref="ClaimantStanding.Unknown"/> when the claimant is null or there are no parties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parties"/> is null.</exception>
    public ClaimantStanding Of(ActorId? claimant, IEnumerable<ActorId> parties)
    {
        Guard.Against.Null(parties);
        if (claimant is not { } who)
        {
            return ClaimantStanding.Unknown;
        }

        HashSet<ActorId>? claimantLine = null;
        bool any = false;
        foreach (ActorId party in parties)
        {
            any = true;
            claimantLine ??= Line(who);
            foreach (ActorId ancestor in Line(party))
            {
                if (claimantLine.Contains(ancestor))
                {
                    return ClaimantStanding.Party;
                }
            }
        }

        return any ? ClaimantStanding.ThirdParty : ClaimantStanding.Unknown;
    }

    /// <summary>Gets an actor and the actors it is affiliated with, transitively (cycles and long chains cut off).</summary>
    private HashSet<ActorId> Line(ActorId actor)
    {
        var line = new HashSet<ActorId> { actor };
        ActorId current = actor;
        for (int i = 0; i < MaxAffiliationDepth && _affiliationOf(current) is { } next && line.Add(next); i++)
        {
            current = next;
        }

        return line;
    }
}

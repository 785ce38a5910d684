using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A mediation effort between parties: its mediators, who asked for it, what happened to the request
/// (requested, offered, accepted, declined, deferred, talks held, suspended, resumed, concluded), its outcomes and its rounds of talks ("in May and
/// August facilitated by China"). Maps to UCDP's third-party and mediation data and PLOVER REQUEST / CONSULT.
/// </summary>
public sealed record Mediation : ConflictRecord
{
    private readonly MediationId _id;
    private readonly ValueArray<ActorId> _parties;
    private readonly ValueArray<Mediator> _mediators;
    private readonly ValueArray<ActorId> _requestedBy;
    private readonly string? _subject;
    private readonly ValueArray<StatusChange<MediationStatus>> _history;
    private readonly ValueArray<MediationRound> _rounds;
    private readonly ValueArray<Citation> _sources;
    private readonly ValueArray<MediationOutcome> _outcomes;

    /// <summary>Creates a mediation.</summary>
    /// <param name="id">The mediation's id.</param>
    /// <param name="parties">The parties between whom it mediates.</param>
    /// <param name="mediators">The mediators (none yet for a proposal).</param>
    /// <param name="requestedBy">The actors that asked for it.</param>
    /// <param name="subject">What it is about ("a permanent solution to the Pak-Afghan war").</param>
    /// <param name="history">Its status history, in order.</param>
    /// <param name="rounds">Its rounds of talks.</param>
    /// <param name="sources">Where it was reported.</param>
    /// <param name="outcomes">What the mediation as a whole produced (the ceasefire or agreement it brokered); a round's own outcomes are on the round.</param>
    /// <exception cref="System.ArgumentException">An id is default, a text is empty, or an element is null.</exception>
    public Mediation(
        MediationId id,
        ImmutableArray<ActorId> parties = default,
        ImmutableArray<Mediator> mediators = default,
        ImmutableArray<ActorId> requestedBy = default,
        string? subject = null,
        ImmutableArray<StatusChange<MediationStatus>> history = default,
        ImmutableArray<MediationRound> rounds = default,
        ImmutableArray<Citation> sources = default,
        ImmutableArray<MediationOutcome> outcomes = default)
    {
        Id = id;
        Parties = parties;
        Mediators = mediators;
        RequestedBy = requestedBy;
        Subject = subject;
        History = history;
        Rounds = rounds;
        Sources = sources;
        Outcomes = outcomes;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Mediation;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the mediation's id.</summary>
    public MediationId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets the parties between whom it mediates.</summary>
    public ImmutableArray<ActorId> Parties { get => _parties.Items; init => _parties = new(Guard.Against.DefaultIds(value, nameof(Parties))); }

    /// <summary>Gets the mediators.</summary>
    public ImmutableArray<Mediator> Mediators { get => _mediators.Items; init => _mediators = new(Guard.Against.NullItems(value, nameof(Mediators))); }

    /// <summary>Gets the actors that asked for it.</summary>
    public ImmutableArray<ActorId> RequestedBy { get => _requestedBy.Items; init => _requestedBy = new(Guard.Against.DefaultIds(value, nameof(RequestedBy))); }

    /// <summary>Gets what it is about.</summary>
    public string? Subject { get => _subject; init => _subject = Guard.Against.Blank(value, nameof(Subject)); }

    /// <summary>Gets its status history, in order.</summary>
    public ImmutableArray<StatusChange<MediationStatus>> History { get => _history.Items; init => _history = new(Guard.Against.NullItems(value, nameof(History))); }

    /// <summary>Gets its rounds of talks.</summary>
    public ImmutableArray<MediationRound> Rounds { get => _rounds.Items; init => _rounds = new(Guard.Against.NullItems(value, nameof(Rounds))); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets what the mediation as a whole produced.</summary>
    public ImmutableArray<MediationOutcome> Outcomes { get => _outcomes.Items; init => _outcomes = new(Guard.Against.NullItems(value, nameof(Outcomes))); }

    /// <summary>Gets the latest status in the history, or null when it has none.</summary>
    public MediationStatus? CurrentStatus => History.IsEmpty ? null : History[^1].Status;
}

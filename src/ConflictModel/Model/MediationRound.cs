using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>A round of talks in a <see cref="Mediation"/>: when, where, who facilitated, who attended, who observed, and what it produced.</summary>
public sealed record MediationRound : ExtensibleRecord
{
    private readonly EdtfDate? _date;
    private readonly ValueArray<ActorId> _facilitators;
    private readonly ValueArray<ActorId> _participants;
    private readonly EventId? _event;
    private readonly ValueArray<Citation> _sources;
    private readonly string? _note;
    private readonly ValueArray<ActorId> _observers;
    private readonly ValueArray<MediationOutcome> _outcomes;

    /// <summary>Creates a round.</summary>
    /// <param name="date">When it took place ("2025-05").</param>
    /// <param name="venue">Where.</param>
    /// <param name="facilitators">Who facilitated it ("facilitated by China").</param>
    /// <param name="participants">Who attended.</param>
    /// <param name="event">The talks as an event, where the dataset records one.</param>
    /// <param name="sources">Where it was reported.</param>
    /// <param name="note">A note in the editor's words.</param>
    /// <param name="observers">Who attended as observers ("China attended as an observer").</param>
    /// <param name="outcomes">What the round produced (the ceasefire it brokered).</param>
    /// <exception cref="System.ArgumentException">A date or id is default, a text is empty, or an element is null.</exception>
    public MediationRound(
        EdtfDate? date = null,
        Location? venue = null,
        ImmutableArray<ActorId> facilitators = default,
        ImmutableArray<ActorId> participants = default,
        EventId? @event = null,
        ImmutableArray<Citation> sources = default,
        string? note = null,
        ImmutableArray<ActorId> observers = default,
        ImmutableArray<MediationOutcome> outcomes = default)
    {
        Date = date;
        Venue = venue;
        Facilitators = facilitators;
        Participants = participants;
        Event = @event;
        Sources = sources;
        Note = note;
        Observers = observers;
        Outcomes = outcomes;
    }

    /// <summary>Gets when it took place.</summary>
    public EdtfDate? Date { get => _date; init => _date = ModelGuards.NotDefault(value, nameof(Date)); }

    /// <summary>Gets when it took place as the report words it ("in May"), with what can be said of it.</summary>
    public ReportedDate? DateAsReported { get; init; }

    /// <summary>Gets where it took place.</summary>
    public Location? Venue { get; init; }

    /// <summary>Gets who facilitated it.</summary>
    public ImmutableArray<ActorId> Facilitators { get => _facilitators.Items; init => _facilitators = new(Guard.Against.DefaultIds(value, nameof(Facilitators))); }

    /// <summary>Gets who attended.</summary>
    public ImmutableArray<ActorId> Participants { get => _participants.Items; init => _participants = new(Guard.Against.DefaultIds(value, nameof(Participants))); }

    /// <summary>Gets the talks as an event.</summary>
    public EventId? Event { get => _event; init => _event = Guard.Against.DefaultId(value, nameof(Event)); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets a note in the editor's words.</summary>
    public string? Note { get => _note; init => _note = Guard.Against.Blank(value, nameof(Note)); }

    /// <summary>Gets who attended as observers.</summary>
    public ImmutableArray<ActorId> Observers { get => _observers.Items; init => _observers = new(Guard.Against.DefaultIds(value, nameof(Observers))); }

    /// <summary>Gets what the round produced.</summary>
    public ImmutableArray<MediationOutcome> Outcomes { get => _outcomes.Items; init => _outcomes = new(Guard.Against.NullItems(value, nameof(Outcomes))); }
}

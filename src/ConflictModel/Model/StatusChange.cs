using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// One entry in a status history: the status reached, when, who brought it about, the events and statements behind
/// it, the sources, and for an extension, renewal or suspension the new end and who agreed to it. Used for <see cref="Ceasefire.History"/> (with <see cref="CeasefireStatus"/>) and
/// <see cref="Mediation.History"/> (with <see cref="MediationStatus"/>).
/// </summary>
/// <typeparam name="TStatus">The status enumeration.</typeparam>
public sealed record StatusChange<TStatus> : ExtensibleRecord
    where TStatus : struct, Enum
{
    private readonly TStatus _status;
    private readonly EdtfDate? _date;
    private readonly ActorId? _by;
    private readonly ValueArray<EventId> _events;
    private readonly ValueArray<ClaimId> _claims;
    private readonly ValueArray<Citation> _sources;
    private readonly string? _note;
    private readonly EdtfDate? _until;
    private readonly Period? _duration;
    private readonly ValueArray<ActorId> _agreedBy;

    /// <summary>Creates a status change.</summary>
    /// <param name="status">The status reached.</param>
    /// <param name="date">When; null when not reported.</param>
    /// <param name="by">The actor that brought the change about (who requested, declined, violated).</param>
    /// <param name="events">The events that changed the status ("another airstrike targeting Taliban positions").</param>
    /// <param name="claims">The claims that report the change.</param>
    /// <param name="sources">Where the change was reported.</param>
    /// <param name="note">A note in the editor's words.</param>
    /// <param name="until">The end the change sets: the new end of an extension or renewal ("until May 18"), the end of a suspension, the planned end of a declaration.</param>
    /// <param name="duration">How long the change runs from its date, as reported ("extended by 30 days": <c>P30D</c>).</param>
    /// <param name="agreedBy">Who agreed to the change (both militaries, the parties and the mediator), beyond <paramref name="by"/>.</param>
    /// <exception cref="ArgumentException">The status is undefined, a date or id is default, the duration is not positive, a text is empty, or an element is null.</exception>
    public StatusChange(
        TStatus status,
        EdtfDate? date = null,
        ActorId? by = null,
        ImmutableArray<EventId> events = default,
        ImmutableArray<ClaimId> claims = default,
        ImmutableArray<Citation> sources = default,
        string? note = null,
        EdtfDate? until = null,
        Period? duration = null,
        ImmutableArray<ActorId> agreedBy = default)
    {
        Status = status;
        Date = date;
        By = by;
        Events = events;
        Claims = claims;
        Sources = sources;
        Note = note;
        Until = until;
        Duration = duration;
        AgreedBy = agreedBy;
    }

    /// <summary>Gets the status reached.</summary>
    public TStatus Status { get => _status; init => _status = Guard.Against.Undefined(value, nameof(Status)); }

    /// <summary>Gets when the status was reached.</summary>
    public EdtfDate? Date { get => _date; init => _date = ModelGuards.NotDefault(value, nameof(Date)); }

    /// <summary>Gets the actor that brought the change about.</summary>
    public ActorId? By { get => _by; init => _by = Guard.Against.DefaultId(value, nameof(By)); }

    /// <summary>Gets the events that changed the status.</summary>
    public ImmutableArray<EventId> Events { get => _events.Items; init => _events = new(Guard.Against.DefaultIds(value, nameof(Events))); }

    /// <summary>Gets the claims that report the change.</summary>
    public ImmutableArray<ClaimId> Claims { get => _claims.Items; init => _claims = new(Guard.Against.DefaultIds(value, nameof(Claims))); }

    /// <summary>Gets where the change was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets a note in the editor's words.</summary>
    public string? Note { get => _note; init => _note = Guard.Against.Blank(value, nameof(Note)); }

    /// <summary>Gets the end the change sets (the new end of an extension or renewal, the end of a suspension); null when none is reported.</summary>
    public EdtfDate? Until { get => _until; init => _until = ModelGuards.NotDefault(value, nameof(Until)); }

    /// <summary>Gets how long the change runs from its date, as reported; null when not reported.</summary>
    public Period? Duration { get => _duration; init => _duration = ModelGuards.PositiveDuration(value, nameof(Duration)); }

    /// <summary>Gets who agreed to the change, beyond the actor that brought it about.</summary>
    public ImmutableArray<ActorId> AgreedBy { get => _agreedBy.Items; init => _agreedBy = new(Guard.Against.DefaultIds(value, nameof(AgreedBy))); }
}

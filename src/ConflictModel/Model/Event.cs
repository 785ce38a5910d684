using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Something that happened: an airstrike, a clash, a capture, a visit, talks, a statement. Typed with
/// <see cref="EventKind"/> (mapped to ACLED and PLOVER by <see cref="EventTypology"/>). Maps to a UCDP GED
/// event and an ACLED event row.
/// </summary>
public sealed record Event : ConflictRecord
{
    private readonly EventId _id;
    private readonly EventKind _kind;
    private readonly string? _title;
    private readonly string? _description;
    private readonly EdtfDate? _date;
    private readonly ValueArray<Participant> _participants;
    private readonly ValueArray<EventId> _inResponseTo;
    private readonly ValueArray<Citation> _sources;
    private readonly ValueArray<ExternalIdentifier> _externalIds;

    /// <summary>Creates an event.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="title">A short title.</param>
    /// <param name="description">A longer description.</param>
    /// <param name="date">When it happened, as precisely as known.</param>
    /// <param name="location">Where it happened.</param>
    /// <param name="participants">Who took part, and how.</param>
    /// <param name="inResponseTo">Events this one answers ("retaliated for a Pakistani airstrike").</param>
    /// <param name="sources">The sources that report it.</param>
    /// <param name="externalIds">Identifiers of the event in other datasets.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, a text is empty, or an element is null.</exception>
    public Event(
        EventId id,
        EventKind kind,
        string? title = null,
        string? description = null,
        EdtfDate? date = null,
        Location? location = null,
        ImmutableArray<Participant> participants = default,
        ImmutableArray<EventId> inResponseTo = default,
        ImmutableArray<Citation> sources = default,
        ImmutableArray<ExternalIdentifier> externalIds = default)
    {
        Id = id;
        Kind = kind;
        Title = title;
        Description = description;
        Date = date;
        Location = location;
        Participants = participants;
        InResponseTo = inResponseTo;
        Sources = sources;
        ExternalIds = externalIds;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Event;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the event's id.</summary>
    public EventId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets what happened.</summary>
    public EventKind Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets a short title.</summary>
    public string? Title { get => _title; init => _title = Guard.Against.Blank(value, nameof(Title)); }

    /// <summary>Gets a longer description.</summary>
    public string? Description { get => _description; init => _description = Guard.Against.Blank(value, nameof(Description)); }

    /// <summary>Gets when it happened.</summary>
    public EdtfDate? Date { get => _date; init => _date = ModelGuards.NotDefault(value, nameof(Date)); }

    /// <summary>Gets where it happened.</summary>
    public Location? Location { get; init; }

    /// <summary>Gets who took part, and how.</summary>
    public ImmutableArray<Participant> Participants { get => _participants.Items; init => _participants = new(Guard.Against.NullItems(value, nameof(Participants))); }

    /// <summary>Gets the events this one answers.</summary>
    public ImmutableArray<EventId> InResponseTo { get => _inResponseTo.Items; init => _inResponseTo = new(Guard.Against.DefaultIds(value, nameof(InResponseTo))); }

    /// <summary>Gets the sources that report it.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets identifiers of the event in other datasets.</summary>
    public ImmutableArray<ExternalIdentifier> ExternalIds { get => _externalIds.Items; init => _externalIds = new(Guard.Against.NullItems(value, nameof(ExternalIds))); }
}

using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// A ceasefire: its parties and brokers, declared and effective dates, scope and purpose, whether it was written
/// down, how long it was meant to last, and a status history (extensions, renewals, suspensions, violations) with the
/// events and statements that changed it ("a fragile ceasefire brokered following
/// intervention from Saudi Arabia and Qatar ... hostilities resumed when Pakistan conducted another airstrike").
/// Maps to the ETH/PRIO Civil Conflict Ceasefire dataset and to a UCDP PAD agreement's <c>cease</c> provision.
/// </summary>
public sealed record Ceasefire : ConflictRecord
{
    private readonly CeasefireId _id;
    private readonly string? _name;
    private readonly ValueArray<ActorId> _parties;
    private readonly ValueArray<ActorId> _brokers;
    private readonly CeasefireScope? _scope;
    private readonly CeasefirePurpose? _purpose;
    private readonly EdtfDate? _declared;
    private readonly EdtfDate? _effective;
    private readonly ValueArray<StatusChange<CeasefireStatus>> _history;
    private readonly AgreementId? _agreement;
    private readonly ValueArray<Citation> _sources;
    private readonly Period? _plannedDuration;
    private readonly EdtfDate? _plannedEnd;

    /// <summary>Creates a ceasefire.</summary>
    /// <param name="id">The ceasefire's id.</param>
    /// <param name="parties">The parties bound by it.</param>
    /// <param name="name">A name, where it has one.</param>
    /// <param name="brokers">Who brokered it.</param>
    /// <param name="scope">Who it binds: one party, two or more.</param>
    /// <param name="purpose">What it is for.</param>
    /// <param name="isWritten">Whether it was written down; null when not reported.</param>
    /// <param name="declared">When it was declared or agreed.</param>
    /// <param name="effective">When it took effect.</param>
    /// <param name="history">Its status history, in order.</param>
    /// <param name="location">Where it applies, when narrower than the parties' territories.</param>
    /// <param name="agreement">The agreement that contains it.</param>
    /// <param name="sources">Where it was reported.</param>
    /// <param name="plannedDuration">How long it was declared for ("for seven days": <c>P7D</c>, "a 72-hour truce": <c>PT72H</c>); null when open-ended or not reported.</param>
    /// <param name="plannedEnd">When it was declared to end, as first agreed; later extensions are in the <paramref name="history"/>.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, a text is empty, the duration is not positive, or an element is null.</exception>
    public Ceasefire(
        CeasefireId id,
        ImmutableArray<ActorId> parties = default,
        string? name = null,
        ImmutableArray<ActorId> brokers = default,
        CeasefireScope? scope = null,
        CeasefirePurpose? purpose = null,
        bool? isWritten = null,
        EdtfDate? declared = null,
        EdtfDate? effective = null,
        ImmutableArray<StatusChange<CeasefireStatus>> history = default,
        Location? location = null,
        AgreementId? agreement = null,
        ImmutableArray<Citation> sources = default,
        Period? plannedDuration = null,
        EdtfDate? plannedEnd = null)
    {
        Id = id;
        Parties = parties;
        Name = name;
        Brokers = brokers;
        Scope = scope;
        Purpose = purpose;
        IsWritten = isWritten;
        Declared = declared;
        Effective = effective;
        History = history;
        Location = location;
        Agreement = agreement;
        Sources = sources;
        PlannedDuration = plannedDuration;
        PlannedEnd = plannedEnd;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Ceasefire;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the ceasefire's id.</summary>
    public CeasefireId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets a name, where it has one.</summary>
    public string? Name { get => _name; init => _name = Guard.Against.Blank(value, nameof(Name)); }

    /// <summary>Gets the parties bound by it.</summary>
    public ImmutableArray<ActorId> Parties { get => _parties.Items; init => _parties = new(Guard.Against.DefaultIds(value, nameof(Parties))); }

    /// <summary>Gets who brokered it.</summary>
    public ImmutableArray<ActorId> Brokers { get => _brokers.Items; init => _brokers = new(Guard.Against.DefaultIds(value, nameof(Brokers))); }

    /// <summary>Gets who it binds.</summary>
    public CeasefireScope? Scope { get => _scope; init => _scope = Guard.Against.Undefined(value, nameof(Scope)); }

    /// <summary>Gets what it is for.</summary>
    public CeasefirePurpose? Purpose { get => _purpose; init => _purpose = Guard.Against.Undefined(value, nameof(Purpose)); }

    /// <summary>Gets whether it was written down; null when not reported.</summary>
    public bool? IsWritten { get; init; }

    /// <summary>Gets when it was declared or agreed.</summary>
    public EdtfDate? Declared { get => _declared; init => _declared = ModelGuards.NotDefault(value, nameof(Declared)); }

    /// <summary>Gets when it took effect.</summary>
    public EdtfDate? Effective { get => _effective; init => _effective = ModelGuards.NotDefault(value, nameof(Effective)); }

    /// <summary>Gets its status history, in order.</summary>
    public ImmutableArray<StatusChange<CeasefireStatus>> History { get => _history.Items; init => _history = new(Guard.Against.NullItems(value, nameof(History))); }

    /// <summary>Gets where it applies.</summary>
    public Location? Location { get; init; }

    /// <summary>Gets the agreement that contains it.</summary>
    public AgreementId? Agreement { get => _agreement; init => _agreement = Guard.Against.DefaultId(value, nameof(Agreement)); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets how long it was declared for; null when open-ended or not reported.</summary>
    public Period? PlannedDuration { get => _plannedDuration; init => _plannedDuration = ModelGuards.PositiveDuration(value, nameof(PlannedDuration)); }

    /// <summary>Gets when it was declared to end, as first agreed; null when open-ended or not reported.</summary>
    public EdtfDate? PlannedEnd { get => _plannedEnd; init => _plannedEnd = ModelGuards.NotDefault(value, nameof(PlannedEnd)); }

    /// <summary>Gets the latest status in the history, or null when it has none.</summary>
    public CeasefireStatus? CurrentStatus => History.IsEmpty ? null : History[^1].Status;

    /// <summary>
    /// Gets the end in force after the whole history: the <see cref="StatusChange{TStatus}.Until"/> of the latest
    /// declaration, extension or renewal that gives one, else <see cref="PlannedEnd"/>; null when open-ended or not reported.
    /// </summary>
    public EdtfDate? CurrentEnd
    {
        get
        {
            for (int i = History.Length - 1; i >= 0; i--)
            {
                if (History[i] is { Status: CeasefireStatus.Declared or CeasefireStatus.Extended or CeasefireStatus.Renewed, Until: { } until })
                {
                    return until;
                }
            }

            return PlannedEnd;
        }
    }
}

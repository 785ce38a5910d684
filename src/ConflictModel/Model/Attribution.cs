using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Responsibility for an event or a situation assigned to an actor: "India has stirred up the Taliban"
/// (instigation), "the Taliban has provided refuge to armed groups" (harbouring). The accuser asserts it; the
/// accused may deny or acknowledge it. Either <see cref="Event"/> or <see cref="Situation"/> says what the
/// responsibility is for. Maps to PLOVER ACCUSE and to ACLED's and UCDP's perpetrator fields when acknowledged.
/// </summary>
public sealed record Attribution : ConflictRecord
{
    private readonly AttributionId _id;
    private readonly ActorId _accused;
    private readonly ResponsibilityKind _responsibility;
    private readonly EventId? _event;
    private readonly string? _situation;
    private readonly ActorId? _accuser;
    private readonly ActorId? _beneficiary;
    private readonly AccusedResponse _response;
    private readonly EdtfDate? _date;
    private readonly ValueArray<ClaimId> _claims;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates an attribution.</summary>
    /// <param name="id">The attribution's id.</param>
    /// <param name="accused">The actor held responsible.</param>
    /// <param name="responsibility">The kind of responsibility.</param>
    /// <param name="event">The event the responsibility is for; or give <paramref name="situation"/>.</param>
    /// <param name="situation">The situation the responsibility is for, in words ("the deteriorating security situation along the border").</param>
    /// <param name="accuser">Who assigns the responsibility; null for the dataset's own finding.</param>
    /// <param name="beneficiary">The actor instigated, supported or harboured by the accused ("the Taliban", "armed groups").</param>
    /// <param name="response">How the accused has answered.</param>
    /// <param name="date">When the attribution was made.</param>
    /// <param name="claims">The claims that make, deny or acknowledge it.</param>
    /// <param name="sources">Where it was reported.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, neither an event nor a situation is given, a text is empty, or an element is null.</exception>
    public Attribution(
        AttributionId id,
        ActorId accused,
        ResponsibilityKind responsibility,
        EventId? @event = null,
        string? situation = null,
        ActorId? accuser = null,
        ActorId? beneficiary = null,
        AccusedResponse response = AccusedResponse.NoResponse,
        EdtfDate? date = null,
        ImmutableArray<ClaimId> claims = default,
        ImmutableArray<Citation> sources = default)
    {
        if (@event is null && situation is null)
        {
            throw new System.ArgumentException("An attribution is for an event or a situation; give one.", nameof(situation));
        }

        Id = id;
        Accused = accused;
        Responsibility = responsibility;
        Event = @event;
        Situation = situation;
        Accuser = accuser;
        Beneficiary = beneficiary;
        Response = response;
        Date = date;
        Claims = claims;
        Sources = sources;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Attribution;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the attribution's id.</summary>
    public AttributionId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets the actor held responsible.</summary>
    public ActorId Accused { get => _accused; init => _accused = Guard.Against.DefaultId(value, nameof(Accused)); }

    /// <summary>Gets the kind of responsibility.</summary>
    public ResponsibilityKind Responsibility { get => _responsibility; init => _responsibility = Guard.Against.Undefined(value, nameof(Responsibility)); }

    /// <summary>Gets the event the responsibility is for.</summary>
    public EventId? Event { get => _event; init => _event = Guard.Against.DefaultId(value, nameof(Event)); }

    /// <summary>Gets the situation the responsibility is for, in words.</summary>
    public string? Situation { get => _situation; init => _situation = Guard.Against.Blank(value, nameof(Situation)); }

    /// <summary>Gets who assigns the responsibility.</summary>
    public ActorId? Accuser { get => _accuser; init => _accuser = Guard.Against.DefaultId(value, nameof(Accuser)); }

    /// <summary>Gets the actor instigated, supported or harboured by the accused.</summary>
    public ActorId? Beneficiary { get => _beneficiary; init => _beneficiary = Guard.Against.DefaultId(value, nameof(Beneficiary)); }

    /// <summary>Gets how the accused has answered.</summary>
    public AccusedResponse Response { get => _response; init => _response = Guard.Against.Undefined(value, nameof(Response)); }

    /// <summary>Gets when the attribution was made.</summary>
    public EdtfDate? Date { get => _date; init => _date = ModelGuards.NotDefault(value, nameof(Date)); }

    /// <summary>Gets the claims that make, deny or acknowledge it.</summary>
    public ImmutableArray<ClaimId> Claims { get => _claims.Items; init => _claims = new(Guard.Against.DefaultIds(value, nameof(Claims))); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }
}

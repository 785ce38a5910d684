using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A casualty figure as someone gives it: how many people of which population (killed, wounded, captured,
/// displaced) on which side, for which event or period, claimed by whom and reported where. Estimates of the
/// same population by different claimants are separate records, compared with <see cref="CasualtyEnvelope"/>.
/// Maps to UCDP GED's low/best/high and deaths_a/b/civilians/unknown (as <see cref="Components"/>) and ACLED's
/// <c>fatalities</c>.
/// </summary>
public sealed record CasualtyEstimate : ConflictRecord
{
    private readonly CasualtyEstimateId _id;
    private readonly CasualtyPopulation _population;
    private readonly CasualtyFigure _figure = CasualtyFigure.Unknown();
    private readonly ActorId? _side;
    private readonly CasualtyCategory? _category;
    private readonly EventId? _event;
    private readonly EdtfDate? _period;
    private readonly ActorId? _claimedBy;
    private readonly ValueArray<CasualtyEstimateId> _components;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates an estimate.</summary>
    /// <param name="id">The estimate's id.</param>
    /// <param name="population">What happened to the people counted.</param>
    /// <param name="figure">How many.</param>
    /// <param name="side">The side whose people are counted ("Pakistani soldiers": Pakistan's armed forces).</param>
    /// <param name="category">Whose casualties beside the side: combatants, civilians, unknown or all.</param>
    /// <param name="event">The event the figure is for.</param>
    /// <param name="period">The period the figure covers, when it is not one event's.</param>
    /// <param name="location">The area the figure covers, when it is not one event's.</param>
    /// <param name="claimedBy">Who gives the figure; null for the dataset's own estimate.</param>
    /// <param name="components">Estimates that make up this one's total (UCDP's deaths by side and civilians).</param>
    /// <param name="sources">Where it was reported.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, or an element is null.</exception>
    public CasualtyEstimate(
        CasualtyEstimateId id,
        CasualtyPopulation population,
        CasualtyFigure figure,
        ActorId? side = null,
        CasualtyCategory? category = null,
        EventId? @event = null,
        EdtfDate? period = null,
        Location? location = null,
        ActorId? claimedBy = null,
        ImmutableArray<CasualtyEstimateId> components = default,
        ImmutableArray<Citation> sources = default)
    {
        Id = id;
        Population = population;
        Figure = figure;
        Side = side;
        Category = category;
        Event = @event;
        Period = period;
        Location = location;
        ClaimedBy = claimedBy;
        Components = components;
        Sources = sources;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.CasualtyEstimate;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the estimate's id.</summary>
    public CasualtyEstimateId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets what happened to the people counted.</summary>
    public CasualtyPopulation Population { get => _population; init => _population = Guard.Against.Undefined(value, nameof(Population)); }

    /// <summary>Gets how many.</summary>
    public CasualtyFigure Figure { get => _figure; init => _figure = Guard.Against.Null(value, nameof(Figure)); }

    /// <summary>Gets the side whose people are counted.</summary>
    public ActorId? Side { get => _side; init => _side = Guard.Against.DefaultId(value, nameof(Side)); }

    /// <summary>Gets whose casualties beside the side.</summary>
    public CasualtyCategory? Category { get => _category; init => _category = Guard.Against.Undefined(value, nameof(Category)); }

    /// <summary>Gets the event the figure is for.</summary>
    public EventId? Event { get => _event; init => _event = Guard.Against.DefaultId(value, nameof(Event)); }

    /// <summary>Gets the period the figure covers.</summary>
    public EdtfDate? Period { get => _period; init => _period = ModelGuards.NotDefault(value, nameof(Period)); }

    /// <summary>Gets the area the figure covers.</summary>
    public Location? Location { get; init; }

    /// <summary>Gets who gives the figure.</summary>
    public ActorId? ClaimedBy { get => _claimedBy; init => _claimedBy = Guard.Against.DefaultId(value, nameof(ClaimedBy)); }

    /// <summary>Gets the estimates that make up this one's total.</summary>
    public ImmutableArray<CasualtyEstimateId> Components { get => _components.Items; init => _components = new(Guard.Against.DefaultIds(value, nameof(Components))); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>
    /// Gets whether <paramref name="other"/> counts the same people: the same population, side, category, event,
    /// period and location. Only such estimates can confirm or contradict each other.
    /// </summary>
    /// <param name="other">The other estimate.</param>
    /// <returns>Whether both count the same people.</returns>
    public bool CountsSamePopulationAs(CasualtyEstimate other)
    {
        Guard.Against.Null(other);
        return _population == other._population && _side == other._side && _category == other._category
            && _event == other._event && _period == other._period && Equals(Location, other.Location);
    }
}

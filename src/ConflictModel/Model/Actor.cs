using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Someone who acts, speaks or is acted upon: a state, government, armed force or group, person, organisation,
/// media outlet or a loose group such as "Gulf nations". Maps to UCDP's actors (side_a, side_b, with their
/// UCDP ids as <see cref="ExternalIds"/>) and ACLED's actor1/actor2 with their inter codes.
/// </summary>
public sealed record Actor : ConflictRecord
{
    private readonly ActorId _id;
    private readonly string _name = string.Empty;
    private readonly ActorKind _kind;
    private readonly ValueArray<string> _aliases;
    private readonly CountryCode? _country;
    private readonly ActorId? _affiliatedWith;
    private readonly ValueArray<ActorRole> _roles;
    private readonly ValueArray<ExternalIdentifier> _externalIds;
    private readonly string? _description;
    private readonly ValueArray<GroupMember> _members;

    /// <summary>Creates an actor.</summary>
    /// <param name="id">The actor's id.</param>
    /// <param name="name">The preferred name.</param>
    /// <param name="kind">What kind of actor it is.</param>
    /// <param name="aliases">Other names and spellings the sources use ("Muttahida Qadri" for "Amir Khan Muttaqi").</param>
    /// <param name="country">The country the actor belongs to or is based in.</param>
    /// <param name="affiliatedWith">The actor this one belongs to or acts for (a minister's government, a faction's movement).</param>
    /// <param name="roles">Positions held over time.</param>
    /// <param name="externalIds">Identifiers of the actor in other datasets.</param>
    /// <param name="description">A short description.</param>
    /// <param name="members">For a group, coalition or organisation, its members with their parts and periods.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, a text is empty, or an element is null.</exception>
    public Actor(
        ActorId id,
        string name,
        ActorKind kind,
        ImmutableArray<string> aliases = default,
        CountryCode? country = null,
        ActorId? affiliatedWith = null,
        ImmutableArray<ActorRole> roles = default,
        ImmutableArray<ExternalIdentifier> externalIds = default,
        string? description = null,
        ImmutableArray<GroupMember> members = default)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Aliases = aliases;
        Country = country;
        AffiliatedWith = affiliatedWith;
        Roles = roles;
        ExternalIds = externalIds;
        Description = description;
        Members = members;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Actor;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the actor's id.</summary>
    public ActorId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets the preferred name.</summary>
    public string Name { get => _name; init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name)); }

    /// <summary>Gets what kind of actor it is.</summary>
    public ActorKind Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets other names and spellings the sources use.</summary>
    public ImmutableArray<string> Aliases { get => _aliases.Items; init => _aliases = new(Guard.Against.BlankItems(value, nameof(Aliases))); }

    /// <summary>Gets the country the actor belongs to or is based in.</summary>
    public CountryCode? Country { get => _country; init => _country = ModelGuards.NotDefault(value, nameof(Country)); }

    /// <summary>Gets the actor this one belongs to or acts for.</summary>
    public ActorId? AffiliatedWith { get => _affiliatedWith; init => _affiliatedWith = Guard.Against.DefaultId(value, nameof(AffiliatedWith)); }

    /// <summary>Gets positions held over time.</summary>
    public ImmutableArray<ActorRole> Roles { get => _roles.Items; init => _roles = new(Guard.Against.NullItems(value, nameof(Roles))); }

    /// <summary>Gets identifiers of the actor in other datasets.</summary>
    public ImmutableArray<ExternalIdentifier> ExternalIds { get => _externalIds.Items; init => _externalIds = new(Guard.Against.NullItems(value, nameof(ExternalIds))); }

    /// <summary>Gets a short description.</summary>
    public string? Description { get => _description; init => _description = Guard.Against.Blank(value, nameof(Description)); }

    /// <summary>Gets, for a group, coalition or organisation, its members with their parts and periods.</summary>
    public ImmutableArray<GroupMember> Members { get => _members.Items; init => _members = new(Guard.Against.NullItems(value, nameof(Members))); }
}

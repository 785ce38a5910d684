using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>A third party in a <see cref="Mediation"/>: a state, organisation, person or group, and whom it acts for.</summary>
public sealed record Mediator : ExtensibleRecord
{
    private readonly ActorId _actor;
    private readonly ActorId? _onBehalfOf;
    private readonly MediatorRole _role;

    /// <summary>Creates a mediator.</summary>
    /// <param name="actor">The mediating actor.</param>
    /// <param name="role">The part it plays.</param>
    /// <param name="onBehalfOf">The state or organisation a person mediates for (an envoy for the UN).</param>
    /// <exception cref="System.ArgumentException">An id is default, or the role is undefined.</exception>
    public Mediator(ActorId actor, MediatorRole role = MediatorRole.Mediator, ActorId? onBehalfOf = null)
    {
        Actor = actor;
        Role = role;
        OnBehalfOf = onBehalfOf;
    }

    /// <summary>Gets the mediating actor.</summary>
    public ActorId Actor { get => _actor; init => _actor = Guard.Against.DefaultId(value, nameof(Actor)); }

    /// <summary>Gets the part it plays.</summary>
    public MediatorRole Role { get => _role; init => _role = Guard.Against.Undefined(value, nameof(Role)); }

    /// <summary>Gets the state or organisation a person mediates for.</summary>
    public ActorId? OnBehalfOf { get => _onBehalfOf; init => _onBehalfOf = Guard.Against.DefaultId(value, nameof(OnBehalfOf)); }
}

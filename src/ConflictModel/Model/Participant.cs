using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>An actor's part in an <see cref="Event"/>.</summary>
public sealed record Participant : ExtensibleRecord
{
    private readonly ActorId _actor;
    private readonly ParticipantRole _role;

    /// <summary>Creates a participant.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="role">How the actor took part.</param>
    /// <exception cref="System.ArgumentException">The actor is the default id, or the role is undefined.</exception>
    public Participant(ActorId actor, ParticipantRole role)
    {
        Actor = actor;
        Role = role;
    }

    /// <summary>Gets the actor.</summary>
    public ActorId Actor { get => _actor; init => _actor = Guard.Against.DefaultId(value, nameof(Actor)); }

    /// <summary>Gets how the actor took part.</summary>
    public ParticipantRole Role { get => _role; init => _role = Guard.Against.Undefined(value, nameof(Role)); }
}

using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>A non-signatory of an <see cref="Agreement"/> and the part it played (UCDP PAD <c>pa_3rd</c>).</summary>
public sealed record ThirdParty : ExtensibleRecord
{
    private readonly ActorId _actor;
    private readonly ThirdPartyRole _role;

    /// <summary>Creates a third party.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="role">The part it played.</param>
    /// <exception cref="System.ArgumentException">The actor is the default id, or the role is undefined.</exception>
    public ThirdParty(ActorId actor, ThirdPartyRole role)
    {
        Actor = actor;
        Role = role;
    }

    /// <summary>Gets the actor.</summary>
    public ActorId Actor { get => _actor; init => _actor = Guard.Against.DefaultId(value, nameof(Actor)); }

    /// <summary>Gets the part it played.</summary>
    public ThirdPartyRole Role { get => _role; init => _role = Guard.Against.Undefined(value, nameof(Role)); }
}

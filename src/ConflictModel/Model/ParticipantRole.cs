namespace ConflictModel.Model;

/// <summary>How an actor took part in an <see cref="Event"/>. Maps to ACLED actor1/actor2 and UCDP side_a/side_b.</summary>
public enum ParticipantRole
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Carried out or started the event (ACLED actor 1, UCDP side_a for one-sided violence).</summary>
    Initiator,

    /// <summary>Was attacked, arrested or otherwise acted upon (ACLED actor 2).</summary>
    Target,

    /// <summary>Took part without a stated direction (both sides of a clash, both parties to talks).</summary>
    Participant,

    /// <summary>Hosted the event (the state where talks or a visit took place).</summary>
    Host,

    /// <summary>Visited (a delegation or official on a visit).</summary>
    Visitor,

    /// <summary>Facilitated or mediated the event ("facilitated by China").</summary>
    Facilitator,
}

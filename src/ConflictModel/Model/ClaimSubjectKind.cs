namespace ConflictModel.Model;

/// <summary>What a <see cref="Claim"/> is about.</summary>
public enum ClaimSubjectKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A casualty figure (<see cref="Model.CasualtyEstimate"/>).</summary>
    CasualtyEstimate,

    /// <summary>An assignment of responsibility (<see cref="Model.Attribution"/>).</summary>
    Attribution,

    /// <summary>That an event took place (<see cref="Model.Event"/>).</summary>
    Event,

    /// <summary>A statement of position, optionally about a record such as a mediation or ceasefire.</summary>
    Position,
}

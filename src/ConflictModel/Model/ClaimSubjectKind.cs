namespace ConflictModel.Model;

/// <summary>What a <see cref="Claim"/> is about.</summary>
public enum ClaimSubjectKind
{
    /// <summary>A casualty figure (<see cref="Model.CasualtyEstimate"/>).</summary>
    CasualtyEstimate,

    /// <summary>An assignment of responsibility (<see cref="Model.Attribution"/>).</summary>
    Attribution,

    /// <summary>That an event took place (<see cref="Model.Event"/>).</summary>
    Event,

    /// <summary>A statement of position, optionally about a record such as a mediation or ceasefire.</summary>
    Position,
}

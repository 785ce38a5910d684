namespace ConflictModel.Model;

/// <summary>A state in a <see cref="Mediation"/>'s history.</summary>
public enum MediationStatus
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Suggested by a third party that is neither mediator nor party ("scholars suggest Gulf nations may facilitate").</summary>
    Proposed,

    /// <summary>A party asked for mediation ("Pakistan seeks Trump's help").</summary>
    Requested,

    /// <summary>A would-be mediator offered.</summary>
    Offered,

    /// <summary>The mediator or the parties accepted.</summary>
    Accepted,

    /// <summary>Refused by the mediator or a party.</summary>
    Declined,

    /// <summary>Neither accepted nor refused, postponed ("promised to address the situation in due course").</summary>
    Deferred,

    /// <summary>Talks took place under the mediation.</summary>
    TalksHeld,

    /// <summary>The mediation ended, with or without an agreement.</summary>
    Concluded,

    /// <summary>Talks or the process put on hold by a party or the mediator, without ending the mediation.</summary>
    Suspended,

    /// <summary>Talks or the process taken up again after a suspension.</summary>
    Resumed,
}

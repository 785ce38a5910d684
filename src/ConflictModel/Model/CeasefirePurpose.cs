namespace ConflictModel.Model;

/// <summary>What a <see cref="Ceasefire"/> is for. Maps to the ETH/PRIO ceasefire dataset's purpose codes.</summary>
public enum CeasefirePurpose
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>To allow aid, evacuations or a holiday truce.</summary>
    Humanitarian,

    /// <summary>To contain an escalation (conflict management).</summary>
    DeEscalation,

    /// <summary>To open or accompany talks.</summary>
    Negotiations,

    /// <summary>As part of, or to implement, a peace agreement.</summary>
    PeaceProcess,

    /// <summary>A definitive end to hostilities.</summary>
    Permanent,

    /// <summary>Another stated purpose.</summary>
    Other,
}

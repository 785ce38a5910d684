namespace ConflictModel.Model;

/// <summary>What a <see cref="Ceasefire"/> is for. Maps to the ETH/PRIO ceasefire dataset's purpose codes.</summary>
public enum CeasefirePurpose
{
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

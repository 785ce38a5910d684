namespace ConflictModel.Model;

/// <summary>A state in a <see cref="Ceasefire"/>'s history. Statuses progress Declared → InForce → Violated → Collapsed or Ended.</summary>
public enum CeasefireStatus
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Announced or agreed.</summary>
    Declared,

    /// <summary>Observed in practice.</summary>
    InForce,

    /// <summary>Breached, but still claimed to hold.</summary>
    Violated,

    /// <summary>Broken down; hostilities resumed.</summary>
    Collapsed,

    /// <summary>Ended as planned or by agreement (expiry, replacement by an agreement).</summary>
    Ended,
}

namespace ConflictModel.Model;

/// <summary>
/// A state in a <see cref="Ceasefire"/>'s history. Statuses progress Declared → InForce → Violated → Collapsed or Ended;
/// along the way a ceasefire can be extended or renewed (with a new end, <see cref="StatusChange{TStatus}.Until"/>),
/// and suspended then resumed.
/// </summary>
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

    /// <summary>Prolonged before it ran out ("extended until 18 May"); the new end is the change's <see cref="StatusChange{TStatus}.Until"/> or <see cref="StatusChange{TStatus}.Duration"/>.</summary>
    Extended,

    /// <summary>Agreed again after it ran out, collapsed or was ended; like an extension, with a new end where one is given.</summary>
    Renewed,

    /// <summary>Put on hold by a party or by agreement, without being ended ("suspended the implementation"); until a date where one is given.</summary>
    Suspended,

    /// <summary>In force again after a suspension.</summary>
    Resumed,
}

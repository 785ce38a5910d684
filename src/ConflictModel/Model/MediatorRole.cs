namespace ConflictModel.Model;

/// <summary>
/// The part a third party plays in a <see cref="Mediation"/>: mediators and facilitators, hosts, and those who stand
/// beside the talks (guarantors, observers, witnesses). Maps to UCDP's mediation and PAD's third-party roles.
/// </summary>
public enum MediatorRole
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Mediates between the parties.</summary>
    Mediator,

    /// <summary>Facilitates talks (hosting, logistics, passing messages) without substantive mediation.</summary>
    Facilitator,

    /// <summary>Hosts the talks.</summary>
    Host,

    /// <summary>Guarantees an outcome.</summary>
    Guarantor,

    /// <summary>Attends or follows the talks without mediating ("China attended as an observer").</summary>
    Observer,

    /// <summary>Witnesses the parties' commitment or signature without guaranteeing it.</summary>
    Witness,
}

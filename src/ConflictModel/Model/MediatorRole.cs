namespace ConflictModel.Model;

/// <summary>The part a third party plays in a <see cref="Mediation"/>. Maps to UCDP's mediation and PAD's third-party roles.</summary>
public enum MediatorRole
{
    /// <summary>Mediates between the parties.</summary>
    Mediator,

    /// <summary>Facilitates talks (hosting, logistics, passing messages) without substantive mediation.</summary>
    Facilitator,

    /// <summary>Hosts the talks.</summary>
    Host,

    /// <summary>Guarantees an outcome.</summary>
    Guarantor,
}

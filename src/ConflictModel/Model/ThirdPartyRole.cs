namespace ConflictModel.Model;

/// <summary>The part a non-signatory plays in an <see cref="Agreement"/>. Maps to UCDP PAD's <c>pa_3rd</c> and <c>c_3rd</c>.</summary>
public enum ThirdPartyRole
{
    /// <summary>Mediated the agreement.</summary>
    Mediator,

    /// <summary>Facilitated the talks that led to it.</summary>
    Facilitator,

    /// <summary>Guarantees its implementation.</summary>
    Guarantor,

    /// <summary>Signed as witness.</summary>
    Witness,

    /// <summary>Hosted the talks (PAD <c>c_3rd</c> "hosted").</summary>
    Host,
}

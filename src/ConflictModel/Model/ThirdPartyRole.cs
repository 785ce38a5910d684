namespace ConflictModel.Model;

/// <summary>The part a non-signatory plays in an <see cref="Agreement"/>. Maps to UCDP PAD's <c>pa_3rd</c> and <c>c_3rd</c>.</summary>
public enum ThirdPartyRole
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

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

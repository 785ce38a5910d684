namespace ConflictModel.Model;

/// <summary>The scope of an <see cref="Agreement"/>, as UCDP PAD's <c>pa_type</c>.</summary>
public enum AgreementKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Settles the whole incompatibility (PAD 1).</summary>
    Full,

    /// <summary>Settles part of it (PAD 2).</summary>
    Partial,

    /// <summary>Starts or continues a process (PAD 3).</summary>
    PeaceProcess,
}

namespace ConflictModel.Model;

/// <summary>The scope of an <see cref="Agreement"/>, as UCDP PAD's <c>pa_type</c>.</summary>
public enum AgreementKind
{
    /// <summary>Settles the whole incompatibility (PAD 1).</summary>
    Full,

    /// <summary>Settles part of it (PAD 2).</summary>
    Partial,

    /// <summary>Starts or continues a process (PAD 3).</summary>
    PeaceProcess,
}

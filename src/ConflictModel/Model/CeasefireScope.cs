namespace ConflictModel.Model;

/// <summary>Who a <see cref="Ceasefire"/> binds. Maps to the ETH/PRIO Civil Conflict Ceasefire dataset's <c>ceasefire_type</c>.</summary>
public enum CeasefireScope
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Declared by one party.</summary>
    Unilateral,

    /// <summary>Agreed between two parties.</summary>
    Bilateral,

    /// <summary>Agreed among more than two parties.</summary>
    Multilateral,
}

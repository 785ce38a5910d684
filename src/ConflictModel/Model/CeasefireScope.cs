namespace ConflictModel.Model;

/// <summary>Who a <see cref="Ceasefire"/> binds. Maps to the ETH/PRIO Civil Conflict Ceasefire dataset's <c>ceasefire_type</c>.</summary>
public enum CeasefireScope
{
    /// <summary>Declared by one party.</summary>
    Unilateral,

    /// <summary>Agreed between two parties.</summary>
    Bilateral,

    /// <summary>Agreed among more than two parties.</summary>
    Multilateral,
}

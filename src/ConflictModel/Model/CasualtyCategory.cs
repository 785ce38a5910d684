namespace ConflictModel.Model;

/// <summary>Whose casualties a <see cref="CasualtyEstimate"/> counts, beside the side it names. Maps to UCDP's deaths_a/b, deaths_civilians and deaths_unknown.</summary>
public enum CasualtyCategory
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Members of an armed force or group (UCDP deaths_a / deaths_b).</summary>
    Combatants,

    /// <summary>Civilians (UCDP deaths_civilians).</summary>
    Civilians,

    /// <summary>People whose status is not known (UCDP deaths_unknown).</summary>
    Unknown,

    /// <summary>Everyone, whatever their status (UCDP best for an event).</summary>
    All,
}

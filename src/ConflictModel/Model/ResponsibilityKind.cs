namespace ConflictModel.Model;

/// <summary>The kind of responsibility an <see cref="Attribution"/> assigns. Maps to PLOVER ACCUSE modes.</summary>
public enum ResponsibilityKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>The accused carried it out.</summary>
    Perpetration,

    /// <summary>The accused incited or provoked others ("India has stirred up the Taliban").</summary>
    Instigation,

    /// <summary>The accused armed, funded or otherwise supported those who carried it out.</summary>
    Support,

    /// <summary>The accused gave refuge to those who carried it out ("provided refuge to armed groups").</summary>
    Harbouring,
}

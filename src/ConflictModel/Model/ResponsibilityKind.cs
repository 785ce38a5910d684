namespace ConflictModel.Model;

/// <summary>The kind of responsibility an <see cref="Attribution"/> assigns. Maps to PLOVER ACCUSE modes.</summary>
public enum ResponsibilityKind
{
    /// <summary>The accused carried it out.</summary>
    Perpetration,

    /// <summary>The accused incited or provoked others ("India has stirred up the Taliban").</summary>
    Instigation,

    /// <summary>The accused armed, funded or otherwise supported those who carried it out.</summary>
    Support,

    /// <summary>The accused gave refuge to those who carried it out ("provided refuge to armed groups").</summary>
    Harbouring,
}

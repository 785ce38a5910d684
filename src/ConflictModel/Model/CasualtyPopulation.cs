namespace ConflictModel.Model;

/// <summary>What happened to the people a <see cref="CasualtyEstimate"/> counts.</summary>
public enum CasualtyPopulation
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Killed (UCDP <c>best</c>, ACLED <c>fatalities</c>).</summary>
    Killed,

    /// <summary>Wounded or injured.</summary>
    Wounded,

    /// <summary>Killed or wounded, reported together.</summary>
    KilledOrWounded,

    /// <summary>Captured or taken prisoner.</summary>
    Captured,

    /// <summary>Missing.</summary>
    Missing,

    /// <summary>Abducted or forcibly disappeared.</summary>
    Abducted,

    /// <summary>Displaced from their homes.</summary>
    Displaced,
}

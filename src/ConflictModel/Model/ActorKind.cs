namespace ConflictModel.Model;

/// <summary>The kind of an <see cref="Actor"/>. Maps to UCDP's actor types and ACLED's inter codes (see docs/vocabulary.md).</summary>
public enum ActorKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>A sovereign state as a whole ("Pakistan", "India"), the usual party to an interstate dyad.</summary>
    State,

    /// <summary>A state's government or ministry acting for it ("Islamabad", "the Taliban government").</summary>
    Government,

    /// <summary>A state's military or security forces ("Pakistani forces"); ACLED inter 1.</summary>
    ArmedForces,

    /// <summary>A rebel, militant or insurgent group ("Tehreek-e-Taliban Pakistan"); ACLED inter 2 and 3.</summary>
    NonStateArmedGroup,

    /// <summary>A political party or movement.</summary>
    PoliticalParty,

    /// <summary>An individual ("Khawaja Asif").</summary>
    Person,

    /// <summary>An intergovernmental organisation (the UN, the African Union); ACLED inter 8.</summary>
    InternationalOrganisation,

    /// <summary>A newspaper, broadcaster or agency ("Geo TV").</summary>
    MediaOutlet,

    /// <summary>A non-governmental organisation, religious body, or civilians as a group; ACLED inter 7.</summary>
    CivilSociety,

    /// <summary>A loose group of actors named together ("Gulf nations", "Pakistani sources").</summary>
    Group,

    /// <summary>None of the above: a research institute, a data provider such as UCDP or ACLED, an unclassified source office.</summary>
    Other,
}

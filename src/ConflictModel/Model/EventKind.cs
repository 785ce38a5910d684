namespace ConflictModel.Model;

/// <summary>
/// What happened in an <see cref="Event"/>: a typology that maps to ACLED's event and sub-event types and to
/// PLOVER's event categories (<see cref="EventTypology"/>). Values that ACLED does not code, such as visits and talks,
/// map to no ACLED type.
/// </summary>
public enum EventKind
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>Armed groups or forces fight each other ("skirmishes").</summary>
    ArmedClash,

    /// <summary>State forces retake territory from a non-state group.</summary>
    GovernmentRegainsTerritory,

    /// <summary>A non-state group takes territory.</summary>
    NonStateActorOvertakesTerritory,

    /// <summary>An air or drone strike ("a Pakistani airstrike near Kabul").</summary>
    AirOrDroneStrike,

    /// <summary>Shelling, artillery or a missile attack.</summary>
    ShellingOrMissileAttack,

    /// <summary>A landmine, IED or other remotely detonated explosive.</summary>
    RemoteExplosive,

    /// <summary>A suicide bombing.</summary>
    SuicideBombing,

    /// <summary>A grenade attack.</summary>
    GrenadeAttack,

    /// <summary>A chemical weapon attack.</summary>
    ChemicalWeapon,

    /// <summary>An armed attack on civilians.</summary>
    AttackOnCivilians,

    /// <summary>An abduction or forced disappearance.</summary>
    Abduction,

    /// <summary>Sexual violence.</summary>
    SexualViolence,

    /// <summary>A peaceful protest or demonstration.</summary>
    PeacefulProtest,

    /// <summary>A protest that authorities intervene in.</summary>
    ProtestWithIntervention,

    /// <summary>Excessive force used against protesters.</summary>
    ExcessiveForceAgainstProtesters,

    /// <summary>A violent demonstration or riot.</summary>
    ViolentDemonstration,

    /// <summary>Mob violence.</summary>
    MobViolence,

    /// <summary>An agreement reached (a ceasefire, a deal).</summary>
    Agreement,

    /// <summary>Arrests or detentions.</summary>
    Arrest,

    /// <summary>A group forms, splits, merges, or changes its activity.</summary>
    ChangeToGroupOrActivity,

    /// <summary>Weapons seized or an attack foiled.</summary>
    DisruptedWeaponsUse,

    /// <summary>A headquarters or base established.</summary>
    BaseEstablished,

    /// <summary>Looting or destruction of property.</summary>
    LootingOrPropertyDestruction,

    /// <summary>Territory changes hands without fighting.</summary>
    NonViolentTransferOfTerritory,

    /// <summary>Materiel or people seized in or after fighting ("seizing a Pakistani T-55 tank").</summary>
    Capture,

    /// <summary>A parade, display or demonstration of force ("parading captured uniforms").</summary>
    ShowOfForce,

    /// <summary>An announced intent to retaliate or a threat of force ("a declared intent to retaliate").</summary>
    Retaliation,

    /// <summary>An official or diplomatic visit ("a week-long visit to India").</summary>
    Visit,

    /// <summary>Talks, negotiations or a meeting between parties.</summary>
    Talks,

    /// <summary>A public statement, accusation or appeal (an interview, a press conference).</summary>
    Statement,

    /// <summary>Material, military or diplomatic aid given.</summary>
    AidOrSupport,

    /// <summary>Sanctions, expulsions or a break in relations.</summary>
    Sanction,

    /// <summary>Anything else; describe it in the event's title.</summary>
    Other,

    /// <summary>Peacekeeping forces deployed, reinforced or withdrawn (a UN or regional peacekeeping mission).</summary>
    PeacekeeperDeployment,

    /// <summary>Unarmed observers or monitors deployed to verify a ceasefire or agreement ("an ASEAN interim observer team").</summary>
    ObserverDeployment,

    /// <summary>An official announcement of a decision or outcome (a ceasefire, an extension, a suspension), as distinct from a statement of position.</summary>
    Announcement,
}

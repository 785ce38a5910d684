using System;
using System.Collections.Generic;
using System.Collections.Frozen;
using System.Linq;

namespace ConflictModel.Model;

/// <summary>How each <see cref="EventType"/> maps to ACLED's event and sub-event types and to a PLOVER category.</summary>
/// <param name="Type">The event type.</param>
/// <param name="AcledEventType">ACLED's <c>event_type</c>, or null where ACLED codes no such event.</param>
/// <param name="AcledSubEventType">ACLED's <c>sub_event_type</c>, or null where ACLED codes no such event.</param>
/// <param name="Plover">The PLOVER category, or null when none fits.</param>
public sealed record EventTypeMapping(EventType Type, string? AcledEventType, string? AcledSubEventType, PloverCategory? Plover);

/// <summary>The event typology: the mapping of every <see cref="EventType"/> to the field's standards.</summary>
public static class EventTypology
{
    private static readonly FrozenDictionary<EventType, EventTypeMapping> Mappings = new EventTypeMapping[]
    {
        new(EventType.ArmedClash, "Battles", "Armed clash", PloverCategory.Assault),
        new(EventType.GovernmentRegainsTerritory, "Battles", "Government regains territory", PloverCategory.Assault),
        new(EventType.NonStateActorOvertakesTerritory, "Battles", "Non-state actor overtakes territory", PloverCategory.Assault),
        new(EventType.AirOrDroneStrike, "Explosions/Remote violence", "Air/drone strike", PloverCategory.Assault),
        new(EventType.ShellingOrMissileAttack, "Explosions/Remote violence", "Shelling/artillery/missile attack", PloverCategory.Assault),
        new(EventType.RemoteExplosive, "Explosions/Remote violence", "Remote explosive/landmine/IED", PloverCategory.Assault),
        new(EventType.SuicideBombing, "Explosions/Remote violence", "Suicide bomb", PloverCategory.Assault),
        new(EventType.GrenadeAttack, "Explosions/Remote violence", "Grenade", PloverCategory.Assault),
        new(EventType.ChemicalWeapon, "Explosions/Remote violence", "Chemical weapon", PloverCategory.Assault),
        new(EventType.AttackOnCivilians, "Violence against civilians", "Attack", PloverCategory.Assault),
        new(EventType.Abduction, "Violence against civilians", "Abduction/forced disappearance", PloverCategory.Coerce),
        new(EventType.SexualViolence, "Violence against civilians", "Sexual violence", PloverCategory.Assault),
        new(EventType.PeacefulProtest, "Protests", "Peaceful protest", PloverCategory.Protest),
        new(EventType.ProtestWithIntervention, "Protests", "Protest with intervention", PloverCategory.Protest),
        new(EventType.ExcessiveForceAgainstProtesters, "Protests", "Excessive force against protesters", PloverCategory.Assault),
        new(EventType.ViolentDemonstration, "Riots", "Violent demonstration", PloverCategory.Protest),
        new(EventType.MobViolence, "Riots", "Mob violence", PloverCategory.Assault),
        new(EventType.Agreement, "Strategic developments", "Agreement", PloverCategory.Agree),
        new(EventType.Arrest, "Strategic developments", "Arrests", PloverCategory.Coerce),
        new(EventType.ChangeToGroupOrActivity, "Strategic developments", "Change to group/activity", PloverCategory.Mobilize),
        new(EventType.DisruptedWeaponsUse, "Strategic developments", "Disrupted weapons use", PloverCategory.Coerce),
        new(EventType.BaseEstablished, "Strategic developments", "Headquarters or base established", PloverCategory.Mobilize),
        new(EventType.LootingOrPropertyDestruction, "Strategic developments", "Looting/property destruction", PloverCategory.Coerce),
        new(EventType.NonViolentTransferOfTerritory, "Strategic developments", "Non-violent transfer of territory", PloverCategory.Concede),
        new(EventType.Capture, "Strategic developments", "Other", PloverCategory.Coerce),
        new(EventType.ShowOfForce, "Strategic developments", "Other", PloverCategory.Mobilize),
        new(EventType.Retaliation, "Strategic developments", "Other", PloverCategory.Threaten),
        new(EventType.Visit, null, null, PloverCategory.Consult),
        new(EventType.Talks, null, null, PloverCategory.Consult),
        new(EventType.Statement, null, null, PloverCategory.Accuse),
        new(EventType.AidOrSupport, null, null, PloverCategory.Aid),
        new(EventType.Sanction, null, null, PloverCategory.Sanction),
        new(EventType.Other, "Strategic developments", "Other", null),
        new(EventType.PeacekeeperDeployment, null, null, PloverCategory.Aid),
        new(EventType.ObserverDeployment, null, null, PloverCategory.Aid),
        new(EventType.Announcement, null, null, null),
    }.ToFrozenDictionary(m => m.Type);

    /// <summary>Gets every mapping, in the order of <see cref="EventType"/>.</summary>
    public static IReadOnlyList<EventTypeMapping> All { get; } = [.. Mappings.Values.OrderBy(m => m.Type)];

    /// <summary>Gets the mapping of one event type.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>Its mapping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined event type.</exception>
    public static EventTypeMapping Describe(EventType type)
        => Mappings.TryGetValue(type, out EventTypeMapping? mapping) ? mapping : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined event type.");

    /// <summary>Finds the event type for an ACLED event and sub-event type, compared case-insensitively.</summary>
    /// <param name="acledEventType">ACLED's <c>event_type</c>.</param>
    /// <param name="acledSubEventType">ACLED's <c>sub_event_type</c>.</param>
    /// <param name="type">The matching event type; <see cref="EventType.Other"/> for ACLED's "Other" sub-event type.</param>
    /// <returns>Whether the pair is one ACLED uses.</returns>
    public static bool TryFromAcled(string acledEventType, string acledSubEventType, out EventType type)
    {
        foreach (EventTypeMapping mapping in All)
        {
            if (mapping.Type is EventType.Capture or EventType.ShowOfForce or EventType.Retaliation)
            {
                continue; // these share ACLED's "Other" with EventType.Other; importing picks Other
            }

            if (string.Equals(mapping.AcledEventType, acledEventType, StringComparison.OrdinalIgnoreCase)
                && string.Equals(mapping.AcledSubEventType, acledSubEventType, StringComparison.OrdinalIgnoreCase))
            {
                type = mapping.Type;
                return true;
            }
        }

        type = default;
        return false;
    }
}

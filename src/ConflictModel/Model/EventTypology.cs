using System;
using System.Collections.Generic;
using System.Collections.Frozen;
using System.Linq;

namespace ConflictModel.Model;

/// <summary>How each <see cref="EventKind"/> maps to ACLED's event and sub-event types and to a PLOVER category.</summary>
/// <param name="Kind">The kind of event.</param>
/// <param name="AcledEventType">ACLED's <c>event_type</c>, or null where ACLED codes no such event.</param>
/// <param name="AcledSubEventType">ACLED's <c>sub_event_type</c>, or null where ACLED codes no such event.</param>
/// <param name="Plover">The PLOVER category, or null when none fits.</param>
public sealed record EventKindMapping(EventKind Kind, string? AcledEventType, string? AcledSubEventType, PloverCategory? Plover);

/// <summary>The event typology: the mapping of every <see cref="EventKind"/> to the field's standards.</summary>
public static class EventTypology
{
    private static readonly FrozenDictionary<EventKind, EventKindMapping> Mappings = new EventKindMapping[]
    {
        new(EventKind.ArmedClash, "Battles", "Armed clash", PloverCategory.Assault),
        new(EventKind.GovernmentRegainsTerritory, "Battles", "Government regains territory", PloverCategory.Assault),
        new(EventKind.NonStateActorOvertakesTerritory, "Battles", "Non-state actor overtakes territory", PloverCategory.Assault),
        new(EventKind.AirOrDroneStrike, "Explosions/Remote violence", "Air/drone strike", PloverCategory.Assault),
        new(EventKind.ShellingOrMissileAttack, "Explosions/Remote violence", "Shelling/artillery/missile attack", PloverCategory.Assault),
        new(EventKind.RemoteExplosive, "Explosions/Remote violence", "Remote explosive/landmine/IED", PloverCategory.Assault),
        new(EventKind.SuicideBombing, "Explosions/Remote violence", "Suicide bomb", PloverCategory.Assault),
        new(EventKind.GrenadeAttack, "Explosions/Remote violence", "Grenade", PloverCategory.Assault),
        new(EventKind.ChemicalWeapon, "Explosions/Remote violence", "Chemical weapon", PloverCategory.Assault),
        new(EventKind.AttackOnCivilians, "Violence against civilians", "Attack", PloverCategory.Assault),
        new(EventKind.Abduction, "Violence against civilians", "Abduction/forced disappearance", PloverCategory.Coerce),
        new(EventKind.SexualViolence, "Violence against civilians", "Sexual violence", PloverCategory.Assault),
        new(EventKind.PeacefulProtest, "Protests", "Peaceful protest", PloverCategory.Protest),
        new(EventKind.ProtestWithIntervention, "Protests", "Protest with intervention", PloverCategory.Protest),
        new(EventKind.ExcessiveForceAgainstProtesters, "Protests", "Excessive force against protesters", PloverCategory.Assault),
        new(EventKind.ViolentDemonstration, "Riots", "Violent demonstration", PloverCategory.Protest),
        new(EventKind.MobViolence, "Riots", "Mob violence", PloverCategory.Assault),
        new(EventKind.Agreement, "Strategic developments", "Agreement", PloverCategory.Agree),
        new(EventKind.Arrest, "Strategic developments", "Arrests", PloverCategory.Coerce),
        new(EventKind.ChangeToGroupOrActivity, "Strategic developments", "Change to group/activity", PloverCategory.Mobilize),
        new(EventKind.DisruptedWeaponsUse, "Strategic developments", "Disrupted weapons use", PloverCategory.Coerce),
        new(EventKind.BaseEstablished, "Strategic developments", "Headquarters or base established", PloverCategory.Mobilize),
        new(EventKind.LootingOrPropertyDestruction, "Strategic developments", "Looting/property destruction", PloverCategory.Coerce),
        new(EventKind.NonViolentTransferOfTerritory, "Strategic developments", "Non-violent transfer of territory", PloverCategory.Concede),
        new(EventKind.Capture, "Strategic developments", "Other", PloverCategory.Coerce),
        new(EventKind.ShowOfForce, "Strategic developments", "Other", PloverCategory.Mobilize),
        new(EventKind.Retaliation, "Strategic developments", "Other", PloverCategory.Threaten),
        new(EventKind.Visit, null, null, PloverCategory.Consult),
        new(EventKind.Talks, null, null, PloverCategory.Consult),
        new(EventKind.Statement, null, null, PloverCategory.Accuse),
        new(EventKind.AidOrSupport, null, null, PloverCategory.Aid),
        new(EventKind.Sanction, null, null, PloverCategory.Sanction),
        new(EventKind.Other, "Strategic developments", "Other", null),
    }.ToFrozenDictionary(m => m.Kind);

    /// <summary>Gets every mapping, in the order of <see cref="EventKind"/>.</summary>
    public static IReadOnlyList<EventKindMapping> All { get; } = [.. Mappings.Values.OrderBy(m => m.Kind)];

    /// <summary>Gets the mapping of one event type.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>Its mapping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined event type.</exception>
    public static EventKindMapping Describe(EventKind type)
        => Mappings.TryGetValue(type, out EventKindMapping? mapping) ? mapping : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined event type.");

    /// <summary>Finds the event type for an ACLED event and sub-event type, compared case-insensitively.</summary>
    /// <param name="acledEventType">ACLED's <c>event_type</c>.</param>
    /// <param name="acledSubEventType">ACLED's <c>sub_event_type</c>.</param>
    /// <param name="type">The matching event type; <see cref="EventKind.Other"/> for ACLED's "Other" sub-event type.</param>
    /// <returns>Whether the pair is one ACLED uses.</returns>
    public static bool TryFromAcled(string acledEventType, string acledSubEventType, out EventKind type)
    {
        foreach (EventKindMapping mapping in All)
        {
            if (mapping.Kind is EventKind.Capture or EventKind.ShowOfForce or EventKind.Retaliation)
            {
                continue; // these share ACLED's "Other" with EventKind.Other; importing picks Other
            }

            if (string.Equals(mapping.AcledEventType, acledEventType, StringComparison.OrdinalIgnoreCase)
                && string.Equals(mapping.AcledSubEventType, acledSubEventType, StringComparison.OrdinalIgnoreCase))
            {
                type = mapping.Kind;
                return true;
            }
        }

        type = default;
        return false;
    }
}

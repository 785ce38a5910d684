using System;
using System.Collections.Generic;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>The seed datasets' events.</summary>
internal static partial class SeedDatasets
{
    private static readonly EventId AsifInterviewEvent = new("asif-geo-tv-interview");
    private static readonly EventId ForeignMinisterVisitsIndia = new("foreign-minister-visit-india");
    private static readonly EventId AirstrikeNearKabul = new("airstrike-near-kabul");
    private static readonly EventId BorderClashes = new("border-clashes");
    private static readonly EventId CeasefireBrokered = new("ceasefire-brokered");
    private static readonly EventId AirstrikeKandahar = new("airstrike-kandahar");
    private static readonly EventId TankSeized = new("t-55-tank-seized");
    private static readonly EventId StreetDemonstrations = new("taliban-street-demonstrations");
    private static readonly EventId BagramDemand = new("bagram-demand");
    private static readonly EventId BagramRefusal = new("bagram-refusal");
    private static readonly EventId DarVisitsKabul = new("dar-kabul-visit");
    private static readonly EventId KhyberPakhtunkhwaAttacks = new("khyber-pakhtunkhwa-attacks");
    private static readonly EventId KabulIncidents = new("kabul-violent-incidents");
    private static readonly EventId TalibanThreatenRetaliation = new("taliban-retaliation-threat");
    private static readonly EventId KashmirKillings = new("kashmir-civilian-killings");
    private static readonly EventId PakistanWarnsOfRetribution = new("pakistan-retribution-warning");
    private static readonly EventId UrgingActionAgainstTtp = new("urging-action-against-ttp");

    private static readonly Location Border = new("Pakistan-Afghanistan border", precision: LocationPrecision.Region);

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Events() =>
    [
        (Seeds.Asif, seeds => new Event(
            AsifInterviewEvent,
            EventKind.Statement,
            "Khawaja Asif's interview with Geo TV",
            "Pakistan's Defense Minister accuses India of fuelling tensions between Islamabad and the Taliban and calls for Donald "
                + "Trump to mediate.",
            participants: [new Participant(KhawajaAsif, ParticipantRole.Initiator), new Participant(GeoTv, ParticipantRole.Host)],
            sources: CiteInterview(
                seeds,
                "Speaking in an interview with Geo TV, Khawaja Asif claimed that India is the primary instigator behind the "
                    + "deteriorating security situation along Pakistan-Afghanistan borders."))),
        (Seeds.Asif, seeds => new Event(
            ForeignMinisterVisitsIndia,
            EventKind.Visit,
            "The Taliban foreign minister's week-long visit to India",
            "A recent week-long visit; Khawaja Asif says its consequences are now evident.",
            location: new Location("India", Ind, precision: LocationPrecision.Country),
            participants: [new Participant(ForeignMinister(seeds), ParticipantRole.Visitor), new Participant(India, ParticipantRole.Host)],
            sources: Cite(seeds, asif: "a recent week-long visit by Taliban Foreign Minister Muttahida Qadri to India"))),
        (Seeds.Asif, seeds => new Event(
            AirstrikeNearKabul,
            EventKind.AirOrDroneStrike,
            "Pakistani airstrike near Kabul",
            location: new Location("near Kabul", Afg),
            participants: [new Participant(Pakistan, ParticipantRole.Initiator)],
            sources: Cite(seeds, asif: "the Taliban reportedly retaliated for a Pakistani airstrike near Kabul"))),
        (Seeds.Both, seeds => seeds switch
        {
            Seeds.Asif => new Event(
                BorderClashes,
                EventKind.ArmedClash,
                "Taliban retaliation for the Pakistani airstrike near Kabul",
                "The Taliban reportedly retaliated for the airstrike; the article does not say how or where. Both sides give casualty "
                    + "figures for it.",
                participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(PakistaniForces, ParticipantRole.Target)],
                inResponseTo: [AirstrikeNearKabul],
                sources: Cite(
                    seeds,
                    asif: "The tension escalated after the Taliban reportedly retaliated for a Pakistani airstrike near Kabul, claiming the "
                        + "deaths of 58 Pakistani soldiers.")),
            Seeds.Dar => new Event(
                BorderClashes,
                EventKind.ArmedClash,
                "Skirmishes along the Pakistan-Afghanistan border",
                "A recent and severe escalation along the border, for which both sides give casualty figures.",
                location: Border,
                participants: [new Participant(Taliban, ParticipantRole.Participant), new Participant(PakistaniForces, ParticipantRole.Participant)],
                sources: Cite(seeds, dar: "a recent and severe escalation along the porous Pakistan-Afghanistan border")),
            _ => new Event(
                BorderClashes,
                EventKind.ArmedClash,
                "Taliban retaliation and skirmishes along the Pakistan-Afghanistan border",
                "Article 000 reports the Taliban retaliating for the Pakistani airstrike near Kabul, article 002 a severe escalation with "
                    + "skirmishes along the border. Both report the same rival casualty claims for it, so the dataset holds them as one "
                    + "event.",
                location: Border,
                participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(PakistaniForces, ParticipantRole.Target)],
                inResponseTo: [AirstrikeNearKabul],
                sources: Cite(
                    seeds,
                    asif: "The tension escalated after the Taliban reportedly retaliated for a Pakistani airstrike near Kabul, claiming the "
                        + "deaths of 58 Pakistani soldiers.",
                    dar: "a recent and severe escalation along the porous Pakistan-Afghanistan border")),
        }),
        (Seeds.Asif, seeds => new Event(
            CeasefireBrokered,
            EventKind.Agreement,
            "Ceasefire brokered after Saudi and Qatari intervention",
            "A fragile ceasefire between Pakistan and the Taliban.",
            participants:
            [
                new Participant(Pakistan, ParticipantRole.Participant),
                new Participant(Taliban, ParticipantRole.Participant),
                new Participant(SaudiArabia, ParticipantRole.Facilitator),
                new Participant(Qatar, ParticipantRole.Facilitator),
            ],
            sources: Cite(seeds, asif: "A fragile ceasefire was brokered following intervention from Saudi Arabia and Qatar"))),
        (Seeds.Asif, seeds => new Event(
            AirstrikeKandahar,
            EventKind.AirOrDroneStrike,
            "Pakistani airstrike on Taliban positions in Kandahar",
            "Hostilities resumed with it, ending the ceasefire.",
            location: new Location("Kandahar", Afg),
            participants: [new Participant(Pakistan, ParticipantRole.Initiator), new Participant(Taliban, ParticipantRole.Target)],
            sources: Cite(seeds, asif: "hostilities resumed when Pakistan conducted another airstrike targeting Taliban positions in Kandahar"))),
        (Seeds.Asif, seeds => new Event(
            TankSeized,
            EventKind.Capture,
            "Taliban fighters seize a Pakistani T-55 tank",
            participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(PakistaniForces, ParticipantRole.Target)],
            sources: Cite(seeds, asif: "Taliban fighters, reportedly seizing a Pakistani T-55 tank"))),
        (Seeds.Asif, seeds => new Event(
            StreetDemonstrations,
            EventKind.ShowOfForce,
            "Taliban street demonstrations mocking Pakistani soldiers",
            "Taliban fighters parade captured uniforms.",
            participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(PakistaniForces, ParticipantRole.Target)],
            sources: Cite(seeds, asif: "staged street demonstrations mocking Pakistani soldiers, including parading captured uniforms"))),
        (Seeds.Asif, seeds => new Event(
            BagramDemand,
            EventKind.Statement,
            "Trump demands the return of Bagram Air Base",
            "Washington sought to reclaim the base, in Afghanistan, as a strategic countermeasure against China.",
            participants:
            [
                new Participant(DonaldTrump, ParticipantRole.Initiator),
                new Participant(UnitedStates, ParticipantRole.Initiator),
                new Participant(Taliban, ParticipantRole.Target),
            ],
            sources: Cite(
                seeds,
                asif: "Trump’s demand for the return of Bagram Air Base in Afghanistan, which Washington sought to reclaim as a "
                    + "strategic countermeasure against China"))),
        (Seeds.Asif, seeds => new Event(
            BagramRefusal,
            EventKind.Statement,
            "The Taliban refuse to return Bagram Air Base",
            participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(DonaldTrump, ParticipantRole.Target)],
            inResponseTo: [BagramDemand],
            sources: Cite(seeds, asif: "The group had previously refused Trump’s demand for the return of Bagram Air Base in Afghanistan"))),
        (Seeds.Dar, seeds => new Event(
            DarVisitsKabul,
            EventKind.Visit,
            "Ishaq Dar visits Kabul to meet Amir Khan Muttaqi",
            "In April; the article gives no year. Seen as signalling a potential thaw in relations between Pakistan and Afghanistan, "
                + "followed by discussions in May and August facilitated by China.",
            location: new Location("Kabul", Afg),
            participants:
            [
                new Participant(IshaqDar, ParticipantRole.Visitor),
                new Participant(ForeignMinister(seeds), ParticipantRole.Participant),
                new Participant(Taliban, ParticipantRole.Host),
            ],
            sources: Cite(
                seeds,
                dar: "Pakistani Foreign Minister Ishaq Dar’s visit to Kabul in April to meet with his Afghan Taliban counterpart, Amir "
                    + "Khan Muttaqi, signaled a potential thaw in relations between the two nations"))),
        (Seeds.Dar, seeds => new Event(
            KhyberPakhtunkhwaAttacks,
            EventKind.Other,
            "Surge in attacks in Khyber Pakhtunkhwa",
            "A rising tide of violence in the northwestern province, with significant military losses; the article names no attacker "
                + "and no single attack.",
            location: new Location("Khyber Pakhtunkhwa", Pak, ["Khyber Pakhtunkhwa"], precision: LocationPrecision.AdminLevel1),
            participants: [new Participant(PakistaniForces, ParticipantRole.Target)],
            sources: Cite(
                seeds,
                dar: "particularly in the northwestern Khyber Pakhtunkhwa province, where a surge in attacks has resulted in significant "
                    + "military losses"))),
        (Seeds.Dar, seeds => new Event(
            KabulIncidents,
            EventKind.Other,
            "Violent incidents in Kabul and other regions",
            "The article does not say what the incidents were.",
            location: new Location("Kabul and other regions", Afg),
            sources: Cite(seeds, dar: "This tense dynamic intensified following violent incidents in Kabul and other regions"))),
        (Seeds.Dar, seeds => new Event(
            TalibanThreatenRetaliation,
            EventKind.Retaliation,
            "The Taliban declare intent to retaliate against Pakistan",
            participants: [new Participant(Taliban, ParticipantRole.Initiator), new Participant(Pakistan, ParticipantRole.Target)],
            inResponseTo: [KabulIncidents],
            sources: Cite(seeds, dar: "which the Taliban accused Pakistan of instigating, leading to a declared intent to retaliate"))),
        (Seeds.Dar, seeds => new Event(
            KashmirKillings,
            EventKind.AttackOnCivilians,
            "Killing of civilians in Indian-administered Kashmir",
            location: new Location("Indian-administered Kashmir"),
            sources: Cite(seeds, dar: "the killing of civilians in Indian-administered Kashmir"))),
        (Seeds.Dar, seeds => new Event(
            PakistanWarnsOfRetribution,
            EventKind.Retaliation,
            "Pakistan warns of retributive action against assaults from Afghan territory",
            "Part of what analysts see as Pakistan's attempt to establish a \"new normal\" with the Taliban.",
            participants: [new Participant(Pakistan, ParticipantRole.Initiator), new Participant(Taliban, ParticipantRole.Target)],
            sources: Cite(
                seeds,
                dar: "Islamabad has indicated that future assaults perceived to originate from Afghan territory would lead to retributive "
                    + "action, echoing strategies employed by India in its dealings with Pakistan."))),
        (Seeds.Dar, seeds => new Event(
            UrgingActionAgainstTtp,
            EventKind.Statement,
            "China, Iran and Russia urge the Taliban to act against the TTP",
            "They urge the Taliban to act decisively against groups like the Tehreek-e-Taliban Pakistan.",
            participants:
            [
                new Participant(China, ParticipantRole.Initiator),
                new Participant(Iran, ParticipantRole.Initiator),
                new Participant(Russia, ParticipantRole.Initiator),
                new Participant(Taliban, ParticipantRole.Target),
            ],
            sources: Cite(
                seeds,
                dar: "with countries like China, Iran, and Russia urging the Taliban to act decisively against groups like the "
                    + "Tehreek-e-Taliban Pakistan (TTP)"))),
    ];
}

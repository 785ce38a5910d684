using System;
using System.Collections.Generic;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>The seed datasets' ceasefire and mediations.</summary>
internal static partial class SeedDatasets
{
    private const string ChinaRoundsExcerpt = "follow-up discussions in May and August facilitated by China";

    private static readonly CeasefireId PakistanTalibanCeasefire = new("ceasefire-pakistan-taliban");

    private static readonly MediationId SaudiQatariMediation = new("mediation-saudi-arabia-qatar");
    private static readonly MediationId TrumpMediation = new("mediation-trump");
    private static readonly MediationId ChinaMediation = new("mediation-china");
    private static readonly MediationId GulfMediation = new("mediation-gulf-nations-proposal");

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Ceasefires() =>
    [
        (Seeds.Asif, seeds => new Ceasefire(
            PakistanTalibanCeasefire,
            [Pakistan, Taliban],
            brokers: [SaudiArabia, Qatar],
            scope: CeasefireScope.Bilateral,
            history:
            [
                new StatusChange<CeasefireStatus>(
                    CeasefireStatus.Declared,
                    events: [CeasefireBrokered],
                    sources: Cite(seeds, asif: "A fragile ceasefire was brokered following intervention from Saudi Arabia and Qatar"),
                    note: "Brokered following intervention from Saudi Arabia and Qatar; described as fragile."),
                new StatusChange<CeasefireStatus>(
                    CeasefireStatus.Collapsed,
                    by: Pakistan,
                    events: [AirstrikeKandahar],
                    sources: Cite(seeds, asif: "hostilities resumed when Pakistan conducted another airstrike targeting Taliban positions in Kandahar"),
                    note: "Hostilities resumed with the Pakistani airstrike on Taliban positions in Kandahar."),
            ],
            sources: Cite(
                seeds,
                asif: "A fragile ceasefire was brokered following intervention from Saudi Arabia and Qatar, but hostilities resumed when "
                    + "Pakistan conducted another airstrike targeting Taliban positions in Kandahar."))),
    ];

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Mediations() =>
    [
        (Seeds.Asif, seeds => new Mediation(
            SaudiQatariMediation,
            [Pakistan, Taliban],
            mediators: [new Mediator(SaudiArabia), new Mediator(Qatar)],
            subject: "A ceasefire between Pakistan and the Taliban; it brokered ceasefire-pakistan-taliban.",
            sources: Cite(seeds, asif: "A fragile ceasefire was brokered following intervention from Saudi Arabia and Qatar"))),
        (Seeds.Asif, seeds => new Mediation(
            TrumpMediation,
            [Pakistan, Taliban],
            mediators: [new Mediator(DonaldTrump)],
            requestedBy: [Pakistan],
            subject: "A permanent solution to the Pak-Afghan war.",
            history:
            [
                new StatusChange<MediationStatus>(
                    MediationStatus.Requested,
                    by: KhawajaAsif,
                    claims: [AsifSeeksTrump],
                    sources: Cite(seeds, asif: "calling for former U.S. President Donald Trump to mediate a permanent solution"),
                    note: "Pakistan's Defense Minister calls for Trump to mediate; Pakistan has turned to the United States for intervention."),
                new StatusChange<MediationStatus>(
                    MediationStatus.Deferred,
                    by: DonaldTrump,
                    claims: [TrumpInDueCourse],
                    sources: Cite(
                        seeds,
                        asif: "Trump responded that he was currently engaged in resolving other conflicts but promised to address the "
                            + "situation in due course"),
                    note: "According to reports the article does not name, Trump is engaged elsewhere but will address the situation in "
                        + "due course."),
            ],
            sources: Cite(seeds, asif: "Amid this escalating conflict, Pakistan has turned to the United States for intervention."))),
        (Seeds.Dar, seeds => new Mediation(
            ChinaMediation,
            [Pakistan, Taliban],
            mediators: [new Mediator(China, MediatorRole.Facilitator)],
            subject: "Follow-up discussions to Ishaq Dar's April meeting with Amir Khan Muttaqi in Kabul.",
            history:
            [
                new StatusChange<MediationStatus>(MediationStatus.TalksHeld, sources: Cite(seeds, dar: ChinaRoundsExcerpt)),
            ],
            rounds:
            [
                new MediationRound(
                    facilitators: [China],
                    sources: Cite(seeds, dar: ChinaRoundsExcerpt),
                    note: "In May; the article gives no year."),
                new MediationRound(
                    facilitators: [China],
                    sources: Cite(seeds, dar: ChinaRoundsExcerpt),
                    note: "In August; the article gives no year."),
            ],
            sources: Cite(
                seeds,
                dar: "This meeting, along with follow-up discussions in May and August facilitated by China, hinted at an optimistic "
                    + "shift towards collaboration after years of estrangement."))),
        (Seeds.Dar, seeds => new Mediation(
            GulfMediation,
            [Pakistan, Afghanistan],
            mediators: [new Mediator(GulfNations, MediatorRole.Facilitator)],
            subject: "Renewed engagements between Pakistan and Afghanistan.",
            history:
            [
                new StatusChange<MediationStatus>(
                    MediationStatus.Proposed,
                    by: Scholars,
                    claims: [ScholarsGulfFacilitation],
                    sources: Cite(seeds, dar: "scholars suggesting that Gulf nations may facilitate renewed engagements between Pakistan and Afghanistan")),
            ],
            sources: Cite(
                seeds,
                dar: "there is hope for constructive dialogue, with scholars suggesting that Gulf nations may facilitate renewed engagements "
                    + "between Pakistan and Afghanistan"))),
    ];
}

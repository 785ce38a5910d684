using System;
using System.Collections.Generic;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>The seed datasets' casualty estimates, attributions and claims.</summary>
internal static partial class SeedDatasets
{
    private const string FiftyEightExcerptAsif = "claiming the deaths of 58 Pakistani soldiers";
    private const string FiftyEightExcerptDar = "the Taliban government claims the loss of 58 Pakistani soldiers";
    private const string TwoHundredExcerptAsif = "issuing a counter-statement that Pakistani forces had eliminated 200 Taliban militants";
    private const string TwoHundredExcerptDar = "According to Pakistani sources, over 200 Taliban fighters were reportedly killed in skirmishes";
    private const string AsifFirstQuoteExcerpt = "“India has stirred up the Taliban. That is why the conflict has spiraled out of control. I cannot even say "
        + "whether a permanent ceasefire is possible,” Asif remarked";
    private const string ArmedFactionsExcerpt = "with Islamabad and New Delhi both denying links to armed factions operating across their borders";

    private static readonly CasualtyEstimateId FiftyEightSoldiers = new("casualties-58-pakistani-soldiers");
    private static readonly CasualtyEstimateId TwoHundredTaliban = new("casualties-200-taliban");
    private static readonly CasualtyEstimateId OverTwoHundredTaliban = new("casualties-over-200-taliban");
    private static readonly CasualtyEstimateId KhyberPakhtunkhwaLosses = new("casualties-khyber-pakhtunkhwa-military-losses");

    private static readonly AttributionId IndiaInstigation = new("attribution-india-instigation");
    private static readonly AttributionId TalibanHarbouring = new("attribution-taliban-harbouring");
    private static readonly AttributionId PakistanKabulIncidents = new("attribution-pakistan-kabul-incidents");
    private static readonly AttributionId PakistanKashmirKillings = new("attribution-pakistan-kashmir-killings");
    private static readonly AttributionId IndiaArmedFactions = new("attribution-india-armed-factions");

    private static readonly ClaimId IndiaStirredUpTaliban = new("claim-india-stirred-up-taliban");
    private static readonly ClaimId PermanentCeasefireDoubt = new("claim-permanent-ceasefire-doubt");
    private static readonly ClaimId VisitConsequences = new("claim-visit-consequences-evident");
    private static readonly ClaimId FiftyEightClaim = new("claim-58-soldiers");
    private static readonly ClaimId DeclinesToConfirmFiftyEight = new("claim-pakistan-declines-to-confirm-58");
    private static readonly ClaimId TwoHundredClaim = new("claim-200-taliban");
    private static readonly ClaimId AsifSeeksTrump = new("claim-asif-seeks-trump-mediation");
    private static readonly ClaimId TrumpInDueCourse = new("claim-trump-in-due-course");
    private static readonly ClaimId TalibanSkepticalOfUs = new("claim-taliban-skeptical-of-us-intervention");
    private static readonly ClaimId AfghanSoil = new("claim-not-a-grain-of-afghan-soil");
    private static readonly ClaimId AnalystsUsInvolvement = new("claim-analysts-us-involvement-risk");
    private static readonly ClaimId PakistanAllegesHarbouring = new("claim-pakistan-alleges-harbouring");
    private static readonly ClaimId TalibanDenyHarbouring = new("claim-taliban-deny-harbouring");
    private static readonly ClaimId TalibanAccusePakistanKabul = new("claim-taliban-accuse-pakistan-kabul");
    private static readonly ClaimId IndiaAccusesPakistanKashmir = new("claim-india-accuses-pakistan-kashmir");
    private static readonly ClaimId PakistanDeniesArmedFactions = new("claim-pakistan-denies-armed-factions");
    private static readonly ClaimId IndiaDeniesArmedFactions = new("claim-india-denies-armed-factions");
    private static readonly ClaimId AnalystsNewNormal = new("claim-analysts-new-normal");
    private static readonly ClaimId TtpPrimaryThreat = new("claim-ttp-primary-threat");
    private static readonly ClaimId ScholarsGulfFacilitation = new("claim-scholars-gulf-facilitation");

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> CasualtyEstimates() =>
    [
        (Seeds.Both, seeds => new CasualtyEstimate(
            FiftyEightSoldiers,
            CasualtyPopulation.Killed,
            CasualtyFigure.Exactly(58, "58"),
            side: PakistaniForces,
            category: CasualtyCategory.Combatants,
            @event: BorderClashes,
            claimedBy: Taliban,
            sources: Cite(seeds, asif: FiftyEightExcerptAsif, dar: FiftyEightExcerptDar))),
        (Seeds.Asif, seeds => new CasualtyEstimate(
            TwoHundredTaliban,
            CasualtyPopulation.Killed,
            CasualtyFigure.Exactly(200, "200"),
            side: Taliban,
            category: CasualtyCategory.Combatants,
            @event: BorderClashes,
            claimedBy: Pakistan,
            sources: Cite(seeds, asif: TwoHundredExcerptAsif))),
        (Seeds.Dar, seeds => new CasualtyEstimate(
            OverTwoHundredTaliban,
            CasualtyPopulation.Killed,
            CasualtyFigure.AtLeast(200, exclusive: true, "over 200"),
            side: Taliban,
            category: CasualtyCategory.Combatants,
            @event: BorderClashes,
            claimedBy: Pakistan,
            sources: Cite(seeds, dar: TwoHundredExcerptDar))),
        (Seeds.Dar, seeds => new CasualtyEstimate(
            KhyberPakhtunkhwaLosses,
            CasualtyPopulation.KilledOrWounded,
            CasualtyFigure.Unknown("significant military losses"),
            side: PakistaniForces,
            category: CasualtyCategory.Combatants,
            @event: KhyberPakhtunkhwaAttacks,
            sources: Cite(seeds, dar: "a surge in attacks has resulted in significant military losses"))),
    ];

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Attributions() =>
    [
        (Seeds.Asif, seeds => new Attribution(
            IndiaInstigation,
            India,
            ResponsibilityKind.Instigation,
            situation: "the deteriorating security situation along Pakistan-Afghanistan borders",
            accuser: KhawajaAsif,
            beneficiary: Taliban,
            claims: [IndiaStirredUpTaliban, VisitConsequences],
            sources: Cite(seeds, asif: "Pakistan has openly accused India of fueling tensions between Islamabad and the Taliban"))),
        (Seeds.Dar, seeds => new Attribution(
            TalibanHarbouring,
            Taliban,
            ResponsibilityKind.Harbouring,
            situation: "cross-border assaults instigated by armed groups",
            accuser: Pakistan,
            beneficiary: ArmedGroups,
            response: AccusedResponse.Denied,
            claims: [PakistanAllegesHarbouring, TalibanDenyHarbouring],
            sources: Cite(
                seeds,
                dar: "Islamabad alleges that the Taliban has provided refuge to armed groups that instigate cross-border assaults, a claim "
                    + "the Taliban steadfastly denies."))),
        (Seeds.Dar, seeds => new Attribution(
            PakistanKabulIncidents,
            Pakistan,
            ResponsibilityKind.Instigation,
            @event: KabulIncidents,
            accuser: Taliban,
            claims: [TalibanAccusePakistanKabul],
            sources: Cite(seeds, dar: "violent incidents in Kabul and other regions, which the Taliban accused Pakistan of instigating"))),
        (Seeds.Dar, seeds => new Attribution(
            PakistanKashmirKillings,
            Pakistan,
            ResponsibilityKind.Support,
            @event: KashmirKillings,
            accuser: India,
            response: AccusedResponse.Denied,
            claims: [IndiaAccusesPakistanKashmir, PakistanDeniesArmedFactions],
            sources: Cite(
                seeds,
                dar: "accusations from India of Pakistani involvement in the killing of civilians in Indian-administered Kashmir"))),
        (Seeds.Dar, seeds => new Attribution(
            IndiaArmedFactions,
            India,
            ResponsibilityKind.Support,
            situation: "armed factions operating across its borders",
            accuser: Pakistan,
            response: AccusedResponse.Denied,
            claims: [IndiaDeniesArmedFactions],
            sources: Cite(
                seeds,
                dar: "a broader regional context where accusations and counteraccusations are common, with Islamabad and New Delhi both "
                    + "denying links to armed factions operating across their borders"))),
    ];

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Claims() =>
    [
        (Seeds.Asif, seeds => new Claim(
            IndiaStirredUpTaliban,
            KhawajaAsif,
            ClaimStance.Asserts,
            ClaimSubject.About(IndiaInstigation),
            "India has stirred up the Taliban and is the primary instigator behind the deteriorating security situation along the "
                + "Pakistan-Afghanistan borders; that is why the conflict has spiraled out of control.",
            "India has stirred up the Taliban. That is why the conflict has spiraled out of control.",
            sources: CiteInterview(seeds, AsifFirstQuoteExcerpt))),
        (Seeds.Asif, seeds => new Claim(
            PermanentCeasefireDoubt,
            KhawajaAsif,
            ClaimStance.Asserts,
            ClaimSubject.Position(),
            "He cannot say whether a permanent ceasefire is possible.",
            "I cannot even say whether a permanent ceasefire is possible",
            sources: CiteInterview(seeds, AsifFirstQuoteExcerpt))),
        (Seeds.Asif, seeds => new Claim(
            VisitConsequences,
            KhawajaAsif,
            ClaimStance.Asserts,
            ClaimSubject.About(IndiaInstigation),
            "The consequences of the Taliban foreign minister's visit to India are now evident: the Taliban's actions were influenced "
                + "by New Delhi.",
            "The consequences of that visit are now evident",
            sources: CiteInterview(
                seeds,
                "“The consequences of that visit are now evident,” he added, implying that the Taliban’s actions were influenced by New "
                    + "Delhi."))),
        (Seeds.Both, seeds => new Claim(
            FiftyEightClaim,
            Taliban,
            ClaimStance.Asserts,
            ClaimSubject.About(FiftyEightSoldiers),
            "58 Pakistani soldiers were killed.",
            sources: Cite(seeds, asif: FiftyEightExcerptAsif, dar: FiftyEightExcerptDar))),
        (Seeds.Asif, seeds => new Claim(
            DeclinesToConfirmFiftyEight,
            Pakistan,
            ClaimStance.DeclinesToConfirm,
            ClaimSubject.About(FiftyEightSoldiers),
            "Islamabad refrains from confirming the Taliban's casualty figures.",
            sources: Cite(seeds, asif: "Islamabad, however, refrained from confirming the casualty figures"),
            inResponseTo: FiftyEightClaim)),
        (Seeds.Both, seeds => new Claim(
            TwoHundredClaim,
            Pakistan,
            ClaimStance.Asserts,
            ClaimSubject.About(seeds.HasFlag(Seeds.Dar) ? OverTwoHundredTaliban : TwoHundredTaliban),
            seeds switch
            {
                Seeds.Asif => "Pakistani forces eliminated 200 Taliban militants.",
                Seeds.Dar => "Over 200 Taliban fighters were killed in skirmishes.",
                _ => "Pakistani forces killed over 200 Taliban fighters. Article 000 renders the figure as 200 (estimate "
                    + "casualties-200-taliban), article 002 as over 200 (estimate casualties-over-200-taliban, this claim's subject).",
            },
            sources: Cite(seeds, asif: TwoHundredExcerptAsif, dar: TwoHundredExcerptDar),
            inResponseTo: seeds.HasFlag(Seeds.Asif) ? FiftyEightClaim : null)),
        (Seeds.Asif, seeds => new Claim(
            AsifSeeksTrump,
            KhawajaAsif,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(TrumpMediation),
            "While most American presidents initiate wars, Trump is uniquely committed to ending them; Pakistan seeks his help to "
                + "resolve the Pak-Afghan war.",
            "No other U.S. president has shown a genuine love for peace like Trump. That is why we seek his help to resolve the "
                + "Pak-Afghan war",
            sources: Cite(
                seeds,
                asif: "“No other U.S. president has shown a genuine love for peace like Trump. That is why we seek his help to resolve "
                    + "the Pak-Afghan war,” Asif said."))),
        (Seeds.Asif, seeds => new Claim(
            TrumpInDueCourse,
            DonaldTrump,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(TrumpMediation),
            "He is engaged in resolving other conflicts but will address the situation in due course.",
            sources: Cite(
                seeds,
                asif: "According to reports, Trump responded that he was currently engaged in resolving other conflicts but promised to "
                    + "address the situation in due course."),
            inResponseTo: AsifSeeksTrump)),
        (Seeds.Asif, seeds => new Claim(
            TalibanSkepticalOfUs,
            Taliban,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(TrumpMediation),
            "The Taliban are skeptical of any U.S. intervention.",
            sources: Cite(seeds, asif: "The Taliban, however, have expressed skepticism regarding any U.S. intervention."))),
        (Seeds.Asif, seeds => new Claim(
            AfghanSoil,
            Taliban,
            ClaimStance.Asserts,
            ClaimSubject.Position(),
            "Afghanistan will not cede a single grain of Afghan soil.",
            "a single grain of Afghan soil",
            sources: Cite(
                seeds,
                asif: "Taliban leaders warned that Afghanistan would not cede “a single grain of Afghan soil,” underscoring their firm "
                    + "stance on sovereignty amid external pressures."))),
        (Seeds.Asif, seeds => new Claim(
            AnalystsUsInvolvement,
            Analysts,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(TrumpMediation),
            "Any U.S. involvement could provoke further tensions, as the Taliban remain highly sensitive to perceived infringements on "
                + "Afghan territory.",
            sources: Cite(
                seeds,
                asif: "Analysts caution that any U.S. involvement could provoke further tensions, as the Taliban remain highly sensitive "
                    + "to perceived infringements on Afghan territory."))),
        (Seeds.Dar, seeds => new Claim(
            PakistanAllegesHarbouring,
            Pakistan,
            ClaimStance.Asserts,
            ClaimSubject.About(TalibanHarbouring),
            "The Taliban has provided refuge to armed groups that instigate cross-border assaults.",
            sources: Cite(seeds, dar: "Islamabad alleges that the Taliban has provided refuge to armed groups that instigate cross-border assaults"))),
        (Seeds.Dar, seeds => new Claim(
            TalibanDenyHarbouring,
            Taliban,
            ClaimStance.Denies,
            ClaimSubject.About(TalibanHarbouring),
            "The Taliban has not provided refuge to armed groups.",
            sources: Cite(seeds, dar: "a claim the Taliban steadfastly denies"),
            inResponseTo: PakistanAllegesHarbouring)),
        (Seeds.Dar, seeds => new Claim(
            TalibanAccusePakistanKabul,
            Taliban,
            ClaimStance.Asserts,
            ClaimSubject.About(PakistanKabulIncidents),
            "Pakistan instigated the violent incidents in Kabul and other regions.",
            sources: Cite(seeds, dar: "violent incidents in Kabul and other regions, which the Taliban accused Pakistan of instigating"))),
        (Seeds.Dar, seeds => new Claim(
            IndiaAccusesPakistanKashmir,
            India,
            ClaimStance.Asserts,
            ClaimSubject.About(PakistanKashmirKillings),
            "Pakistan was involved in the killing of civilians in Indian-administered Kashmir.",
            sources: Cite(
                seeds,
                dar: "accusations from India of Pakistani involvement in the killing of civilians in Indian-administered Kashmir"))),
        (Seeds.Dar, seeds => new Claim(
            PakistanDeniesArmedFactions,
            Pakistan,
            ClaimStance.Denies,
            ClaimSubject.About(PakistanKashmirKillings),
            "Islamabad denies links to armed factions operating across its borders.",
            sources: Cite(seeds, dar: ArmedFactionsExcerpt),
            inResponseTo: IndiaAccusesPakistanKashmir)),
        (Seeds.Dar, seeds => new Claim(
            IndiaDeniesArmedFactions,
            India,
            ClaimStance.Denies,
            ClaimSubject.About(IndiaArmedFactions),
            "New Delhi denies links to armed factions operating across its borders.",
            sources: Cite(seeds, dar: ArmedFactionsExcerpt))),
        (Seeds.Dar, seeds => new Claim(
            AnalystsNewNormal,
            Analysts,
            ClaimStance.Asserts,
            ClaimSubject.Position(),
            "Pakistan is attempting to establish a new normal with the Taliban.",
            "new normal",
            sources: Cite(seeds, dar: "analysts are observing Pakistan’s attempts to establish a “new normal” with the Taliban"))),
        (Seeds.Dar, seeds => new Claim(
            TtpPrimaryThreat,
            Pakistan,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(Ttp),
            "The Tehreek-e-Taliban Pakistan (TTP) is a primary threat.",
            sources: Cite(seeds, dar: "the Tehreek-e-Taliban Pakistan (TTP) which Islamabad cites as a primary threat"))),
        (Seeds.Dar, seeds => new Claim(
            ScholarsGulfFacilitation,
            Scholars,
            ClaimStance.Asserts,
            ClaimSubject.PositionOn(GulfMediation),
            "Gulf nations may facilitate renewed engagements between Pakistan and Afghanistan.",
            sources: Cite(
                seeds,
                dar: "with scholars suggesting that Gulf nations may facilitate renewed engagements between Pakistan and Afghanistan"))),
    ];
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM5001, CM5009, CM5010 and CM5014: records that cite no source.</summary>
internal sealed class MissingSourceRule : DatasetRule
{
    public static DiagnosticDescriptor ClaimWithoutSource { get; } = RuleDescriptors.Create(
        "CM5001", "Claim without a source", "The claim cites no source", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Who said what is only as good as where it was reported. A claim without a citation cannot be checked; cite the article, statement or post that reports it.");

    public static DiagnosticDescriptor EventWithoutSource { get; } = RuleDescriptors.Create(
        "CM5009", "Event without a source", "The event cites no source", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Every event should be traceable to a report of it.");

    public static DiagnosticDescriptor EstimateWithoutSource { get; } = RuleDescriptors.Create(
        "CM5010", "Casualty estimate without a source", "The casualty estimate cites no source", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Casualty figures are disputed more than anything else in conflict reporting; each must say where it comes from: cite the source, or record the claim that gives the figure (a claim asserting the estimate, with its citation). Not reported when part of the input could not be read.");

    public static DiagnosticDescriptor AttributionWithoutEvidence { get; } = RuleDescriptors.Create(
        "CM5014", "Attribution without evidence", "The attribution cites no source and no claim", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Holding an actor responsible needs evidence: the claims that make the accusation, or the sources that report it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [ClaimWithoutSource, EventWithoutSource, EstimateWithoutSource, AttributionWithoutEvidence];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Claim>(static c =>
        {
            if (c.Record.Sources.IsEmpty)
            {
                c.Report(ClaimWithoutSource, null);
            }
        });
        context.RegisterRecordAction<Event>(static c =>
        {
            if (c.Record.Sources.IsEmpty)
            {
                c.Report(EventWithoutSource, null);
            }
        });
        context.RegisterStartAction(start =>
        {
            // Per validation: the estimates that cite no source (their places, which give their ids' numbers and
            // handles back: a bit each, and 4 bytes each for the rare place below zero), and the estimates some claim with a citation asserts (a bit per id number); at the end,
            // those of the first not among the second.
            var unsourced = new IdBits();
            var unsourcedAside = new ChunkedList<int>();
            var sourcedByClaim = new IdBits();
            start.RegisterRecordAction<CasualtyEstimate>(c =>
            {
                if (c.Record.Sources.IsEmpty)
                {
                    int place = c.Place;
                    if (place >= 0)
                    {
                        unsourced.Add(place);
                    }
                    else
                    {
                        unsourcedAside.Add(place);
                    }
                }
            });
            start.RegisterRecordAction<Claim>(c =>
            {
                if (c.Record.Stance == ClaimStance.Asserts && c.Record.Subject.CasualtyEstimate is { Value: { } estimate } && !c.Record.Sources.IsEmpty)
                {
                    sourcedByClaim.Add(c.IdNumber(RecordKind.CasualtyEstimate, estimate));
                }
            });
            start.RegisterEndAction(end =>
            {
                if (!end.IsInputComplete)
                {
                    // A claim that was not read may be the one that sources them.
                    return;
                }

                foreach (int place in unsourced.Numbers.Concat(Enumerable.Range(0, unsourcedAside.Count).Select(i => unsourcedAside[i])))
                {
                    if (!sourcedByClaim.Contains(end.IdNumberOf(place)))
                    {
                        end.Report(EstimateWithoutSource, end.HandleOf(place), null);
                    }
                }
            });
        });
        context.RegisterRecordAction<Attribution>(static c =>
        {
            if (c.Record.Sources.IsEmpty && c.Record.Claims.IsEmpty)
            {
                c.Report(AttributionWithoutEvidence, null);
            }
        });
    }
}

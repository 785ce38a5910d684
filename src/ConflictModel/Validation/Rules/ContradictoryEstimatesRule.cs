using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2008: estimates of the same people that cannot both be right.</summary>
internal sealed class ContradictoryEstimatesRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM2008", "Contradictory estimates", "'{0}' and '{1}' count the same people but cannot both be right ({2} and {3})", DiagnosticCategories.Casualties, DiagnosticSeverity.Info,
        "Rival figures for the same population are what conflict reporting is about, and the dataset keeps them all; this lists the pairs that exclude each other (\"200\" and \"over 200\"), allowing 10% around approximate figures. It is information, not an error.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.CasualtyEstimate];

    public override void Analyze(RuleContext context)
    {
        var groups = new Dictionary<(CasualtyPopulation, ActorId?, CasualtyCategory?, EventId?, EdtfDate?, Location?), List<CasualtyEstimate>>();
        foreach (CasualtyEstimate estimate in context.Dataset.CasualtyEstimates)
        {
            var key = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);
            if (!groups.TryGetValue(key, out List<CasualtyEstimate>? group))
            {
                groups[key] = group = [];
            }

            group.Add(estimate);
        }

        foreach (List<CasualtyEstimate> group in groups.Values.Where(g => g.Count > 1))
        {
            // Each estimate is reported once, with the first estimate it contradicts, so that a large group of rival
            // figures gives one finding per figure rather than one per pair.
            var byId = new Dictionary<CasualtyEstimateId, CasualtyEstimate>();
            foreach (CasualtyEstimate estimate in group)
            {
                byId.TryAdd(estimate.Id, estimate);
            }

            var reported = new HashSet<CasualtyEstimateId>();
            foreach (CasualtyConflict conflict in CasualtyEnvelope.Of(group).Conflicts)
            {
                if (reported.Add(conflict.Second))
                {
                    CasualtyEstimate first = byId[conflict.First];
                    CasualtyEstimate second = byId[conflict.Second];
                    context.Report(Descriptor, second, "/figure", [context.LocationOf(first, "/figure")], first.RecordId, second.RecordId, Describe(first.Figure), Describe(second.Figure));
                }
            }
        }
    }

    private static string Describe(CasualtyFigure figure)
        => figure.Phrase ?? FigureText.Range(figure.Minimum() ?? 0, figure.Maximum() ?? long.MaxValue);
}

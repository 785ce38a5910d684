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

    /// <summary>
    /// Streaming: per group, each estimate's id, figure and handle (not the estimate); at the end the groups with
    /// more than one estimate are compared exactly as <see cref="Analyze"/> compares them.
    /// </summary>
    public override StreamingRuleState BeginStreaming() => new State();

    private sealed class State : StreamingRuleState
    {
        private readonly Dictionary<(CasualtyPopulation, ActorId?, CasualtyCategory?, EventId?, EdtfDate?, Location?), object> _groups = [];

        public override void Record(StreamingRuleContext context)
        {
            if (context.Record is not CasualtyEstimate estimate)
            {
                return;
            }

            var key = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);
            var member = new Member(estimate.Id, estimate.Figure, context.Handle!);
            if (!_groups.TryGetValue(key, out object? group))
            {
                _groups[key] = member; // most groups hold one estimate: no list for them
            }
            else if (group is List<Member> list)
            {
                list.Add(member);
            }
            else
            {
                _groups[key] = new List<Member> { (Member)group, member };
            }
        }

        public override void End(StreamingRuleContext context)
        {
            foreach (object value in _groups.Values)
            {
                if (value is not List<Member> group)
                {
                    continue;
                }

                var byId = new Dictionary<CasualtyEstimateId, Member>();
                var ranges = new List<(CasualtyEstimateId Id, long Min, long Max)>();
                foreach (Member member in group)
                {
                    byId.TryAdd(member.Id, member);
                    if (member.Figure.Minimum(0.1) is { } min && member.Figure.Maximum(0.1) is { } max)
                    {
                        ranges.Add((member.Id, min, max));
                    }
                }

                var reported = new HashSet<CasualtyEstimateId>();
                for (int i = 0; i < ranges.Count; i++)
                {
                    for (int j = i + 1; j < ranges.Count; j++)
                    {
                        if ((ranges[i].Max < ranges[j].Min || ranges[j].Max < ranges[i].Min) && reported.Add(ranges[j].Id))
                        {
                            Member first = byId[ranges[i].Id];
                            Member second = byId[ranges[j].Id];
                            context.Report(Diagnostic.Create(Descriptor, context.LocationOf(second.Handle, "/figure"), [context.LocationOf(first.Handle, "/figure")], first.Id.Value, second.Id.Value, Describe(first.Figure), Describe(second.Figure)));
                        }
                    }
                }
            }
        }
    }

    private sealed record Member(CasualtyEstimateId Id, CasualtyFigure Figure, RecordHandle Handle);
}

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
    /// Streaming: each estimate's handle under the hash of its group's key (not the key: it holds the estimate's
    /// location and more); at the end the estimates of each hash with more than one are read again, grouped by their
    /// exact key in input order, and compared exactly as <see cref="Analyze"/> compares them.
    /// </summary>
    public override StreamingRuleState BeginStreaming() => new State();

    private sealed class State : StreamingRuleState
    {
        // Most keys have one estimate: its handle sits in the dictionary itself (no list, no box); a second estimate
        // under the same hash moves both to a list, in input order.
        private readonly Dictionary<int, RecordHandle> _single = [];
        private readonly Dictionary<int, List<RecordHandle>> _several = [];

        public override void Record(StreamingRuleContext context)
        {
            if (context.Record is not CasualtyEstimate estimate)
            {
                return;
            }

            // The tuple's hash is the one Analyze's dictionary groups by, so equal keys share a hash.
            int hash = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location).GetHashCode();
            RecordHandle handle = context.Handle;
            if (_several.TryGetValue(hash, out List<RecordHandle>? list))
            {
                list.Add(handle);
            }
            else if (_single.Remove(hash, out RecordHandle first))
            {
                _several[hash] = [first, handle];
            }
            else
            {
                _single[hash] = handle;
            }
        }

        public override void End(StreamingRuleContext context)
        {
            foreach (List<RecordHandle> handles in _several.Values)
            {
                // Estimates whose keys differ but whose hashes collide are told apart here.
                var groups = new Dictionary<(CasualtyPopulation, ActorId?, CasualtyCategory?, EventId?, EdtfDate?, Location?), List<(CasualtyEstimate Estimate, RecordHandle Handle)>>();
                foreach (RecordHandle handle in handles)
                {
                    if (context.ReadAgain(handle) is not CasualtyEstimate estimate)
                    {
                        continue;
                    }

                    var key = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);
                    if (!groups.TryGetValue(key, out List<(CasualtyEstimate, RecordHandle)>? group))
                    {
                        groups[key] = group = [];
                    }

                    group.Add((estimate, handle));
                }

                foreach (List<(CasualtyEstimate Estimate, RecordHandle Handle)> group in groups.Values.Where(g => g.Count > 1))
                {
                    Compare(context, group);
                }
            }
        }

        private static void Compare(StreamingRuleContext context, List<(CasualtyEstimate Estimate, RecordHandle Handle)> group)
        {
            var byId = new Dictionary<CasualtyEstimateId, (CasualtyEstimate Estimate, RecordHandle Handle)>();
            foreach ((CasualtyEstimate estimate, RecordHandle handle) in group)
            {
                byId.TryAdd(estimate.Id, (estimate, handle));
            }

            var reported = new HashSet<CasualtyEstimateId>();
            foreach (CasualtyConflict conflict in CasualtyEnvelope.Of(group.Select(m => m.Estimate)).Conflicts)
            {
                if (reported.Add(conflict.Second))
                {
                    (CasualtyEstimate first, RecordHandle firstHandle) = byId[conflict.First];
                    (CasualtyEstimate second, RecordHandle secondHandle) = byId[conflict.Second];
                    context.Report(Diagnostic.Create(Descriptor, context.LocationOf(secondHandle, "/figure"), [context.LocationOf(firstHandle, "/figure")], first.RecordId, second.RecordId, Describe(first.Figure), Describe(second.Figure)));
                }
            }
        }
    }
}

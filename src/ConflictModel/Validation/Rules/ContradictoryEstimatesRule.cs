using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2008: estimates of the same people that cannot both be right.</summary>
internal sealed class ContradictoryEstimatesRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM2008", "Contradictory estimates", "'{0}' and '{1}' count the same people but cannot both be right ({2} and {3})", DiagnosticCategories.Casualties, DiagnosticSeverity.Info,
        "Rival figures for the same population are what conflict reporting is about, and the dataset keeps them all; this lists the pairs that exclude each other (\"200\" and \"over 200\"), allowing 10% around approximate figures. A figure its claimant has replaced (every claim asserting it superseded by the same claimant's later claim) contradicts nothing. It is information, not an error.");

    private readonly System.Func<int, int> _narrow;

    /// <summary>Creates the rule.</summary>
    public ContradictoryEstimatesRule()
        : this(static hash => hash)
    {
    }

    /// <summary>Creates the rule with the hashes it keeps narrowed (a test seam: a constant makes every key's hash collide).</summary>
    internal ContradictoryEstimatesRule(System.Func<int, int> narrow) => _narrow = narrow;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <summary>
    /// The contradicting pairs of one group, as indices into it: each estimate is reported once, with the first
    /// estimate (by id) it contradicts, so that a large group of rival figures gives one finding per figure rather
    /// than one per pair.
    /// </summary>
    private static IEnumerable<(int First, int Second)> Contradictions(List<CasualtyEstimate> group)
    {
        var byId = new Dictionary<CasualtyEstimateId, int>();
        for (int i = 0; i < group.Count; i++)
        {
            byId.TryAdd(group[i].Id, i);
        }

        var reported = new HashSet<CasualtyEstimateId>();
        foreach (CasualtyConflict conflict in CasualtyEnvelope.Of(group).Conflicts)
        {
            if (reported.Add(conflict.Second))
            {
                yield return (byId[conflict.First], byId[conflict.Second]);
            }
        }
    }

    /// <summary>Gets what makes two estimates count the same people: population, side, category, event, period and place.</summary>
    private static Key KeyOf(CasualtyEstimate estimate)
        => new(estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);

    private static object[] Arguments(CasualtyEstimate first, CasualtyEstimate second)
        => [first.RecordId, second.RecordId, Describe(first.Figure), Describe(second.Figure)];

    private static string Describe(CasualtyFigure figure)
        => figure.Phrase ?? FigureText.Range(figure.Minimum() ?? 0, figure.Maximum() ?? long.MaxValue);

    /// <summary>
    /// Per validation: each estimate's place under the hash of its group's key (not the key: it holds the estimate's
    /// location and more), and the ids of claims that assert or supersede (<see cref="SupersededEstimates"/>); at the
    /// end the estimates of each hash with more than one are read again, those not superseded grouped by their exact
    /// key in input order, and compared (<see cref="Contradictions"/>).
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(start =>
        {
            var state = new State(_narrow);
            start.RegisterRecordAction<CasualtyEstimate>(state.Record);
            start.RegisterRecordAction<Claim>(state.Claim);
            start.RegisterEndAction(state.End);
        });

    private sealed class State(System.Func<int, int> narrow)
    {
        private readonly PlacesByHash _byKey = new(); // 8 bytes an estimate, in chunks
        private readonly SupersededEstimates _superseded = new();

        public void Record(RecordContext<CasualtyEstimate> context)
            => _byKey.Add(narrow(KeyOf(context.Record).GetHashCode()), context.Place); // equal keys share a hash

        public void Claim(RecordContext<Claim> context) => _superseded.Add(context.Record);

        public void End(RuleEndContext context)
        {
            foreach (List<int> places in _byKey.Several)
            {
                // Estimates whose keys differ but whose hashes collide are told apart here, in input order.
                var groups = new Dictionary<Key, (List<CasualtyEstimate> Estimates, List<RecordHandle> Handles)>();
                foreach (int place in places)
                {
                    RecordHandle handle = context.HandleOf(place);
                    // A figure its claimant replaced (a revision, a retraction) is no one's figure any more.
                    if (context.ReadAgain(handle) is CasualtyEstimate estimate && !_superseded.Contains(estimate.Id))
                    {
                        Key key = KeyOf(estimate);
                        if (!groups.TryGetValue(key, out (List<CasualtyEstimate> Estimates, List<RecordHandle> Handles) group))
                        {
                            groups[key] = group = ([], []);
                        }

                        group.Estimates.Add(estimate);
                        group.Handles.Add(handle);
                    }
                }

                foreach ((List<CasualtyEstimate> estimates, List<RecordHandle> kept) in groups.Values.Where(g => g.Estimates.Count > 1))
                {
                    foreach ((int first, int second) in Contradictions(estimates))
                    {
                        context.Report(Diagnostic.Create(Descriptor, context.LocationOf(kept[second], "/figure"), [context.LocationOf(kept[first], "/figure")], Arguments(estimates[first], estimates[second])));
                    }
                }
            }
        }
    }

    private readonly record struct Key(CasualtyPopulation Population, ActorId? Side, CasualtyCategory? Category, EventId? Event, EdtfDate? Period, Location? Location);
}

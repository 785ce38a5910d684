using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1004: records that refer to each other in a circle along a relation that must be a hierarchy or a sequence.</summary>
internal sealed class ReferenceCycleRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1004", "Reference cycle", "'{0}' leads back to itself through '{1}': {2}", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Affiliation, a source's basedOn, a claim's supersedes and inResponseTo, an event's inResponseTo and an estimate's components each form a hierarchy or a sequence in time; a circle means one of the links is the wrong way round. Reported once per cycle, at its first record.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.Actor, RecordKind.Source, RecordKind.Claim, RecordKind.Event, RecordKind.CasualtyEstimate];

    /// <summary>
    /// Only the first record with an id can be on a cycle (later ones are never entered), and only one with links;
    /// the others change nothing, so a streaming validation need not keep them.
    /// </summary>
    public override bool Retains(ConflictRecord record, bool firstWithId) => firstWithId && record switch
    {
        Actor a => a.AffiliatedWith is not null,
        Source s => !s.BasedOn.IsEmpty,
        Claim c => c.Supersedes is not null || c.InResponseTo is not null,
        Event e => !e.InResponseTo.IsEmpty,
        CasualtyEstimate e => !e.Components.IsEmpty,
        _ => false,
    };

    public override void Analyze(RuleContext context)
    {
        Dataset dataset = context.Dataset;
        Check(context, dataset.Actors, "affiliatedWith", a => a.AffiliatedWith is { } id ? [id.Value] : []);
        Check(context, dataset.Sources, "basedOn", s => s.BasedOn.Select(id => id.Value));
        Check(context, dataset.Claims, "supersedes", c => c.Supersedes is { } id ? [id.Value] : []);
        Check(context, dataset.Claims, "inResponseTo", c => c.InResponseTo is { } id ? [id.Value] : []);
        Check(context, dataset.Events, "inResponseTo", e => e.InResponseTo.Select(id => id.Value));
        Check(context, dataset.CasualtyEstimates, "components", e => e.Components.Select(id => id.Value));
    }

    private static void Check<TRecord>(RuleContext context, ImmutableArray<TRecord> records, string member, Func<TRecord, IEnumerable<string>> next)
        where TRecord : ConflictRecord
    {
        var byId = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        foreach (TRecord record in records)
        {
            byId.TryAdd(record.RecordId, record);
        }

        // Colours: absent = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (TRecord start in records)
        {
            if (state.ContainsKey(start.RecordId))
            {
                continue;
            }

            var path = new List<string>();
            var stack = new Stack<(string Id, IEnumerator<string> Next)>();
            Enter(start.RecordId);
            while (stack.Count > 0)
            {
                (string id, IEnumerator<string> children) = stack.Peek();
                if (!children.MoveNext())
                {
                    stack.Pop();
                    path.RemoveAt(path.Count - 1);
                    state[id] = 2;
                    continue;
                }

                string child = children.Current;
                if (!byId.ContainsKey(child) || string.Equals(child, id, StringComparison.Ordinal))
                {
                    continue; // dangling references and self-references have rules of their own
                }

                if (!state.TryGetValue(child, out int colour))
                {
                    Enter(child);
                }
                else if (colour == 1)
                {
                    List<string> cycle = path.Skip(path.IndexOf(child)).ToList();
                    string first = cycle.OrderBy(c => records.IndexOf(byId[c])).First();
                    if (cycle.All(c => !reported.Contains(c)))
                    {
                        reported.UnionWith(cycle);
                        int at = cycle.IndexOf(first);
                        IEnumerable<string> ordered = cycle.Skip(at).Concat(cycle.Take(at)).Append(first);
                        context.Report(Descriptor, byId[first], Pointer(byId[first], member, next, cycle), first, member, string.Join(" → ", ordered));
                    }
                }
            }

            void Enter(string id)
            {
                state[id] = 1;
                path.Add(id);
                IEnumerable<string> children = byId.TryGetValue(id, out TRecord? record) ? next(record).ToList() : [];
                stack.Push((id, children.GetEnumerator()));
            }
        }
    }

    private static string Pointer<TRecord>(TRecord record, string member, Func<TRecord, IEnumerable<string>> next, List<string> cycle)
    {
        int index = next(record).ToList().FindIndex(cycle.Contains);
        return member is "affiliatedWith" or "supersedes" || (member == "inResponseTo" && record is Claim) ? $"/{member}" : $"/{member}/{index}";
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1004: records that refer to each other in a circle along a relation that must be a hierarchy or a sequence.</summary>
internal sealed class ReferenceCycleRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1004", "Reference cycle", "'{0}' leads back to itself through '{1}': {2}", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Affiliation, a source's basedOn, a claim's supersedes and inResponseTo, an event's inResponseTo and an estimate's components each form a hierarchy or a sequence in time; a circle means one of the links is the wrong way round. Reported once per cycle, at its first record.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <summary>The relations checked: the kind they are on, the member, whether it is a list, and the ids it names.</summary>
    private static readonly Relation[] Relations =
    [
        new(RecordKind.Actor, "affiliatedWith", Indexed: false, r => ((Actor)r).AffiliatedWith is { } id ? [id.Value] : []),
        new(RecordKind.Source, "basedOn", Indexed: true, r => [.. ((Source)r).BasedOn.Select(id => id.Value)]),
        new(RecordKind.Claim, "supersedes", Indexed: false, r => ((Claim)r).Supersedes is { } id ? [id.Value] : []),
        new(RecordKind.Claim, "inResponseTo", Indexed: false, r => ((Claim)r).InResponseTo is { } id ? [id.Value] : []),
        new(RecordKind.Event, "inResponseTo", Indexed: true, r => [.. ((Event)r).InResponseTo.Select(id => id.Value)]),
        new(RecordKind.CasualtyEstimate, "components", Indexed: true, r => [.. ((CasualtyEstimate)r).Components.Select(id => id.Value)]),
    ];

    /// <summary>
    /// The cycles through <paramref name="isNode"/>'s ids, each once: a depth-first search from each start in turn,
    /// reporting a cycle none of whose ids is on a cycle reported before, at its earliest id by <paramref name="order"/>,
    /// with the path from there round to it again. Links to ids that are not nodes, and links of an id to itself, lead
    /// nowhere (other rules report those).
    /// </summary>
    private static IEnumerable<(string First, List<string> Cycle, string Path)> Cycles(IEnumerable<string> starts, Func<string, bool> isNode, Func<string, string[]> links, Func<string, long> order)
    {
        // Colours: absent = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in starts)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<string>();
            var stack = new List<(string Id, string[] Links, int Next)>();
            Enter(start);
            while (stack.Count > 0)
            {
                (string id, string[] next, int at) = stack[^1];
                if (at == next.Length)
                {
                    stack.RemoveAt(stack.Count - 1);
                    path.RemoveAt(path.Count - 1);
                    state[id] = 2;
                    continue;
                }

                stack[^1] = (id, next, at + 1);
                string child = next[at];
                if (!isNode(child) || string.Equals(child, id, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!state.TryGetValue(child, out int colour))
                {
                    Enter(child);
                }
                else if (colour == 1)
                {
                    List<string> cycle = path.Skip(path.IndexOf(child)).ToList();
                    if (cycle.All(c => !reported.Contains(c)))
                    {
                        reported.UnionWith(cycle);
                        string first = cycle.MinBy(order)!;
                        int from = cycle.IndexOf(first);
                        yield return (first, cycle, string.Join(" → ", cycle.Skip(from).Concat(cycle.Take(from)).Append(first)));
                    }
                }
            }

            void Enter(string id)
            {
                state[id] = 1;
                path.Add(id);
                stack.Add((id, links(id), 0));
            }
        }
    }

    /// <summary>
    /// Per validation: per relation, the first record of each id that has links (<see cref="RecordContext{TRecord}.IsFirstWithId"/>:
    /// lookups follow the first record with an id), as the hashes of its links, its place in the input and its handle;
    /// at the end the search of <see cref="Cycles"/> runs over them. Records without links are left out: they cannot be
    /// on a cycle.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<Actor>(state.Record);
            start.RegisterRecordAction<Source>(state.Record);
            start.RegisterRecordAction<Claim>(state.Record);
            start.RegisterRecordAction<Event>(state.Record);
            start.RegisterRecordAction<CasualtyEstimate>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly Dictionary<string, Node>[] _nodes = [.. Relations.Select(_ => new Dictionary<string, Node>(StringComparer.Ordinal))];
        private long _order;

        public void Record<TRecord>(RecordContext<TRecord> context)
            where TRecord : ConflictRecord
        {
            ConflictRecord record = context.Record;
            long order = _order++;
            if (!context.IsFirstWithId)
            {
                return; // lookups follow the first record with an id
            }

            for (int i = 0; i < Relations.Length; i++)
            {
                if (Relations[i].Kind == record.RecordKind && Relations[i].Links(record) is { Length: > 0 } links)
                {
                    _nodes[i].Add(record.RecordId, new Node(LinkHashes(links), order, context.Handle));
                }
            }
        }

        public void End(RuleEndContext context)
        {
            for (int i = 0; i < Relations.Length; i++)
            {
                Relation relation = Relations[i];
                Dictionary<string, Node> nodes = _nodes[i];
                Dictionary<string, string[]> exact = ExactLinks(context, relation, nodes);
                IEnumerable<string> starts = nodes.OrderBy(n => n.Value.Order).Select(n => n.Key);
                foreach ((string id, List<string> cycle, string path) in Cycles(starts, nodes.ContainsKey, id => exact.TryGetValue(id, out string[]? links) ? links : [], id => nodes[id].Order))
                {
                    context.Report(Diagnostic.Create(Descriptor, context.LocationOf(nodes[id].Handle, relation.Pointer(exact[id], cycle)), id, relation.Member, path));
                }
            }
        }

        private static int[] LinkHashes(string[] links)
        {
            int[] hashes = new int[links.Length];
            for (int i = 0; i < links.Length; i++)
            {
                hashes[i] = string.GetHashCode(links[i], StringComparison.Ordinal);
            }

            return hashes;
        }

        /// <summary>
        /// The links that can be part of a cycle: those to ids that are nodes themselves (a record without links is a
        /// leaf). A node keeps only its links' hashes; one whose hashes meet a node's id is read again for its exact
        /// links, in their order (the pointer names the link's index). On GED-shaped data no component has
        /// components, so nothing is read again.
        /// </summary>
        private static Dictionary<string, string[]> ExactLinks(RuleEndContext context, Relation relation, Dictionary<string, Node> nodes)
        {
            var nodeHashes = new HashSet<int>();
            foreach (string id in nodes.Keys)
            {
                nodeHashes.Add(string.GetHashCode(id, StringComparison.Ordinal));
            }

            var links = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach ((string id, Node node) in nodes)
            {
                if (Array.Exists(node.LinkHashes, nodeHashes.Contains) && context.ReadAgain(node.Handle) is { } record)
                {
                    links[id] = relation.Links(record);
                }
            }

            return links;
        }
    }

    /// <summary>One relation: the kind it is on, its member, whether the member is a list, and the ids a record names in it.</summary>
    private sealed record Relation(RecordKind Kind, string Member, bool Indexed, Func<ConflictRecord, string[]> Links)
    {
        /// <summary>Gets the pointer of the link of a cycle's first record that continues the cycle.</summary>
        public string Pointer(string[] links, List<string> cycle)
            => Indexed ? $"/{Member}/{Array.FindIndex(links, cycle.Contains)}" : $"/{Member}";
    }

    /// <summary>The first record with an id, compactly: the hashes of the ids it links to, its place in the input, its handle.</summary>
    private readonly record struct Node(int[] LinkHashes, long Order, RecordHandle Handle);
}

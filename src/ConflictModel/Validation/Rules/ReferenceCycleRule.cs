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
    /// The cycles through <paramref name="isNode"/>'s ids (by number), each once: a depth-first search from each start
    /// in turn, reporting a cycle none of whose ids is on a cycle reported before, at its earliest id by
    /// <paramref name="order"/>, with the cycle from there round to it again. Links to ids that are not nodes, and
    /// links of an id to itself, lead nowhere (other rules report those).
    /// </summary>
    private static IEnumerable<(int First, List<int> Cycle, List<int> Path)> Cycles(IEnumerable<int> starts, Func<int, bool> isNode, Func<int, int[]> links, Func<int, long> order)
    {
        // Colours: absent = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<int, int>();
        var reported = new HashSet<int>();
        foreach (int start in starts)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            var path = new List<int>();
            var stack = new List<(int Id, int[] Links, int Next)>();
            Enter(start);
            while (stack.Count > 0)
            {
                (int id, int[] next, int at) = stack[^1];
                if (at == next.Length)
                {
                    stack.RemoveAt(stack.Count - 1);
                    path.RemoveAt(path.Count - 1);
                    state[id] = 2;
                    continue;
                }

                stack[^1] = (id, next, at + 1);
                int child = next[at];
                if (!isNode(child) || child == id)
                {
                    continue;
                }

                if (!state.TryGetValue(child, out int colour))
                {
                    Enter(child);
                }
                else if (colour == 1)
                {
                    List<int> cycle = path.Skip(path.IndexOf(child)).ToList();
                    if (cycle.All(c => !reported.Contains(c)))
                    {
                        reported.UnionWith(cycle);
                        int first = cycle.MinBy(order);
                        int from = cycle.IndexOf(first);
                        yield return (first, cycle, [.. cycle.Skip(from), .. cycle.Take(from), first]);
                    }
                }
            }

            void Enter(int id)
            {
                state[id] = 1;
                path.Add(id);
                stack.Add((id, links(id), 0));
            }
        }
    }

    /// <summary>
    /// Per validation: per relation, the first record of each id that has links (<see cref="RecordContext{TRecord}.IsFirstWithId"/>:
    /// lookups follow the first record with an id), in input order, with its id's number (<see cref="RecordContext{TRecord}.IdNumber"/>,
    /// the id table's index when streaming), the numbers of the ids it links to and its place (16 bytes and 4 a link);
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
        // Per relation, its nodes in input order (so a node's order is its index): 16 bytes each, in chunks.
        private readonly ChunkedList<Node>[] _nodes = [.. Relations.Select(_ => new ChunkedList<Node>())];
        private readonly ChunkedList<int> _links = new(); // every node's links, as id numbers, one run per node

        public void Record<TRecord>(RecordContext<TRecord> context)
            where TRecord : ConflictRecord
        {
            ConflictRecord record = context.Record;
            if (!context.IsFirstWithId)
            {
                return; // lookups follow the first record with an id
            }

            for (int i = 0; i < Relations.Length; i++)
            {
                if (Relations[i].Kind == record.RecordKind && Relations[i].Links(record) is { Length: > 0 } links)
                {
                    // A relation links records of one kind: the links' numbers are of that kind's ids.
                    int first = _links.Count;
                    foreach (string link in links)
                    {
                        _links.Add(context.IdNumber(record.RecordKind, link));
                    }

                    _nodes[i].Add(new Node(context.IdNumber(record.RecordKind, record.RecordId), first, links.Length, context.Place));
                }
            }
        }

        public void End(RuleEndContext context)
        {
            for (int i = 0; i < Relations.Length; i++)
            {
                Relation relation = Relations[i];
                ChunkedList<Node> nodes = _nodes[i];
                if (nodes.Count == 0)
                {
                    continue;
                }

                // By id number, for the search: each node's id number and index, sorted (8 bytes a node, for this call).
                long[] byId = new long[nodes.Count];
                for (int n = 0; n < byId.Length; n++)
                {
                    byId[n] = ((long)nodes[n].Id << 32) | (uint)n;
                }

                Array.Sort(byId);
                int IndexOf(int id)
                {
                    int at = Array.BinarySearch(byId, (long)id << 32);
                    at = at < 0 ? ~at : at;
                    return at < byId.Length && (int)(byId[at] >> 32) == id ? (int)(uint)byId[at] : -1;
                }

                // Each id is a node once (the first record with it); the starts are in input order.
                IEnumerable<int> starts = Enumerable.Range(0, nodes.Count).Select(n => nodes[n].Id);
                foreach ((int first, List<int> cycle, List<int> path) in Cycles(starts, id => IndexOf(id) >= 0, id => LinksOf(nodes[IndexOf(id)]), id => IndexOf(id)))
                {
                    string Id(int number) => context.IdOfNumber(number).Id;
                    Node firstNode = nodes[IndexOf(first)];
                    string pointer = relation.Pointer(LinksOf(firstNode), cycle);
                    context.Report(Diagnostic.Create(Descriptor, context.LocationOf(context.HandleOf(firstNode.Place), pointer), Id(first), relation.Member, string.Join(" → ", path.Select(Id))));
                }
            }
        }

        private int[] LinksOf(Node node)
        {
            int[] links = new int[node.LinkCount];
            for (int i = 0; i < links.Length; i++)
            {
                links[i] = _links[node.FirstLink + i];
            }

            return links;
        }
    }

    /// <summary>One relation: the kind it is on, its member, whether the member is a list, and the ids a record names in it.</summary>
    private sealed record Relation(RecordKind Kind, string Member, bool Indexed, Func<ConflictRecord, string[]> Links)
    {
        /// <summary>Gets the pointer of the link of a cycle's first record that continues the cycle.</summary>
        public string Pointer(int[] links, List<int> cycle)
            => Indexed ? $"/{Member}/{Array.FindIndex(links, cycle.Contains)}" : $"/{Member}";
    }

    /// <summary>The first record with an id, compactly: its id's number, where the numbers of the ids it links to are, its place (<see cref="RecordContext{TRecord}.Place"/>).</summary>
    private readonly record struct Node(int Id, int FirstLink, int LinkCount, int Place);
}

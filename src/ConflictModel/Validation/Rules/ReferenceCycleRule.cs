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
        // The first record with each id, and its position (a cycle is reported at its earliest record).
        var byId = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < records.Length; i++)
        {
            if (byId.TryAdd(records[i].RecordId, records[i]))
            {
                position.Add(records[i].RecordId, i);
            }
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
                    string first = cycle.OrderBy(c => position[c]).First();
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

    /// <summary>
    /// Streaming: per relation, the first record of each id that has links, as its id, its links, its place in the
    /// input and its handle; at the end the same search as <see cref="Analyze"/> runs over them. Records without
    /// links are left out: they cannot be on a cycle, and <see cref="Analyze"/> only passes through them.
    /// </summary>
    public override StreamingRuleState BeginStreaming() => new State();

    private sealed class State : StreamingRuleState
    {
        private readonly Relation[] _relations =
        [
            new(RecordKind.Actor, "affiliatedWith", indexed: false, r => ((Actor)r).AffiliatedWith is { } id ? [id.Value] : []),
            new(RecordKind.Source, "basedOn", indexed: true, r => [.. ((Source)r).BasedOn.Select(id => id.Value)]),
            new(RecordKind.Claim, "supersedes", indexed: false, r => ((Claim)r).Supersedes is { } id ? [id.Value] : []),
            new(RecordKind.Claim, "inResponseTo", indexed: false, r => ((Claim)r).InResponseTo is { } id ? [id.Value] : []),
            new(RecordKind.Event, "inResponseTo", indexed: true, r => [.. ((Event)r).InResponseTo.Select(id => id.Value)]),
            new(RecordKind.CasualtyEstimate, "components", indexed: true, r => [.. ((CasualtyEstimate)r).Components.Select(id => id.Value)]),
        ];

        private readonly Dictionary<RecordKind, SeenIds> _seen = [];
        private long _order;

        public override void Record(StreamingRuleContext context)
        {
            ConflictRecord record = context.Record!;
            long order = _order++;
            if (record.RecordKind is not (RecordKind.Actor or RecordKind.Source or RecordKind.Claim or RecordKind.Event or RecordKind.CasualtyEstimate))
            {
                return;
            }

            if (!_seen.TryGetValue(record.RecordKind, out SeenIds? seen))
            {
                _seen[record.RecordKind] = seen = new SeenIds();
            }

            string id = record.RecordId;
            bool maybeSeen = seen.MayContain(id);
            foreach (Relation relation in _relations)
            {
                if (relation.Kind != record.RecordKind)
                {
                    continue;
                }

                string[] links = relation.Links(record);
                if (links.Length == 0 || relation.Nodes.ContainsKey(id))
                {
                    continue;
                }

                // Only the first record with an id counts (Analyze follows the first). When an earlier record may
                // have had the id, the first one is read again: if it has links here, it is this one (no earlier
                // record with the id and links was met), otherwise this one is a later duplicate.
                if (maybeSeen && !(context.Symbols.Find(record.RecordKind, id) is { } first && relation.Links(first).Length > 0))
                {
                    continue;
                }

                relation.Nodes.Add(id, new Node(LinkHashes(links), order, context.Handle));
            }

            if (!maybeSeen)
            {
                seen.Add(id);
            }
        }

        public override void End(StreamingRuleContext context)
        {
            foreach (Relation relation in _relations)
            {
                Search(context, relation);
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
        private static Dictionary<string, string[]> ExactLinks(StreamingRuleContext context, Relation relation)
        {
            var nodeHashes = new HashSet<int>();
            foreach (string id in relation.Nodes.Keys)
            {
                nodeHashes.Add(string.GetHashCode(id, StringComparison.Ordinal));
            }

            var links = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach ((string id, Node node) in relation.Nodes)
            {
                if (Array.Exists(node.LinkHashes, nodeHashes.Contains) && context.ReadAgain(node.Handle) is { } record)
                {
                    links[id] = relation.Links(record);
                }
            }

            return links;
        }

        /// <summary>The depth-first search of <see cref="Check"/>, over the kept links instead of records.</summary>
        private static void Search(StreamingRuleContext context, Relation relation)
        {
            Dictionary<string, Node> byId = relation.Nodes;
            Dictionary<string, string[]> exact = ExactLinks(context, relation);

            // Colours: absent = unvisited, 1 = on the current path, 2 = done.
            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (string start in byId.OrderBy(n => n.Value.Order).Select(n => n.Key))
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
                    (string id, string[] links, int next) = stack[^1];
                    if (next == links.Length)
                    {
                        stack.RemoveAt(stack.Count - 1);
                        path.RemoveAt(path.Count - 1);
                        state[id] = 2;
                        continue;
                    }

                    stack[^1] = (id, links, next + 1);
                    string child = links[next];
                    if (!byId.ContainsKey(child) || string.Equals(child, id, StringComparison.Ordinal))
                    {
                        continue; // dangling references, records without links and self-references lead nowhere here
                    }

                    if (!state.TryGetValue(child, out int colour))
                    {
                        Enter(child);
                    }
                    else if (colour == 1)
                    {
                        List<string> cycle = path.Skip(path.IndexOf(child)).ToList();
                        string first = cycle.OrderBy(c => byId[c].Order).First();
                        if (cycle.All(c => !reported.Contains(c)))
                        {
                            reported.UnionWith(cycle);
                            int at = cycle.IndexOf(first);
                            IEnumerable<string> ordered = cycle.Skip(at).Concat(cycle.Take(at)).Append(first);
                            Node node = byId[first];
                            string pointer = relation.Indexed ? $"/{relation.Member}/{Array.FindIndex(exact[first], cycle.Contains)}" : $"/{relation.Member}";
                            context.Report(Diagnostic.Create(Descriptor, context.LocationOf(node.Handle, pointer), first, relation.Member, string.Join(" → ", ordered)));
                        }
                    }
                }

                void Enter(string id)
                {
                    state[id] = 1;
                    path.Add(id);
                    stack.Add((id, exact.TryGetValue(id, out string[]? links) ? links : [], 0));
                }
            }
        }
    }

    /// <summary>One relation's links: the kind it is on, its member, whether the member is a list, and the records kept.</summary>
    private sealed class Relation(RecordKind kind, string member, bool indexed, Func<ConflictRecord, string[]> links)
    {
        public RecordKind Kind => kind;

        public string Member => member;

        public bool Indexed => indexed;

        public Func<ConflictRecord, string[]> Links => links;

        public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The first record with an id, compactly: the hashes of the ids it links to, its place in the input, its handle.</summary>
    private readonly record struct Node(int[] LinkHashes, long Order, RecordHandle Handle);

    /// <summary>
    /// The ids of one kind met so far, as a Bloom filter (about 12 bits an id, against a set's 20 bytes and more):
    /// "not met" is certain, "maybe met" is checked against the input. A filter twice as large is added whenever the
    /// last one holds as many ids as it was made for, so that the false "maybe"s stay under one in a hundred.
    /// </summary>
    private sealed class SeenIds
    {
        private const int BitsPerId = 12;
        private const int Probes = 4;
        private readonly List<ulong[]> _filters = [];
        private int _capacity = 512;
        private int _count;

        public bool MayContain(string id)
        {
            (uint h1, uint h2) = Hash(id);
            foreach (ulong[] filter in _filters)
            {
                if (Test(filter, h1, h2))
                {
                    return true;
                }
            }

            return false;
        }

        public void Add(string id)
        {
            if (_filters.Count == 0 || _count == _capacity)
            {
                _capacity = _filters.Count == 0 ? _capacity : _capacity * 2;
                _filters.Add(new ulong[(((long)_capacity * BitsPerId) + 63) / 64]);
                _count = 0;
            }

            (uint h1, uint h2) = Hash(id);
            ulong[] filter = _filters[^1];
            ulong bits = (ulong)filter.Length * 64;
            for (uint i = 0; i < Probes; i++)
            {
                ulong bit = unchecked(h1 + (i * h2)) % bits;
                filter[bit / 64] |= 1UL << (int)(bit % 64);
            }

            _count++;
        }

        private static bool Test(ulong[] filter, uint h1, uint h2)
        {
            ulong bits = (ulong)filter.Length * 64;
            for (uint i = 0; i < Probes; i++)
            {
                ulong bit = unchecked(h1 + (i * h2)) % bits;
                if ((filter[bit / 64] & (1UL << (int)(bit % 64))) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static (uint, uint) Hash(string id)
        {
            ulong mixed = unchecked((ulong)(uint)string.GetHashCode(id, StringComparison.Ordinal) * 0x9E3779B97F4A7C15UL);
            return ((uint)(mixed >> 32), (uint)mixed | 1);
        }
    }
}

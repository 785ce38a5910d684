using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1008: two actors with the same name, or one's name among the other's aliases.</summary>
internal sealed class DuplicateActorRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1008", "Possibly duplicate actor", "'{0}' is also the name of actor '{1}'; if they are the same actor, merge them", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Two actors whose names are the same (ignoring case), or whose name is the other's alias, are usually one real-world actor entered twice, which splits its events, claims and casualties between two ids. Different actors that share a name should be told apart by their names.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <summary>
    /// Per validation: a name table (each trimmed name, ignoring case, to the first actor's id and handle),
    /// reporting clashing names as actors arrive; an alias found in the table is final too (its first actor does not
    /// change), and the others wait, as their alias's hash, index and actor's handle, for the complete table.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<Actor>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly Dictionary<string, (string Id, RecordHandle Handle)> _byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(int Hash, int Index, RecordHandle Handle)> _aliases = [];

        public void Record(RecordContext<Actor> context)
        {
            Actor actor = context.Record;
            string name = actor.Name.Trim();
            if (_byName.TryGetValue(name, out (string Id, RecordHandle Handle) first) && !string.Equals(first.Id, actor.RecordId, StringComparison.Ordinal))
            {
                context.Report(Diagnostic.Create(Descriptor, context.LocationOf("/name"), [context.LocationOf(first.Handle, "/name")], name, first.Id));
            }
            else
            {
                _byName.TryAdd(name, (actor.RecordId, context.Handle));
            }

            for (int i = 0; i < actor.Aliases.Length; i++)
            {
                string alias = actor.Aliases[i].Trim();
                if (_byName.TryGetValue(alias, out (string Id, RecordHandle Handle) named))
                {
                    if (!string.Equals(named.Id, actor.RecordId, StringComparison.Ordinal))
                    {
                        context.Report(Diagnostic.Create(Descriptor, context.LocationOf($"/aliases/{i}"), [context.LocationOf(named.Handle, "/name")], actor.Aliases[i], named.Id));
                    }
                }
                else
                {
                    _aliases.Add((StringComparer.OrdinalIgnoreCase.GetHashCode(alias), i, context.Handle));
                }
            }
        }

        public void End(RuleEndContext context)
        {
            var hashes = new HashSet<int>();
            foreach (string name in _byName.Keys)
            {
                hashes.Add(StringComparer.OrdinalIgnoreCase.GetHashCode(name));
            }

            foreach ((int hash, int index, RecordHandle handle) in _aliases)
            {
                // Most waiting aliases name no actor; those whose hash a name has are read again and looked up.
                if (hashes.Contains(hash) && context.ReadAgain(handle) is Actor actor
                    && _byName.TryGetValue(actor.Aliases[index].Trim(), out (string Id, RecordHandle Handle) named)
                    && !string.Equals(named.Id, actor.RecordId, StringComparison.Ordinal))
                {
                    context.Report(Diagnostic.Create(Descriptor, context.LocationOf(handle, $"/aliases/{index}"), [context.LocationOf(named.Handle, "/name")], actor.Aliases[index], named.Id));
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1008: two actors with the same name, or one's name among the other's aliases.</summary>
internal sealed class DuplicateActorRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1008", "Possibly duplicate actor", "'{0}' is also the name of actor '{1}'; if they are the same actor, merge them", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Two actors whose names are the same (ignoring case), or whose name is the other's alias, are usually one real-world actor entered twice, which splits its events, claims and casualties between two ids. Different actors that share a name should be told apart by their names.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.Actor];

    public override void Analyze(RuleContext context)
    {
        var byName = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        foreach (Actor actor in context.Dataset.Actors)
        {
            string name = actor.Name.Trim();
            if (byName.TryGetValue(name, out Actor? first) && !string.Equals(first.RecordId, actor.RecordId, StringComparison.Ordinal))
            {
                context.Report(Descriptor, actor, "/name", [context.LocationOf(first, "/name")], name, first.RecordId);
            }
            else
            {
                byName.TryAdd(name, actor);
            }
        }

        foreach (Actor actor in context.Dataset.Actors)
        {
            for (int i = 0; i < actor.Aliases.Length; i++)
            {
                if (byName.TryGetValue(actor.Aliases[i].Trim(), out Actor? named) && !string.Equals(named.RecordId, actor.RecordId, StringComparison.Ordinal))
                {
                    context.Report(Descriptor, actor, $"/aliases/{i}", [context.LocationOf(named, "/name")], actor.Aliases[i], named.RecordId);
                }
            }
        }
    }
}

using System;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1009: an alias that is the actor's own name.</summary>
internal sealed class AliasRepeatsNameRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1009", "Alias repeats the name", "The alias '{0}' is the actor's own name", DiagnosticCategories.References, DiagnosticSeverity.Info,
        "Aliases are the other names and spellings sources use; the preferred name need not be repeated among them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<Actor>(Check);

    private static void Check(RecordContext<Actor> context)
    {
        Actor actor = context.Record;
        for (int i = 0; i < actor.Aliases.Length; i++)
        {
            if (string.Equals(actor.Aliases[i].Trim(), actor.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                context.Report(Descriptor, $"/aliases/{i}", actor.Aliases[i]);
            }
        }
    }
}

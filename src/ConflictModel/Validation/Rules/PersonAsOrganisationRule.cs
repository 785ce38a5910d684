using System.Collections.Immutable;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1005: a person where a state, government or organisation is meant.</summary>
internal sealed class PersonAsOrganisationRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1005", "Person used as a state or organisation", "'{0}' is a person, but '{1}' names a state, government or organisation", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "A role is held in a state or organisation, an actor is affiliated with one, a mediator acts on behalf of one, and a casualty estimate counts one side's people: none of these is a person. Usually the wrong id was picked (the minister instead of the ministry), or the actor's kind is wrong.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override RuleScope Scope => RuleScope.Record;

    public override void Analyze(RuleContext context)
    {
        foreach (Actor actor in context.Dataset.Actors)
        {
            Check(context, actor, actor.AffiliatedWith, "/affiliatedWith", "affiliatedWith");
            for (int i = 0; i < actor.Roles.Length; i++)
            {
                Check(context, actor, actor.Roles[i].Of, $"/roles/{i}/of", "of");
            }
        }

        foreach (Mediation mediation in context.Dataset.Mediations)
        {
            for (int i = 0; i < mediation.Mediators.Length; i++)
            {
                Check(context, mediation, mediation.Mediators[i].OnBehalfOf, $"/mediators/{i}/onBehalfOf", "onBehalfOf");
            }
        }

        foreach (CasualtyEstimate estimate in context.Dataset.CasualtyEstimates)
        {
            Check(context, estimate, estimate.Side, "/side", "side");
        }
    }

    private static void Check(RuleContext context, ConflictRecord record, ActorId? id, string pointer, string member)
    {
        if (id is { } actorId && context.Symbols.Find(actorId) is { Kind: ActorKind.Person } person)
        {
            context.Report(Descriptor, record, pointer, person.RecordId, member);
        }
    }
}

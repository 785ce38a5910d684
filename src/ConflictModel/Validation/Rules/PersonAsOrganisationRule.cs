using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1005: a person where a state, government or organisation is meant.</summary>
internal sealed class PersonAsOrganisationRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1005", "Person used as a state or organisation", "'{0}' is a person, but '{1}' names a state, government or organisation", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "A role is held in a state or organisation, an actor is affiliated with one, a mediator acts on behalf of one, and a casualty estimate counts one side's people: none of these is a person. Usually the wrong id was picked (the minister instead of the ministry), or the actor's kind is wrong.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Actor>(static c =>
        {
            Actor actor = c.Record;
            Check(c, actor.AffiliatedWith, "/affiliatedWith", "affiliatedWith");
            for (int i = 0; i < actor.Roles.Length; i++)
            {
                if (actor.Roles[i].Of is not null)
                {
                    Check(c, actor.Roles[i].Of, $"/roles/{i}/of", "of");
                }
            }
        });
        context.RegisterRecordAction<Mediation>(static c =>
        {
            Mediation mediation = c.Record;
            for (int i = 0; i < mediation.Mediators.Length; i++)
            {
                if (mediation.Mediators[i].OnBehalfOf is not null)
                {
                    Check(c, mediation.Mediators[i].OnBehalfOf, $"/mediators/{i}/onBehalfOf", "onBehalfOf");
                }
            }
        });
        context.RegisterRecordAction<CasualtyEstimate>(static c => Check(c, c.Record.Side, "/side", "side"));
    }

    private static void Check<TRecord>(RecordContext<TRecord> context, ActorId? id, string pointer, string member)
        where TRecord : ConflictRecord
    {
        if (id is { } actorId && context.Symbols.Find(actorId) is { Kind: ActorKind.Person } person)
        {
            context.Report(Descriptor, pointer, person.RecordId, member);
        }
    }
}

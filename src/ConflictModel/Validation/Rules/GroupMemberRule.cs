using System.Collections.Immutable;
using ConflictModel.Diagnostics;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4022 and CM4023: groups whose members cannot be.</summary>
internal sealed class GroupMemberRule : DatasetRule
{
    public static DiagnosticDescriptor MemberOfItself { get; } = RuleDescriptors.Create(
        "CM4022", "Group lists itself as a member", "'{0}' lists itself among its members", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A group's members are other actors. A group naming itself is usually a copied id: the member meant is another actor, often one with a similar id.");

    public static DiagnosticDescriptor MembersOfPerson { get; } = RuleDescriptors.Create(
        "CM4023", "Person with members", "'{0}' is a person but lists members", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Groups, coalitions, organisations, states and governments have members; a person does not. Either the actor's kind is wrong (a delegation is a group), or the members belong to the organisation the person acts for.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [MemberOfItself, MembersOfPerson];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<Actor>(Check);

    private static void Check(RecordContext<Actor> context)
    {
        Actor actor = context.Record;
        if (actor.Members.IsEmpty)
        {
            return;
        }

        if (actor.Kind == ActorKind.Person)
        {
            context.Report(MembersOfPerson, "/members", actor.Id.Value);
        }

        for (int i = 0; i < actor.Members.Length; i++)
        {
            if (actor.Members[i].Actor == actor.Id)
            {
                context.Report(MemberOfItself, $"/members/{i}/actor", actor.Id.Value);
            }
        }
    }
}

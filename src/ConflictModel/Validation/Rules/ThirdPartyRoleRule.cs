using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4001, CM4002, CM4008–CM4010 and CM4012: third parties that are also parties, and other confusions of roles.</summary>
internal sealed class ThirdPartyRoleRule : DatasetRule
{
    public static DiagnosticDescriptor MediatorIsParty { get; } = RuleDescriptors.Create(
        "CM4001", "Mediator is also a party", "'{0}' mediates and is a party to the same mediation", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A mediator stands between the parties; an actor cannot mediate its own dispute. Usually the actor belongs in one list only, or a party's envoy was entered as the state itself.");

    public static DiagnosticDescriptor BrokerIsParty { get; } = RuleDescriptors.Create(
        "CM4002", "Ceasefire broker is also a party", "'{0}' brokered the ceasefire and is bound by it", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Brokers bring the parties to a ceasefire; they are not bound by it. An actor in both lists is in one of them by mistake.");

    public static DiagnosticDescriptor SignatoryIsThirdParty { get; } = RuleDescriptors.Create(
        "CM4008", "Signatory is also a third party", "'{0}' signed the agreement and is listed as its {1}", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Third parties (mediators, guarantors, witnesses, hosts) are non-signatories, as in UCDP PAD's pa_3rd.");

    public static DiagnosticDescriptor MediatorActsForParty { get; } = RuleDescriptors.Create(
        "CM4009", "Mediator acts for a party", "The mediator '{0}' acts on behalf of '{1}', a party to the mediation", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A mediator acting on behalf of one of the parties is that party's envoy, not a third party.");

    public static DiagnosticDescriptor RequesterIsMediator { get; } = RuleDescriptors.Create(
        "CM4010", "Mediation requested by its mediator", "'{0}' is listed as requesting the mediation and as its mediator", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Parties request mediation; a would-be mediator offers it (record it as an 'offered' status change instead).");

    public static DiagnosticDescriptor FacilitatorNotMediator { get; } = RuleDescriptors.Create(
        "CM4012", "Round facilitated by a non-mediator", "'{0}' facilitated a round but is not among the mediation's mediators", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Info,
        "Whoever facilitates a round of talks takes part in the mediation as a mediator or facilitator; list them among the mediators.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [MediatorIsParty, BrokerIsParty, SignatoryIsThirdParty, MediatorActsForParty, RequesterIsMediator, FacilitatorNotMediator];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Mediation>(CheckMediation);
        context.RegisterRecordAction<Ceasefire>(CheckCeasefire);
        context.RegisterRecordAction<Agreement>(CheckAgreement);
    }

    private static void CheckMediation(RecordContext<Mediation> context)
    {
        Mediation mediation = context.Record;
        {
            for (int i = 0; i < mediation.Mediators.Length; i++)
            {
                Mediator mediator = mediation.Mediators[i];
                if (mediation.Parties.Contains(mediator.Actor))
                {
                    context.Report(MediatorIsParty, $"/mediators/{i}/actor", mediator.Actor.Value);
                }

                if (mediator.OnBehalfOf is { } principal && mediation.Parties.Contains(principal))
                {
                    context.Report(MediatorActsForParty, $"/mediators/{i}/onBehalfOf", mediator.Actor.Value, principal.Value);
                }
            }

            for (int i = 0; i < mediation.RequestedBy.Length; i++)
            {
                if (mediation.Mediators.Any(m => m.Actor == mediation.RequestedBy[i]))
                {
                    context.Report(RequesterIsMediator, $"/requestedBy/{i}", mediation.RequestedBy[i].Value);
                }
            }

            for (int i = 0; i < mediation.Rounds.Length; i++)
            {
                ImmutableArray<ActorId> facilitators = mediation.Rounds[i].Facilitators;
                for (int j = 0; j < facilitators.Length; j++)
                {
                    if (!mediation.Mediators.Any(m => m.Actor == facilitators[j]))
                    {
                        context.Report(FacilitatorNotMediator, $"/rounds/{i}/facilitators/{j}", facilitators[j].Value);
                    }
                }
            }
        }

    }

    private static void CheckCeasefire(RecordContext<Ceasefire> context)
    {
        Ceasefire ceasefire = context.Record;
        {
            for (int i = 0; i < ceasefire.Brokers.Length; i++)
            {
                if (ceasefire.Parties.Contains(ceasefire.Brokers[i]))
                {
                    context.Report(BrokerIsParty, $"/brokers/{i}", ceasefire.Brokers[i].Value);
                }
            }
        }

    }

    private static void CheckAgreement(RecordContext<Agreement> context)
    {
        Agreement agreement = context.Record;
        {
            for (int i = 0; i < agreement.ThirdParties.Length; i++)
            {
                ThirdParty third = agreement.ThirdParties[i];
                if (agreement.Signatories.Contains(third.Actor))
                {
                    context.Report(SignatoryIsThirdParty, $"/thirdParties/{i}/actor", third.Actor.Value, Names.Of(third.Role));
                }
            }
        }
    }
}

using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4004 and CM4006: status histories that go backwards.</summary>
internal sealed class StatusHistoryRule : DatasetRule
{
    public static DiagnosticDescriptor CeasefireBackwards { get; } = RuleDescriptors.Create(
        "CM4004", "Ceasefire history goes backwards", "The ceasefire goes from {0} to {1} without being declared again", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Ceasefire statuses progress declared → in force → violated → collapsed or ended. Once a ceasefire has collapsed or ended, only a new declaration can revive it: add a 'declared' entry, or it is a new ceasefire record.");

    public static DiagnosticDescriptor MediationBackwards { get; } = RuleDescriptors.Create(
        "CM4006", "Mediation history goes backwards", "The mediation goes from {0} to {1} without a new request, offer or acceptance", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "Once a mediation has concluded, it can only start again with a new proposal, request or offer; once declined, talks cannot be held under it until it is requested, offered or accepted again.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [CeasefireBackwards, MediationBackwards];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Ceasefire>(CheckCeasefire);
        context.RegisterRecordAction<Mediation>(CheckMediation);
    }

    private static void CheckCeasefire(RecordContext<Ceasefire> context)
    {
        Ceasefire ceasefire = context.Record;
        {
            for (int i = 1; i < ceasefire.History.Length; i++)
            {
                CeasefireStatus previous = ceasefire.History[i - 1].Status;
                CeasefireStatus current = ceasefire.History[i].Status;
                if (previous is CeasefireStatus.Collapsed or CeasefireStatus.Ended && current != CeasefireStatus.Declared)
                {
                    context.Report(CeasefireBackwards, $"/history/{i}/status", Names.Of(previous), Names.Of(current));
                }
            }
        }

    }

    private static void CheckMediation(RecordContext<Mediation> context)
    {
        Mediation mediation = context.Record;
        {
            for (int i = 1; i < mediation.History.Length; i++)
            {
                MediationStatus previous = mediation.History[i - 1].Status;
                MediationStatus current = mediation.History[i].Status;
                bool backwards = previous switch
                {
                    MediationStatus.Concluded => current is not (MediationStatus.Proposed or MediationStatus.Requested or MediationStatus.Offered),
                    MediationStatus.Declined => current is MediationStatus.TalksHeld,
                    _ => false,
                };
                if (backwards)
                {
                    context.Report(MediationBackwards, $"/history/{i}/status", Names.Of(previous), Names.Of(current));
                }
            }
        }
    }
}

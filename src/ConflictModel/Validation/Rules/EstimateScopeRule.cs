using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2011 and CM2012: an estimate of nothing in particular, and one for a side not in its event.</summary>
internal sealed class EstimateScopeRule : DatasetRule
{
    public static DiagnosticDescriptor NoScope { get; } = RuleDescriptors.Create(
        "CM2011", "Estimate of nothing in particular", "The estimate names no event, period or location, so it is not clear whose casualties it counts", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "A casualty figure is for an event, or for a period or an area. Without any of them it cannot be compared with other figures or added up.");

    public static DiagnosticDescriptor SideNotInEvent { get; } = RuleDescriptors.Create(
        "CM2012", "Side not in the event", "The estimate counts '{0}', which is not among the participants of event '{1}'", DiagnosticCategories.Casualties, DiagnosticSeverity.Info,
        "An estimate for an event usually counts one of the event's participants (or an actor affiliated with one). A side missing from the participants may be a wrong id, or a participant missing from the event.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [NoScope, SideNotInEvent];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<CasualtyEstimate>(Check);

    private static void Check(RecordContext<CasualtyEstimate> context)
    {
        CasualtyEstimate estimate = context.Record;
        if (estimate.Event is null && estimate.Period is null && estimate.Location is null)
        {
            context.Report(NoScope, null);
        }

        if (estimate.Side is { } side && estimate.Event is { } eventId && context.Symbols.Find(eventId) is { Participants.IsEmpty: false } @event
            && context.Symbols.Find(side) is { } actor
            && !InEvent(context.Symbols, @event, side, actor))
        {
            context.Report(SideNotInEvent, "/side", side.Value, eventId.Value);
        }
    }

    private static bool InEvent(SymbolTable symbols, Event @event, ActorId side, Actor actor)
    {
        foreach (Participant participant in @event.Participants)
        {
            if (participant.Actor == side || participant.Actor == actor.AffiliatedWith || symbols.Find(participant.Actor)?.AffiliatedWith == side)
            {
                return true;
            }
        }

        return false;
    }
}

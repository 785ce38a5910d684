using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

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

    public override RuleScope Scope => RuleScope.Record;

    public override void Analyze(RuleContext context)
    {
        foreach (CasualtyEstimate estimate in context.Dataset.CasualtyEstimates)
        {
            if (estimate.Event is null && estimate.Period is null && estimate.Location is null)
            {
                context.Report(NoScope, estimate, null);
            }

            if (estimate.Side is { } side && estimate.Event is { } eventId && context.Symbols.Find(eventId) is { Participants.IsEmpty: false } @event
                && context.Symbols.Find(side) is { } actor
                && !@event.Participants.Any(p => p.Actor == side || p.Actor == actor.AffiliatedWith || context.Symbols.Find(p.Actor)?.AffiliatedWith == side))
            {
                context.Report(SideNotInEvent, estimate, "/side", side.Value, eventId.Value);
            }
        }
    }
}

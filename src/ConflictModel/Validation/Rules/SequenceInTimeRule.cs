using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3007–CM3011 and CM3013: records dated before the records they describe or answer.</summary>
internal sealed class SequenceInTimeRule : DatasetRule
{
    public static DiagnosticDescriptor ClaimBeforeSubject { get; } = RuleDescriptors.Create(
        "CM3007", "Claim made before what it describes", "The claim was made {0}, before {1} '{2}' ({3})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A claim about an event, a casualty figure or an attribution cannot be made before the event it concerns took place. One of the dates is wrong, or the claim is about another event.");

    public static DiagnosticDescriptor AnswersLaterClaim { get; } = RuleDescriptors.Create(
        "CM3008", "Claim answers a later claim", "The claim was made {0}, before claim '{1}' ({2}) that it {3}", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A claim that answers or supersedes another comes after it. The link, or one of the dates, is the wrong way round.");

    public static DiagnosticDescriptor AnswersLaterEvent { get; } = RuleDescriptors.Create(
        "CM3009", "Event answers a later event", "The event happened {0}, before event '{1}' ({2}) that it answers", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "An event that answers another (a retaliation for a strike) happens after it.");

    public static DiagnosticDescriptor AttributionBeforeEvent { get; } = RuleDescriptors.Create(
        "CM3010", "Attribution made before its event", "The attribution was made {0}, before event '{1}' ({2})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "Responsibility for an event is assigned after the event.");

    public static DiagnosticDescriptor AccessedBeforePublished { get; } = RuleDescriptors.Create(
        "CM3011", "Source read before it was published", "The source was accessed {0}, before it was published ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "An editor cannot read a source before it is published; the two timestamps are probably swapped.");

    public static DiagnosticDescriptor PeriodExcludesEvent { get; } = RuleDescriptors.Create(
        "CM3013", "Estimate period excludes its event", "The estimate covers {0}, which does not include the date of event '{1}' ({2})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "An estimate for an event that also gives a period should cover the event's date.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [ClaimBeforeSubject, AnswersLaterClaim, AnswersLaterEvent, AttributionBeforeEvent, AccessedBeforePublished, PeriodExcludesEvent];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Claim>(CheckClaim);
        context.RegisterRecordAction<Event>(static c =>
        {
            Event @event = c.Record;
            for (int i = 0; i < @event.InResponseTo.Length; i++)
            {
                if (c.Symbols.Find(@event.InResponseTo[i]) is { Date: { } earlier } && RecordDates.EntirelyBefore(@event.Date, earlier))
                {
                    c.Report(AnswersLaterEvent, "/date", @event.Date.ToString(), @event.InResponseTo[i].Value, earlier.ToString());
                }
            }
        });
        context.RegisterRecordAction<Attribution>(static c =>
        {
            Attribution attribution = c.Record;
            if (attribution.Event is { } eventId && c.Symbols.Find(eventId) is { Date: { } eventDate } && RecordDates.EntirelyBefore(attribution.Date, eventDate))
            {
                c.Report(AttributionBeforeEvent, "/date", attribution.Date.ToString(), eventId.Value, eventDate.ToString());
            }
        });
        context.RegisterRecordAction<Source>(static c =>
        {
            Source source = c.Record;
            if (source.Accessed is { } accessed && source.Published is { } published && accessed < published)
            {
                c.Report(AccessedBeforePublished, "/accessed", accessed.ToString(), published.ToString());
            }
        });
        context.RegisterRecordAction<CasualtyEstimate>(static c =>
        {
            CasualtyEstimate estimate = c.Record;
            if (estimate.Period is { } period && estimate.Event is { } eventId && c.Symbols.Find(eventId) is { Date: { } eventDate } && RecordDates.Disjoint(period, eventDate))
            {
                c.Report(PeriodExcludesEvent, "/period", period.ToString(), eventId.Value, eventDate.ToString());
            }
        });
    }

    private static void CheckClaim(RecordContext<Claim> context)
    {
        SymbolTable symbols = context.Symbols;
        Claim claim = context.Record;
        if (claim.Made is { } made && Subject(symbols, claim.Subject) is { } subject && RecordDates.EntirelyBefore(made, subject.Date))
        {
            context.Report(ClaimBeforeSubject, "/made", made.ToString(), subject.Kind, subject.Id, subject.Date.ToString());
        }

        if (claim.InResponseTo is { } answered && symbols.Find(answered) is { Made: { } answeredMade } && RecordDates.EntirelyBefore(claim.Made, answeredMade))
        {
            context.Report(AnswersLaterClaim, "/made", claim.Made.ToString(), answered.Value, answeredMade.ToString(), "answers");
        }

        if (claim.Supersedes is { } replaced && symbols.Find(replaced) is { Made: { } replacedMade } && RecordDates.EntirelyBefore(claim.Made, replacedMade))
        {
            context.Report(AnswersLaterClaim, "/made", claim.Made.ToString(), replaced.Value, replacedMade.ToString(), "supersedes");
        }
    }

    /// <summary>Gets the date of what a claim is about: an event's date, or that of the event an estimate or attribution concerns.</summary>
    private static (string Kind, string Id, EdtfDate Date)? Subject(SymbolTable symbols, ClaimSubject subject)
    {
        if (subject.Target is not { } target || subject.TargetKind is not { } kind)
        {
            return null;
        }

        EdtfDate? date = symbols.Find(kind, target) switch
        {
            Event e => e.Date,
            CasualtyEstimate k => k.Event is { } id ? symbols.Find(id)?.Date : null,
            Attribution a => a.Event is { } id ? symbols.Find(id)?.Date : null,
            _ => null,
        };
        return date is { } value ? (Names.Of(kind), target, value) : null;
    }
}

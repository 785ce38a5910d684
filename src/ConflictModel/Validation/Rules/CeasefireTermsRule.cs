using System.Collections.Immutable;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation.Rules;

/// <summary>
/// CM3020, CM3021, CM4020 and CM4021: a ceasefire's terms over time (planned duration and end, extensions, renewals,
/// suspensions) that contradict themselves.
/// </summary>
internal sealed class CeasefireTermsRule : DatasetRule
{
    public static DiagnosticDescriptor EndBeforeStart { get; } = RuleDescriptors.Create(
        "CM3020", "Ceasefire term ends before it starts", "The end given ({0}) is before the {1} ({2})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A ceasefire's planned end comes after its declaration and its effective date, and the new end an extension, renewal or suspension sets ('until') comes after the change itself. An end before its start is a swapped pair or a wrong year. Partial dates are compared by the days they may denote.");

    public static DiagnosticDescriptor DurationDisagrees { get; } = RuleDescriptors.Create(
        "CM3021", "Planned duration and end disagree", "A planned duration of {0} from {1} ends on {2}, not on the planned end {3}", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "When a ceasefire gives its start (effective, else declared), its planned duration and its planned end, all to the day, the start plus the duration is the end, give or take the day a duration in hours may run into. Checked only when both dates are single days.");

    public static DiagnosticDescriptor ResumedWithoutSuspension { get; } = RuleDescriptors.Create(
        "CM4020", "Resumed without a suspension", "The {0} resumes without having been suspended", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "'resumed' ends a suspension: a status history that resumes must have a 'suspended' entry since the last resumption. Talks that simply take place again are 'talksHeld'; a ceasefire agreed again after it ended is 'renewed' or 'declared'.");

    public static DiagnosticDescriptor ExtensionWithoutEnd { get; } = RuleDescriptors.Create(
        "CM4021", "Extension without a new end", "This {0} gives neither a new end ('until') nor a length ('duration')", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Info,
        "An extension or renewal changes how long a ceasefire runs; without 'until' or 'duration' the dataset cannot say when it was meant to end. Leave the info in place when the sources give no end (an open-ended renewal), or suppress it saying so.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [EndBeforeStart, DurationDisagrees, ResumedWithoutSuspension, ExtensionWithoutEnd];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Ceasefire>(CheckCeasefire);
        context.RegisterRecordAction<Mediation>(CheckMediation);
    }

    private static void CheckCeasefire(RecordContext<Ceasefire> context)
    {
        Ceasefire ceasefire = context.Record;
        if (RecordDates.EntirelyBefore(ceasefire.PlannedEnd, ceasefire.Declared))
        {
            context.Report(EndBeforeStart, "/plannedEnd", ceasefire.PlannedEnd.ToString(), "declaration", ceasefire.Declared.ToString());
        }
        else if (RecordDates.EntirelyBefore(ceasefire.PlannedEnd, ceasefire.Effective))
        {
            context.Report(EndBeforeStart, "/plannedEnd", ceasefire.PlannedEnd.ToString(), "effective date", ceasefire.Effective.ToString());
        }

        CheckDuration(context, ceasefire);

        bool suspended = false;
        for (int i = 0; i < ceasefire.History.Length; i++)
        {
            StatusChange<CeasefireStatus> change = ceasefire.History[i];
            if (RecordDates.EntirelyBefore(change.Until, change.Date))
            {
                context.Report(EndBeforeStart, $"/history/{i}/until", change.Until.ToString(), "change it belongs to", change.Date.ToString());
            }

            if (change.Status is CeasefireStatus.Extended or CeasefireStatus.Renewed && change.Until is null && change.Duration is null)
            {
                context.Report(ExtensionWithoutEnd, $"/history/{i}/status", change.Status == CeasefireStatus.Extended ? "extension" : "renewal");
            }

            suspended = Step(context, change.Status == CeasefireStatus.Suspended, change.Status == CeasefireStatus.Resumed, suspended, i, "ceasefire");
        }
    }

    private static void CheckMediation(RecordContext<Mediation> context)
    {
        bool suspended = false;
        ImmutableArray<StatusChange<MediationStatus>> history = context.Record.History;
        for (int i = 0; i < history.Length; i++)
        {
            suspended = Step(context, history[i].Status == MediationStatus.Suspended, history[i].Status == MediationStatus.Resumed, suspended, i, "mediation");
        }
    }

    /// <summary>Follows whether the history is suspended, reporting a resumption that ends no suspension.</summary>
    private static bool Step<TRecord>(RecordContext<TRecord> context, bool suspends, bool resumes, bool suspended, int index, string what)
        where TRecord : ConflictRecord
    {
        if (suspends)
        {
            return true;
        }

        if (resumes)
        {
            if (!suspended)
            {
                context.Report(ResumedWithoutSuspension, $"/history/{index}/status", what);
            }

            return false;
        }

        return suspended;
    }

    private static void CheckDuration(RecordContext<Ceasefire> context, Ceasefire ceasefire)
    {
        EdtfDate? start = ceasefire.Effective ?? ceasefire.Declared;
        if (ceasefire.PlannedDuration is not { } duration || SingleDay(start) is not { } from || SingleDay(ceasefire.PlannedEnd) is not { } end)
        {
            return;
        }

        LocalDateTime reached;
        try
        {
            reached = from.AtMidnight() + duration;
        }
        catch (System.ArgumentOutOfRangeException)
        {
            return; // past the calendar's end: the reader's dates cannot reach it, so there is nothing to compare
        }

        // A duration with hours may start at any time of its first day: it may end on the day reached or the next.
        bool hasTime = duration.Hours != 0 || duration.Minutes != 0 || duration.Seconds != 0;
        LocalDate latest = hasTime ? reached.Date.PlusDays(1) : reached.Date;
        if (end < reached.Date.PlusDays(-1) || end > latest.PlusDays(1))
        {
            context.Report(DurationDisagrees, "/plannedEnd", ConflictModel.Serialization.DurationConverter.Format(duration), start.ToString()!, reached.Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ceasefire.PlannedEnd.ToString()!);
        }
    }

    private static LocalDate? SingleDay(EdtfDate? date)
        => date is { Earliest: { } earliest, Latest: { } latest } && earliest == latest ? earliest : null;
}

using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3001–CM3003 and CM3012: dates within one record that are in the wrong order.</summary>
internal sealed class DateOrderRule : DatasetRule
{
    public static DiagnosticDescriptor EndBeforeStart { get; } = RuleDescriptors.Create(
        "CM3001", "End before start", "The agreement ended ({0}) before it was signed ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Error,
        "An agreement cannot end before it is signed; one of the dates is wrong, or the two are swapped. Partial dates are compared by the days they may denote, so '2025' and '2025-03' are not out of order.");

    public static DiagnosticDescriptor EffectiveBeforeDeclared { get; } = RuleDescriptors.Create(
        "CM3002", "Ceasefire effective before declared", "The ceasefire took effect ({0}) before it was declared ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A ceasefire is declared or agreed, then takes effect; an effective date before the declaration is usually a swapped pair. Retroactive ceasefires exist but are rare enough to deserve a suppression that says so.");

    public static DiagnosticDescriptor HistoryOutOfOrder { get; } = RuleDescriptors.Create(
        "CM3003", "Status history out of order", "This status change is dated {0}, before the one listed before it ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A status history is in order of time: the latest status is the current one. An entry dated before its predecessor means the list or a date is wrong.");

    public static DiagnosticDescriptor StatusBeforeDeclaration { get; } = RuleDescriptors.Create(
        "CM3012", "Status change before the ceasefire", "This status change is dated {0}, before the ceasefire was declared ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "Nothing can happen to a ceasefire before it is declared.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [EndBeforeStart, EffectiveBeforeDeclared, HistoryOutOfOrder, StatusBeforeDeclaration];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Agreement>(CheckAgreement);
        context.RegisterRecordAction<Ceasefire>(CheckCeasefire);
        context.RegisterRecordAction<Mediation>(m => History(m, m.Record.History));
    }

    private static void CheckAgreement(RecordContext<Agreement> context)
    {
        Agreement agreement = context.Record;
        if (RecordDates.EntirelyBefore(agreement.Ended, agreement.Signed))
        {
            context.Report(EndBeforeStart, "/ended", agreement.Ended.ToString(), agreement.Signed.ToString());
        }
    }

    private static void CheckCeasefire(RecordContext<Ceasefire> context)
    {
        Ceasefire ceasefire = context.Record;
        if (RecordDates.EntirelyBefore(ceasefire.Effective, ceasefire.Declared))
        {
            context.Report(EffectiveBeforeDeclared, "/effective", ceasefire.Effective.ToString(), ceasefire.Declared.ToString());
        }

        History(context, ceasefire.History);
        for (int i = 0; i < ceasefire.History.Length; i++)
        {
            if (RecordDates.EntirelyBefore(ceasefire.History[i].Date, ceasefire.Declared))
            {
                context.Report(StatusBeforeDeclaration, $"/history/{i}/date", ceasefire.History[i].Date.ToString(), ceasefire.Declared.ToString());
            }
        }
    }

    private static void History<TRecord, TStatus>(RecordContext<TRecord> context, ImmutableArray<StatusChange<TStatus>> history)
        where TRecord : ConflictRecord
        where TStatus : struct, System.Enum
    {
        EdtfDate? previous = null;
        for (int i = 0; i < history.Length; i++)
        {
            if (history[i].Date is not { } date)
            {
                continue;
            }

            if (RecordDates.EntirelyBefore(date, previous))
            {
                context.Report(HistoryOutOfOrder, $"/history/{i}/date", date.ToString(), previous.ToString());
            }
            else
            {
                previous = date;
            }
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3005 and CM3006: intervals whose span does not fit the precision of their ends.</summary>
internal sealed class IntervalPrecisionRule : DatasetRule
{
    public static DiagnosticDescriptor EndWithinStart { get; } = RuleDescriptors.Create(
        "CM3005", "Interval ends within its start", "The interval {0} ends within its own start ({1}): its span does not fit the precision of its ends", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "An interval's end should come after its start. When the end lies within the period the start denotes (2025-04/2025-04-10, 2025/2025-06, 2025-04/2025-04), the ends were given at mismatched precisions: write the single date, or both ends at the same precision.");

    public static DiagnosticDescriptor WholeUnit { get; } = RuleDescriptors.Create(
        "CM3006", "Interval is a whole month or year", "The interval {0} covers exactly {1}; write it as {1}", DiagnosticCategories.Dates, DiagnosticSeverity.Info,
        "An interval from the first to the last day of a month (or year) says the same as the month (or year) itself, and states a precision the source did not give.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [EndWithinStart, WholeUnit];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        {
            foreach ((string pointer, EdtfDate date) in RecordDates.Of(context.Record))
            {
                if (!date.IsInterval || date.Start is not { } start || date.End is not { } end)
                {
                    continue;
                }

                if (end.Latest <= start.Latest)
                {
                    context.Report(EndWithinStart, pointer, date.ToString(), start.ToString());
                }
                else if (start.Qualification == DateQualification.None && end.Qualification == DateQualification.None && Unit(start, end) is { } unit)
                {
                    context.Report(WholeUnit, pointer, date.ToString(), unit);
                }
            }
        }
    }

    /// <summary>Gets the month or year an interval exactly covers, when its ends are finer than that.</summary>
    private static string? Unit(PartialDate start, PartialDate end)
    {
        LocalDate first = start.Earliest;
        LocalDate last = end.Latest;
        if (first.Year != last.Year || first.Day != 1)
        {
            return null;
        }

        if (first.Month == 1 && last.Month == 12 && last.Day == 31 && (start.Precision < DatePrecision.Year || end.Precision < DatePrecision.Year))
        {
            return first.Year.ToString("D4", CultureInfo.InvariantCulture);
        }

        if (first.Month == last.Month && last.Day == last.Calendar.GetDaysInMonth(last.Year, last.Month) && (start.Precision == DatePrecision.Day || end.Precision == DatePrecision.Day))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{first.Year:D4}-{first.Month:D2}");
        }

        return null;
    }
}

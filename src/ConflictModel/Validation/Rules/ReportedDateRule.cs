using System.Collections.Immutable;
using System.Globalization;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3014: a record's date that disagrees with the date as the report gives it (<c>dateAsReported</c>, <c>madeAsReported</c>).</summary>
internal sealed class ReportedDateRule : DatasetRule
{
    public static DiagnosticDescriptor DisagreesWithReport { get; } = RuleDescriptors.Create(
        "CM3014", "Date disagrees with the date as reported", "The {0} {1} disagrees with the date as reported ('{2}'): {3}", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "A record's date is the editor's reading of the words the report uses, which the record keeps beside it (dateAsReported, madeAsReported). The two must be able to denote the same day: the reported date's own date, its month and day when the year is unspecified (XXXX-04), and its bounds relative to the date of the report it is reckoned from (relativeTo) when that report has a publication date. An inferred year must be the one the report's date gives.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DisagreesWithReport];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        switch (context.Record)
        {
            case Event e:
                Check(context, "date", "/date", e.Date, e.DateAsReported);
                break;
            case Claim c:
                Check(context, "made", "/made", c.Made, c.MadeAsReported);
                break;
            case Mediation m:
                for (int i = 0; i < m.Rounds.Length; i++)
                {
                    MediationRound round = m.Rounds[i];
                    if (round.DateAsReported is not null)
                    {
                        Check(context, "date", string.Create(CultureInfo.InvariantCulture, $"/rounds/{i}/date"), round.Date, round.DateAsReported);
                    }
                }

                break;
        }
    }

    private static void Check(RecordContext<ConflictRecord> context, string member, string pointer, EdtfDate? date, ReportedDate? reported)
    {
        if (reported is null)
        {
            return;
        }

        LocalDate? reportDate = reported.RelativeTo is { } source && context.Symbols.Find(source)?.Published is { } published
            ? published.InUtc().Date
            : null;
        if (Reason(date, reported, reportDate) is { } reason)
        {
            string where = date is not null ? pointer : pointer + "AsReported";
            context.Report(DisagreesWithReport, where, member, date?.ToString() ?? "(not given)", reported.Phrase, reason);
        }
    }

    /// <summary>Says why the record's date and the reported date cannot agree, or null when they can.</summary>
    internal static string? Reason(EdtfDate? date, ReportedDate reported, LocalDate? reportDate)
    {
        if (reported.YearInferred && reportDate is { } day && reported.Date is { IsInterval: false, Start: { Month: { } month } start })
        {
            YearlessDate yearless = start.Day is { } d ? YearlessDate.FromDay(month, d) : YearlessDate.FromMonth(month);
            int inferred = yearless.InferYear(day).Year;
            if (inferred != start.Year)
            {
                return $"its year {start.Year} is said to be inferred from the report of {Text(day)}, which gives {inferred}";
            }
        }

        if (date is not { } value)
        {
            return null;
        }

        if (reported.Date is { } reportedDate && RecordDates.Disjoint(value, reportedDate))
        {
            return $"the reported date is {reportedDate}, and the two share no day";
        }

        if (reported.Yearless is { } yearlessDate && !MayFall(value, yearlessDate))
        {
            return $"no day it may denote falls on {yearlessDate} ({Describe(yearlessDate)})";
        }

        if (reportDate is { } anchor && reported.BoundsRelativeTo(anchor) is { } bounds && RecordDates.Disjoint(value, bounds))
        {
            return $"reckoned from the report of {Text(anchor)}, the reported date is {bounds}, and the two share no day";
        }

        return null;
    }

    /// <summary>Gets whether a date may denote a day with the yearless date's month (and day); true when the date spans a year or more or is open.</summary>
    private static bool MayFall(EdtfDate date, YearlessDate yearless)
    {
        if (date.Earliest is not { } first || date.Latest is not { } last || Period.Between(first, last, PeriodUnits.Days).Days >= 366)
        {
            return true;
        }

        for (LocalDate day = first; day <= last; day = day.PlusDays(1))
        {
            if (day.Month == yearless.Month && (yearless.Day is not { } d || day.Day == d))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(YearlessDate date)
    {
        string month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);
        return date.Day is { } day ? string.Create(CultureInfo.InvariantCulture, $"{day} {month} of some year") : $"{month} of some year";
    }

    private static string Text(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

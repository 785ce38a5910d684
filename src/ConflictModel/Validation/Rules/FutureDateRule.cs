using System.Collections.Immutable;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3004: a date after today.</summary>
internal sealed class FutureDateRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM3004", "Date in the future", "{0} is after today ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "Datasets record what has happened and been said. A date that cannot have been reached yet (its earliest possible day is after today, UTC) is usually a typo in the year or a day and month swapped.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override RuleScope Scope => RuleScope.Record;

    public override void Analyze(RuleContext context)
    {
        LocalDate today = context.Today;
        foreach (ConflictRecord record in context.Dataset.Records)
        {
            foreach ((string pointer, EdtfDate date) in RecordDates.Of(record))
            {
                if (date.Earliest is { } earliest && earliest > today)
                {
                    context.Report(Descriptor, record, pointer, date.ToString(), today.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (record is Source source)
            {
                Instant(context, source, source.Published, "/published", today);
                Instant(context, source, source.Accessed, "/accessed", today);
            }
        }

        if (context.Dataset.Info.Created is { } created && created.InUtc().Date > today)
        {
            context.Report(Diagnostic.Create(Descriptor, context.LocationOfInfo("/created"), created.ToString(), today.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static void Instant(RuleContext context, Source source, Instant? instant, string pointer, LocalDate today)
    {
        if (instant is { } value && value.InUtc().Date > today)
        {
            context.Report(Descriptor, source, pointer, value.ToString(), today.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

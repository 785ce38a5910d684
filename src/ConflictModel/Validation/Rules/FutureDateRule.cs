using System.Collections.Immutable;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM3004: a date after today.</summary>
internal sealed class FutureDateRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM3004", "Date in the future", "{0} is after today ({1})", DiagnosticCategories.Dates, DiagnosticSeverity.Warning,
        "Datasets record what has happened and been said. A date that cannot have been reached yet (its earliest possible day is after today, UTC) is usually a typo in the year or a day and month swapped.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<ConflictRecord>(Check);
        context.RegisterEndAction(CheckCreated);
    }

    private static void Check(RecordContext<ConflictRecord> context)
    {
        LocalDate today = context.Today;
        ConflictRecord record = context.Record;
        foreach ((string pointer, EdtfDate date) in RecordDates.Of(record))
        {
            if (date.Earliest is { } earliest && earliest > today)
            {
                context.Report(Descriptor, pointer, date.ToString(), Text(today));
            }
        }

        if (record is Source source)
        {
            Instant(context, source.Published, "/published", today);
            Instant(context, source.Accessed, "/accessed", today);
        }
    }

    private static void CheckCreated(RuleEndContext context)
    {
        if (context.Info.Created is { } created && created.InUtc().Date > context.Today)
        {
            context.Report(Diagnostic.Create(Descriptor, context.LocationOfInfo("/created"), created.ToString(), Text(context.Today)));
        }
    }

    private static void Instant(RecordContext<ConflictRecord> context, Instant? instant, string pointer, LocalDate today)
    {
        if (instant is { } value && value.InUtc().Date > today)
        {
            context.Report(Descriptor, pointer, value.ToString(), Text(today));
        }
    }

    private static string Text(LocalDate today) => today.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

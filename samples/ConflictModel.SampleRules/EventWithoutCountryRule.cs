using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.SampleRules;

/// <summary>ACME001: ACME's desk maps every event, so an event must name the country it happened in.</summary>
public sealed class EventWithoutCountryRule : DatasetRule
{
    /// <summary>The rule's one descriptor, with ACME's own id prefix.</summary>
    public static readonly DiagnosticDescriptor EventWithoutCountry = new(
        "ACME001", "Event without a country", "Event '{0}' does not say which country it happened in", "ACME house style",
        DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "ACME maps every event by country; give location.country (ISO 3166-1 alpha-3).",
        helpLinkUri: "https://example.org/acme/rules/ACME001");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [EventWithoutCountry];

    /// <inheritdoc/>
    public override void Initialize(RuleRegistration context)
        => context.RegisterRecordAction<Event>(Check);

    private static void Check(RecordContext<Event> context)
    {
        if (context.Record.Location?.Country is null)
        {
            context.Report(EventWithoutCountry, "/location", context.Record.RecordId);
        }
    }
}

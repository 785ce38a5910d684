using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2001 and CM2002: a best figure outside its bounds, and bounds that allow no count.</summary>
internal sealed class FigureBoundsRule : DatasetRule
{
    public static DiagnosticDescriptor BestOutsideBounds { get; } = RuleDescriptors.Create(
        "CM2001", "Best figure outside its bounds", "The best figure {0} is outside the range its bounds allow ({1})", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "A best estimate should lie between the low and high estimates (taking 'over' and 'fewer than' into account). Real datasets break this now and then (20 of UCDP GED 23.1's 1,848 events in the Central African Republic have best outside [low, high]); check the source, and suppress with a justification where the source really says so.");

    public static DiagnosticDescriptor BoundsInverted { get; } = RuleDescriptors.Create(
        "CM2002", "Bounds out of order", "The bounds allow no count: the low bound {0} is above the high bound {1}", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "The low bound must not exceed the high bound (after 'over' adds one and 'fewer than' takes one away); the two are usually swapped. Published datasets have such figures (UCDP GED 23.1 has 15 among the Central African Republic's 1,848 events), and the model keeps them as published; fix your own data, and suppress with a justification where the source really says so.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [BestOutsideBounds, BoundsInverted];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<CasualtyEstimate>(Check);

    private static void Check(RecordContext<CasualtyEstimate> context)
    {
        CasualtyEstimate estimate = context.Record;
        {
            CasualtyFigure figure = estimate.Figure;
            long? lowest = FigureText.LowestAllowed(figure);
            long? highest = FigureText.HighestAllowed(figure);
            if (lowest is { } min && highest is { } max && min > max)
            {
                context.Report(BoundsInverted, "/figure/low", FigureText.Number(figure.Low!.Value), FigureText.Number(figure.High!.Value));
            }

            // Reported whatever the bounds: with inverted bounds no best figure lies within them.
            if (figure.Best is { } best && ((lowest is { } low && best < low) || (highest is { } high && best > high)))
            {
                context.Report(BestOutsideBounds, "/figure/best", FigureText.Number(best), FigureText.Bounds(figure));
            }
        }
    }
}

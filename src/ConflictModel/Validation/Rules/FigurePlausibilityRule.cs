using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2009 and CM2010: a figure that says nothing, and counts too large to be true.</summary>
internal sealed class FigurePlausibilityRule : DatasetRule
{
    /// <summary>Above this, a count of people harmed in one estimate is almost certainly a typo.</summary>
    internal const long MaxPlausible = 10_000_000;

    /// <summary>Displacement figures run larger; above this, almost certainly a typo.</summary>
    internal const long MaxPlausibleDisplaced = 100_000_000;

    public static DiagnosticDescriptor EmptyFigure { get; } = RuleDescriptors.Create(
        "CM2009", "Figure says nothing", "The figure has no number and no phrase", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "An unknown figure is kept for its words (\"heavy losses\", \"dozens\"); without a number or a phrase it records nothing. Add what the source says, or remove the estimate.");

    public static DiagnosticDescriptor ImplausibleCount { get; } = RuleDescriptors.Create(
        "CM2010", "Implausible count", "{0} {1} is more than {2}; check for a typo", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "No single estimate of people killed, wounded, captured, missing or abducted exceeds ten million, nor of people displaced a hundred million; a figure above that is almost always a slip (extra zeros, a population figure pasted in).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [EmptyFigure, ImplausibleCount];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<CasualtyEstimate>(Check);

    private static void Check(RecordContext<CasualtyEstimate> context)
    {
        CasualtyEstimate estimate = context.Record;
        {
            CasualtyFigure figure = estimate.Figure;
            if (figure.IsUnknown && figure.Phrase is null)
            {
                context.Report(EmptyFigure, "/figure");
            }

            long limit = estimate.Population == CasualtyPopulation.Displaced ? MaxPlausibleDisplaced : MaxPlausible;
            Check(context, estimate, figure.Best, "best", limit);
            Check(context, estimate, figure.Low, "low", limit);
            Check(context, estimate, figure.High, "high", limit);
        }
    }

    private static void Check(RecordContext<CasualtyEstimate> context, CasualtyEstimate estimate, long? value, string member, long limit)
    {
        if (value > limit)
        {
            context.Report(ImplausibleCount, $"/figure/{member}", member, FigureText.Number(value.Value), FigureText.Number(limit));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM2006 and CM2007: components that do not add up to their total, or that count other people.</summary>
internal sealed class ComponentRule : DatasetRule
{
    public static DiagnosticDescriptor ComponentsDoNotSum { get; } = RuleDescriptors.Create(
        "CM2006", "Components do not add up", "The components add up to {0}, which this estimate's figure ({1}) does not allow", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "An estimate made of components (UCDP's deaths by side, civilians and unknown) should equal their sum: exactly when every best figure is given, otherwise within the ranges the figures allow. Checked only when every component exists and has a number.");

    public static DiagnosticDescriptor ComponentCountsOthers { get; } = RuleDescriptors.Create(
        "CM2007", "Component counts other people", "Component '{0}' counts other people: {1}", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning,
        "A component is part of its total, so it counts the same kind of casualty (killed, wounded, …), for the same event, and within the total's category.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [ComponentsDoNotSum, ComponentCountsOthers];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<CasualtyEstimate>(Check);

    private static void Check(RecordContext<CasualtyEstimate> context)
    {
        CasualtyEstimate total = context.Record;
        if (total.Components.IsEmpty)
        {
            return;
        }

        var parts = new List<CasualtyEstimate>(total.Components.Length);
        for (int i = 0; i < total.Components.Length; i++)
        {
            if (context.Symbols.Find(total.Components[i]) is not { } part || ReferenceEquals(part, total))
            {
                parts.Clear();
                break;
            }

            parts.Add(part);
            if (Mismatch(total, part) is { } why)
            {
                context.Report(ComponentCountsOthers, $"/components/{i}", part.RecordId, why);
            }
        }

        CheckSum(context, total, parts);
    }

    private static string? Mismatch(CasualtyEstimate total, CasualtyEstimate part)
    {
        if (part.Population != total.Population)
        {
            return $"it counts {Names.Of(part.Population)}, the total counts {Names.Of(total.Population)}";
        }

        if (part.Event is { } partEvent && total.Event is { } totalEvent && partEvent != totalEvent)
        {
            return $"it is for event '{partEvent.Value}', the total for event '{totalEvent.Value}'";
        }

        if (total.Category is { } category && category != CasualtyCategory.All && part.Category is { } partCategory && partCategory != category)
        {
            return $"it counts {Names.Of(partCategory)}, the total only {Names.Of(category)}";
        }

        return null;
    }

    private static void CheckSum(RecordContext<CasualtyEstimate> context, CasualtyEstimate total, List<CasualtyEstimate> parts)
    {
        if (parts.Count == 0 || total.Figure.IsUnknown || parts.Exists(p => p.Figure.IsUnknown))
        {
            return;
        }

        if (total.Figure.Best is { } best && parts.TrueForAll(p => p.Figure.Best is not null))
        {
            long sum = 0;
            foreach (CasualtyEstimate part in parts)
            {
                sum = FigureText.Add(sum, part.Figure.Best!.Value);
            }

            if (sum != best)
            {
                context.Report(ComponentsDoNotSum, "/components", FigureText.Number(sum), FigureText.Number(best));
            }

            return;
        }

        long min = 0, max = 0;
        foreach (CasualtyEstimate part in parts)
        {
            min = FigureText.Add(min, part.Figure.Minimum() ?? 0);
            max = FigureText.Add(max, part.Figure.Maximum() ?? long.MaxValue);
        }

        long totalMin = total.Figure.Minimum() ?? 0;
        long totalMax = total.Figure.Maximum() ?? long.MaxValue;
        if (min > totalMax || max < totalMin)
        {
            context.Report(ComponentsDoNotSum, "/components", FigureText.Range(min, max), FigureText.Range(totalMin, totalMax));
        }
    }
}

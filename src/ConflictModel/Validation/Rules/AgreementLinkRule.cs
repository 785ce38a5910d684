using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4007: an agreement and a ceasefire that disagree about which contains which.</summary>
internal sealed class AgreementLinkRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM4007", "Ceasefire linked to two agreements", "This agreement's ceasefire provision establishes '{0}', but that ceasefire names agreement '{1}'", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A ceasefire provision links the agreement to the ceasefire it establishes, and the ceasefire's 'agreement' links back. When the two links point to different agreements, one of them is wrong.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<Agreement>(Check);

    private static void Check(RecordContext<Agreement> context)
    {
        Agreement agreement = context.Record;
        for (int i = 0; i < agreement.Provisions.Length; i++)
        {
            if (agreement.Provisions[i].Ceasefire is { } id && context.Symbols.Find(id) is { Agreement: { } other } && other != agreement.Id)
            {
                context.Report(Descriptor, $"/provisions/{i}/ceasefire", id.Value, other.Value);
            }
        }
    }
}

using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1001: a reference to a record that is not in the dataset.</summary>
internal sealed class DanglingReferenceRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1001", "Dangling reference", "There is no {0} with the id '{1}'", DiagnosticCategories.References, DiagnosticSeverity.Error,
        "A record refers to another record by id, and no record of that kind has that id: a typo, a record that was never added, or one that was renamed. References to records that are in the file but could not be read are not reported again.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        foreach (RecordReference reference in RecordReferences.Of(context.Record))
        {
            if (!context.Symbols.IsDeclared(reference.Kind, reference.Id))
            {
                context.Report(Descriptor, reference.Pointer, Names.Of(reference.Kind), reference.Id);
            }
        }
    }
}

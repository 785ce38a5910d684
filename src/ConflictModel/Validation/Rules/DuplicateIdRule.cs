using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1002: two records of the same kind with the same id.</summary>
internal sealed class DuplicateIdRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1002", "Duplicate id", "Another {0} already has the id '{1}'", DiagnosticCategories.References, DiagnosticSeverity.Error,
        "Ids are unique per record kind; references to a repeated id are ambiguous. Reported at every repetition, with the first record as an additional location.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        ConflictRecord record = context.Record;
        if (!context.IsFirstWithId && context.Symbols.Find(record.RecordKind, record.RecordId) is { } first)
        {
            context.Report(Descriptor, "/id", [context.LocationOf(first, "/id")], Names.Of(record.RecordKind), record.RecordId);
        }
    }
}

using System.Collections.Immutable;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1002: two records of the same kind with the same id.</summary>
internal sealed class DuplicateIdRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1002", "Duplicate id", "Another {0} already has the id '{1}'", DiagnosticCategories.References, DiagnosticSeverity.Error,
        "Ids are unique per record kind; references to a repeated id are ambiguous. Reported at every repetition, with the first record as an additional location.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override RuleScope Scope => RuleScope.Record;

    public override void Analyze(RuleContext context)
    {
        foreach (ConflictRecord record in context.Dataset.Records)
        {
            ImmutableArray<ConflictRecord> all = context.Symbols.FindAll(record.RecordKind, record.RecordId);
            if (all.Length > 1 && !ReferenceEquals(all[0], record))
            {
                context.Report(Descriptor, record, "/id", [context.LocationOf(all[0], "/id")], Names.Of(record.RecordKind), record.RecordId);
            }
        }
    }
}

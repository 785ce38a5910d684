using System;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1003: a record that refers to itself.</summary>
internal sealed class SelfReferenceRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1003", "Self-reference", "This {0} refers to itself in '{1}'", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "An actor affiliated with itself, an event or claim answering itself, a claim superseding itself, a source based on itself, an estimate that is its own component: almost always a copy-and-paste slip.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        ConflictRecord record = context.Record;
        foreach (RecordReference reference in RecordReferences.Of(record))
        {
            if (reference.Kind == record.RecordKind && string.Equals(reference.Id, record.RecordId, StringComparison.Ordinal))
            {
                context.Report(Descriptor, reference.Pointer, Names.Of(record.RecordKind), reference.Member);
            }
        }
    }
}

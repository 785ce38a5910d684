using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1011: two records of one kind that carry the same identifier from another dataset.</summary>
internal sealed class DuplicateExternalIdRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1011", "Shared external identifier", "{0} '{1}' {2} is also the identifier of '{3}'", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "An identifier in another dataset (a UCDP event id, an ACLED event id, a PAD agreement id) names one thing; two records carrying it are the same thing imported twice, or one of them has the wrong identifier.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.Actor, RecordKind.Event, RecordKind.Agreement];

    public override void Analyze(RuleContext context)
    {
        Check(context, context.Dataset.Actors, a => a.ExternalIds);
        Check(context, context.Dataset.Events, e => e.ExternalIds);
        Check(context, context.Dataset.Agreements, a => a.ExternalIds);
    }

    private static void Check<TRecord>(RuleContext context, ImmutableArray<TRecord> records, Func<TRecord, ImmutableArray<ExternalIdentifier>> ids)
        where TRecord : ConflictRecord
    {
        var first = new Dictionary<(string, string), TRecord>();
        foreach (TRecord record in records)
        {
            ImmutableArray<ExternalIdentifier> list = ids(record);
            for (int i = 0; i < list.Length; i++)
            {
                var key = (list[i].Scheme, list[i].Value);
                if (first.TryGetValue(key, out TRecord? other))
                {
                    if (!string.Equals(other.RecordId, record.RecordId, StringComparison.Ordinal))
                    {
                        context.Report(Descriptor, record, $"/externalIds/{i}", [context.LocationOf(other)], Names.Of(record.RecordKind), record.RecordId, $"({list[i].Scheme} {list[i].Value})", other.RecordId);
                    }
                }
                else
                {
                    first.Add(key, record);
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1011: two records of one kind that carry the same identifier from another dataset.</summary>
internal sealed class DuplicateExternalIdRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1011", "Shared external identifier", "{0} '{1}' {2} is also the identifier of '{3}'", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "An identifier in another dataset (a UCDP event id, an ACLED event id, a PAD agreement id) names one thing; two records carrying it are the same thing imported twice, or one of them has the wrong identifier. Identifiers of a group a record belongs to (the codebook's ucdp-conflict and ucdp-dyad schemes: the conflict or dyad of an event or agreement) are shared by design and not checked.");

    /// <summary>
    /// Schemes whose values name the group a record belongs to rather than the record (docs/vocabulary.md, 7.1):
    /// every GED event of a conflict carries its conflict's and its dyad's id.
    /// </summary>
    internal static readonly System.Collections.Frozen.FrozenSet<string> GroupSchemes =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "ucdp-conflict", "ucdp-dyad");

    private readonly Func<int, int> _narrow;

    /// <summary>Creates the rule.</summary>
    public DuplicateExternalIdRule()
        : this(static hash => hash)
    {
    }

    /// <summary>Creates the rule with the hashes it keeps narrowed (a test seam: a constant makes every identifier's hash collide).</summary>
    internal DuplicateExternalIdRule(Func<int, int> narrow) => _narrow = narrow;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    /// <summary>Per validation: per kind, the first record's handle for each identifier.</summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(start =>
        {
            var state = new State(_narrow);
            start.RegisterRecordAction<Actor>(state.Record);
            start.RegisterRecordAction<Event>(state.Record);
            start.RegisterRecordAction<Agreement>(state.Record);
        });

    /// <summary>
    /// Streaming: per identifier, only the place of the first record that carried it, under the hash of kind, scheme
    /// and value (no strings kept). When a later identifier's hash is there, the records under it are read again to
    /// find the one that really carries it (hashes collide); one that does not starts its own entry.
    /// </summary>
    private sealed class State(Func<int, int> narrow)
    {
        private readonly PlacesByHash _first = new(); // 12 bytes an identifier, in chunks, and its bucket

        public void Record<TRecord>(RecordContext<TRecord> context)
            where TRecord : ConflictRecord
        {
            ConflictRecord record = context.Record;
            ImmutableArray<ExternalIdentifier> list = IdsOf(record);
            for (int i = 0; i < list.Length; i++)
            {
                if (GroupSchemes.Contains(list[i].Scheme))
                {
                    continue;
                }

                int hash = narrow(HashCode.Combine(record.RecordKind, list[i].Scheme, list[i].Value));
                ExternalIdentifier id = list[i];
                if (_first.FirstMatch(hash, place => Carries(context, context.HandleOf(place), record.RecordKind, id)) is { } other)
                {
                    if (!string.Equals(other.RecordId, record.RecordId, StringComparison.Ordinal))
                    {
                        context.Report(Diagnostic.Create(Descriptor, context.LocationOf($"/externalIds/{i}"), [context.LocationOf(other.Handle, null)], Names.Of(record.RecordKind), record.RecordId, $"({list[i].Scheme} {list[i].Value})", other.RecordId));
                    }
                }
                else
                {
                    _first.Add(hash, context.Place);
                }
            }
        }

        private static (string RecordId, RecordHandle Handle)? Carries<TRecord>(RecordContext<TRecord> context, RecordHandle handle, RecordKind kind, ExternalIdentifier id)
            where TRecord : ConflictRecord
        {
            if (context.ReadAgain(handle) is not { } earlier || earlier.RecordKind != kind)
            {
                return null;
            }

            foreach (ExternalIdentifier other in IdsOf(earlier))
            {
                // The scheme and value only, as Analyze keys them (not extension members).
                if (string.Equals(other.Scheme, id.Scheme, StringComparison.Ordinal) && string.Equals(other.Value, id.Value, StringComparison.Ordinal))
                {
                    return (earlier.RecordId, handle);
                }
            }

            return null;
        }
    }

    private static ImmutableArray<ExternalIdentifier> IdsOf(ConflictRecord record) => record switch
    {
        Actor a => a.ExternalIds,
        Event e => e.ExternalIds,
        Agreement a => a.ExternalIds,
        _ => [],
    };
}

using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1010 and CM1012: a source no record cites, an actor no record mentions.</summary>
internal sealed class UnreferencedRecordRule : DatasetRule
{
    public static DiagnosticDescriptor UnreferencedSource { get; } = RuleDescriptors.Create(
        "CM1010", "Source cited by nothing", "No record cites source '{0}'", DiagnosticCategories.References, DiagnosticSeverity.Info,
        "A source that no citation and no other source's basedOn refers to supports nothing in the dataset: a citation is missing, or the source is left over. Not reported when part of the input could not be read.");

    public static DiagnosticDescriptor UnreferencedActor { get; } = RuleDescriptors.Create(
        "CM1012", "Actor mentioned by nothing", "No record mentions actor '{0}'", DiagnosticCategories.References, DiagnosticSeverity.Info,
        "An actor that no event, claim, estimate, attribution, ceasefire, mediation, agreement, source or other actor refers to plays no part in the dataset: a reference is missing, or the actor is left over. Not reported when part of the input could not be read.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [UnreferencedSource, UnreferencedActor];

    /// <summary>
    /// Per validation: which sources and actors have been referenced, as a bit per id number
    /// (<see cref="RecordContext{TRecord}.IdNumber"/>, the id table's index when streaming), and the place of every
    /// source and actor record (4 bytes each, in chunks: a set of those not referenced yet would hold every source of
    /// a document whose sources come first, at its largest, to the end); at the end, those whose id no reference named.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<ConflictRecord>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly IdBits _referenced = new();
        private readonly ChunkedList<int> _candidates = new(); // the places of the sources and actors, in input order

        public void Record(RecordContext<ConflictRecord> context)
        {
            ConflictRecord record = context.Record;
            foreach (RecordReference reference in RecordReferences.Of(record))
            {
                if (reference.Kind is RecordKind.Source or RecordKind.Actor && (reference.Kind != record.RecordKind || reference.Id != record.RecordId))
                {
                    _referenced.Add(context.IdNumber(reference.Kind, reference.Id));
                }
            }

            if (record.RecordKind is RecordKind.Source or RecordKind.Actor)
            {
                _candidates.Add(context.Place);
            }
        }

        public void End(RuleEndContext context)
        {
            if (!context.IsInputComplete)
            {
                // The records that could not be read may be the ones that cite or mention them.
                return;
            }

            for (int i = 0; i < _candidates.Count; i++)
            {
                int number = context.IdNumberOf(_candidates[i]);
                if (!_referenced.Contains(number))
                {
                    (RecordKind kind, string id) = context.IdOfNumber(number);
                    DiagnosticDescriptor descriptor = kind == RecordKind.Source ? UnreferencedSource : UnreferencedActor;
                    context.Report(descriptor, context.HandleOf(_candidates[i]), "/id", id);
                }
            }
        }
    }
}

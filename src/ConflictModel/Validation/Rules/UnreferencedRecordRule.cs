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
    /// Per validation: which sources and actors have been referenced so far, as a bit per id number
    /// (<see cref="RecordContext{TRecord}.IdNumber"/>, the id table's index when streaming), and the handles of those
    /// not referenced yet; references met remove them.
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
        private readonly Dictionary<int, RecordHandle> _unreferenced = [];
        private readonly Dictionary<int, List<RecordHandle>> _laterUnreferenced = []; // records with the same id after the first (rare)

        public void Record(RecordContext<ConflictRecord> context)
        {
            ConflictRecord record = context.Record;
            foreach (RecordReference reference in RecordReferences.Of(record))
            {
                if (reference.Kind is RecordKind.Source or RecordKind.Actor && (reference.Kind != record.RecordKind || reference.Id != record.RecordId)
                    && context.IdNumber(reference.Kind, reference.Id) is int number && _referenced.Add(number)
                    && _unreferenced.Remove(number))
                {
                    _laterUnreferenced.Remove(number);
                }
            }

            if (record.RecordKind is RecordKind.Source or RecordKind.Actor)
            {
                int number = context.IdNumber(record.RecordKind, record.RecordId);
                if (_referenced.Contains(number))
                {
                    return;
                }

                if (_unreferenced.TryAdd(number, context.Handle))
                {
                    return;
                }

                if (!_laterUnreferenced.TryGetValue(number, out List<RecordHandle>? handles))
                {
                    _laterUnreferenced[number] = handles = [];
                }

                handles.Add(context.Handle);
            }
        }

        public void End(RuleEndContext context)
        {
            if (!context.IsInputComplete)
            {
                // The records that could not be read may be the ones that cite or mention them.
                return;
            }

            foreach ((int number, RecordHandle first) in _unreferenced)
            {
                (RecordKind kind, string id) = context.IdOfNumber(number);
                DiagnosticDescriptor descriptor = kind == RecordKind.Source ? UnreferencedSource : UnreferencedActor;
                context.Report(Diagnostic.Create(descriptor, context.LocationOf(first, "/id"), id));
                if (_laterUnreferenced.TryGetValue(number, out List<RecordHandle>? handles))
                {
                    foreach (RecordHandle handle in handles)
                    {
                        context.Report(Diagnostic.Create(descriptor, context.LocationOf(handle, "/id"), id));
                    }
                }
            }
        }
    }
}

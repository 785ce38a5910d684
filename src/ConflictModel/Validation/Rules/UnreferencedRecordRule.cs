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
        "A source that no citation and no other source's basedOn refers to supports nothing in the dataset: a citation is missing, or the source is left over.");

    public static DiagnosticDescriptor UnreferencedActor { get; } = RuleDescriptors.Create(
        "CM1012", "Actor mentioned by nothing", "No record mentions actor '{0}'", DiagnosticCategories.References, DiagnosticSeverity.Info,
        "An actor that no event, claim, estimate, attribution, ceasefire, mediation, agreement, source or other actor refers to plays no part in the dataset: a reference is missing, or the actor is left over.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [UnreferencedSource, UnreferencedActor];

    /// <summary>Per validation: the sources and actors not referenced so far, by id, with their handles; references met remove them.</summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<ConflictRecord>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly HashSet<(RecordKind, string)> _referenced = [];
        private readonly Dictionary<(RecordKind, string), List<RecordHandle>> _unreferenced = [];

        public void Record(RecordContext<ConflictRecord> context)
        {
            ConflictRecord record = context.Record;
            foreach (RecordReference reference in RecordReferences.Of(record))
            {
                if (reference.Kind is RecordKind.Source or RecordKind.Actor && (reference.Kind != record.RecordKind || reference.Id != record.RecordId)
                    && _referenced.Add((reference.Kind, reference.Id)))
                {
                    _unreferenced.Remove((reference.Kind, reference.Id));
                }
            }

            if (record.RecordKind is RecordKind.Source or RecordKind.Actor && !_referenced.Contains((record.RecordKind, record.RecordId)))
            {
                var key = (record.RecordKind, record.RecordId);
                if (!_unreferenced.TryGetValue(key, out List<RecordHandle>? handles))
                {
                    _unreferenced[key] = handles = [];
                }

                handles.Add(context.Handle);
            }
        }

        public void End(RuleEndContext context)
        {
            foreach (((RecordKind kind, string id), List<RecordHandle> handles) in _unreferenced)
            {
                foreach (RecordHandle handle in handles)
                {
                    context.Report(Diagnostic.Create(kind == RecordKind.Source ? UnreferencedSource : UnreferencedActor, context.LocationOf(handle, "/id"), id));
                }
            }
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;

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

    public override void Analyze(RuleContext context)
    {
        var referenced = new HashSet<(RecordKind, string)>();
        foreach (ConflictRecord record in context.Dataset.Records)
        {
            foreach (RecordReference reference in RecordReferences.Of(record))
            {
                if (reference.Kind != record.RecordKind || reference.Id != record.RecordId)
                {
                    referenced.Add((reference.Kind, reference.Id));
                }
            }
        }

        foreach (Source source in context.Dataset.Sources)
        {
            if (!referenced.Contains((RecordKind.Source, source.RecordId)))
            {
                context.Report(UnreferencedSource, source, "/id", source.RecordId);
            }
        }

        foreach (Actor actor in context.Dataset.Actors)
        {
            if (!referenced.Contains((RecordKind.Actor, actor.RecordId)))
            {
                context.Report(UnreferencedActor, actor, "/id", actor.RecordId);
            }
        }
    }

    /// <summary>Streaming: the sources and actors not referenced so far, by id; references met remove them.</summary>
    public override StreamingRuleState BeginStreaming() => new State();

    private sealed class State : StreamingRuleState
    {
        private readonly HashSet<(RecordKind, string)> _referenced = [];
        private readonly Dictionary<(RecordKind, string), List<RecordHandle>> _unreferenced = [];

        public override void Record(StreamingRuleContext context)
        {
            ConflictRecord record = context.Record!;
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

        public override void End(StreamingRuleContext context)
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

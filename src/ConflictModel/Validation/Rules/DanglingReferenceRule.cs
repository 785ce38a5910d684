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

    /// <summary>
    /// Per validation: for each reference to an id not declared so far, the referring record's place and the number of
    /// the kind and id it names (8 bytes, in chunks; each pair once per record); at the end, those whose id was never
    /// declared are reported, at every reference to it in the record, read again. A reference to a record further on
    /// (the document form lists sources before the actors that are their outlets) costs those 8 bytes and no second
    /// reading, where running the check again at the end would read every such record again.
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
        private readonly ChunkedList<(int Place, int Target)> _undeclared = new();

        public void Record(RecordContext<ConflictRecord> context)
        {
            int first = _undeclared.Count;
            foreach (RecordReference reference in RecordReferences.Of(context.Record))
            {
                if (!context.Symbols.IsDeclared(reference.Kind, reference.Id))
                {
                    int target = context.IdNumber(reference.Kind, reference.Id);
                    bool seen = false;
                    for (int i = first; i < _undeclared.Count && !seen; i++)
                    {
                        seen = _undeclared[i].Target == target;
                    }

                    if (!seen)
                    {
                        _undeclared.Add((context.Place, target));
                    }
                }
            }
        }

        public void End(RuleEndContext context)
        {
            for (int i = 0; i < _undeclared.Count; i++)
            {
                (int place, int target) = _undeclared[i];
                (RecordKind kind, string id) = context.IdOfNumber(target);
                if (context.Symbols.IsDeclared(kind, id))
                {
                    continue; // declared further on
                }

                RecordHandle handle = context.HandleOf(place);
                if (context.ReadAgain(handle) is not { } record)
                {
                    continue; // the input changed under the reader: the validation reports that
                }

                foreach (RecordReference reference in RecordReferences.Of(record))
                {
                    if (reference.Kind == kind && string.Equals(reference.Id, id, System.StringComparison.Ordinal))
                    {
                        context.Report(Diagnostic.Create(Descriptor, context.LocationOf(handle, reference.Pointer), Names.Of(kind), id));
                    }
                }
            }
        }
    }
}

using System.Collections.Immutable;

namespace ConflictModel.Validation;

/// <summary>
/// A validation rule, as a Roslyn analyzer: it declares the descriptors it may report and inspects a read dataset
/// through a <see cref="RuleContext"/>, which resolves references across records. Rules hold no state between runs
/// and must be thread-safe. A rule that throws does not stop validation: the failure is reported as CM0900.
/// </summary>
public abstract class DatasetRule
{
    /// <summary>Gets the descriptors this rule may report; reporting any other is an error in the rule.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// Gets the ids of <see cref="SupportedDiagnostics"/>, made once per rule (the contexts check every report against
    /// them, and a streaming validation makes a context per record and rule).
    /// </summary>
    internal System.Collections.Generic.HashSet<string> SupportedIds
        => field ??= new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.Select(SupportedDiagnostics, d => d.Id), System.StringComparer.Ordinal);

    /// <summary>Gets the rule's name for messages: by default its type's name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>
    /// Gets what a streaming validation must give the rule (see docs/validation.md, "Streaming"):
    /// <see cref="RuleScope.Dataset"/> (the default) keeps every record of <see cref="RetainedKinds"/> until the end
    /// and runs <see cref="Analyze"/> once over them; <see cref="RuleScope.Record"/> runs <see cref="Analyze"/> on each
    /// record as it is read, alone in its dataset, with <see cref="RuleContext.Symbols"/> still finding every record
    /// by id. Declare <see cref="RuleScope.Record"/> only when what the rule reports about a record depends on that
    /// record and on records it looks up by id, never on iterating other records.
    /// </summary>
    public virtual RuleScope Scope => RuleScope.Dataset;

    /// <summary>Gets the kinds of record a <see cref="RuleScope.Dataset"/> rule iterates; a streaming validation keeps only these. Every kind by default.</summary>
    public virtual ImmutableArray<ConflictModel.Model.RecordKind> RetainedKinds => AllKinds;

    /// <summary>
    /// Gets whether a streaming validation keeps a record for this rule; by default, when its kind is one of
    /// <see cref="RetainedKinds"/>. <paramref name="firstWithId"/> tells whether no record of its kind had its id before.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="firstWithId">Whether it is the first record of its kind with its id.</param>
    /// <returns>Whether to keep it until the end.</returns>
    public virtual bool Retains(ConflictModel.Model.ConflictRecord record, bool firstWithId)
        => record is not null && RetainedKinds.Contains(record.RecordKind);

    /// <summary>
    /// Starts checking a streamed dataset with compact state instead of keeping records: a
    /// <see cref="RuleScope.Dataset"/> rule that returns a state here keeps nothing through
    /// <see cref="RetainedKinds"/>; its state's findings must be those <see cref="Analyze"/> gives for the same input.
    /// Null by default.
    /// </summary>
    /// <returns>A fresh state, or null to be given the retained records at the end.</returns>
    public virtual StreamingRuleState? BeginStreaming() => null;

    private static readonly ImmutableArray<ConflictModel.Model.RecordKind> AllKinds = [.. System.Enum.GetValues<ConflictModel.Model.RecordKind>()];

    /// <summary>Inspects the dataset and reports what it finds.</summary>
    /// <param name="context">The dataset, its symbols and locations, and where to report.</param>
    public abstract void Analyze(RuleContext context);
}

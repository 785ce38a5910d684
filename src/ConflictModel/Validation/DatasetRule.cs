using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A validation rule, as a Roslyn analyzer: it declares the descriptors it may report and, in
/// <see cref="Initialize"/>, registers what it wants to see: a check of each record of a kind
/// (<see cref="RuleRegistration.RegisterRecordAction{TRecord}"/>), which may look other records up by id; a check of
/// the whole dataset at its end (<see cref="RuleRegistration.RegisterEndAction"/>); or, for a rule that compares
/// records, a start action (<see cref="RuleRegistration.RegisterStartAction"/>) that makes compact state for one
/// validation and registers its own record and end actions. The validator drives every rule in one walk over the
/// records, in input order, whether the dataset was loaded or is being streamed (see docs/extending.md).
/// </summary>
/// <remarks>
/// Rules hold no state between validations and must be thread-safe: one instance serves validations running at
/// once, and <see cref="Initialize"/> is called once per validator. A rule that throws does not stop validation: the
/// failure is reported as CM0900 and the rule is not run again in that validation. A derived rule needs a public
/// parameterless constructor to be loaded from an assembly by <c>conflictmodel validate --rules</c>.
/// </remarks>
public abstract class DatasetRule
{
    /// <summary>Gets the descriptors this rule may report; reporting any other is an error in the rule.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Gets the rule's name for messages: by default its type's name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>
    /// Gets the ids of <see cref="SupportedDiagnostics"/>, made once per rule (every report is checked against them).
    /// </summary>
    internal HashSet<string> SupportedIds
        => field ??= new HashSet<string>(SupportedDiagnostics.Select(d => d.Id), System.StringComparer.Ordinal);

    /// <summary>Registers the rule's actions: called once per validator, before its first validation.</summary>
    /// <param name="context">Where to register the actions; valid only during this call.</param>
    public abstract void Initialize(RuleRegistration context);
}

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

    /// <summary>Gets the rule's name for messages: by default its type's name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Inspects the dataset and reports what it finds.</summary>
    /// <param name="context">The dataset, its symbols and locations, and where to report.</param>
    public abstract void Analyze(RuleContext context);
}

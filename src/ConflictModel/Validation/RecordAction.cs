using System;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// One record action in one validation, with the context it is always given (one per action, reused for every
/// record: the engine makes nothing per record and rule).
/// </summary>
internal abstract class RecordAction(RuleRun rule, bool retryable)
{
    /// <summary>Gets the rule and whether it has failed in this validation.</summary>
    public RuleRun Rule { get; } = rule;

    /// <summary>Gets whether a lookup that missed makes the action run again later (see <see cref="RecordActionRegistration.Retryable"/>).</summary>
    public bool Retryable { get; } = retryable;

    /// <summary>Gets or sets the action's index among the validation's retryable actions; -1 for the others.</summary>
    public int RetryIndex { get; set; } = -1;

    /// <summary>Runs the action on the engine's current record.</summary>
    public abstract void Invoke();
}

/// <summary>A record action for records of <typeparamref name="TRecord"/>.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class RecordAction<TRecord>(Action<RecordContext<TRecord>> action, RecordContext<TRecord> context, RuleRun rule, bool retryable)
    : RecordAction(rule, retryable)
    where TRecord : ConflictRecord
{
    public override void Invoke() => action(context);
}

/// <summary>A rule in one validation: whether it has thrown (then it is not run again).</summary>
internal sealed class RuleRun(DatasetRule rule)
{
    public DatasetRule Rule { get; } = rule;

    public bool Failed { get; set; }
}

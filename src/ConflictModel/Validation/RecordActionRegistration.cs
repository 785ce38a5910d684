using System;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A record action as a rule registered it: the action and the kinds of record it is for. A validation turns it into
/// a <see cref="RecordAction"/> with a context of its own (<see cref="Create"/>).
/// </summary>
internal abstract class RecordActionRegistration(RecordKind[] kinds, bool retryable)
{
    /// <summary>Gets the kinds of record the action is for.</summary>
    public RecordKind[] Kinds { get; } = kinds;

    /// <summary>
    /// Gets whether the action checks one record on its own (registered in <see cref="DatasetRule.Initialize"/>), so
    /// that a streaming validation may run it again when a lookup missed; false for a state's step, run exactly once.
    /// </summary>
    public bool Retryable { get; } = retryable;

    /// <summary>Makes the action of one validation.</summary>
    public abstract RecordAction Create(RuleEngine engine, RuleRun rule);

    /// <summary>Gets the kinds of record a record type stands for: its own, or every kind for <see cref="ConflictRecord"/>.</summary>
    protected static RecordKind[] KindsOf(Type type)
    {
        if (type == typeof(ConflictRecord))
        {
            return Array.FindAll(Enum.GetValues<RecordKind>(), kind => kind != RecordKind.Unspecified);
        }

        RecordKind? kind = type == typeof(Source) ? RecordKind.Source
            : type == typeof(Actor) ? RecordKind.Actor
            : type == typeof(Event) ? RecordKind.Event
            : type == typeof(CasualtyEstimate) ? RecordKind.CasualtyEstimate
            : type == typeof(Attribution) ? RecordKind.Attribution
            : type == typeof(Claim) ? RecordKind.Claim
            : type == typeof(Ceasefire) ? RecordKind.Ceasefire
            : type == typeof(Mediation) ? RecordKind.Mediation
            : type == typeof(Agreement) ? RecordKind.Agreement
            : null;
        return kind is { } known
            ? [known]
            : throw new ArgumentException($"{type.Name} is not a kind of record the reader produces; register an action for one of the record types of ConflictModel.Model, or for ConflictRecord to see every record.");
    }
}

/// <summary>A record action for records of <typeparamref name="TRecord"/>.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal sealed class RecordActionRegistration<TRecord>(Action<RecordContext<TRecord>> action, bool retryable)
    : RecordActionRegistration(KindsOf(typeof(TRecord)), retryable)
    where TRecord : ConflictRecord
{
    public override RecordAction Create(RuleEngine engine, RuleRun rule)
        => new RecordAction<TRecord>(action, new RecordContext<TRecord>(engine, rule.Rule), rule, Retryable);
}

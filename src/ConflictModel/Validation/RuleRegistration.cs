using System;
using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Where a <see cref="DatasetRule"/> registers what it wants to see, in <see cref="DatasetRule.Initialize"/> (Roslyn's
/// <c>AnalysisContext</c>). Valid only during that call: registering later throws.
/// </summary>
public sealed class RuleRegistration
{
    private readonly List<RecordActionRegistration> _recordActions = [];
    private readonly List<Action<RuleStartContext>> _startActions = [];
    private readonly List<Action<RuleEndContext>> _endActions = [];
    private bool _closed;

    internal RuleRegistration(DatasetRule rule) => Rule = rule;

    /// <summary>Gets the rule registering.</summary>
    public DatasetRule Rule { get; }

    internal IReadOnlyList<RecordActionRegistration> RecordActions => _recordActions;

    internal IReadOnlyList<Action<RuleStartContext>> StartActions => _startActions;

    internal IReadOnlyList<Action<RuleEndContext>> EndActions => _endActions;

    /// <summary>
    /// Registers a check of one record: called for every record of <typeparamref name="TRecord"/>'s kind (every record
    /// for <see cref="ConflictRecord"/>), in input order. The check may look other records up by id
    /// (<see cref="RecordContext{TRecord}.Symbols"/>) and then sees every record of the dataset: when a streamed
    /// record names one that comes later in the input, the check is run again on it once that record has been read,
    /// and only what that run reports counts. So it must report what it finds about this record alone, keeping nothing
    /// between calls; a rule that compares records registers a start action instead.
    /// </summary>
    /// <typeparam name="TRecord">The kind of record, or <see cref="ConflictRecord"/> for every kind.</typeparam>
    /// <param name="action">The check.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TRecord"/> is not a kind of record the reader produces.</exception>
    /// <exception cref="InvalidOperationException">Called after <see cref="DatasetRule.Initialize"/> returned.</exception>
    public void RegisterRecordAction<TRecord>(Action<RecordContext<TRecord>> action)
        where TRecord : ConflictRecord
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfClosed();
        _recordActions.Add(new RecordActionRegistration<TRecord>(action, retryable: true));
    }

    /// <summary>
    /// Registers an action run at the start of each validation (Roslyn's compilation start action): it makes the state
    /// the rule keeps for that validation and registers record actions and an end action over it. Those record
    /// actions run exactly once per record, in input order, and may see only the records read so far when they look
    /// records up (every record at the end); keep ids, counts and <see cref="RecordHandle"/>s, never records or text.
    /// </summary>
    /// <param name="action">The start action.</param>
    /// <exception cref="InvalidOperationException">Called after <see cref="DatasetRule.Initialize"/> returned.</exception>
    public void RegisterStartAction(Action<RuleStartContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfClosed();
        _startActions.Add(action);
    }

    /// <summary>Registers a check run once, after the last record, when every id is known (Roslyn's compilation action).</summary>
    /// <param name="action">The check.</param>
    /// <exception cref="InvalidOperationException">Called after <see cref="DatasetRule.Initialize"/> returned.</exception>
    public void RegisterEndAction(Action<RuleEndContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfClosed();
        _endActions.Add(action);
    }

    internal void Close() => _closed = true;

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new InvalidOperationException($"{Rule.Name} registered an action after Initialize returned; register everything in Initialize.");
        }
    }
}

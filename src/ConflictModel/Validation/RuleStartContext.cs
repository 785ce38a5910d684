using System;
using System.Collections.Generic;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// What a start action (<see cref="RuleRegistration.RegisterStartAction"/>) sees: the rule, today's date, and where
/// to register the record actions and the end action of this validation's state (Roslyn's
/// <c>CompilationStartAnalysisContext</c>). Valid only during the start action.
/// </summary>
public sealed class RuleStartContext
{
    private readonly List<RecordActionRegistration> _recordActions = [];
    private readonly List<Action<RuleEndContext>> _endActions = [];
    private bool _closed;

    internal RuleStartContext(DatasetRule rule, LocalDate today)
    {
        Rule = rule;
        Today = today;
    }

    /// <summary>Gets the rule.</summary>
    public DatasetRule Rule { get; }

    /// <summary>Gets the date validation treats as today (UTC by default; fixed in <see cref="ValidationOptions.Today"/>).</summary>
    public LocalDate Today { get; }

    internal IReadOnlyList<RecordActionRegistration> RecordActions => _recordActions;

    internal IReadOnlyList<Action<RuleEndContext>> EndActions => _endActions;

    /// <summary>
    /// Registers a step of this validation's state: called exactly once for every record of
    /// <typeparamref name="TRecord"/>'s kind (every record for <see cref="ConflictRecord"/>), in input order. Lookups
    /// by id find the records read so far when streaming (every record when the dataset was loaded): a state that
    /// needs a record named ahead of the current one keeps what it needs and looks again at the end.
    /// </summary>
    /// <typeparam name="TRecord">The kind of record, or <see cref="ConflictRecord"/> for every kind.</typeparam>
    /// <param name="action">The step.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TRecord"/> is not a kind of record the reader produces.</exception>
    /// <exception cref="InvalidOperationException">Called after the start action returned.</exception>
    public void RegisterRecordAction<TRecord>(Action<RecordContext<TRecord>> action)
        where TRecord : ConflictRecord
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfClosed();
        _recordActions.Add(new RecordActionRegistration<TRecord>(action, retryable: false));
    }

    /// <summary>Registers what the state reports once every record has been read.</summary>
    /// <param name="action">The end action.</param>
    /// <exception cref="InvalidOperationException">Called after the start action returned.</exception>
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
            throw new InvalidOperationException($"{Rule.Name} registered an action after its start action returned; register them in the start action.");
        }
    }
}

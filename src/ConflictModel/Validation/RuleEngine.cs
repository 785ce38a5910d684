using System;
using System.Collections.Generic;
using System.Numerics;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The one walk that runs every rule: the rules' registered actions, grouped by kind of record into dispatch arrays,
/// run on each record in input order as its <see cref="RecordSource"/> presents it, then the end actions. The same for
/// a loaded dataset and a stream; what differs (lookups, locations, reading again) is the source's. A record action
/// that checks one record on its own and looked up an id not read yet is handed to <see cref="RetrySchedule"/> (when
/// there is one) to be run again, and only the last run's findings count. A rule that throws is reported as CM0900 and
/// not run again. Not thread-safe: one engine per validation.
/// </summary>
internal sealed class RuleEngine
{
    private static readonly int KindCount = (int)Enum.GetValues<RecordKind>()[^1] + 1;

    private readonly RecordAction[][] _byKind;
    private readonly RecordAction[] _retryable;
    private readonly List<(RuleRun Rule, Action<RuleEndContext> Action)> _endActions = [];
    private readonly DiagnosticCollector _collector;
    private readonly Func<DiagnosticLocation, string?> _recordIdAt;
    private readonly List<Finding> _held = [];
    private int _heldUncounted;
    private bool _holding;

    public RuleEngine(IReadOnlyList<RuleRegistration> registrations, RecordSource source, LocalDate today, DiagnosticCollector collector)
    {
        Source = source;
        Today = today;
        _collector = collector;
        _recordIdAt = source.RecordIdAt;
        var byKind = new List<RecordAction>[KindCount];
        for (int i = 0; i < KindCount; i++)
        {
            byKind[i] = [];
        }

        var retryable = new List<RecordAction>();
        foreach (RuleRegistration registration in registrations)
        {
            var rule = new RuleRun(registration.Rule);
            foreach (RecordActionRegistration action in registration.RecordActions)
            {
                Add(action.Create(this, rule), action.Kinds);
            }

            foreach (Action<RuleEndContext> end in registration.EndActions)
            {
                _endActions.Add((rule, end));
            }

            foreach (Action<RuleStartContext> start in registration.StartActions)
            {
                var context = new RuleStartContext(rule.Rule, today);
                try
                {
                    start(context);
                }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
                catch (Exception ex) when (ex is not InputChangedException) // a file truncated under the reader is the validation's to report (CM0027), not a rule failure
#pragma warning restore CA1031
                {
                    Fail(rule, ex);
                    break;
                }
                finally
                {
                    context.Close();
                }

                foreach (RecordActionRegistration action in context.RecordActions)
                {
                    Add(action.Create(this, rule), action.Kinds);
                }

                foreach (Action<RuleEndContext> end in context.EndActions)
                {
                    _endActions.Add((rule, end));
                }
            }
        }

        _byKind = new RecordAction[KindCount][];
        for (int i = 0; i < KindCount; i++)
        {
            _byKind[i] = [.. byKind[i]];
        }

        _retryable = [.. retryable];

        void Add(RecordAction action, RecordKind[] kinds)
        {
            if (action.Retryable)
            {
                action.RetryIndex = retryable.Count;
                retryable.Add(action);
            }

            foreach (RecordKind kind in kinds)
            {
                byKind[(int)kind].Add(action);
            }
        }
    }

    /// <summary>Gets the source of the records, which the contexts ask about the current record.</summary>
    public RecordSource Source { get; }

    /// <summary>Gets the date validation treats as today.</summary>
    public LocalDate Today { get; }

    /// <summary>Gets or sets where record actions whose lookups missed go to be run again; null when lookups cannot miss.</summary>
    public RetrySchedule? Retries { get; set; }

    /// <summary>Runs every action registered for the kind on the source's current record: its first (and usually only) run.</summary>
    public void Run(RecordKind kind)
    {
        RecordAction[] actions = _byKind[(int)kind];
        for (int i = 0; i < actions.Length; i++)
        {
            RecordAction action = actions[i];
            if (!action.Rule.Failed)
            {
                Invoke(action, RulePass.First);
            }
        }
    }

    /// <summary>Runs again, on the source's current record, the retryable actions whose bits are set (action <c>64 * group + bit</c>).</summary>
    public void RunAgain(int group, ulong actions, RulePass pass)
    {
        for (ulong left = actions; left != 0; left &= left - 1)
        {
            RecordAction action = _retryable[(group * 64) + BitOperations.TrailingZeroCount(left)];
            if (!action.Rule.Failed)
            {
                Invoke(action, pass);
            }
        }
    }

    /// <summary>Runs the end actions, once every record has been through <see cref="Run"/>.</summary>
    public void End()
    {
        foreach ((RuleRun rule, Action<RuleEndContext> action) in _endActions)
        {
            if (rule.Failed)
            {
                continue;
            }

            try
            {
                action(new RuleEndContext(this, rule.Rule));
            }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
            catch (Exception ex) when (ex is not InputChangedException) // a file truncated under the reader is the validation's to report (CM0027), not a rule failure
#pragma warning restore CA1031
            {
                Fail(rule, ex);
            }
        }
    }

    /// <summary>Takes a diagnostic a rule reports, after checking that the rule declared it.</summary>
    public void Report(DatasetRule rule, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        CheckDeclared(rule, diagnostic.Id);
        Take(new Finding(diagnostic));
    }

    /// <summary>
    /// Takes a diagnostic a rule reports at the current record or a member of it, making it (locating it in the text)
    /// only if it can still be reported: past the maximum it is only counted, and a finding that a missed lookup is
    /// about to discard is made only if the rule fails instead.
    /// </summary>
    public void ReportAtCurrent(DatasetRule rule, DiagnosticDescriptor descriptor, string? relativePointer, IEnumerable<DiagnosticLocation>? additionalLocations, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        CheckDeclared(rule, descriptor.Id);
        if (_collector.CannotReport(descriptor, Source.FilePath, Source.CurrentFirstLine, out bool counts))
        {
            Count(counts);
        }
        else if (_holding && additionalLocations is null && Source.HasMissed)
        {
            Take(new Finding(null, descriptor, relativePointer, args));
        }
        else
        {
            Take(new Finding(Diagnostic.Create(descriptor, Source.LocateCurrent(relativePointer), additionalLocations, args)));
        }
    }

    /// <summary>Takes a diagnostic a rule reports at a record met earlier, locating it only if it can still be reported.</summary>
    public void ReportAt(DatasetRule rule, DiagnosticDescriptor descriptor, RecordHandle handle, string? relativePointer, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Given(handle);
        CheckDeclared(rule, descriptor.Id);
        if (_collector.CannotReport(descriptor, Source.FilePath, Source.FirstLineOf(handle), out bool counts))
        {
            Count(counts);
        }
        else
        {
            Take(new Finding(Diagnostic.Create(descriptor, Source.Locate(handle, relativePointer), args)));
        }
    }

    /// <summary>Checks a handle a rule gives back.</summary>
    public static RecordHandle Given(RecordHandle handle, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(handle))] string? name = null)
        => handle.IsDefault ? throw new ArgumentException("The handle is the default value, not one a validation gave out (keep context.Handle as records are read).", name) : handle;

    private void Invoke(RecordAction action, RulePass pass)
    {
        // A check of one record whose lookups may still miss holds its findings until it is known whether they did.
        bool hold = Retries is not null && action.Retryable && pass != RulePass.Final;
        if (hold)
        {
            _holding = true;
            Source.TakeMissed();
        }

        try
        {
            action.Invoke();
        }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
        catch (Exception ex) when (ex is not InputChangedException) // a file truncated under the reader is the validation's to report (CM0027), not a rule failure
#pragma warning restore CA1031
        {
            _holding = false;
            Fail(action.Rule, ex);
        }

        if (!hold)
        {
            return;
        }

        _holding = false;
        if (!action.Rule.Failed && Source.TakeMissed())
        {
            Retries!.Missed(action.RetryIndex, pass);
        }
        else
        {
            foreach (Finding finding in _held)
            {
                // One held unmade (a lookup had missed) is made now that it counts: the record is still the current one.
                Diagnostic diagnostic = finding.Diagnostic ?? Diagnostic.Create(finding.Descriptor!, Source.LocateCurrent(finding.Pointer), finding.Arguments);
                _collector.Add(diagnostic, _recordIdAt);
            }

            _collector.CountUnreported(_heldUncounted);
        }

        _held.Clear();
        _heldUncounted = 0;
    }

    // The parameter named is the diagnostic's, whichever overload the rule called: CM0900's message stays the same.
    private static void CheckDeclared(DatasetRule rule, string id, string parameter = "diagnostic")
    {
        if (!rule.SupportedIds.Contains(id))
        {
            throw new ArgumentException($"{rule.Name} reported {id}, which is not among its supported diagnostics.", parameter);
        }
    }

    private void Take(Finding finding)
    {
        if (_holding)
        {
            _held.Add(finding);
        }
        else
        {
            _collector.Add(finding.Diagnostic!, _recordIdAt);
        }
    }

    /// <summary>Counts a finding that cannot be reported, when it is known to count (held ones only if they are kept).</summary>
    private void Count(bool counts)
    {
        if (!counts)
        {
            return;
        }

        if (_holding)
        {
            _heldUncounted++;
        }
        else
        {
            _collector.CountUnreported(1);
        }
    }

    private void Fail(RuleRun rule, Exception ex)
    {
        rule.Failed = true;
        _collector.Add(Diagnostic.Create(ValidationDiagnostics.InternalError, Source.FileLocation, $"Rule {rule.Rule.Name}", $"{ex.GetType().Name}: {ex.Message}"), _recordIdAt);
    }
}

/// <summary>A finding held while an action runs: made, or (when a lookup had already missed, so that it is likely discarded) what makes it.</summary>
internal readonly record struct Finding(Diagnostic? Diagnostic, DiagnosticDescriptor? Descriptor = null, string? Pointer = null, object?[]? Arguments = null);

/// <summary>How a record action runs: first, as the record is read; again, as it leaves the recent records; at the end, when every id is known.</summary>
internal enum RulePass
{
    First,
    Retry,
    Final,
}

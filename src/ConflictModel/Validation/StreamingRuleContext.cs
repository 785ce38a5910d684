using System;
using System.Collections.Generic;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation;

/// <summary>
/// What a <see cref="StreamingRuleState"/> sees: the record being read (null at the end) and its handle, every id
/// met so far (<see cref="Symbols"/>; complete at the end), locations of the current record and of any record by
/// handle, today's date, and where to report. Valid only during the call it is passed to.
/// </summary>
public sealed class StreamingRuleContext
{
    private readonly Func<RecordHandle, string?, DiagnosticLocation> _locate;
    private readonly Func<string?, DiagnosticLocation>? _locateCurrent;
    private readonly Action<Diagnostic> _report;
    private readonly Func<RecordHandle, ConflictRecord?> _readAgain;
    private readonly RecordHandle? _handle;
    private readonly HashSet<string> _supported;

    internal StreamingRuleContext(DatasetRule rule, ConflictRecord? record, RecordHandle? handle, SymbolTable symbols, LocalDate today, Func<RecordHandle, string?, DiagnosticLocation> locate, Func<string?, DiagnosticLocation>? locateCurrent, Action<Diagnostic> report, Func<RecordHandle, ConflictRecord?> readAgain, bool firstWithId)
    {
        Rule = rule;
        Record = record;
        _handle = handle;
        Symbols = symbols;
        Today = today;
        _locate = locate;
        _locateCurrent = locateCurrent;
        _report = report;
        _readAgain = readAgain;
        IsFirstWithId = firstWithId;
        _supported = rule.SupportedIds;
    }

    /// <summary>Gets the rule.</summary>
    public DatasetRule Rule { get; }

    /// <summary>Gets the record being read; null in <see cref="StreamingRuleState.End"/>.</summary>
    public ConflictRecord? Record { get; }

    /// <summary>
    /// Gets whether the current record is the first of its kind with its id (lookups by id find the first; a later one
    /// is a duplicate, reported by CM1002). False in <see cref="StreamingRuleState.End"/>.
    /// </summary>
    public bool IsFirstWithId { get; }

    /// <summary>Gets the current record's handle, to keep for reporting at it or reading it again later.</summary>
    /// <exception cref="InvalidOperationException">In <see cref="StreamingRuleState.End"/>, where there is no current record.</exception>
    public RecordHandle Handle => _handle ?? throw new InvalidOperationException("There is no current record at the end; keep the handles you need as records are read.");

    /// <summary>Gets the records by kind and id: those read so far, every one at the end.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Gets the date validation treats as today.</summary>
    public LocalDate Today { get; }

    /// <summary>Gets where a member of the record being read is.</summary>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location.</returns>
    /// <exception cref="InvalidOperationException">There is no current record (at the end).</exception>
    public DiagnosticLocation LocationOf(string? relativePointer)
        => _locateCurrent?.Invoke(relativePointer) ?? throw new InvalidOperationException("There is no current record; use a handle.");

    /// <summary>Gets where a member of a record read earlier is (its line is read again).</summary>
    /// <param name="handle">The record's handle.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public DiagnosticLocation LocationOf(RecordHandle handle, string? relativePointer) => _locate(Given(handle), relativePointer);

    /// <summary>
    /// Reads a record met earlier again from the input, by its handle: what a state that kept only the handle needs
    /// when, at the end, it must look at the record once more (say, to compare the few records of a group that turned
    /// out to have more than one). Costs a read of the record's line and a parse; records read again recently are cached.
    /// </summary>
    /// <param name="handle">The handle the record had when it was read.</param>
    /// <returns>The record, as it was read the first time; null only if it can no longer be read.</returns>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public ConflictRecord? ReadAgain(RecordHandle handle) => _readAgain(Given(handle));

    private static RecordHandle Given(RecordHandle handle, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(handle))] string? name = null)
        => handle.IsDefault ? throw new ArgumentException("The handle is the default value, not one a validation gave out (keep context.Handle as records are read).", name) : handle;

    /// <summary>Reports a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic; its descriptor must be one of the rule's.</param>
    /// <exception cref="ArgumentException">The rule did not declare the descriptor.</exception>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!_supported.Contains(diagnostic.Id))
        {
            throw new ArgumentException($"{Rule.Name} reported {diagnostic.Id}, which is not among its supported diagnostics.", nameof(diagnostic));
        }

        _report(diagnostic);
    }
}

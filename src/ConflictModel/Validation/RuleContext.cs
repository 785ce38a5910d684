using System;
using System.Collections.Generic;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation;

/// <summary>
/// What a <see cref="DatasetRule"/> sees: the dataset as read, a symbol table of its ids, the location of any record
/// or member, today's date for checks against the present, and where to report. One context per rule per run.
/// </summary>
public sealed class RuleContext
{
    private readonly Action<Diagnostic> _report;
    private readonly HashSet<string> _supported;

    internal RuleContext(ReadResult read, SymbolTable symbols, LocalDate today, DatasetRule rule, Action<Diagnostic> report)
    {
        ReadResult = read;
        Symbols = symbols;
        Today = today;
        Rule = rule;
        _report = report;
        _supported = rule.SupportedIds;
    }

    /// <summary>Gets the dataset as read.</summary>
    public Dataset Dataset => ReadResult.Dataset;

    /// <summary>Gets the read result, with the reader's own diagnostics.</summary>
    public ReadResult ReadResult { get; }

    /// <summary>Gets every record by kind and id.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Gets the date validation treats as today (UTC by default; fixed in <see cref="ValidationOptions.Today"/>).</summary>
    public LocalDate Today { get; }

    /// <summary>Gets the rule this context is for.</summary>
    public DatasetRule Rule { get; }

    /// <summary>Gets where a record, or a member inside it, is (see <see cref="ReadResult.LocationOf"/>).</summary>
    /// <param name="record">The record.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's array indices; null for the record.</param>
    /// <returns>The location.</returns>
    public DiagnosticLocation LocationOf(ConflictRecord record, string? relativePointer = null) => ReadResult.LocationOf(record, relativePointer);

    /// <summary>Gets where the dataset's description, or a member of it, is.</summary>
    /// <param name="relativePointer">A JSON Pointer from the description; null for the description.</param>
    /// <returns>The location.</returns>
    public DiagnosticLocation LocationOfInfo(string? relativePointer = null) => ReadResult.LocationOfInfo(relativePointer);

    /// <summary>Reports a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic; its descriptor must be one of the rule's <see cref="DatasetRule.SupportedDiagnostics"/>.</param>
    /// <exception cref="ArgumentException">The rule did not declare the descriptor (reported as an internal error of the rule).</exception>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!_supported.Contains(diagnostic.Id))
        {
            throw new ArgumentException($"{Rule.Name} reported {diagnostic.Id}, which is not among its supported diagnostics.", nameof(diagnostic));
        }

        _report(diagnostic);
    }

    /// <summary>Reports a diagnostic at a record or a member of it.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="record">The record.</param>
    /// <param name="relativePointer">The member, as a JSON Pointer from the record; null for the record.</param>
    /// <param name="args">The message arguments.</param>
    public void Report(DiagnosticDescriptor descriptor, ConflictRecord record, string? relativePointer, params object?[] args)
        => Report(Diagnostic.Create(descriptor, LocationOf(record, relativePointer), args));

    /// <summary>Reports a diagnostic at a record or a member of it, with other locations it involves.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="record">The record.</param>
    /// <param name="relativePointer">The member, as a JSON Pointer from the record; null for the record.</param>
    /// <param name="additionalLocations">Other places involved.</param>
    /// <param name="args">The message arguments.</param>
    public void Report(DiagnosticDescriptor descriptor, ConflictRecord record, string? relativePointer, IEnumerable<DiagnosticLocation> additionalLocations, params object?[] args)
        => Report(Diagnostic.Create(descriptor, LocationOf(record, relativePointer), additionalLocations, args));
}

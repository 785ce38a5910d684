using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// What a record action sees: the record, its handle, lookups of other records by kind and id, locations, today's
/// date, and where to report. The validation reuses one context per action for every record, so it is valid only
/// during the call it is passed to: keep <see cref="Handle"/>, never the context or the record.
/// </summary>
/// <typeparam name="TRecord">The kind of record the action was registered for.</typeparam>
public sealed class RecordContext<TRecord>
    where TRecord : ConflictRecord
{
    private readonly RuleEngine _engine;

    internal RecordContext(RuleEngine engine, DatasetRule rule)
    {
        _engine = engine;
        Rule = rule;
    }

    /// <summary>Gets the rule the action belongs to.</summary>
    public DatasetRule Rule { get; }

    /// <summary>Gets the record.</summary>
    public TRecord Record => Unsafe.As<TRecord>(_engine.Source.CurrentRecord);

    /// <summary>Gets the record's handle, to keep for reporting at it or reading it again later.</summary>
    public RecordHandle Handle => _engine.Source.CurrentHandle;

    /// <summary>
    /// Gets whether the record is the first of its kind with its id (lookups by id find the first; a later one is a
    /// duplicate, reported by CM1002).
    /// </summary>
    public bool IsFirstWithId => _engine.Source.CurrentIsFirstWithId;

    /// <summary>
    /// Gets the records by kind and id: every record of the dataset for a record action registered in
    /// <see cref="DatasetRule.Initialize"/>; those read so far, while streaming, for one registered by a start action.
    /// </summary>
    public SymbolTable Symbols => _engine.Source.Symbols;

    /// <summary>Gets the date validation treats as today (UTC by default; fixed in <see cref="ValidationOptions.Today"/>).</summary>
    public LocalDate Today => _engine.Today;

    /// <summary>Gets where the record, or a member inside it, is.</summary>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's array indices (<c>/participants/1/actor</c>); null for the record.</param>
    /// <returns>The location; for a member that is absent, that of the deepest part of it that is there.</returns>
    public DiagnosticLocation LocationOf(string? relativePointer) => _engine.Source.LocateCurrent(relativePointer);

    /// <summary>Gets where a record met earlier, or a member inside it, is (its text is read again when streaming).</summary>
    /// <param name="handle">The record's handle.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public DiagnosticLocation LocationOf(RecordHandle handle, string? relativePointer) => _engine.Source.Locate(RuleEngine.Given(handle), relativePointer);

    /// <summary>Gets where a record that <see cref="Symbols"/> found, or a member inside it, is.</summary>
    /// <param name="record">A record <see cref="Symbols"/> gave during this call.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location; the file's when the record is not one the validation knows.</returns>
    public DiagnosticLocation LocationOf(ConflictRecord record, string? relativePointer)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _engine.Source.Locate(record, relativePointer);
    }

    /// <summary>
    /// Reads a record met earlier again, by its handle: what a state that kept only the handle needs when it must look
    /// at the record once more. Streaming, this costs a read and a parse of the record (recent ones are cached).
    /// </summary>
    /// <param name="handle">The handle the record had when it was met.</param>
    /// <returns>The record, as it was read the first time; null only if it can no longer be read.</returns>
    /// <exception cref="ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public ConflictRecord? ReadAgain(RecordHandle handle) => _engine.Source.ReadAgain(RuleEngine.Given(handle));

    /// <summary>
    /// Gets the number of a kind and id in this validation (dense from 0, equal for equal pairs, given on first use
    /// whether or not a record has the pair): for a state kept by the rules of this assembly on numbers and bit sets
    /// instead of id strings. Streamed, it is the pair's index in the id table. See <see cref="RuleEndContext.IdOfNumber"/>.
    /// </summary>
    internal int IdNumber(RecordKind kind, string id) => _engine.Source.IdNumber(kind, id);

    /// <summary>
    /// Gets the record's place in this validation: 4 bytes that give its handle back (<see cref="HandleOf"/>,
    /// <see cref="RuleEndContext.HandleOf"/>), for states that keep one per record of a large file.
    /// </summary>
    internal int Place => _engine.Source.CurrentPlace;

    /// <summary>Gets the handle of a place <see cref="Place"/> gave in this validation.</summary>
    internal RecordHandle HandleOf(int place) => _engine.Source.HandleOfPlace(place);

    /// <summary>Reports a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic; its descriptor must be one of the rule's <see cref="DatasetRule.SupportedDiagnostics"/>.</param>
    /// <exception cref="ArgumentException">The rule did not declare the descriptor (reported as an internal error of the rule).</exception>
    public void Report(Diagnostic diagnostic) => _engine.Report(Rule, diagnostic);

    /// <summary>Reports a diagnostic at the record or a member of it.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="relativePointer">The member, as a JSON Pointer from the record; null for the record.</param>
    /// <param name="args">The message arguments.</param>
    /// <remarks>The location is found only if the diagnostic can still be reported (past <see cref="DatasetReaderOptions.MaxDiagnostics"/> findings it is only counted).</remarks>
    public void Report(DiagnosticDescriptor descriptor, string? relativePointer, params object?[] args)
        => _engine.ReportAtCurrent(Rule, descriptor, relativePointer, null, args);

    /// <summary>Reports a diagnostic at the record or a member of it, with other locations it involves.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="relativePointer">The member, as a JSON Pointer from the record; null for the record.</param>
    /// <param name="additionalLocations">Other places involved.</param>
    /// <param name="args">The message arguments.</param>
    public void Report(DiagnosticDescriptor descriptor, string? relativePointer, IEnumerable<DiagnosticLocation> additionalLocations, params object?[] args)
        => _engine.ReportAtCurrent(Rule, descriptor, relativePointer, additionalLocations ?? [], args);
}

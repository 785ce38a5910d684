using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// What an end action sees, once every record has been read: every record by kind and id, the dataset's description
/// and its location, locations of records by handle, reading a record again, today's date, and where to report.
/// Valid only during the call it is passed to.
/// </summary>
public sealed class RuleEndContext
{
    private readonly RuleEngine _engine;

    internal RuleEndContext(RuleEngine engine, DatasetRule rule)
    {
        _engine = engine;
        Rule = rule;
    }

    /// <summary>Gets the rule the action belongs to.</summary>
    public DatasetRule Rule { get; }

    /// <summary>Gets every record by kind and id.</summary>
    public SymbolTable Symbols => _engine.Source.Symbols;

    /// <summary>Gets the dataset's description ("Untitled" when the input gave none).</summary>
    public DatasetInfo Info => _engine.Source.Info;

    /// <summary>
    /// Gets whether the whole input was read: false when part of it could not be read (malformed or truncated JSON,
    /// nesting past <see cref="DatasetReaderOptions.MaxDepth"/>, a record or the input over a limit, compressed data that
    /// cannot be inflated) or a record in it could not be built. Records may then be missing, so a rule that reports
    /// what no record does (a source nothing cites, an answer nothing records) should report nothing. The same for a
    /// loaded and a streamed validation of the same input.
    /// </summary>
    public bool IsInputComplete => _engine.Source.IsComplete;

    /// <summary>Gets the date validation treats as today (UTC by default; fixed in <see cref="ValidationOptions.Today"/>).</summary>
    public LocalDate Today => _engine.Today;

    /// <summary>Gets where the dataset's description, or a member of it, is.</summary>
    /// <param name="relativePointer">A JSON Pointer from the description (<c>/created</c>); null for the description.</param>
    /// <returns>The location.</returns>
    public DiagnosticLocation LocationOfInfo(string? relativePointer = null) => _engine.Source.LocateInfo(relativePointer);

    /// <summary>Gets where a record met earlier, or a member inside it, is (its text is read again when streaming).</summary>
    /// <param name="handle">The record's handle.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public DiagnosticLocation LocationOf(RecordHandle handle, string? relativePointer) => _engine.Source.Locate(RuleEngine.Given(handle), relativePointer);

    /// <summary>Gets where a record that <see cref="Symbols"/> found, or a member inside it, is.</summary>
    /// <param name="record">A record <see cref="Symbols"/> gave during this call.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <returns>The location; the file's when the record is not one the validation knows.</returns>
    public DiagnosticLocation LocationOf(ConflictRecord record, string? relativePointer)
    {
        System.ArgumentNullException.ThrowIfNull(record);
        return _engine.Source.Locate(record, relativePointer);
    }

    /// <summary>
    /// Reads a record met earlier again, by its handle (say, to compare the few records of a group that turned out to
    /// have more than one). Streaming, this costs a read and a parse of the record; records read again recently are cached.
    /// </summary>
    /// <param name="handle">The handle the record had when it was met.</param>
    /// <returns>The record, as it was read the first time; null only if it can no longer be read.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="handle"/> is the default value, not a record's.</exception>
    public ConflictRecord? ReadAgain(RecordHandle handle) => _engine.Source.ReadAgain(RuleEngine.Given(handle));

    /// <summary>Gets the kind and id of a number <see cref="RecordContext{TRecord}.IdNumber"/> gave in this validation.</summary>
    internal (RecordKind Kind, string Id) IdOfNumber(int number) => _engine.Source.IdOfNumber(number);

    /// <summary>Gets the handle of a place <see cref="RecordContext{TRecord}.Place"/> gave in this validation.</summary>
    internal RecordHandle HandleOf(int place) => _engine.Source.HandleOfPlace(place);

    /// <summary>Gets the number (<see cref="RecordContext{TRecord}.IdNumber"/>) of the kind and id of the record at a place.</summary>
    internal int IdNumberOf(int place) => _engine.Source.IdNumberOfPlace(place);

    /// <summary>Reports a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic; its descriptor must be one of the rule's <see cref="DatasetRule.SupportedDiagnostics"/>.</param>
    /// <exception cref="System.ArgumentException">The rule did not declare the descriptor (reported as an internal error of the rule).</exception>
    public void Report(Diagnostic diagnostic) => _engine.Report(Rule, diagnostic);

    /// <summary>
    /// Reports a diagnostic at a record met earlier, or a member of it: what
    /// <c>Report(Diagnostic.Create(descriptor, LocationOf(handle, relativePointer), args))</c> reports, but the location
    /// (for which a streaming validation reads the record's text again) is found only if the diagnostic can still be
    /// reported: past <see cref="DatasetReaderOptions.MaxDiagnostics"/> findings, one that would not be is only counted.
    /// </summary>
    /// <param name="descriptor">What kind of problem; one of the rule's <see cref="DatasetRule.SupportedDiagnostics"/>.</param>
    /// <param name="handle">The record's handle.</param>
    /// <param name="relativePointer">A JSON Pointer from the record, with the model's indices; null for the record.</param>
    /// <param name="args">The message arguments.</param>
    /// <exception cref="System.ArgumentException"><paramref name="handle"/> is the default value, or the rule did not declare the descriptor.</exception>
    public void Report(DiagnosticDescriptor descriptor, RecordHandle handle, string? relativePointer, params object?[] args)
        => _engine.ReportAt(Rule, descriptor, handle, relativePointer, args);
}

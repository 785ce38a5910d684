using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Runs the rules over a read dataset and applies the configuration: effective severities (rules turned off are
/// neither run nor reported), suppressions with their justifications, warnings as errors. A rule that throws is
/// reported as CM0900 and the others still run. Thread-safe: one validator may validate many datasets at once.
/// </summary>
public sealed class DatasetValidator
{
    /// <summary>Creates a validator.</summary>
    /// <param name="options">How to validate; <see cref="ValidationOptions.Default"/> when null.</param>
    public DatasetValidator(ValidationOptions? options = null) => Options = options ?? ValidationOptions.Default;

    /// <summary>Gets how this validator validates.</summary>
    public ValidationOptions Options { get; }

    /// <summary>Validates what a reader read: its own diagnostics and every rule's, in one walk over the records.</summary>
    /// <param name="read">The read result.</param>
    /// <returns>Every diagnostic, sorted, with effective severities.</returns>
    public ValidationResult Validate(DatasetReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var collector = new DiagnosticCollector(Options, read.Options.MaxDiagnostics);
        var records = new LoadedRecords(read);
        foreach (Diagnostic diagnostic in read.Diagnostics)
        {
            collector.Add(diagnostic, records.RecordIdAt);
        }

        var engine = new RuleEngine(Registrations(), records, Today(), collector);
        records.Walk(engine);
        engine.End();
        return collector.Finish(read, read.FilePath, read.Dataset.RecordCount);
    }

    /// <summary>
    /// Validates a dataset as it is read, record by record, keeping only what the rules that compare records need
    /// (see docs/validation.md, "Streaming"): the reader's diagnostics and every rule's, exactly as
    /// <see cref="Validate(DatasetReadResult)"/> reports them for the same input. A JSON document is streamed as JSON Lines are,
    /// record by record inside its arrays.
    /// Records are looked up again by re-reading their line (or, in a document, their object) from the input file or, for other streams, from a
    /// temporary copy of what was read (deleted when the reader is disposed).
    /// </summary>
    /// <param name="records">A record reader on which <see cref="DatasetRecordReader.Read"/> has not been called yet.</param>
    /// <param name="progress">Called now and then with the number of records read so far; null for none.</param>
    /// <returns>Every diagnostic, sorted, with effective severities; <see cref="ValidationResult.Read"/> is null for streamed input.</returns>
    /// <exception cref="InvalidOperationException">Reading has already begun.</exception>
    public ValidationResult Validate(DatasetRecordReader records, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.BytesRead > 0)
        {
            throw new InvalidOperationException("The record reader has already been read from; validate a fresh one.");
        }

        records.KeepRandomAccess();
        var collector = new DiagnosticCollector(Options, records.Options.MaxDiagnostics);
        var streamed = new StreamedRecords(records, keepPlaces: !Options.Suppressions.IsEmpty);
        var engine = new RuleEngine(Registrations(), streamed, Today(), collector);
        var walk = new StreamingWalk(records, streamed, engine, collector);
        try
        {
            walk.Run(progress);
        }
        catch (InputChangedException changed)
        {
            // The file was truncated under the reader: say so once, and keep what was found before.
            collector.Add(ReaderDiagnostics.ForInputChanged(changed, records.FilePath), static _ => null);
        }

        return collector.Finish(null, records.FilePath, walk.RecordCount);
    }

    /// <summary>
    /// Gets what the enabled rules registered, each rule's <see cref="DatasetRule.Initialize"/> called once per
    /// validator. A rule whose Initialize throws registers nothing and is reported as CM0900 in every validation.
    /// </summary>
    private IReadOnlyList<RuleRegistration> Registrations()
    {
        return LazyInitializer.EnsureInitialized(ref _registrations, () =>
        {
            var registrations = new List<RuleRegistration>();
            foreach (DatasetRule rule in EnabledRules())
            {
                var registration = new RuleRegistration(rule);
                try
                {
                    rule.Initialize(registration);
                }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    registration = new RuleRegistration(rule);
                    registration.RegisterStartAction(_ => throw new InvalidOperationException($"Initialize threw {ex.GetType().Name}: {ex.Message}", ex));
                }

                registration.Close();
                registrations.Add(registration);
            }

            return registrations;
        });
    }

    private IReadOnlyList<RuleRegistration>? _registrations;
#pragma warning disable RS0026 // Overloads told apart by their required input type (path, Stream, PipeReader), as System.Text.Json's are.
    /// <summary>
    /// Validates a file as <see cref="Validate(DatasetRecordReader, Action{long})"/> does (both forms stream),
    /// stopping when <paramref name="cancellationToken"/> is cancelled: the token is observed between
    /// records, and a cancelled validation throws rather than returning part of a result.
    /// </summary>
    /// <param name="path">The file; its name tells the form (<c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>, optionally <c>.gz</c>), else its first bytes.</param>
    /// <param name="reader">The reader (its limits); a default one when null.</param>
    /// <param name="cancellationToken">Observed between records.</param>
    /// <returns>Every diagnostic, sorted, with effective severities.</returns>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<ValidationResult> ValidateAsync(string path, DatasetReader? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AsyncValidation.ValidateFileAsync(this, path, path, null, reader, cancellationToken);
    }

    /// <summary>
    /// Validates a stream read with asynchronous reads only (an ASP.NET Core request body, where synchronous I/O is
    /// disallowed): it is copied to a temporary file, deleted afterwards whatever happens, which is then validated as
    /// <see cref="ValidateAsync(string, DatasetReader?, CancellationToken)"/> validates a file. The stream is left open.
    /// </summary>
    /// <param name="stream">The UTF-8 (or gzip-compressed UTF-8) input.</param>
    /// <param name="path">The name for locations (its extension may tell the form); null for none.</param>
    /// <param name="format">The wire form; null to tell it from the name or the first bytes.</param>
    /// <param name="reader">The reader (its limits); a default one when null.</param>
    /// <param name="cancellationToken">Observed while the input is copied and between records.</param>
    /// <returns>Every diagnostic, sorted, with effective severities.</returns>
    /// <exception cref="IOException">The stream cannot be read, or the temporary file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<ValidationResult> ValidateAsync(Stream stream, string? path = null, DatasetFormat? format = null, DatasetReader? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return AsyncValidation.ValidateStreamAsync(this, stream, path, format, reader, Path.GetTempPath(), cancellationToken);
    }

    /// <summary>Validates what a pipe delivers, as <see cref="ValidateAsync(Stream, string?, DatasetFormat?, DatasetReader?, CancellationToken)"/> validates a stream; the pipe is not completed.</summary>
    /// <param name="pipe">The pipe of UTF-8 (or gzip-compressed UTF-8) input (an ASP.NET Core request's <c>BodyReader</c>, for one).</param>
    /// <param name="path">The name for locations; null for none.</param>
    /// <param name="format">The wire form; null to tell it from the name or the first bytes.</param>
    /// <param name="reader">The reader (its limits); a default one when null.</param>
    /// <param name="cancellationToken">Observed while the input is copied and between records.</param>
    /// <returns>Every diagnostic, sorted, with effective severities.</returns>
    /// <exception cref="IOException">The temporary file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<ValidationResult> ValidateAsync(PipeReader pipe, string? path = null, DatasetFormat? format = null, DatasetReader? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        return AsyncValidation.ValidatePipeAsync(this, pipe, path, format, reader, Path.GetTempPath(), cancellationToken);
    }
#pragma warning restore RS0026

    /// <summary>Gets the rules that can report something under the options.</summary>
    internal IEnumerable<DatasetRule> EnabledRules()
        => Options.Rules.Where(rule => rule is not null && rule.SupportedDiagnostics.Any(d => Options.GetEffectiveSeverity(d) is not null));

    private LocalDate Today() => Options.Today ?? SystemClock.Instance.GetCurrentInstant().InUtc().Date;
}

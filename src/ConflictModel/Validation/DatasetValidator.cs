using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ConflictModel.Model;
using NodaTime;

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
    public ValidationResult Validate(ReadResult read)
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
    /// <see cref="Validate(ReadResult)"/> reports them for the same input. A JSON document is streamed as JSON Lines are,
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

    /// <summary>Gets the rules that can report something under the options.</summary>
    internal IEnumerable<DatasetRule> EnabledRules()
        => Options.Rules.Where(rule => rule is not null && rule.SupportedDiagnostics.Any(d => Options.GetEffectiveSeverity(d) is not null));

    private LocalDate Today() => Options.Today ?? SystemClock.Instance.GetCurrentInstant().InUtc().Date;
}

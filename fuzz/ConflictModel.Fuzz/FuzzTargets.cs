using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using NodaTime;
using ConflictModel.Diagnostics;

namespace ConflictModel.Fuzzing;

/// <summary>
/// The fuzz targets: what each does with one input and what counts as a failure. The SharpFuzz harness
/// (fuzz/ConflictModel.Fuzz) runs them under afl-fuzz and the unit tests (FuzzRegressionTests) replay the committed
/// corpus and every regression input through the very same code, so a crash found by the fuzzer is a failing test.
/// A target fails by throwing: any exception that escapes is a finding.
/// </summary>
internal static class FuzzTargets
{
    private static readonly DatasetReader DefaultReader = new();

    // Strict turns on every rule, including those off by default; a fixed day keeps runs reproducible.
    private static readonly DatasetValidator StrictValidator = new(new ValidationOptions
    {
        Preset = ValidationPreset.Strict,
        Today = new LocalDate(2026, 11, 23),
    });

    /// <summary>Gets the names of the targets, as given on the command line and used for corpus folders.</summary>
    public static IReadOnlyList<string> Names { get; } = ["reader", "validator", "serializer"];

    /// <summary>Gets a target by name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The target, or null when the name is unknown.</returns>
    public static Action<byte[]>? Get(string name) => name switch
    {
        "reader" => Reader,
        "validator" => Validator,
        "serializer" => Serializer,
        _ => null,
    };

    /// <summary>
    /// The reader must return for any bytes, without throwing: as a JSON document, as JSON Lines, and through the
    /// stream path that detects the form and decompresses gzip.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void Reader(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Touch(DefaultReader.ReadUtf8(data, DatasetFormat.Document, "fuzz.json"));
        Touch(DefaultReader.ReadUtf8(data, DatasetFormat.JsonLines, "fuzz.jsonl"));
        using var stream = new MemoryStream(data, writable: false);
        Touch(DefaultReader.Read(stream, "fuzz", DatasetFormats.Detect(data.AsSpan(0, Math.Min(data.Length, 4096)))));
    }

    /// <summary>
    /// Reads (the form detected from the bytes) and runs every rule, those off by default included. Nothing may
    /// escape, and no rule may fail: the validator turns a rule's exception into CM0900, which is a finding here.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void Validator(byte[] data) => Validate(data, StrictValidator);

    /// <summary>The validator target with a validator of the caller's (for testing the target itself).</summary>
    /// <param name="data">The input.</param>
    /// <param name="validator">The validator.</param>
    internal static void Validate(byte[] data, DatasetValidator validator)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(validator);
        using var stream = new MemoryStream(data, writable: false);
        DatasetReadResult read = DefaultReader.Read(stream, "fuzz", DatasetFormats.Detect(data.AsSpan(0, Math.Min(data.Length, 4096))));
        ValidationResult result = validator.Validate(read);
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            string message = diagnostic.ToString();
            if (diagnostic.Id == ValidationDiagnostics.InternalError.Id)
            {
                throw new InvalidOperationException("A rule failed (CM0900): " + message);
            }
        }
    }

    /// <summary>
    /// The serializer may refuse input only with <see cref="JsonException"/>, its documented exception; what it
    /// accepts it must write again, and what it writes it must read back.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void Serializer(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Dataset? document = null;
        try
        {
            document = ConflictJsonSerializer.Deserialize(data);
        }
        catch (JsonException)
        {
            // Refused, as documented.
        }

        if (document is not null)
        {
            RoundTrip(document);
        }

        Dataset? lines = null;
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            lines = ConflictJsonSerializer.DeserializeLines(stream);
        }
        catch (JsonException)
        {
            // Refused, as documented.
        }

        if (lines is not null)
        {
            RoundTrip(lines);
        }
    }

    private static void RoundTrip(Dataset dataset)
    {
        byte[] written = ConflictJsonSerializer.SerializeToUtf8Bytes(dataset);
        Dataset again;
        try
        {
            again = ConflictJsonSerializer.Deserialize(written);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("The serializer accepted a dataset it cannot read back once written: " + ex.Message, ex);
        }

        if (again.RecordCount != dataset.RecordCount)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Round trip changed the record count from {dataset.RecordCount} to {again.RecordCount}."));
        }

        string lines;
        try
        {
            lines = ConflictJsonSerializer.SerializeLines(dataset);
        }
        catch (JsonException) when (HasTypeExtension(dataset))
        {
            return; // documented: JSON Lines reserves "type", so such a dataset has no JSON Lines form
        }

        try
        {
            _ = ConflictJsonSerializer.DeserializeLines(lines);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("The serializer accepted a dataset it cannot read back once written as JSON Lines: " + ex.Message, ex);
        }
    }

    private static bool HasTypeExtension(Dataset dataset)
    {
        if (dataset.Extensions.TryGetValue(ConflictJsonSerializer.TypePropertyName, out _))
        {
            return true;
        }

        foreach (ConflictRecord record in dataset.Records)
        {
            if (record.Extensions.TryGetValue(ConflictJsonSerializer.TypePropertyName, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Formats everything a caller of the reader would show, so lazy formatting and location lookups are exercised.
    private static void Touch(DatasetReadResult read)
    {
        foreach (Diagnostic diagnostic in read.Diagnostics)
        {
            _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            _ = diagnostic.ToString();
            _ = read.TryGetRecordAt(diagnostic.Location, out _, out _);
        }

        foreach (ConflictRecord record in read.Dataset.Records)
        {
            _ = read.LocationOf(record, "/id").ToString();
        }

        _ = read.LocationOfInfo().ToString();
    }
}

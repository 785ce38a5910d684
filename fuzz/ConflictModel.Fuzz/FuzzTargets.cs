using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using ConflictModel.Interop;
using ConflictModel.Interop.Acled;
using ConflictModel.Interop.Ucdp;
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
    public static IReadOnlyList<string> Names { get; } = ["reader", "validator", "serializer", "document", "lines", "gzip", "csv-importer"];

    // The gzip target's reader: a small expanded-size limit, so a bomb the fuzzer makes is stopped (CM0025) in
    // milliseconds instead of being a hang; the ratio check (CM0026) is the default one.
    private static readonly DatasetReader SmallInputReader = new(new DatasetReaderOptions { MaxInputBytes = 4 * 1024 * 1024 });

    /// <summary>Gets a target by name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The target, or null when the name is unknown.</returns>
    public static Action<byte[]>? Get(string name) => name switch
    {
        "reader" => Reader,
        "validator" => Validator,
        "serializer" => Serializer,
        "document" => Document,
        "lines" => Lines,
        "gzip" => Gzip,
        "csv-importer" => CsvImporter,
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
    /// The JSON document entry points alone: read whole from memory, read from a stream, and streamed record by
    /// record (<see cref="DatasetReader.OpenRecords(Stream, string?, DatasetFormat?, bool)"/>). None may throw.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void Document(byte[] data) => ReadForm(data, DatasetFormat.Document, DefaultReader);

    /// <summary>The JSON Lines entry points alone, as <see cref="Document"/> does for documents.</summary>
    /// <param name="data">The input.</param>
    public static void Lines(byte[] data) => ReadForm(data, DatasetFormat.JsonLines, DefaultReader);

    /// <summary>
    /// The bytes as gzip input: read and streamed with the form detected from what comes out, and decompressed alone
    /// through <see cref="DatasetReader.OpenGzip"/>. The reader must not throw; <see cref="DatasetReader.OpenGzip"/> may
    /// refuse damaged data only with <see cref="InvalidDataException"/>, its documented exception.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void Gzip(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using (var stream = new MemoryStream(data, writable: false))
        {
            Touch(SmallInputReader.Read(stream, "fuzz.gz", DatasetFormats.Detect(data.AsSpan(0, Math.Min(data.Length, 4096))), gzip: true));
        }

        using (var stream = new MemoryStream(data, writable: false))
        {
            Drain(SmallInputReader.OpenRecords(stream, "fuzz.gz", null, gzip: true));
        }

        using (var compressed = new MemoryStream(data, writable: false))
        {
            try
            {
                using Stream plain = SmallInputReader.OpenGzip(compressed);
                plain.CopyTo(Stream.Null);
            }
            catch (InvalidDataException)
            {
                // Refused, as documented.
            }
        }
    }

    private static void ReadForm(byte[] data, DatasetFormat format, DatasetReader reader)
    {
        ArgumentNullException.ThrowIfNull(data);
        string path = format == DatasetFormat.Document ? "fuzz.json" : "fuzz.jsonl";
        Touch(reader.ReadUtf8(data, format, path));
        using (var stream = new MemoryStream(data, writable: false))
        {
            Touch(reader.Read(stream, path, format));
        }

        using (var stream = new MemoryStream(data, writable: false))
        {
            Drain(reader.OpenRecords(stream, path, format));
        }
    }

    // Reads every entry of a record reader, formatting its diagnostics and touching its records' locations.
    private static void Drain(DatasetRecordReader records)
    {
        using (records)
        {
            while (records.Read())
            {
                StreamedRecord entry = records.Current;
                foreach (Diagnostic diagnostic in entry.Diagnostics)
                {
                    _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                    _ = diagnostic.ToString();
                }

                _ = entry.Location.ToString();
            }

            _ = records.Info;
        }
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

    /// <summary>
    /// Each importer (UCDP GED, UCDP PAD, ACLED) reads the bytes as its CSV (GED also as JSON when they start like it)
    /// with a small diagnostic cap. Nothing may escape; every row read is imported or named by an error (a rejected row
    /// without one is a finding); and what was imported must be a dataset the writer writes and the reader reads back
    /// without an error.
    /// </summary>
    /// <param name="data">The input.</param>
    public static void CsvImporter(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (DatasetImporter importer in new DatasetImporter[] { new UcdpGedImporter(), new UcdpPadImporter(), new AcledImporter() })
        {
            var log = new ImportLog { MaxDiagnostics = 50 };
            var records = new List<ConflictRecord>();
            using (var stream = new MemoryStream(data, writable: false))
            {
                records.AddRange(importer.ReadRecords(stream, "fuzz.csv", log));
            }

            foreach (Diagnostic diagnostic in log.Diagnostics)
            {
                _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                _ = diagnostic.ToString();
            }

            if (log.RowsImported > log.RowsRead || log.RowsImported < 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{importer.Name}: {log.RowsImported} rows imported of {log.RowsRead} read."));
            }

            if (log.RowsRejected > 0 && !log.HasErrors)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{importer.Name}: {log.RowsRejected} row(s) not imported without an error saying why."));
            }

            if (log.Diagnostics.Count > log.MaxDiagnostics + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{importer.Name}: {log.Diagnostics.Count} diagnostics kept past the cap of {log.MaxDiagnostics}."));
            }

            Dataset dataset = Dataset.Create(importer.DefaultInfo, records);
            string lines = ConflictJsonSerializer.SerializeLines(dataset);
            DatasetReadResult read = DefaultReader.ReadUtf8(System.Text.Encoding.UTF8.GetBytes(lines), DatasetFormat.JsonLines, "imported.jsonl");
            foreach (Diagnostic diagnostic in read.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    throw new InvalidOperationException($"{importer.Name} wrote a dataset the reader refuses: {diagnostic}");
                }
            }
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

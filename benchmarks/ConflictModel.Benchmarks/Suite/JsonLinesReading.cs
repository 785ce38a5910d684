using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ConflictModel.Benchmarks.Data;
using ConflictModel.Benchmarks.Readers;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;

namespace ConflictModel.Benchmarks.Suite;

/// <summary>
/// Every reader side by side on the same JSON Lines bytes, held in memory so that only parsing is measured. The
/// baseline is the raw token scan: the Ratio column is each reader's time over it.
/// </summary>
[MemoryDiagnoser]
public class JsonLinesReading
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Sizes))]
    public int Records { get; set; }

    public static IEnumerable<int> Sizes => SuiteSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        DataFiles.Ensure(Records);
        _bytes = File.ReadAllBytes(DataFiles.JsonLinesPath(Records));
        Verification.CheckLines(_bytes);
    }

    /// <summary>Utf8JsonReader over every token; nothing is materialised.</summary>
    [Benchmark(Baseline = true, Description = "Token scan (Utf8JsonReader)")]
    public long TokenScan() => Readers.TokenScan.Count(_bytes);

    /// <summary>A JsonDocument per line, disposed at once: the DOM without the model.</summary>
    [Benchmark(Description = "JsonDocument per line")]
    public int JsonDocumentPerLine()
    {
        int position = Lines.BodyStart(_bytes);
        int members = 0;
        while (Lines.NextRange(_bytes, ref position, out Range line))
        {
            using JsonDocument document = JsonDocument.Parse(_bytes.AsMemory(line));
            members += document.RootElement.CountMembers();
        }

        return members;
    }

    /// <summary>The library's whole-file reader: every record into one immutable Dataset, grouped by kind.</summary>
    [Benchmark(Description = "STJ source-gen: DeserializeLines")]
    public Dataset SourceGenDeserializeLines() => SourceGeneratedReader.DeserializeLines(new MemoryStream(_bytes, writable: false));

    /// <summary>The library's DeserializeRecord on each line, records kept in input order.</summary>
    [Benchmark(Description = "STJ source-gen: DeserializeRecord per line")]
    public List<ConflictRecord> SourceGenPerLine() => SourceGenLines.Read(_bytes, workers: 1);

    /// <summary>As the previous, two workers over line-aligned halves, records concatenated in input order.</summary>
    [Benchmark(Description = "STJ source-gen: per line, 2 workers")]
    public List<ConflictRecord> SourceGenParallel() => SourceGenLines.Read(_bytes, workers: 2);

    /// <summary>DeserializeRecord on each line, keeping nothing: the per-record cost of streaming.</summary>
    [Benchmark(Description = "STJ source-gen: per line, streamed (none kept)")]
    public int SourceGenStreamed() => SourceGenLines.Stream(_bytes);

    /// <summary>The library's hand-written reader: the whole dataset, with diagnostics instead of exceptions.</summary>
    [Benchmark(Description = "Our reader: DatasetReader")]
    public DatasetReadResult OurReaderRead() => OurReader.Read(_bytes, DatasetFormat.JsonLines);

    /// <summary>The hand-written reader with two threads over line-aligned chunks (DatasetReaderOptions.Parallelism = 2), results in input order.</summary>
    [Benchmark(Description = "Our reader: 2 workers")]
    public DatasetReadResult OurReaderParallel() => OurReader.ReadParallel(_bytes, 2);

    /// <summary>The hand-written reader, then the full rule set over what it read.</summary>
    [Benchmark(Description = "Our reader + validation (all rules)")]
    public ValidationResult OurReaderValidate() => OurReader.ReadAndValidate(_bytes, DatasetFormat.JsonLines);

    /// <summary>
    /// The streaming record reader into the Parquet export (ConflictModel.Columnar): one file per record kind, row
    /// groups written as they fill, to a temporary directory deleted after each run. Export throughput beside the readers'.
    /// </summary>
    [Benchmark(Description = "Our streaming reader -> Parquet export")]
    public long ParquetExportStreamed()
    {
        string directory = Path.Combine(Path.GetTempPath(), "cm-bench-parquet-" + Guid.NewGuid().ToString("N"));
        try
        {
            using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(_bytes, writable: false), null, DatasetFormat.JsonLines);
            return Columnar.ParquetExport.ExportRecordsAsync(reader, directory).GetAwaiter().GetResult().RecordCount;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>System.Text.Json with the same options but reflection metadata.</summary>
    [Benchmark(Description = "STJ reflection: per line")]
    public List<ConflictRecord> ReflectionPerLine() => ReflectionStj.ReadLines(_bytes);

    /// <summary>Newtonsoft.Json with its own converters, line by line from a StreamReader.</summary>
    [Benchmark(Description = "Newtonsoft.Json: per line")]
    public List<ConflictRecord> NewtonsoftPerLine() => NewtonsoftReader.ReadLines(new MemoryStream(_bytes, writable: false));
}

internal static class JsonElementExtensions
{
    public static int CountMembers(this JsonElement element)
    {
        int count = 0;
        foreach (JsonProperty unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}

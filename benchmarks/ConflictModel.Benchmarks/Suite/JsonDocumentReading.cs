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
/// The same records as <see cref="JsonLinesReading"/>, as one indented JSON document (one array per record kind),
/// read whole from memory. Baseline: the raw token scan of the document's bytes.
/// </summary>
[MemoryDiagnoser]
public class JsonDocumentReading
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Sizes))]
    public int Records { get; set; }

    public static IEnumerable<int> Sizes => SuiteSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        DataFiles.Ensure(Records);
        _bytes = File.ReadAllBytes(DataFiles.DocumentPath(Records));
        if (Records <= 100_000)
        {
            Verification.CheckDocument(_bytes, File.ReadAllBytes(DataFiles.JsonLinesPath(Records)));
        }
    }

    [Benchmark(Baseline = true, Description = "Token scan (Utf8JsonReader)")]
    public long TokenScan() => Readers.TokenScan.Count(_bytes);

    [Benchmark(Description = "JsonDocument.Parse")]
    public int JsonDocumentParse()
    {
        using JsonDocument document = JsonDocument.Parse(_bytes);
        return document.RootElement.CountMembers();
    }

    [Benchmark(Description = "STJ source-gen: Deserialize")]
    public Dataset SourceGen() => SourceGeneratedReader.Deserialize(_bytes);

    [Benchmark(Description = "Our reader: DatasetReader")]
    public DatasetReadResult OurReaderRead() => OurReader.Read(_bytes, DatasetFormat.Document);

    [Benchmark(Description = "Our reader + validation (all rules)")]
    public ValidationResult OurReaderValidate() => OurReader.ReadAndValidate(_bytes, DatasetFormat.Document);

    [Benchmark(Description = "STJ reflection: Deserialize")]
    public Dataset Reflection() => ReflectionStj.ReadDocument(_bytes);

    [Benchmark(Description = "Newtonsoft.Json: Deserialize")]
    public Dataset Newtonsoft() => NewtonsoftReader.ReadDocument(new MemoryStream(_bytes, writable: false));
}

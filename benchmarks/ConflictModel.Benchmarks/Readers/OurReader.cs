using System;
using System.IO;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Benchmarks.Readers;

/// <summary>The library's hand-written reader (<see cref="DatasetReader"/>) and, after it, the full rule set (<see cref="DatasetValidator"/>).</summary>
public static class OurReader
{
    private static readonly DatasetReader Reader = new();
    private static readonly DatasetValidator Validator = new();

    public static DatasetReadResult Read(byte[] data, DatasetFormat format) => Reader.Read(new MemoryStream(data, writable: false), null, format);

    /// <summary>The same reader with <paramref name="workers"/> threads over line-aligned chunks of JSON Lines.</summary>
    public static DatasetReadResult ReadParallel(byte[] data, int workers) => new DatasetReader(new DatasetReaderOptions { Parallelism = workers }).Read(new MemoryStream(data, writable: false), null, DatasetFormat.JsonLines);

    public static ValidationResult ReadAndValidate(byte[] data, DatasetFormat format) => Validator.Validate(Read(data, format));

    /// <summary>The dataset read, or an exception naming the first problem when the reader found errors in data that has none.</summary>
    public static Dataset Dataset(byte[] data, DatasetFormat format)
    {
        DatasetReadResult result = Read(data, format);
        return result.HasErrors
            ? throw new InvalidOperationException($"DatasetReader reported errors on generated data: {result.Diagnostics[0]}")
            : result.Dataset;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Columnar;

/// <summary>
/// Exports a dataset to a directory of Parquet files, one per record kind, in the layout docs/columnar.md describes
/// (the files DuckDB, Spark, pandas and Polars read directly). <see cref="ParquetDatasetWriter"/> does the writing.
/// </summary>
public static class ParquetExport
{
    /// <summary>Exports a dataset held in memory.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="directory">The target: a directory that does not exist yet, or is empty.</param>
    /// <param name="options">Row-group size; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the export; nothing is then left behind.</param>
    /// <returns>The records written, by kind.</returns>
    /// <exception cref="System.IO.IOException">The target exists and is not empty, or cannot be written.</exception>
    public static async Task<ParquetExportResult> ExportAsync(Dataset dataset, string directory, ParquetExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await using ParquetDatasetWriter writer = ParquetDatasetWriter.Create(directory, dataset, options);
        foreach (ConflictRecord record in dataset.Records)
        {
            await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return new ParquetExportResult(writer.Directory, writer.Counts, [], written: true);
    }

    /// <summary>
    /// Exports what a streaming reader reads, record by record: a JSON Lines input is never held whole, so memory is
    /// bounded by the row-group size. When the reader reports an error (a line that is not a record, a broken
    /// header) nothing is written and the diagnostics are returned: an export does not leave records out silently.
    /// </summary>
    /// <param name="reader">The reader, before its first <see cref="DatasetRecordReader.Read"/>.</param>
    /// <param name="directory">The target: a directory that does not exist yet, or is empty.</param>
    /// <param name="options">Row-group size; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the export; nothing is then left behind.</param>
    /// <returns>The records written by kind, the reader's diagnostics, and whether the directory was written.</returns>
    /// <exception cref="System.IO.IOException">The target exists and is not empty, or cannot be written.</exception>
    public static async Task<ParquetExportResult> ExportRecordsAsync(DatasetRecordReader reader, string directory, ParquetExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        ParquetDatasetWriter? writer = null;
        bool failed = false;
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                StreamedRecord entry = reader.Current;
                foreach (Diagnostic diagnostic in entry.Diagnostics)
                {
                    diagnostics.Add(diagnostic);
                    failed |= diagnostic.IsError;
                }

                if (failed || entry.Record is null)
                {
                    continue;
                }

                writer ??= ParquetDatasetWriter.Create(directory, HeaderOf(reader), options);
                await writer.WriteAsync(entry.Record, cancellationToken).ConfigureAwait(false);
            }

            if (!failed && reader.Info is not null)
            {
                writer ??= ParquetDatasetWriter.Create(directory, HeaderOf(reader), options);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return new ParquetExportResult(writer.Directory, writer.Counts, diagnostics.ToImmutable(), written: true);
            }

            return new ParquetExportResult(System.IO.Path.GetFullPath(directory), new Dictionary<RecordKind, long>(), diagnostics.ToImmutable(), written: false);
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Dataset HeaderOf(DatasetRecordReader reader)
    {
        DatasetInfo info = reader.Info ?? throw new InvalidOperationException("A record was read before the dataset's header.");
        return new Dataset(info, formatVersion: reader.FormatVersion ?? Dataset.CurrentFormatVersion);
    }
}

/// <summary>What an export wrote.</summary>
public sealed class ParquetExportResult
{
    internal ParquetExportResult(string directory, IReadOnlyDictionary<RecordKind, long> counts, ImmutableArray<Diagnostic> diagnostics, bool written)
    {
        Directory = directory;
        Counts = counts;
        Diagnostics = diagnostics;
        Written = written;
    }

    /// <summary>Gets the directory written (or that would have been).</summary>
    public string Directory { get; }

    /// <summary>Gets the records written, by kind (every kind present, with 0 for a kind without records).</summary>
    public IReadOnlyDictionary<RecordKind, long> Counts { get; }

    /// <summary>Gets the total number of records written.</summary>
    public long RecordCount
    {
        get
        {
            long total = 0;
            foreach (long count in Counts.Values)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Gets what the reader reported about the input (empty for an in-memory dataset).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets whether the directory was written: false when the input had errors, and then nothing was.</summary>
    public bool Written { get; }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>
/// Turns the rows of a source dataset into ConflictModel records, streaming: rows are read one at a time and each
/// row's records are yielded before the next is read. Reading never throws on bad data: a row that cannot be imported
/// is named by an error diagnostic (file, line, column) in the <see cref="ImportLog"/>, and what cannot be mapped is
/// kept as extension data. Only I/O failures of the stream itself throw.
/// </summary>
public abstract class DatasetImporter
{
    private protected DatasetImporter()
    {
    }

    /// <summary>Gets the name of the source format, such as "UCDP GED".</summary>
    public abstract string Name { get; }

    /// <summary>Gets the dataset information an import writes when the caller gives none (title, licence, attribution).</summary>
    public abstract DatasetInfo DefaultInfo { get; }

    /// <summary>Gets the columns this importer maps or keeps, in the source's order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the columns without which a row cannot be imported.</summary>
    private protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Gets whether the source also comes as JSON (detected from the first character of the input).</summary>
    private protected virtual bool ReadsJson => false;

    /// <summary>Starts the mapping of one input.</summary>
    private protected abstract RowMapper CreateMapper(ImportLog log);

    /// <summary>Reads the records of one input, yielding them as the rows are read.</summary>
    /// <param name="stream">The input, UTF-8 (a byte order mark is allowed).</param>
    /// <param name="filePath">The name diagnostics give the input; null for an unnamed stream.</param>
    /// <param name="log">Receives the diagnostics and the row counts.</param>
    /// <returns>The records, in an order that puts each actor and source before the first record that refers to it.</returns>
    public IEnumerable<ConflictRecord> ReadRecords(Stream stream, string? filePath, ImportLog log)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(log);
        return Iterate(stream, filePath, log);
    }

    /// <summary>Imports one input into a dataset held in memory.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="filePath">The name diagnostics give the input.</param>
    /// <param name="info">The dataset's information; <see cref="DefaultInfo"/> when null.</param>
    /// <returns>The dataset and the log.</returns>
    public ImportResult Import(Stream stream, string? filePath, DatasetInfo? info)
    {
        var log = new ImportLog();
        List<ConflictRecord> records = [.. ReadRecords(stream, filePath, log)];
        return new ImportResult(Dataset.Create(info ?? DefaultInfo, records), log);
    }

    /// <summary>Imports a file into a dataset held in memory.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset (with <see cref="DefaultInfo"/>) and the log.</returns>
    public ImportResult Import(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return Import(stream, path, null);
    }

    private IEnumerable<ConflictRecord> Iterate(Stream stream, string? filePath, ImportLog log)
    {
        RowMapper mapper = CreateMapper(log);
        foreach (ConflictRecord record in mapper.Start())
        {
            yield return record;
        }

        Stream input = stream;
        bool json = false;
        if (ReadsJson)
        {
            var peek = new PeekStream(stream);
            json = peek.StartsWithJson();
            input = peek;
        }

        var known = new HashSet<string>(Columns, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        string[] missingInHeader = [];
        IEnumerable<SourceRow> rows = json
            ? JsonRows.Read(input, filePath, log)
            : CsvRows.Read(input, filePath, log, header =>
            {
                missingInHeader = [.. RequiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal))];
                foreach (string column in header.Where(c => c.Length > 0 && !known.Contains(c) && reported.Add(c)))
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.UnknownColumn, DiagnosticLocation.ForFile(filePath), column, Name));
                }
            });

        foreach (SourceRow row in rows)
        {
            log.RowsRead++;
            if (missingInHeader.Length > 0)
            {
                continue;
            }

            if (json)
            {
                foreach (KeyValuePair<string, string?> field in row.Fields)
                {
                    if (!known.Contains(field.Key) && reported.Add(field.Key))
                    {
                        log.Report(Diagnostic.Create(ImportDiagnostics.UnknownColumn, row.Location(field.Key), field.Key, Name));
                    }
                }

                string? missing = RequiredColumns.FirstOrDefault(c => !row.Has(c));
                if (missing is not null)
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.MissingColumn, row.Location(), Where(row), missing, "the row was not imported"));
                    continue;
                }
            }

            List<ConflictRecord> produced = mapper.Map(row);
            if (produced.Count > 0)
            {
                log.RowsImported++;
                foreach (ConflictRecord record in produced)
                {
                    yield return record;
                }
            }
        }

        foreach (string column in missingInHeader)
        {
            log.Report(Diagnostic.Create(ImportDiagnostics.MissingColumn, DiagnosticLocation.ForFile(filePath), "header", column, $"none of the file's {log.RowsRead:N0} rows was imported"));
        }

        foreach (ConflictRecord record in mapper.Finish())
        {
            yield return record;
        }
    }

    /// <summary>How messages name a row: "row 12 (GED id 157164)".</summary>
    internal static string Where(SourceRow row, string? id = null)
        => id is null ? $"row {row.Number}" : $"row {row.Number} ({id})";
}

/// <summary>The per-input state of an import: maps one row at a time.</summary>
internal abstract class RowMapper
{
    /// <summary>Records written before the first row (a dataset-level source).</summary>
    public virtual IEnumerable<ConflictRecord> Start() => [];

    /// <summary>The records of one row; empty when the row is not imported (the mapper has reported why).</summary>
    public abstract List<ConflictRecord> Map(SourceRow row);

    /// <summary>Records written after the last row.</summary>
    public virtual IEnumerable<ConflictRecord> Finish() => [];
}

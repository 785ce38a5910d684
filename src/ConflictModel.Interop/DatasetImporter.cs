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
        log.StartFile();
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
        string? headerProblem = null;
        string delimiterHint = string.Empty;
        IEnumerable<SourceRow> rows = json
            ? JsonRows.Read(input, filePath, log)
            : CsvRows.Read(input, filePath, log, header =>
            {
                headerProblem = CheckHeader(header, filePath, log, known, reported);
                delimiterHint = headerProblem is { Length: > 0 } ? DelimiterHint(header) : string.Empty;
                return headerProblem is null;
            });

        foreach (SourceRow row in rows)
        {
            log.RowsRead++;
            if (headerProblem is not null)
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

                List<string> missing = [.. RequiredColumns.Where(c => !row.Has(c))];
                if (missing.Count > 0)
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.MissingColumn, row.Location(), Where(row), NameColumns(missing), "the row was not imported"));
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

        if (headerProblem is { Length: > 0 })
        {
            log.Report(Diagnostic.Create(ImportDiagnostics.MissingColumn, DiagnosticLocation.ForFile(filePath), "header", headerProblem, $"none of the file's {log.RowsRead:N0} rows was imported{delimiterHint}"));
        }

        foreach (ConflictRecord record in mapper.Finish())
        {
            yield return record;
        }

        log.EndFile(filePath);
    }

    /// <summary>
    /// Checks a CSV header in time linear in its length: every repeated name (CM6013, both positions), every unknown
    /// name (CM6009), and the required columns it lacks. Returns null when the rows can be mapped; "" when a repeated
    /// name was reported; else the missing columns, which are reported once the rows are counted.
    /// </summary>
    private string? CheckHeader(string[] header, string? filePath, ImportLog log, HashSet<string> known, HashSet<string> reported)
    {
        // Repeated names first: they are errors, and must not be lost behind the cap on a header of unknown columns.
        var positions = new Dictionary<string, int>(header.Length, StringComparer.Ordinal);
        bool duplicated = false;
        for (int i = 0; i < header.Length; i++)
        {
            string column = header[i];

            // PAD's header ends with an empty name; a column without a name has nothing to map or confuse.
            if (column.Length > 0 && !positions.TryAdd(column, i + 1))
            {
                duplicated = true;
                log.Report(Diagnostic.Create(ImportDiagnostics.DuplicateColumn, new DiagnosticLocation(filePath, 1, 1, "/" + DiagnosticLocation.EscapePointerToken(column)), column, positions[column], i + 1));
            }
        }

        foreach (string column in header)
        {
            if (column.Length > 0 && !known.Contains(column) && reported.Add(column))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.UnknownColumn, DiagnosticLocation.ForFile(filePath), column, Name));
            }
        }

        List<string> missing = [.. RequiredColumns.Where(c => !positions.ContainsKey(c))];
        if (missing.Count > 0)
        {
            return NameColumns(missing);
        }

        return duplicated ? string.Empty : null;
    }

    /// <summary>
    /// When a header read at commas lacks required columns but reads them at another common separator, says so:
    /// "; the header looks separated by ';' (semicolon) rather than ',': split there, it has 15 of the 15 required columns".
    /// </summary>
    private string DelimiterHint(string[] header)
    {
        // The header as written, near enough: its fields joined by the comma they were split at.
        string line = string.Join(",", header);
        int atComma = RequiredColumns.Count(header.Contains);
        (char Separator, string Name)[] candidates = [(';', "semicolon"), ('\t', "tab"), ('|', "vertical bar")];
        (char separator, string name, int found) = (',', "comma", atComma);
        foreach ((char candidate, string candidateName) in candidates)
        {
            if (line.IndexOf(candidate) < 0)
            {
                continue;
            }

            var split = new HashSet<string>(StringComparer.Ordinal);
            foreach (string part in line.Split(candidate))
            {
                split.Add(part.Trim().Trim('"').Trim());
            }

            // Most of the required columns must appear, so that one stray ';' in a name is no evidence.
            int count = RequiredColumns.Count(split.Contains);
            if (count > found && count * 2 >= RequiredColumns.Count)
            {
                (separator, name, found) = (candidate, candidateName, count);
            }
        }

        return separator == ','
            ? string.Empty
            : $"; the header looks separated by {(separator == '\t' ? "tabs" : $"'{separator}' ({name})")} rather than ',': split there, it has {found} of the {RequiredColumns.Count} required columns";
    }

    private static string NameColumns(List<string> missing)
        => missing.Count == 1 ? $"column '{missing[0]}' is" : $"columns {string.Join(", ", missing.Select(c => $"'{c}'"))} are";

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

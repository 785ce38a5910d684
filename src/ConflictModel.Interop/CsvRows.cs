using System;
using System.Collections.Generic;
using System.IO;
using CsvHelper;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>Reads a CSV file with a header, row by row, as <see cref="SourceRow"/>s (CsvHelper, RFC 4180).</summary>
internal static class CsvRows
{
    /// <summary>Reads the header (column names trimmed: PAD writes "ref " and "return ") and then each data row.</summary>
    public static IEnumerable<SourceRow> Read(Stream stream, string? filePath, ImportLog log, Action<IReadOnlyList<string>> header)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        CsvReaderOptions options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.Enqueue(record),
        };
        using CsvReader reader = CsvReader.Create(stream, options, leaveOpen: true);
        string[]? columns = null;
        string? headerFailure = null;
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException ex)
        {
            headerFailure = ex.Message;
        }

        if (headerFailure is not null)
        {
            log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, DiagnosticLocation.ForFile(filePath), headerFailure.ReplaceLineEndings(" ")));
            yield break;
        }

        while (true)
        {
            bool more;
            string? failure = null;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException ex)
            {
                more = false;
                failure = ex.Message;
            }

            while (malformed.TryDequeue(out CsvMalformedRecord bad))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.MalformedField, new DiagnosticLocation(filePath, (int)Math.Max(1, bad.LineNumber), 1), $"line {Math.Max(1, bad.LineNumber)}", bad.Reason));
            }

            if (failure is not null)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation(filePath, Math.Max(1, (int)reader.LineNumber), 1), failure.ReplaceLineEndings(" ")));
                yield break;
            }

            if (columns is null)
            {
                columns = [.. reader.Headers];
                for (int i = 0; i < columns.Length; i++)
                {
                    columns[i] = columns[i].Trim();
                }

                header(columns);
            }

            if (!more)
            {
                yield break;
            }

            var fields = new List<KeyValuePair<string, string?>>(columns.Length);
            for (int i = 0; i < Math.Max(columns.Length, reader.FieldCount); i++)
            {
                string name = i < columns.Length ? columns[i] : $"column {i + 1}";
                fields.Add(new(name, i < reader.FieldCount ? reader.GetString(i) : null));
            }

            yield return new SourceRow(filePath, reader.RowNumber, (int)Math.Min(int.MaxValue, reader.LineNumber), string.Empty, fields);
        }
    }
}

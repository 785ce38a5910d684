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
    /// <summary>
    /// Reads the header (column names trimmed: PAD writes "ref " and "return ") and then each data row. The header is
    /// read as an ordinary record, not through CsvHelper's header mapping, so that its cost stays linear in the number
    /// of columns and a repeated name is seen by the caller rather than resolved. <paramref name="header"/> says
    /// whether the rows can be mapped; when it cannot, the rows are still read and counted but not split into fields.
    /// </summary>
    public static IEnumerable<SourceRow> Read(Stream stream, string? filePath, ImportLog log, Func<string[], bool> header)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        CsvReaderOptions options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.Enqueue(record),
        };
        using var checking = new Utf8CheckingStream(stream);
        using CsvReader reader = CsvReader.Create(checking, options, leaveOpen: true);
        string[]? columns = null;
        bool usable = false;
        long number = 0;
        while (true)
        {
            bool more;
            string? failure = null;
            long line = reader.LineNumber + 1;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException ex)
            {
                more = false;
                failure = ex.Message;
            }

            // Text that is not UTF-8 on the lines read so far (the reader decodes it as U+FFFD without a word).
            long last = more ? reader.LineNumber : long.MaxValue;
            while (checking.InvalidLines.TryPeek(out long invalid) && invalid <= last)
            {
                checking.InvalidLines.Dequeue();
                string where = columns is null ? "header" : more ? $"row {number + 1}" : $"line {invalid}";
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidUtf8, new DiagnosticLocation(filePath, (int)Math.Clamp(invalid, 1, int.MaxValue), 1), where, "its text"));
            }

            while (malformed.TryDequeue(out CsvMalformedRecord bad))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.MalformedField, new DiagnosticLocation(filePath, (int)Math.Max(1, bad.LineNumber), 1), $"line {Math.Max(1, bad.LineNumber)}", bad.Reason));
            }

            if (failure is not null)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, new DiagnosticLocation(filePath, (int)Math.Clamp(reader.LineNumber, 1, int.MaxValue), 1), failure.ReplaceLineEndings(" ")));
                yield break;
            }

            if (columns is null)
            {
                if (!more)
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.UnreadableInput, DiagnosticLocation.ForFile(filePath), "The file is empty: it has no header"));
                    yield break;
                }

                columns = new string[reader.FieldCount];
                for (int i = 0; i < columns.Length; i++)
                {
                    columns[i] = reader.GetString(i).Trim();
                }

                usable = header(columns);
                continue;
            }

            if (!more)
            {
                yield break;
            }

            number++;
            int count = usable ? Math.Max(columns.Length, reader.FieldCount) : 0;
            var fields = new List<KeyValuePair<string, string?>>(count);
            for (int i = 0; i < count; i++)
            {
                string name = i < columns.Length ? columns[i] : $"column {i + 1}";
                fields.Add(new(name, i < reader.FieldCount ? reader.GetString(i) : null));
            }

            yield return new SourceRow(filePath, number, (int)Math.Clamp(line, 1, int.MaxValue), string.Empty, fields);
        }
    }
}

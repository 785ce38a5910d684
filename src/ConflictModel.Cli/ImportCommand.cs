using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Cli.Output;
using ConflictModel.Interop;
using ConflictModel.Interop.Acled;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Reporting;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;

namespace ConflictModel.Cli;

/// <summary>
/// <c>conflictmodel import ucdp-ged|ucdp-pad|acled INPUT -o OUT</c>: turns a download of a standard dataset into a
/// ConflictModel dataset, streaming row by row, and reports every row that did not import (file, line, column).
/// </summary>
internal static class ImportCommand
{
    private static readonly Dictionary<string, Func<DatasetImporter>> Importers = new(StringComparer.Ordinal)
    {
        ["ucdp-ged"] = () => new UcdpGedImporter(),
        ["ucdp-pad"] = () => new UcdpPadImporter(),
        ["acled"] = () => new AcledImporter(),
    };

    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("source") { Description = "The source format: ucdp-ged (CSV, GeoJSON or API JSON), ucdp-pad (CSV) or acled (CSV export)." };
        source.AcceptOnlyFromAmong([.. Importers.Keys, ParquetImportCommand.Source]);
        var input = new Argument<string>("input") { Description = "The file to import, or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the dataset: .jsonl/.ndjson (streamed) or .json, optionally .gz. Standard output (JSON Lines) when absent." };
        var format = new Option<string>("--format", "-f") { Description = "How the import diagnostics are written: text (compiler lines), json, sarif (SARIF 2.1.0) or github (workflow annotations).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var report = new Option<string?>("--report") { Description = "Write the diagnostics to this file instead of standard error." };
        var title = new Option<string?>("--title") { Description = "The dataset's title (info.title); the source's name by default." };
        var version = new Option<string?>("--dataset-version") { Description = "The source's version, written to info.version (such as 23.1)." };
        var command = new Command("import", "Import a UCDP GED, UCDP PAD or ACLED file as a ConflictModel dataset. Every row imports or is named by an error (file, line, column); exit code 1 when a row did not import.")
        {
            source,
            input,
            output,
            format,
            report,
            title,
            version,
        };
        command.SetAction(parsed => Run(
            console,
            parsed.GetValue(source)!,
            parsed.GetValue(input)!,
            parsed.GetValue(output),
            parsed.GetValue(format)!,
            parsed.GetValue(report),
            parsed.GetValue(title),
            parsed.GetValue(version)));
        return command;
    }

    private static int Run(CliConsole console, string sourceName, string inputPath, string? outputPath, string format, string? reportPath, string? title, string? version)
    {
        if (sourceName == ParquetImportCommand.Source)
        {
            return ParquetImportCommand.Run(console, inputPath, outputPath, format, reportPath);
        }

        DatasetImporter importer = Importers[sourceName]();
        var file = new InputFile(inputPath == InputFile.StandardInput ? inputPath : Path.GetFullPath(inputPath, console.WorkingDirectory), inputPath);
        if (!file.IsStandardInput && !File.Exists(file.FullPath))
        {
            throw new UsageException($"{inputPath}: no such file");
        }

        DatasetInfo info = importer.DefaultInfo;
        if (title is not null || version is not null)
        {
            info = info with { Title = title ?? info.Title, Version = version ?? info.Version };
        }

        var log = new ImportLog();
        long records = 0;
        void Write(Stream target)
        {
            using Stream input = file.Open(console);
            using GZipStream? zip = outputPath is not null && outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true) : null;
            Stream sink = zip ?? target;
            IEnumerable<ConflictRecord> read = importer.ReadRecords(input, file.DisplayPath, log);

            // Each record goes to the writer as its row is read, so that a large download is never held whole: JSON Lines
            // streams out line by line, a JSON document holds back only what its grouping by kind needs (temporary files
            // beyond a few MiB).
            bool lines = outputPath is null || outputPath == InputFile.StandardInput || new InputFile(outputPath, outputPath).IsJsonLinesByName;
            var header = new Dataset(info);
            using DatasetWriter writer = lines ? DatasetWriter.CreateJsonLines(sink, header) : DatasetWriter.CreateDocument(sink, header);
            foreach (ConflictRecord record in read)
            {
                writer.Write(record);
            }

            writer.Complete();
            records = writer.RecordCount;
        }

        if (outputPath is null || outputPath == InputFile.StandardInput)
        {
            using Stream standardOutput = TextWriterStream.Open(console.Out);
            Write(standardOutput);
            standardOutput.Flush();
        }
        else
        {
            AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), Write);
        }

        var validationReport = new ValidationReport([file.DisplayPath], [.. log.Diagnostics], ImportDiagnostics.All, records);
        TextWriter? reportWriter = null;
        if (reportPath is not null)
        {
            var buffer = new MemoryStream();
            WriteReport(buffer, validationReport, format, console);
            AtomicFile.Write(Path.GetFullPath(reportPath, console.WorkingDirectory), stream => stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        else
        {
            reportWriter = console.Error;
            var buffer = new MemoryStream();
            WriteReport(buffer, validationReport, format, console);
            reportWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{sourceName}: {log.RowsRead:N0} row(s) read, {log.RowsImported:N0} imported, {log.RowsRejected:N0} not imported; {records:N0} record(s) written to {outputPath ?? "standard output"}"));
        return log.HasErrors ? ExitCodes.DataErrors : ExitCodes.Success;
    }

    internal static void WriteReport(Stream stream, ValidationReport report, string format, CliConsole console)
    {
        switch (format)
        {
            case "json":
                JsonFormatter.Write(stream, report);
                break;
            case "sarif":
                SarifFormatter.Write(stream, report, console.WorkingDirectory);
                break;
            default:
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    if (format == "github")
                    {
                        GitHubFormatter.Write(writer, report);
                    }
                    else
                    {
                        TextFormatter.Write(writer, report, quiet: false);
                    }
                }

                break;
        }
    }
}

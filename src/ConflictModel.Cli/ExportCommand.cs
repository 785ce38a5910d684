using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Columnar;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// <c>conflictmodel export ucdp-ged INPUT -o OUT.csv</c>: writes a dataset's events back as GED-shaped CSV;
/// <c>conflictmodel export parquet INPUT -o DIR</c>: writes the dataset as Parquet, one file per record kind, streamed.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("target") { Description = "The format to write: ucdp-ged (GED CSV, the codebook's 49 columns) or parquet (a directory of Parquet files, one per record kind; docs/columnar.md)." };
        target.AcceptOnlyFromAmong("ucdp-ged", "parquet");
        var input = new Argument<string>("input") { Description = "The dataset: a .json, .jsonl or .ndjson file (optionally .gz), or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write: the CSV file (standard output when absent), or for parquet the directory (required; it must not exist or be empty)." };
        var rowGroup = new Option<int>("--row-group-size") { Description = "parquet: records of one kind per row group (memory grows with it, not with the dataset).", DefaultValueFactory = _ => ParquetExportOptions.DefaultRowGroupSize };
        Option<string> diagnosticsFormat = DatasetFiles.CreateDiagnosticsFormatOption();
        var command = new Command("export", "Write a dataset's events as UCDP GED CSV (an imported GED file comes back as it was read), or the whole dataset as Parquet files that DuckDB, Spark and pandas read directly.")
        {
            target,
            input,
            output,
            rowGroup,
            diagnosticsFormat,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(target) == "parquet")
            {
                return await ExportParquetAsync(console, parsed.GetValue(input)!, parsed.GetValue(output), parsed.GetValue(rowGroup), cancellationToken).ConfigureAwait(false);
            }

            return ExportGed(console, parsed.GetValue(input)!, parsed.GetValue(output), parsed.GetValue(diagnosticsFormat)!);
        });
        return command;
    }

    /// <summary>
    /// Reads the input twice through the record reader, never holding the dataset: first to note where the records each
    /// row joins are (<see cref="GedExportIndex"/>; on a reader error nothing is written and validate's diagnostics are
    /// printed), then to write a row per event, each joined record read again by where it is.
    /// </summary>
    private static int ExportGed(CliConsole console, string inputPath, string? outputPath, string diagnosticsFormat)
    {
        InputFile file = InputFiles.Expand([inputPath], console.WorkingDirectory)[0];
        (ValidationOptions options, DatasetReader reader, _) = ValidateCommand.OptionsFor(file, null, console.WorkingDirectory, [], warnAsError: false, given => given ?? DatasetReaderOptions.Default, noConfig: false);

        using var input = new RereadableInput(file, reader, console);
        var index = new GedExportIndex();
        using DatasetRecordReader lookups = input.Open(); // read whole once; then the rows' joins are read again through it
        if (!index.Build(lookups))
        {
            using DatasetRecordReader again = input.Open();
            ValidationResult validated = new DatasetValidator(options).Validate(again);
            DatasetFiles.Report(console, file, diagnosticsFormat, validated.Diagnostics, validated.RecordCount);
            return ExitCodes.DataErrors; // nothing is written
        }

        int Write(Stream target)
        {
            // The events come from a second reading of the same bytes; the lookups' reader reads through a handle or a
            // temporary copy of its own, never through this stream's position.
            using DatasetRecordReader records = input.Open();
            return UcdpGedExporter.Write(
                GedExportIndex.Events(records),
                id => index.Find<Actor>(RecordKind.Actor, id.Value),
                id => index.Find<Source>(RecordKind.Source, id.Value),
                index.EstimatesOf,
                id => index.Find<CasualtyEstimate>(RecordKind.CasualtyEstimate, id.Value),
                target);
        }

        int rows = 0;
        if (outputPath is null || outputPath == InputFile.StandardInput)
        {
            using Stream standardOutput = TextWriterStream.Open(console.Out);
            rows = Write(standardOutput);
            standardOutput.Flush();
        }
        else
        {
            AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), stream => rows = Write(stream));
        }

        console.Error.WriteLine(FormattableString.Invariant($"ucdp-ged: {rows:N0} event(s) written to {outputPath ?? "standard output"}"));
        return ExitCodes.Success;
    }

    /// <summary>Streams the input through the record reader into Parquet; on a data error nothing is written.</summary>
    private static async Task<int> ExportParquetAsync(CliConsole console, string inputPath, string? outputPath, int rowGroupSize, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outputPath) || outputPath == InputFile.StandardInput)
        {
            throw new UsageException("export parquet: give the directory to write with -o DIR");
        }

        if (rowGroupSize < 1)
        {
            throw new UsageException($"--row-group-size: {rowGroupSize} is not a positive number of records");
        }

        InputFile file = InputFiles.Expand([inputPath], console.WorkingDirectory)[0];
        string directory = Path.GetFullPath(outputPath, console.WorkingDirectory);
        using Stream stream = file.Open(console);
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(stream, file.DisplayPath, gzip: file.IsGzip);
        ParquetExportResult result;
        try
        {
            result = await ParquetExport.ExportRecordsAsync(reader, directory, new ParquetExportOptions { RowGroupSize = rowGroupSize }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"{outputPath}: error: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (!result.Written)
        {
            console.Error.WriteLine($"{file.DisplayPath}: the input has errors; nothing was written to {outputPath}");
            return ExitCodes.DataErrors;
        }

        string counts = string.Join(", ", result.Counts.Where(c => c.Value > 0).Select(c => FormattableString.Invariant($"{c.Key} {c.Value:N0}")));
        console.Error.WriteLine(FormattableString.Invariant($"parquet: {result.RecordCount:N0} record(s) written to {outputPath}{(counts.Length > 0 ? $" ({counts})" : string.Empty)}"));
        return ExitCodes.Success;
    }
}

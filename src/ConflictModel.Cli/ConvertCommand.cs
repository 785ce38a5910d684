using System;
using System.CommandLine;
using System.IO;
using System.IO.Compression;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary>
/// <c>conflictmodel convert</c>: JSON document ⇄ JSON Lines, losslessly, in bounded memory. The input is read record
/// by record through the one reader (<see cref="DatasetRecordReader"/>, as <c>validate</c> reads it); each record goes
/// to a temporary file of its kind (<see cref="DatasetWriter.CreateGrouped"/>), because both forms group the records
/// by kind; once the input has been read whole and without error, the header (a document's members may follow its
/// arrays) and the kinds in the wire order are written out. A broken input writes nothing: its diagnostics are those
/// <c>validate</c> prints.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The dataset to convert: a .json, .jsonl or .ndjson file (optionally .gz), or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write; the form follows its extension (.json, .jsonl, .ndjson, optionally .gz). Standard output when absent." };
        var to = new Option<string?>("--to") { Description = "The form to write: json or jsonl. Default: from --output's extension, else the other form than the input's." };
        to.AcceptOnlyFromAmong("json", "jsonl");
        Option<string> diagnosticsFormat = DatasetFiles.CreateDiagnosticsFormatOption();
        var command = new Command("convert", "Convert a dataset between the JSON document and JSON Lines forms, keeping every member (unknown ones included).")
        {
            input,
            output,
            to,
            diagnosticsFormat,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(input)!, parsed.GetValue(output), parsed.GetValue(to), parsed.GetValue(diagnosticsFormat)!));
        return command;
    }

    private static int Run(CliConsole console, string inputPath, string? outputPath, string? to, string diagnosticsFormat)
    {
        InputFile file = InputFiles.Expand([inputPath], console.WorkingDirectory)[0];
        (ValidationOptions options, DatasetReader reader, _) = ValidateCommand.OptionsFor(file, null, console.WorkingDirectory, [], warnAsError: false, given => given ?? DatasetReaderOptions.Default, noConfig: false);

        // A broken input is read a second time, by the validator.
        using var input = new RereadableInput(file, reader, console);
        using (DatasetRecordReader records = input.Open())
        {
            bool toLines = to switch
            {
                "jsonl" => true,
                "json" => false,
                _ when outputPath is not null && outputPath != InputFile.StandardInput => new InputFile(outputPath, outputPath).IsJsonLinesByName,
                _ => records.Format != DatasetFormat.JsonLines,
            };

            // Every record waits in its kind's temporary file (beyond a few MiB of memory) until the input has been
            // read whole: the output is opened only for an input that read without error.
            using DatasetWriter writer = DatasetWriter.CreateGrouped(toLines, DatasetWriterOptions.Default);
            if (ReadAll(records, writer))
            {
                Dataset header = records.Header;
                bool gzip = outputPath is not null && outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
                void Write(Stream target)
                {
                    using GZipStream? zip = gzip ? new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true) : null;
                    writer.CompleteTo(zip ?? target, header);
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

                return ExitCodes.Success;
            }
        }

        // Broken: nothing was written (the writer removes its temporary files). The diagnostics are validate's, from
        // the same streaming validation of the same bytes.
        using DatasetRecordReader again = input.Open();
        ValidationResult validated = new DatasetValidator(options).Validate(again);
        DatasetFiles.Report(console, file, diagnosticsFormat, validated.Diagnostics, validated.RecordCount);
        return ExitCodes.DataErrors;
    }

    /// <summary>Hands every record read to the writer; stops at the first reader error.</summary>
    /// <returns>Whether the input read without error.</returns>
    private static bool ReadAll(DatasetRecordReader records, DatasetWriter writer)
    {
        while (records.Read())
        {
            StreamedRecord entry = records.Current;
            foreach (Diagnostic diagnostic in entry.Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return false;
                }
            }

            if (entry.Record is { } record)
            {
                writer.Write(record);
            }
        }

        return true;
    }
}

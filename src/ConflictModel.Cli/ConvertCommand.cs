using System;
using System.CommandLine;
using System.IO;
using System.IO.Compression;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel convert</c>: JSON document ⇄ JSON Lines, losslessly.</summary>
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
        command.SetAction(parsed =>
        {
            string inputPath = parsed.GetValue(input)!;
            string? outputPath = parsed.GetValue(output);
            InputFile file = InputFiles.Expand([inputPath], console.WorkingDirectory)[0];
            if (DatasetFiles.Read(file, console, parsed.GetValue(diagnosticsFormat)!, out bool inputIsLines) is not { } dataset)
            {
                return ExitCodes.DataErrors; // the diagnostics are printed; nothing is written
            }

            bool toLines = parsed.GetValue(to) switch
            {
                "jsonl" => true,
                "json" => false,
                _ when outputPath is not null && outputPath != "-" => new InputFile(outputPath, outputPath).IsJsonLinesByName,
                _ => !inputIsLines,
            };
            bool gzip = outputPath is not null && outputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            void Write(Stream target)
            {
                using GZipStream? zip = gzip ? new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true) : null;
                Stream sink = zip ?? target;
                if (toLines)
                {
                    ConflictJsonSerializer.SerializeLines(sink, dataset);
                }
                else
                {
                    ConflictJsonSerializer.Serialize(sink, dataset);
                }
            }

            if (outputPath is null || outputPath == "-")
            {
                // Written as it goes (the serializer writes through DatasetWriter), not built whole in memory first.
                using Stream standardOutput = TextWriterStream.Open(console.Out);
                Write(standardOutput);
                standardOutput.Flush();
            }
            else
            {
                AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), Write);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

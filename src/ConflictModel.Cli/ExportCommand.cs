using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel export ucdp-ged INPUT -o OUT.csv</c>: writes a dataset's events back as GED-shaped CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("target") { Description = "The format to write: ucdp-ged (GED CSV, the codebook's 49 columns)." };
        target.AcceptOnlyFromAmong("ucdp-ged");
        var input = new Argument<string>("input") { Description = "The dataset: a .json, .jsonl or .ndjson file (optionally .gz), or - for standard input." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the CSV. Standard output when absent." };
        var command = new Command("export", "Write a dataset's events as UCDP GED CSV: the mapped columns from the records, the others from what the GED import kept, so that an imported GED file comes back as it was read.")
        {
            target,
            input,
            output,
        };
        command.SetAction(parsed =>
        {
            InputFile file = InputFiles.Expand([parsed.GetValue(input)!], console.WorkingDirectory)[0];
            Dataset dataset;
            try
            {
                dataset = DatasetFiles.Read(file, console, out _);
            }
            catch (JsonException ex)
            {
                console.Error.WriteLine($"{file.DisplayPath}: error: {CommandLineApp.Describe(ex)}");
                return ExitCodes.DataErrors;
            }

            string? outputPath = parsed.GetValue(output);
            int rows = 0;
            if (outputPath is null || outputPath == InputFile.StandardInput)
            {
                using Stream standardOutput = TextWriterStream.Open(console.Out);
                rows = UcdpGedExporter.Write(dataset, standardOutput);
                standardOutput.Flush();
            }
            else
            {
                AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), stream => rows = UcdpGedExporter.Write(dataset, stream));
            }

            console.Error.WriteLine(FormattableString.Invariant($"ucdp-ged: {rows:N0} event(s) written to {outputPath ?? "standard output"}"));
            return ExitCodes.Success;
        });
        return command;
    }
}

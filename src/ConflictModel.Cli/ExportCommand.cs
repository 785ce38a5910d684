using System;
using System.CommandLine;
using System.IO;
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
        Option<string> diagnosticsFormat = DatasetFiles.CreateDiagnosticsFormatOption();
        var command = new Command("export", "Write a dataset's events as UCDP GED CSV: the mapped columns from the records, the others from what the GED import kept, so that an imported GED file comes back as it was read.")
        {
            target,
            input,
            output,
            diagnosticsFormat,
        };
        command.SetAction(parsed =>
        {
            InputFile file = InputFiles.Expand([parsed.GetValue(input)!], console.WorkingDirectory)[0];
            if (DatasetFiles.Read(file, console, parsed.GetValue(diagnosticsFormat)!, out _) is not { } dataset)
            {
                return ExitCodes.DataErrors; // the diagnostics are printed; nothing is written
            }

            string? outputPath = parsed.GetValue(output);
            int rows = 0;
            if (outputPath is null || outputPath == InputFile.StandardInput)
            {
                using var memory = new MemoryStream();
                rows = UcdpGedExporter.Write(dataset, memory);
                console.Out.Write(System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
                console.Out.Flush();
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

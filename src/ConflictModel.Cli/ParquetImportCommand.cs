using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Cli.Output;
using ConflictModel.Columnar;
using ConflictModel.Reporting;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Cli;

/// <summary>
/// <c>conflictmodel import parquet DIR -o OUT</c>: reads a directory written by <c>export parquet</c> back into a
/// dataset (JSON Lines or a JSON document, optionally gzip), reporting what could not be read (CM7xxx).
/// </summary>
internal static class ParquetImportCommand
{
    public const string Source = "parquet";

    public static int Run(CliConsole console, string inputPath, string? outputPath, string format, string? reportPath)
    {
        string directory = Path.GetFullPath(inputPath, console.WorkingDirectory);
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{inputPath}: no such directory (import parquet reads the directory export parquet wrote)");
        }

        ParquetImportResult result = ParquetImport.ImportAsync(directory).GetAwaiter().GetResult();
        bool lines = outputPath is null || outputPath == InputFile.StandardInput || new InputFile(outputPath, outputPath).IsJsonLinesByName;
        void Write(Stream target)
        {
            using GZipStream? zip = outputPath is not null && outputPath.EndsWith(".gz", System.StringComparison.OrdinalIgnoreCase) ? new GZipStream(target, CompressionLevel.Optimal, leaveOpen: true) : null;
            Stream sink = zip ?? target;
            if (lines)
            {
                ConflictJsonSerializer.SerializeLines(sink, result.Dataset);
            }
            else
            {
                ConflictJsonSerializer.Serialize(sink, result.Dataset);
            }
        }

        if (outputPath is null || outputPath == InputFile.StandardInput)
        {
            using var memory = new MemoryStream();
            Write(memory);
            console.Out.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
            console.Out.Flush();
        }
        else
        {
            AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), Write);
        }

        var report = new ValidationReport([inputPath], [.. result.Diagnostics], ColumnarDiagnostics.All, result.Dataset.RecordCount);
        var buffer = new MemoryStream();
        ImportCommand.WriteReport(buffer, report, format, console);
        if (reportPath is not null)
        {
            AtomicFile.Write(Path.GetFullPath(reportPath, console.WorkingDirectory), stream => stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        else
        {
            console.Error.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parquet: {result.Dataset.RecordCount:N0} record(s) read from {inputPath}, {result.Diagnostics.Count(d => d.IsError):N0} error(s); written to {outputPath ?? "standard output"}"));
        return result.HasErrors ? ExitCodes.DataErrors : ExitCodes.Success;
    }
}

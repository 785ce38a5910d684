using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ConflictModel.Cli.Output;
using ConflictModel.Model;
using ConflictModel.Reporting;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;

namespace ConflictModel.Cli;

/// <summary>
/// Reads whole datasets for the command that needs one (<c>export ucdp-ged</c>) through the one reader,
/// <see cref="DatasetReader"/>, with the reader options <c>validate</c> would use for the file; and reports a broken
/// input as <c>validate</c> does: the same diagnostics, in the format chosen with <c>--diagnostics-format</c>, on
/// standard error. No exception text reaches the user.
/// </summary>
internal static class DatasetFiles
{
    /// <summary>Creates the <c>--diagnostics-format</c> option of the commands that read datasets.</summary>
    public static Option<string> CreateDiagnosticsFormatOption()
    {
        var option = new Option<string>("--diagnostics-format") { Description = "How a broken input's diagnostics are printed on standard error, as validate prints them: text, json, sarif or github.", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        return option;
    }

    /// <summary>
    /// Reads a dataset; on an error, prints what <c>validate</c> reports for it and returns null.
    /// </summary>
    /// <param name="file">The input.</param>
    /// <param name="console">The console.</param>
    /// <param name="diagnosticsFormat">The format for the diagnostics.</param>
    /// <param name="isJsonLines">Whether the input was JSON Lines.</param>
    /// <param name="readerOptions">The command line's reader limits over the configuration's; null for the configuration's.</param>
    /// <returns>The dataset, or null when the input has errors (reported).</returns>
    /// <exception cref="UsageException">The file cannot be opened.</exception>
    public static Dataset? Read(InputFile file, CliConsole console, string diagnosticsFormat, out bool isJsonLines, Func<DatasetReaderOptions?, DatasetReaderOptions>? readerOptions = null)
    {
        (ValidationOptions options, DatasetReader reader, _) = ValidateCommand.OptionsFor(file, null, console.WorkingDirectory, [], warnAsError: false, readerOptions ?? (given => given ?? DatasetReaderOptions.Default), noConfig: false);
        DatasetReaderOptions limits = reader.Options;
        using Stream stream = file.Open(console, limits);
        using var buffer = new MemoryStream();
        try
        {
            // Held whole (these commands need the whole dataset): bounded by MaxInputBytes, which gzip input also checks
            // as it expands, so a bomb or a huge file is one message naming the file, not "Stream was too long".
            byte[] chunk = new byte[1 << 16];
            int got;
            while ((got = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + got > limits.MaxInputBytes)
                {
                    // A bomb or a huge file is one diagnostic naming the file, not "Stream was too long".
                    isJsonLines = file.IsJsonLinesByName;
                    Report(console, file, diagnosticsFormat, [Diagnostic.Create(ReaderDiagnostics.InputTooLarge, DiagnosticLocation.ForFile(file.DisplayPath), limits.MaxInputBytes)], 0);
                    return null;
                }

                buffer.Write(chunk, 0, got);
            }
        }
        catch (InvalidDataException ex)
        {
            // Decompression by the file's name failed: the same diagnostic the reader gives when it decompresses.
            isJsonLines = file.IsJsonLinesByName;
            Diagnostic failed = Diagnostic.Create(ReaderDiagnostics.DecompressionFailed, DiagnosticLocation.ForFile(file.DisplayPath), ex.Message);
            Report(console, file, diagnosticsFormat, [failed], 0);
            return null;
        }

        ReadOnlySpan<byte> content = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        isJsonLines = IsJsonLines(file, content);
        buffer.Position = 0;
        DatasetReadResult read = reader.Read(buffer, file.DisplayPath, isJsonLines ? DatasetFormat.JsonLines : DatasetFormat.Document);
        if (!read.HasErrors)
        {
            return read.Dataset;
        }

        ValidationResult validated = new DatasetValidator(options).Validate(read);
        Report(console, file, diagnosticsFormat, validated.Diagnostics, validated.RecordCount);
        return null;
    }

    /// <summary>Prints diagnostics on standard error with the formatters of <c>validate</c>.</summary>
    public static void Report(CliConsole console, InputFile file, string format, System.Collections.Generic.IReadOnlyList<Diagnostic> diagnostics, long records)
    {
        var report = new ValidationReport([file.DisplayPath], diagnostics, RuleCatalog.Descriptors, records);
        switch (format)
        {
            case "json":
                console.Error.Write(Render(stream => JsonFormatter.Write(stream, report)));
                break;
            case "sarif":
                console.Error.Write(Render(stream => SarifFormatter.Write(stream, report, console.WorkingDirectory)));
                break;
            case "github":
                GitHubFormatter.Write(console.Error, report);
                break;
            default:
                TextFormatter.Write(console.Error, report, quiet: false);
                break;
        }

        console.Error.Flush();

        static string Render(Action<Stream> write)
        {
            using var memory = new MemoryStream();
            write(memory);
            return System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
        }
    }

    /// <summary>JSON Lines when the name says so, or when the first line is a dataset header line.</summary>
    public static bool IsJsonLines(InputFile file, ReadOnlySpan<byte> content)
    {
        if (file.IsJsonLinesByName)
        {
            return true;
        }

        if (!file.IsStandardInput && DatasetFormats.TryGetFromPath(file.FullPath, out DatasetFormat named, out _))
        {
            return named == DatasetFormat.JsonLines;
        }

        return DatasetFormats.Detect(content[..Math.Min(content.Length, 4096)]) == DatasetFormat.JsonLines;
    }
}

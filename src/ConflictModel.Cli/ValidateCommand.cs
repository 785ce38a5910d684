using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ConflictModel.Cli.Output;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel validate</c>: every problem in every dataset, located, in text, JSON, SARIF or GitHub form.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dataset files, directories (searched recursively), glob patterns, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text (compiler lines), json, sarif (SARIF 2.1.0) or github (workflow annotations).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output." };
        var config = new Option<string?>("--config") { Description = $"The configuration file; by default {ValidationConfiguration.FileName} is looked for next to each dataset and in the folders above it." };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors (exit code 1 when there are any)." };
        var severity = new Option<string[]>("--severity") { Description = "Override a severity: ID=level, category:NAME=level or *=level, with level none, hidden, info, warning or error. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var maxDiagnostics = new Option<int?>("--max-diagnostics") { Description = "Report at most this many diagnostics (the exit code still reflects all of them)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text format: print errors only, without the summary." };
        var command = new Command("validate", "Validate datasets: syntax, shape and value problems, and the semantic rules, each with its id, severity and exact position.")
        {
            paths, format, output, config, warnAsError, severity, maxDiagnostics, quiet,
        };
        command.SetAction(parsed => Run(
            console,
            parsed.GetValue(paths)!,
            parsed.GetValue(format)!,
            parsed.GetValue(output),
            parsed.GetValue(config),
            parsed.GetValue(warnAsError),
            parsed.GetValue(severity) ?? [],
            parsed.GetValue(maxDiagnostics),
            parsed.GetValue(quiet)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string format, string? outputPath, string? configPath, bool warnAsError, string[] severities, int? maxDiagnostics, bool quiet)
    {
        if (maxDiagnostics is < 0)
        {
            throw new UsageException("--max-diagnostics must be 0 or more");
        }

        List<(string Key, ReportSeverity Level)> overrides = severities.Select(ParseSeverity).ToList();
        ValidationConfiguration? explicitConfig = configPath is null ? null : LoadConfiguration(Path.GetFullPath(configPath, console.WorkingDirectory));
        // A path that cannot be read (missing, a broken link, no permission, a directory that cannot be listed) is
        // one line on standard error and exit code 2, but the other files are still validated and reported.
        var unreadable = new List<string>();
        IReadOnlyList<InputFile> files = InputFiles.Expand(paths, console.WorkingDirectory, unreadable);
        foreach (string problem in unreadable)
        {
            console.Error.WriteLine($"conflictmodel: {problem}");
        }

        if (files.Count == 0 && unreadable.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        var diagnostics = new List<Diagnostic>();
        long records = 0;
        var progress = new Progress(console, files.Count);
        var validated = new List<InputFile>(files.Count);
        foreach (InputFile file in files)
        {
            (ValidationOptions options, DatasetReader reader) = OptionsFor(file, explicitConfig, console.WorkingDirectory, overrides, warnAsError);
            ValidationResult result;
            try
            {
                result = ValidateFile(new DatasetValidator(options), reader, file, console, progress);
            }
            catch (Exception ex) when (ex is UsageException or IOException or UnauthorizedAccessException)
            {
                // Opening failed (UsageException names the file), or reading did, part-way (a device error).
                string message = ex is UsageException ? ex.Message : $"{file.DisplayPath}: cannot read: {ex.Message}";
                console.Error.WriteLine($"conflictmodel: {message}");
                unreadable.Add(message);
                continue;
            }

            validated.Add(file);
            diagnostics.AddRange(result.Diagnostics);
            records += result.RecordCount;
            progress.FileDone(result.RecordCount);
        }

        progress.Finish();
        List<Diagnostic> ordered = diagnostics;
        int truncated = 0;
        if (maxDiagnostics is { } max && ordered.Count(d => !d.IsSuppressed) > max)
        {
            var kept = new List<Diagnostic>();
            int shown = 0;
            foreach (Diagnostic diagnostic in ordered)
            {
                if (diagnostic.IsSuppressed || shown < max)
                {
                    kept.Add(diagnostic);
                    shown += diagnostic.IsSuppressed ? 0 : 1;
                }
                else
                {
                    truncated++;
                }
            }

            ordered = kept;
        }

        var report = new ValidationReport(validated.Select(f => f.DisplayPath).ToList(), ordered, RuleCatalog.Descriptors, records, truncated);
        WriteReport(console, report, format, outputPath, quiet);
        bool failed = diagnostics.Any(d => !d.IsSuppressed && (d.Severity == DiagnosticSeverity.Error || (warnAsError && d.Severity == DiagnosticSeverity.Warning)));
        return unreadable.Count > 0 ? ExitCodes.UsageOrIo : failed ? ExitCodes.DataErrors : ExitCodes.Success;
    }

    internal static void WriteReport(CliConsole console, ValidationReport report, string format, string? outputPath, bool quiet)
    {
        switch (format)
        {
            case "json":
                WriteBytes(console, outputPath, stream => JsonFormatter.Write(stream, report));
                break;
            case "sarif":
                WriteBytes(console, outputPath, stream => SarifFormatter.Write(stream, report, console.WorkingDirectory));
                break;
            case "github":
                CommandLineApp.WriteOutput(console, outputPath, writer => GitHubFormatter.Write(writer, report));
                break;
            default:
                CommandLineApp.WriteOutput(console, outputPath, writer => TextFormatter.Write(writer, report, quiet));
                break;
        }
    }

    private static void WriteBytes(CliConsole console, string? outputPath, Action<Stream> write)
    {
        if (outputPath is null || outputPath == "-")
        {
            using var memory = new MemoryStream();
            write(memory);
            console.Out.Write(System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
            console.Out.Flush();
            return;
        }

        AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), write);
    }

    /// <summary>
    /// Validates one file. JSON Lines (by name, or by content for standard input and other names) streams: records
    /// are checked as they are read and the input is never held whole; a document is read whole.
    /// </summary>
    internal static ValidationResult ValidateFile(DatasetValidator validator, DatasetReader reader, InputFile file, CliConsole console, Progress? progress)
    {
        DatasetFormat format = DatasetFormat.Document;
        bool gzip = false;
        bool known = !file.IsStandardInput && DatasetFormats.TryGetFromPath(file.FullPath, out format, out gzip);
        if (known && format == DatasetFormat.Document)
        {
            using FileStream document = OpenRaw(file);
            return validator.Validate(reader.Read(document, file.DisplayPath, format, gzip));
        }

        if (!known)
        {
            // Standard input or another name: the record reader tells gzip and the form from the content, streams
            // JSON Lines and reads a document whole.
            using Stream raw = file.IsStandardInput ? console.Input : OpenRaw(file);
            using DatasetRecordReader detected = reader.OpenRecords(raw, file.DisplayPath, format: null, gzip: false);
            return validator.Validate(detected, progress is null ? null : progress.Records);
        }

        using FileStream stream = OpenRaw(file);
        using DatasetRecordReader records = reader.OpenRecords(stream, file.DisplayPath, DatasetFormat.JsonLines, file.IsGzip);
        return validator.Validate(records, progress is null ? null : progress.Records);
    }

    private static FileStream OpenRaw(InputFile file)
    {
        try
        {
            return new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException(InputFiles.Missing(file.DisplayPath, file.FullPath), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file.DisplayPath}: cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The options for one file: the --config file, else the configuration discovered beside the file (or the working
    /// directory, for standard input), then the command line's --severity and --warnaserror on top.
    /// </summary>
    internal static (ValidationOptions Options, DatasetReader Reader) OptionsFor(InputFile file, ValidationConfiguration? explicitConfig, string workingDirectory, List<(string Key, ReportSeverity Level)> overrides, bool warnAsError)
    {
        ValidationConfiguration? configuration = explicitConfig;
        if (configuration is null)
        {
            string near = file.IsStandardInput ? Path.Combine(workingDirectory, "stdin") : file.FullPath;
            try
            {
                configuration = ValidationConfiguration.Discover(near);
            }
            catch (ValidationConfigurationException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }

        ValidationOptions options = configuration?.ToOptions() ?? ValidationOptions.Default;
        foreach ((string key, ReportSeverity level) in overrides)
        {
            options = options.WithSeverity(key, level);
        }

        var reader = new DatasetReader(configuration?.ToReaderOptions());
        return (warnAsError ? options.WithWarningsAsErrors(true) : options, reader);
    }

    private static ValidationConfiguration LoadConfiguration(string path)
    {
        try
        {
            return ValidationConfiguration.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ValidationConfigurationException)
        {
            throw new UsageException(ex is ValidationConfigurationException ? ex.Message : $"{path}: {ex.Message}", ex);
        }
    }

    private static (string Key, ReportSeverity Level) ParseSeverity(string text)
    {
        int equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new UsageException($"--severity {text}: expected ID=level, category:NAME=level or *=level");
        }

        string key = text[..equals];
        ReportSeverity level = text[(equals + 1)..].ToLowerInvariant() switch
        {
            "none" or "suppress" => ReportSeverity.Suppress,
            "hidden" or "silent" => ReportSeverity.Hidden,
            "info" or "suggestion" => ReportSeverity.Info,
            "warning" or "warn" => ReportSeverity.Warning,
            "error" => ReportSeverity.Error,
            "default" => ReportSeverity.Default,
            _ => throw new UsageException($"--severity {text}: the level must be none, hidden, info, warning or error"),
        };
        return (key, level);
    }

    /// <summary>Files done and records per second on standard error, when it is a terminal; silent otherwise.</summary>
    internal sealed class Progress(CliConsole console, int total)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _done;
        private long _records;
        private long _inFile;

        /// <summary>Reports the records read so far of the file being validated.</summary>
        public void Records(long inFile)
        {
            _inFile = inFile;
            Show(_records + inFile);
        }

        public void FileDone(long records)
        {
            _done++;
            _records += records;
            _inFile = 0;
            Show(_records);
        }

        private void Show(long records)
        {
            _ = _inFile;
            if (console.ErrorIsTerminal)
            {
                double rate = records / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
                console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{_done}/{total} files, {records:N0} records, {rate:N0} records/s   "));
            }
        }

        public void Finish()
        {
            if (console.ErrorIsTerminal && _done > 0)
            {
                console.Error.WriteLine();
            }
        }
    }
}

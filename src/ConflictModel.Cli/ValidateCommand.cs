using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ConflictModel.Cli.Output;
using ConflictModel.Reporting;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

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
        var noConfig = new Option<bool>("--no-config") { Description = $"Ignore {ValidationConfiguration.FileName} files: no discovery (an explicit --config still applies)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out files found in folders or by globs that match this pattern (.gitignore syntax, relative to the working directory: *.json, data/old/, **/draft-*.jsonl). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Also read files that git ignores (.gitignore); by default, in a git work tree, they are left out." };
        var baseline = new Option<string?>("--baseline") { Description = "Findings in this baseline file (written by --update-baseline) are known: reported as such, they do not fail the run; only new findings do. Entries no longer found are listed." };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "Write the current findings to the --baseline file (creating it), dropping entries no longer found." };
        var onlyChanged = new Option<string?>("--only-changed") { Description = "Report only findings on lines that 'git diff REF' adds or changes (files git does not track count as changed); every rule still reads the whole dataset." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when the paths hold no dataset, instead of 2." };
        var rules = new Option<string[]>("--rules") { Description = "Also run the rules in this assembly (.dll): every public, non-abstract DatasetRule with a parameterless constructor. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("validate", "Validate datasets: syntax, shape and value problems, and the semantic rules, each with its id, severity and exact position.")
        {
            paths, format, output, config, warnAsError, severity, maxDiagnostics, quiet, exclude, noIgnore, allowEmpty, baseline, updateBaseline, onlyChanged, rules,
        };
        var limits = new InputLimits();
        limits.AddTo(command);
        command.Options.Add(noConfig);
        command.SetAction(parsed => Run(
            console,
            options => limits.Apply(parsed, options),
            parsed.GetValue(noConfig),
            parsed.GetValue(paths)!,
            parsed.GetValue(format)!,
            parsed.GetValue(output),
            parsed.GetValue(config),
            parsed.GetValue(warnAsError),
            parsed.GetValue(severity) ?? [],
            parsed.GetValue(maxDiagnostics),
            parsed.GetValue(quiet),
            new InputFilter(parsed.GetValue(exclude) ?? [], useGitIgnore: !parsed.GetValue(noIgnore)),
            parsed.GetValue(allowEmpty),
            parsed.GetValue(baseline),
            parsed.GetValue(updateBaseline),
            parsed.GetValue(onlyChanged),
            parsed.GetValue(rules) ?? []));
        return command;
    }

    private static int Run(CliConsole console, Func<DatasetReaderOptions?, DatasetReaderOptions> readerOptions, bool noConfig, string[] paths, string format, string? outputPath, string? configPath, bool warnAsError, string[] severities, int? maxDiagnostics, bool quiet, InputFilter filter, bool allowEmpty, string? baselinePath, bool updateBaseline, string? onlyChangedRevision, string[] rulePaths)
    {
        ImmutableArray<DatasetRule> extraRules = RuleAssemblies.Load(rulePaths, console.WorkingDirectory);
        ChangedLines? changedLines = onlyChangedRevision is null ? null : ChangedLines.Read(console.WorkingDirectory, onlyChangedRevision);
        if (updateBaseline && baselinePath is null)
        {
            throw new UsageException("--update-baseline needs --baseline FILE");
        }

        if (maxDiagnostics is < 0)
        {
            throw new UsageException("--max-diagnostics must be 0 or more");
        }

        _ = readerOptions(null); // a limit out of range is a usage error before anything is read
        List<(string Key, ReportSeverity Level)> overrides = severities.Select(ParseSeverity).ToList();
        ValidationConfiguration? explicitConfig = configPath is null ? null : LoadConfiguration(Path.GetFullPath(configPath, console.WorkingDirectory));
        // A path that cannot be read (missing, a broken link, no permission, a directory that cannot be listed) is
        // one line on standard error and exit code 2, but the other files are still validated and reported.
        var unreadable = new List<string>();
        IReadOnlyList<InputFile> files = InputFiles.Expand(paths, console.WorkingDirectory, unreadable, filter);
        foreach (string problem in unreadable)
        {
            console.Error.WriteLine($"conflictmodel: {problem}");
        }

        if (files.Count == 0 && unreadable.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        if (files.Count == 0 && !allowEmpty)
        {
            // A pipeline pointed at the wrong folder must not pass for having found nothing wrong.
            throw new UsageException($"no dataset found in {string.Join(", ", paths.Select(p => $"'{p}'"))} (looked for *.json, *.jsonl, *.ndjson and their .gz, outside hidden, bin, obj, node_modules and git-ignored folders); --allow-empty to accept that");
        }

        var diagnostics = new List<Diagnostic>();
        var configurationFiles = new SortedSet<string>(StringComparer.Ordinal);
        long records = 0;
        var progress = new Progress(console, files.Count);
        var validated = new List<InputFile>(files.Count);
        foreach (InputFile file in files)
        {
            (ValidationOptions options, DatasetReader reader, string? configurationFile) = OptionsFor(file, explicitConfig, console.WorkingDirectory, overrides, warnAsError, readerOptions, noConfig);
            if (configurationFile is not null)
            {
                configurationFiles.Add(DisplayPath(configurationFile, console.WorkingDirectory));
            }

            if (!extraRules.IsEmpty)
            {
                options = options with { Rules = [.. options.Rules, .. extraRules] };
            }

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
        if (changedLines is not null)
        {
            // The rules have seen everything; only what the change touches is reported (and can fail the run).
            Dictionary<string, string> fullPaths = validated.Where(f => !f.IsStandardInput).GroupBy(f => f.DisplayPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().FullPath, StringComparer.Ordinal);
            diagnostics = [.. diagnostics.Where(d => d.Location.FilePath is { } path && fullPaths.TryGetValue(path, out string? full) && changedLines.Touches(full, d.Location))];
        }

        Dictionary<Diagnostic, BaselineState>? states = null;
        List<BaselineEntry> absent = [];
        if (baselinePath is not null)
        {
            (diagnostics, states, absent) = ApplyBaseline(console, validated, diagnostics, baselinePath, updateBaseline);
        }

        ImmutableArray<DiagnosticDescriptor> descriptors = extraRules.IsEmpty
            ? RuleCatalog.Descriptors
            : [.. RuleCatalog.Descriptors.Concat(extraRules.SelectMany(r => r.SupportedDiagnostics)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];
        var report = new ValidationReport(validated.Select(f => f.DisplayPath), diagnostics, descriptors, records)
        {
            ConfigurationFiles = [.. configurationFiles],
            BaselineStates = states,
            AbsentBaselineEntries = [.. absent],
        };
        WriteReport(console, report, validated, format, outputPath, quiet, maxDiagnostics);
        bool failed = diagnostics.Any(d => !d.IsSuppressed && (d.Severity == DiagnosticSeverity.Error || (warnAsError && d.Severity == DiagnosticSeverity.Warning)));
        return unreadable.Count > 0 ? ExitCodes.UsageOrIo : failed ? ExitCodes.DataErrors : ExitCodes.Success;
    }

    /// <summary>
    /// Compares the findings with the baseline (or writes it, under --update-baseline): a finding the baseline has is
    /// suppressed with a justification naming the file, so it neither fails the run nor shows in text, and SARIF marks it
    /// unchanged.
    /// </summary>
    private static (List<Diagnostic> Diagnostics, Dictionary<Diagnostic, BaselineState> States, List<BaselineEntry> Absent) ApplyBaseline(
        CliConsole console, List<InputFile> files, List<Diagnostic> diagnostics, string baselinePath, bool update)
    {
        string full = Path.GetFullPath(baselinePath, console.WorkingDirectory);
        string display = DisplayPath(full, console.WorkingDirectory);
        List<Diagnostic> findings = [.. diagnostics.Where(ValidationReport.IsReported)];
        var keys = new RecordKeys(files, findings);
        List<(Diagnostic Diagnostic, BaselineEntry Key)> keyed = [.. findings.Select(d => (d, keys.KeyOf(d)))];
        List<BaselineEntry> previous = update && !File.Exists(full) ? [] : Baseline.Load(full, display);
        (Dictionary<Diagnostic, BaselineState> states, List<BaselineEntry> absent) = Baseline.Compare(keyed, previous);
        if (update)
        {
            Baseline.Save(full, keyed.Select(k => k.Key));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"conflictmodel: {display}: {keyed.Count} finding(s) written ({states.Values.Count(s => s == BaselineState.New)} new, {absent.Count} no longer found and removed)"));
            states = keyed.ToDictionary<(Diagnostic Diagnostic, BaselineEntry Key), Diagnostic, BaselineState>(k => k.Diagnostic, _ => BaselineState.Unchanged, ReferenceEqualityComparer.Instance);
            absent = [];
        }

        string justification = $"In the baseline ({display}).";
        var result = new List<Diagnostic>(diagnostics.Count);
        var marked = new Dictionary<Diagnostic, BaselineState>(ReferenceEqualityComparer.Instance);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (states.TryGetValue(diagnostic, out BaselineState state))
            {
                Diagnostic shown = state == BaselineState.Unchanged ? diagnostic.WithSuppression(justification) : diagnostic;
                marked[shown] = state;
                result.Add(shown);
            }
            else
            {
                result.Add(diagnostic);
            }
        }

        return (result, marked, absent);
    }

    private static void WriteReport(CliConsole console, ValidationReport report, List<InputFile> files, string format, string? outputPath, bool quiet, int? maxDiagnostics)
    {
        ReportOptions options = CliReportOptions.Default with { MaxDiagnostics = maxDiagnostics, ErrorsOnly = quiet };
        switch (format)
        {
            case "json":
                WriteBytes(console, outputPath, stream => new JsonReportWriter(options).Write(stream, report));
                break;
            case "sarif":
                var lines = new SourceLines(files, report.Listed(maxDiagnostics, includeSuppressed: true));
                options = options with
                {
                    BaseDirectory = console.WorkingDirectory,
                    VersionControl = GitWorkTree.Describe(console.WorkingDirectory),
                    SourceLine = lines.Line,
                };
                WriteBytes(console, outputPath, stream => new SarifReportWriter(options).Write(stream, report));
                break;
            case "github":
                var github = new GitHubReportWriter(options);
                CommandLineApp.WriteOutput(console, outputPath, writer => github.Write(writer, report));
                WriteJobSummary(github, report);
                break;
            default:
                CommandLineApp.WriteOutput(console, outputPath, writer => new TextReportWriter(options).Write(writer, report));
                break;
        }
    }

    /// <summary>
    /// In a GitHub Actions step ($GITHUB_STEP_SUMMARY names a file), appends the job summary: the true totals by rule
    /// and by file and the findings that got no annotation.
    /// </summary>
    private static void WriteJobSummary(GitHubReportWriter writer, ValidationReport report)
    {
        string? path = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteJobSummary(text, report);
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
    /// Validates one file, JSON Lines or a JSON document (by name, or by content for standard input and other names),
    /// as a stream: records are checked as they are read and the input is never held whole.
    /// </summary>
    internal static ValidationResult ValidateFile(DatasetValidator validator, DatasetReader reader, InputFile file, CliConsole console, Progress? progress)
    {
        DatasetFormat format = DatasetFormat.Document;
        bool gzip = false;
        bool known = !file.IsStandardInput && DatasetFormats.TryGetFromPath(file.FullPath, out format, out gzip);
        if (!known)
        {
            // Standard input or another name: the record reader tells gzip and the form from the content.
            using Stream raw = file.IsStandardInput ? console.Input : OpenRaw(file);
            using DatasetRecordReader detected = reader.OpenRecords(raw, file.DisplayPath, format: null, gzip: false);
            return validator.Validate(detected, progress is null ? null : progress.Records);
        }

        using FileStream stream = OpenRaw(file);
        using DatasetRecordReader records = reader.OpenRecords(stream, file.DisplayPath, format, file.IsGzip || gzip);
        return validator.Validate(records, progress is null ? null : progress.Records);
    }

    internal static FileStream OpenRaw(InputFile file)
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
    internal static (ValidationOptions Options, DatasetReader Reader, string? ConfigurationFile) OptionsFor(InputFile file, ValidationConfiguration? explicitConfig, string workingDirectory, List<(string Key, ReportSeverity Level)> overrides, bool warnAsError, Func<DatasetReaderOptions?, DatasetReaderOptions> readerOptions, bool noConfig)
    {
        ValidationConfiguration? configuration = explicitConfig;
        if (configuration is null && !noConfig)
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

        var reader = new DatasetReader(readerOptions(configuration?.ToReaderOptions()));
        return (warnAsError ? options.WithWarningsAsErrors(true) : options, reader, configuration?.FilePath);
    }

    private static string DisplayPath(string path, string workingDirectory)
    {
        string relative = Path.GetRelativePath(workingDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
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

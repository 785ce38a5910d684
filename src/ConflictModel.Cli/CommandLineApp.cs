using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ConflictModel.Cli;

/// <summary>Builds the command tree and runs it, turning every failure into an exit code and a one-line message.</summary>
internal static class CommandLineApp
{
    public static int Run(string[] args, CliConsole console)
    {
        Command root = CreateRootCommand(console);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
            {
                console.Error.WriteLine($"conflictmodel: {error.Message}");
            }

            console.Error.WriteLine("Run 'conflictmodel --help' for usage.");
            return ExitCodes.UsageOrIo;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            console.Error.WriteLine($"conflictmodel: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (OperationCanceledException)
        {
            // Interrupted while finishing --output (see Program): the signal's default action is ending the process.
            return ExitCodes.Interrupted;
        }
        catch (IOException ex) when (IsBrokenPipe(ex))
        {
            // The reader of our output went away (| head): nothing left to say.
            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"conflictmodel: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
#pragma warning disable CA1031 // The tool's last line of defence: one line, never a stack trace, in CI logs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"conflictmodel: internal error ({ex.GetType().Name}): {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageOrIo;
        }
    }

    internal static Command CreateRootCommand(CliConsole console)
    {
        // A named root rather than RootCommand, whose name would be the assembly's (ConflictModel.Cli), not the tool's.
        var root = new Command("conflictmodel", "Validate, convert and summarise ConflictModel datasets (JSON documents and JSON Lines, optionally gzip-compressed).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        root.Subcommands.Add(ConvertCommand.Create(console));
        root.Subcommands.Add(StatsCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        return root;
    }

    /// <summary>Writes text to --output atomically, or to standard output.</summary>
    internal static void WriteOutput(CliConsole console, string? outputPath, Action<TextWriter> write)
    {
        if (outputPath is null || outputPath == InputFile.StandardInput)
        {
            write(console.Out);
            console.Out.Flush();
            return;
        }

        AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
    }


    private static bool IsBrokenPipe(IOException ex) => ex.HResult == 32 || ex.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ConflictModel.Cli;

/// <summary>Builds the command tree and runs it, turning every failure into an exit code and a one-line message.</summary>
internal static class CommandLineApp
{
    internal const string VerboseName = "--verbose";

    public static int Run(string[] args, CliConsole console)
    {
        Command root = CreateRootCommand(console);
        ParseResult parsed = root.Parse(args);
        if (UnknownCommandOrOption(root, parsed, args) is { } mistake)
        {
            console.Error.WriteLine($"conflictmodel: {mistake}");
            console.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parsed))} --help' for usage.");
            return ExitCodes.UsageOrIo;
        }

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
#if DEBUG
            // A seam for the end-to-end test of exit code 3, compiled into Debug builds only.
            if (Environment.GetEnvironmentVariable("CONFLICTMODEL_DEBUG_CRASH") == "1")
            {
                throw new InvalidOperationException("crash requested by CONFLICTMODEL_DEBUG_CRASH");
            }
#endif
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
#pragma warning disable CA1031 // The tool's last line of defence: one line in CI logs; the stack trace only when asked for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"conflictmodel: internal error ({ex.GetType().Name}): {ex.Message.ReplaceLineEndings(" ")}");
            console.Error.WriteLine(args.Contains(VerboseName, StringComparer.Ordinal)
                ? ex.ToString()
                : "This is a bug in conflictmodel; run again with --verbose for the stack trace, and report it.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// An option the command does not have (<c>--fromat</c>, which would otherwise be taken for a file name) or a command
    /// that does not exist, with the closest known name; null when every name is known. Arguments after <c>--</c> and the
    /// values of options are not options.
    /// </summary>
    internal static string? UnknownCommandOrOption(Command root, ParseResult parsed, string[] args)
    {
        if (args.Length > 0 && !args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0] || c.Aliases.Contains(args[0])))
        {
            return $"unknown command '{args[0]}'{Suggestions.DidYouMean(args[0], root.Subcommands.Select(c => c.Name))}";
        }

        var known = new Dictionary<string, Option>(StringComparer.Ordinal);
        for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                foreach (Option option in command.Command.Options)
                {
                    foreach (string name in Suggestions.Names(option))
                    {
                        known.TryAdd(name, option);
                    }
                }
            }
        }

        for (int i = 0; i < args.Length; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                break;
            }

            if (token.Length < 2 || token[0] != '-' || char.IsDigit(token[1]))
            {
                continue;
            }

            int separator = token.IndexOfAny(['=', ':']);
            string name = separator > 0 ? token[..separator] : token;
            if (!known.TryGetValue(name, out Option? option))
            {
                return $"unknown option '{name}' for '{string.Join(' ', CommandPath(parsed))}'{Suggestions.DidYouMean(name, known.Keys.Where(k => k.StartsWith("--", StringComparison.Ordinal)))}";
            }

            if (separator < 0 && option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
            {
                i++; // its value, which may start with '-' (-o -)
            }
        }

        return null;
    }

    private static List<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        return names;
    }

    internal static Command CreateRootCommand(CliConsole console)
    {
        // A named root rather than RootCommand, whose name would be the assembly's (ConflictModel.Cli), not the tool's.
        var root = new Command("conflictmodel", "Validate, convert and summarise ConflictModel datasets (JSON documents and JSON Lines, optionally gzip-compressed).")
        {
            new HelpOption(),
            new VersionOption(),
            new Option<bool>(VerboseName) { Description = "On an internal error, print the stack trace.", Recursive = true },
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

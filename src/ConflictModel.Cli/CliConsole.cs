using System;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>The streams and surroundings a command runs with, so that tests can run commands in-process.</summary>
internal sealed class CliConsole
{
    public CliConsole(Stream input, TextWriter output, TextWriter error, string workingDirectory, bool errorIsTerminal = false)
    {
        Input = input;
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Gets standard input, as bytes.</summary>
    public Stream Input { get; }

    /// <summary>Gets standard output: results only.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets standard error: progress and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets the directory relative paths are resolved against and reported relative to.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Gets whether standard error is a terminal, where progress is worth showing.</summary>
    public bool ErrorIsTerminal { get; }

    public static CliConsole FromSystem()
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(Console.OpenStandardInput(), output, error, Environment.CurrentDirectory, !Console.IsErrorRedirected);
    }
}

namespace ConflictModel.Cli;

/// <summary>The <c>conflictmodel</c> command-line tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => CommandLineApp.Run(args, CliConsole.FromSystem());
}

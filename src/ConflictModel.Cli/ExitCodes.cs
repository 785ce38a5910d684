namespace ConflictModel.Cli;

/// <summary>The tool's exit codes, as compilers and linters use them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing wrong (no errors; warnings allowed unless treated as errors).</summary>
    public const int Success = 0;

    /// <summary>The data has errors (or warnings under --warnaserror).</summary>
    public const int DataErrors = 1;

    /// <summary>The command was used wrongly (an unknown option or command, no dataset found), or a file could not be read or written.</summary>
    public const int UsageOrIo = 2;

    /// <summary>The tool itself failed (a bug): one line on standard error, the stack trace only under --verbose.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT, as shells report it); SIGTERM gives 143.</summary>
    public const int Interrupted = 130;
}

using System;
using System.Runtime.InteropServices;

namespace ConflictModel.Cli;

/// <summary>The <c>conflictmodel</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        TestHooks.Started();

        // Ctrl-C (SIGINT) and SIGTERM end the run at once, as usual (exit 130 and 143), but first remove the
        // temporary file of an --output being written, so that an interrupted run leaves the previous report, or
        // none, never a partial one and never a stray temporary file. The handlers come before anything is opened:
        // a signal that arrives earlier ends the process by its default action, when there is nothing to clean up.
        // A SIGINT ignored by whoever started us (nohup, a background job of a script) stays ignored, as Unix programs
        // do: handling it would make the run ignore Ctrl-C while it starts and obey it later.
        using PosixSignalRegistration? interrupt = IgnoredAtStart(signalNumber: 2) ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnInterrupt);
        TemporaryFiles.CleanStale(); // what a killed earlier run left behind (its process is gone)
        TestHooks.SignalHandlersInstalled();
        return CommandLineApp.Run(args, CliConsole.FromSystem());
    }

    /// <summary>Whether the signal was ignored when the process started (Linux: the SigIgn mask of /proc/self/status).</summary>
    private static bool IgnoredAtStart(int signalNumber)
    {
        try
        {
            foreach (string line in System.IO.File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                {
                    ulong mask = ulong.Parse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
                    return (mask & (1UL << (signalNumber - 1))) != 0;
                }
            }
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            // Not Linux, or no /proc: handle the signal as before.
        }

        return false;
    }

    private static void OnInterrupt(PosixSignalContext context)
    {
        AtomicFile.AbandonAll();
        try
        {
            Console.Error.WriteLine($"conflictmodel: interrupted ({context.Signal})");
        }
        catch (System.IO.IOException)
        {
            // Standard error is gone too: nothing more to say.
        }

        // Not cancelled: the default action ends the process.
    }
}

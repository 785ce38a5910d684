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
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnInterrupt);
        TestHooks.SignalHandlersInstalled();
        return CommandLineApp.Run(args, CliConsole.FromSystem());
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

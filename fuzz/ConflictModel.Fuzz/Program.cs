using System;
using System.IO;
using ConflictModel.Fuzzing;

namespace ConflictModel.Fuzz;

/// <summary>The afl-fuzz entry point: <c>dotnet ConflictModel.Fuzz.dll TARGET</c>, or <c>--replay TARGET FILE...</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--replay")
        {
            // Runs files through a target outside afl, letting any exception surface with its stack trace.
            Action<byte[]> replay = FuzzTargets.Get(args[1]) ?? throw new ArgumentException("Unknown target " + args[1]);
            foreach (string path in args.AsSpan(2))
            {
                Console.WriteLine(path);
                replay(File.ReadAllBytes(path));
            }

            return 0;
        }

        if (args.Length != 1 || FuzzTargets.Get(args[0]) is not { } target)
        {
            Console.Error.WriteLine("usage: ConflictModel.Fuzz TARGET   (under afl-fuzz), TARGET one of: " + string.Join(", ", FuzzTargets.Names));
            Console.Error.WriteLine("       ConflictModel.Fuzz --replay TARGET FILE...");
            return 2;
        }

        // Out of process: a stack overflow or an abort in the target is seen as a crash instead of killing the harness.
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }
}

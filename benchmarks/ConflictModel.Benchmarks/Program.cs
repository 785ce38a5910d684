using System;
using System.Globalization;
using ConflictModel.Benchmarks.Data;

namespace ConflictModel.Benchmarks;

internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "calibrate")
        {
            return Calibration.Run(Console.Out);
        }

        if (args.Length > 0 && args[0] == "generate")
        {
            foreach (string size in args[1..])
            {
                DataFiles.Ensure(int.Parse(size, CultureInfo.InvariantCulture), Console.Out);
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "verify")
        {
            foreach (string size in args[1..])
            {
                int records = int.Parse(size, CultureInfo.InvariantCulture);
                DataFiles.Ensure(records, Console.Out);
                byte[] lines = System.IO.File.ReadAllBytes(DataFiles.JsonLinesPath(records));
                Readers.Verification.CheckLines(lines, int.MaxValue);
                Readers.Verification.CheckDocument(System.IO.File.ReadAllBytes(DataFiles.DocumentPath(records)), lines);
                Console.WriteLine($"verified {records}");
            }

            return 0;
        }

        return 0;
    }
}

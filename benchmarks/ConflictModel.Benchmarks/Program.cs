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

        return 0;
    }
}

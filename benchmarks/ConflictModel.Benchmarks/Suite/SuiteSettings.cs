using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ConflictModel.Benchmarks.Suite;

/// <summary>
/// The dataset sizes the benchmarks run on, from CONFLICTMODEL_BENCH_SIZES (comma-separated record counts), which
/// the program sets before BenchmarkDotNet starts so that every benchmark process sees the same sizes.
/// </summary>
public static class SuiteSettings
{
    public const string SizesVariable = "CONFLICTMODEL_BENCH_SIZES";

    public static readonly int[] FullSizes = [1_000, 100_000, 1_000_000];

    public static readonly int[] QuickSizes = [1_000];

    public static IReadOnlyList<int> Sizes => Environment.GetEnvironmentVariable(SizesVariable) is { Length: > 0 } text
        ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray()
        : FullSizes;

    public static int Largest => Sizes.Max();
}

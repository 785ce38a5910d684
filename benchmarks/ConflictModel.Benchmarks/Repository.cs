using System;
using System.IO;

namespace ConflictModel.Benchmarks;

/// <summary>Paths in the repository the benchmarks run from (BenchmarkDotNet runs them from a generated folder below it).</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "ConflictModel.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No ConflictModel.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}

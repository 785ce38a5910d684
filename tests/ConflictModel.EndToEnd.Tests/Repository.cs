using System;
using System.IO;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The built tool, next to the test assembly (the project references it).</summary>
    public static string ToolDll => System.IO.Path.Combine(AppContext.BaseDirectory, "ConflictModel.Cli.dll");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ConflictModel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ConflictModel.sln above {AppContext.BaseDirectory}.");
    }
}

using System;
using System.IO;

namespace ConflictModel.Tests;

/// <summary>The repository the tests run from: found from the test assembly's folder, not [CallerFilePath], because
/// builds map source paths to /_/ (Directory.Build.props).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConflictModel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ConflictModel.sln above {AppContext.BaseDirectory}.");
    }
}

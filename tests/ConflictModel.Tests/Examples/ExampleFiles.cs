using System;
using System.IO;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Examples;

/// <summary>
/// The example datasets in <c>examples/</c>, as the test project copies them to its output folder, and the way to
/// regenerate them: run the example tests with <c>CONFLICTMODEL_REGENERATE_EXAMPLES=1</c>
/// (<c>CONFLICTMODEL_REGENERATE_EXAMPLES=1 dotnet test tests/ConflictModel.Tests --filter "FullyQualifiedName~Examples"</c>),
/// review the diff of <c>examples/</c>, then run the tests again without the variable.
/// </summary>
internal static class ExampleFiles
{
    /// <summary>The environment variable that makes <see cref="ExampleFilesTests"/> write the files instead of comparing them.</summary>
    public const string RegenerateVariable = "CONFLICTMODEL_REGENERATE_EXAMPLES";

    /// <summary>Gets whether the variable asks for the files to be written: its value is exactly <c>1</c>.</summary>
    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    /// <summary>Gets the path of an example as copied to the test output folder.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The path.</returns>
    public static string OutputPath(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    /// <summary>Gets the path of an example in the repository's <c>examples/</c> folder, found above the test output folder.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The path.</returns>
    public static string RepositoryPath(string name)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConflictModel.sln")))
            {
                return Path.Combine(directory.FullName, "examples", name);
            }
        }

        throw new InvalidOperationException($"No ConflictModel.sln above {AppContext.BaseDirectory}: cannot find the repository's examples folder.");
    }

    /// <summary>Reads an example's bytes from the test output folder.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadBytes(string name) => File.ReadAllBytes(OutputPath(name));

    /// <summary>Loads an example from the test output folder: JSON Lines for <c>.jsonl</c>, else a JSON document.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The dataset.</returns>
    public static Dataset Load(string name)
    {
        if (name.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            using FileStream stream = File.OpenRead(OutputPath(name));
            return ConflictJsonSerializer.DeserializeLines(stream);
        }

        return ConflictJsonSerializer.Deserialize(ReadBytes(name));
    }
}

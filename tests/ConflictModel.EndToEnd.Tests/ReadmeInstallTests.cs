using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The README's install instructions, run as written on a clone of the commit under test: the first block packs the
/// solution to a folder and installs the tool from it (with empty NuGet and tool folders of the test's own, so nothing
/// cached on this machine stands in for what the commands make), the second adds the packages to a fresh project from
/// that folder, which then builds (validating its dataset through ConflictModel.Build) and runs.
/// </summary>
public sealed class ReadmeInstallTests : IDisposable
{
    private const string CloneLine = "git clone https://github.com/conflictmodel/conflictmodel.git && cd conflictmodel";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-readme-").FullName;

    [Fact]
    public void InstallCommands_WorkOnAFreshClone()
    {
        (string install, string project) = InstallBlocks();

        // The clone comes from this repository, at the commit under test, instead of from GitHub (the test is offline).
        Assert.StartsWith(CloneLine + "\n", install, StringComparison.Ordinal);
        string commit = Git(Repository.Root, "rev-parse", "HEAD").Trim();
        string script = $"git clone --quiet '{Repository.Root}' conflictmodel && cd conflictmodel && git checkout --quiet {commit}\n" + install[(CloneLine.Length + 1)..];

        string home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = home, // where --global puts tools: $DOTNET_CLI_HOME/.dotnet/tools
            ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_folder, "packages")).FullName,
            ["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };

        ProcessResult installed = ProcessRunner.Run("bash", ["-euo", "pipefail", "-c", script], _folder, timeout: ProcessRunner.BuildTimeout, environment: environment);
        Assert.True(installed.ExitCode == 0, installed.ToString());
        Assert.Contains("9 file(s), 473 record(s): 0 error(s), 0 warning(s), 5 info(s)", installed.Output, StringComparison.Ordinal);
        string artifacts = Path.Combine(_folder, "conflictmodel", "artifacts");
        Assert.True(File.Exists(Path.Combine(artifacts, "ConflictModel.Build.1.0.0.nupkg")), string.Join('\n', Directory.GetFiles(artifacts)));

        // A project of the user's: a dataset for ConflictModel.Build to validate, and a program using the library.
        string consumer = Directory.CreateDirectory(Path.Combine(_folder, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ConflictDataset Include="data/*.jsonl" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using ConflictModel.Serialization;

            using FileStream lines = File.OpenRead(args[0]);
            Console.WriteLine($"{ConflictJsonSerializer.DeserializeLines(lines).RecordCount} records");
            """);
        Directory.CreateDirectory(Path.Combine(consumer, "data"));
        File.Copy(Repository.Path("examples", "seed-merged.jsonl"), Path.Combine(consumer, "data", "seed-merged.jsonl"));

        ProcessResult added = ProcessRunner.Run("bash", ["-euo", "pipefail", "-c", project.Replace("/path/to/conflictmodel/artifacts", artifacts, StringComparison.Ordinal)], consumer, timeout: ProcessRunner.BuildTimeout, environment: environment);
        Assert.True(added.ExitCode == 0, added.ToString());

        ProcessResult built = ProcessRunner.Run("dotnet", ["build", "-v:n", "-nodeReuse:false"], consumer, timeout: ProcessRunner.BuildTimeout, environment: environment);
        Assert.True(built.ExitCode == 0, built.ToString());
        Assert.Contains("1 file(s), 75 record(s): 0 error(s), 0 warning(s), 1 info(s)", built.Output, StringComparison.Ordinal);

        ProcessResult run = ProcessRunner.Run("dotnet", ["run", "--no-build", "--", "data/seed-merged.jsonl"], consumer, timeout: ProcessRunner.BuildTimeout, environment: environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("75 records\n", run.Output.ReplaceLineEndings("\n"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The two <c>sh</c> blocks of the README's Install section, as written.</summary>
    private static (string Install, string Project) InstallBlocks()
    {
        string readme = File.ReadAllText(Repository.Path("README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("\n## Install\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no Install section");
        int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        string text = readme[section..end];
        List<string> blocks = [];
        for (int start = text.IndexOf("```sh\n", StringComparison.Ordinal); start >= 0; start = text.IndexOf("```sh\n", start, StringComparison.Ordinal))
        {
            start += "```sh\n".Length;
            int close = text.IndexOf("```\n", start, StringComparison.Ordinal);
            blocks.Add(text[start..close]);
            start = close + 4;
        }

        Assert.Equal(2, blocks.Count);
        return (blocks[0], blocks[1]);
    }

    private static string Git(string folder, params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run("git", ["-C", folder, .. arguments], folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }
}

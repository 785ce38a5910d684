using System;
using System.IO;
using System.Threading;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The npm tools the end-to-end tests use, installed once per run with <c>npm ci</c> from the committed lock file
/// (so versions are pinned to the byte), into <c>node/node_modules</c> (ignored by git).
/// </summary>
public sealed class NodeTools
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public NodeTools()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                Install();
                _installed = true;
            }
        }
    }

    internal static string Folder => Repository.Path("tests", "ConflictModel.EndToEnd.Tests", "node");

    internal ProcessResult Node(params string[] arguments) => ProcessRunner.Run("node", arguments, Folder, timeout: ProcessRunner.DefaultTimeout);

    internal ProcessResult SarifMultitool(params string[] arguments)
        => ProcessRunner.Run(Path.Combine(Folder, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"), arguments, Folder, timeout: ProcessRunner.DefaultTimeout);

    private static void Install()
    {
        // Scripts stay off; the only one in the tree marks the multitool executable, which is done here instead.
        ProcessResult result = ProcessRunner.Run("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], Folder, timeout: ProcessRunner.BuildTimeout);
        Assert.True(result.ExitCode == 0, $"npm ci failed in {Folder}:\n{result}");
        string multitool = Path.Combine(Folder, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(multitool, File.GetUnixFileMode(multitool) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NodeToolsGroup : ICollectionFixture<NodeTools>
{
    public const string Name = "npm tools";
}

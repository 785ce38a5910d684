using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The command line catches the mistakes a new user makes, the tool run as a process: unknown options and commands
/// with "did you mean", no dataset found, --exclude, files git ignores, build output never read, and exit code 3 with
/// the stack trace only under --verbose.
/// </summary>
public sealed class CommandLineMistakeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-cli-").FullName;

    [Fact]
    public void UnknownOption_IsNotTakenForAFile_AndGetsASuggestion()
    {
        Write("data/a.jsonl", ValidLines("a"));
        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "data", "--fromat", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            "conflictmodel: unknown option '--fromat' for 'conflictmodel validate'; did you mean '--format'?\nRun 'conflictmodel validate --help' for usage.\n",
            result.Error);

        // A value that starts with '-' is a value, not an option.
        ProcessResult toStdout = ProcessRunner.Tool(_folder, "validate", "data", "-o", "-", "--max-diagnostics=3");
        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
    }

    [Fact]
    public void UnknownCommand_GetsASuggestion()
    {
        ProcessResult result = ProcessRunner.Tool(_folder, "valdate", "data");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("conflictmodel: unknown command 'valdate'; did you mean 'validate'?\n", result.Error, StringComparison.Ordinal);

        ProcessResult far = ProcessRunner.Tool(_folder, "frobnicate");
        Assert.Equal(2, far.ExitCode);
        Assert.StartsWith("conflictmodel: unknown command 'frobnicate'\n", far.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDatasetFound_ExitsTwo_UnlessAllowed()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
        ProcessResult empty = ProcessRunner.Tool(_folder, "validate", "empty");
        Assert.Equal(2, empty.ExitCode);
        Assert.Equal(string.Empty, empty.Output);
        Assert.Equal("conflictmodel: no dataset found in 'empty' (looked for *.json, *.jsonl, *.ndjson and their .gz, outside hidden, bin, obj, node_modules and git-ignored folders); --allow-empty to accept that\n", empty.Error);

        ProcessResult allowed = ProcessRunner.Tool(_folder, "validate", "empty", "--allow-empty");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal("0 file(s), 0 record(s): 0 error(s), 0 warning(s), 0 info(s)\n", allowed.Output);
    }

    [Fact]
    public void BuildOutputAndToolingFolders_AreNeverRead_ExcludeLeavesOutMore()
    {
        Write("data/a.jsonl", ValidLines("a"));
        Write("data/old/b.jsonl", ValidLines("b"));
        Write("data/draft-c.jsonl", ValidLines("c"));
        foreach (string folder in new[] { "bin/Debug/net10.0", "obj", "node_modules/x", ".git/x", "src/Project/bin/Release" })
        {
            Write($"{folder}/Tool.deps.json", """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"}}""");
        }

        ProcessResult all = ProcessRunner.Tool(_folder, "validate", ".", "--format", "json");
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(["data/a.jsonl", "data/draft-c.jsonl", "data/old/b.jsonl"], Files(all));

        ProcessResult excluded = ProcessRunner.Tool(_folder, "validate", ".", "--format", "json", "--exclude", "data/old/", "--exclude", "draft-*.jsonl");
        Assert.True(excluded.ExitCode == 0, excluded.ToString());
        Assert.Equal(["data/a.jsonl"], Files(excluded));

        // A file named on the command line is read, whatever the filters.
        ProcessResult named = ProcessRunner.Tool(_folder, "validate", "data/old/b.jsonl", "--format", "json", "--exclude", "data/old/");
        Assert.Equal(["data/old/b.jsonl"], Files(named));
    }

    [Fact]
    public void FilesGitIgnores_AreLeftOut_UnlessNoIgnore()
    {
        Write("data/a.jsonl", ValidLines("a"));
        Write("data/generated/big.jsonl", ValidLines("g"));
        Write("data/scratch.jsonl", ValidLines("s"));
        Write("data/keep-scratch.jsonl", ValidLines("k"));
        Write("nested/deep/x.json.gz.jsonl", ValidLines("x"));
        Write(".gitignore", "generated/\n*scratch.jsonl\n!keep-scratch.jsonl\n/nested/deep/\n");
        Git("init", "--quiet");

        ProcessResult honoured = ProcessRunner.Tool(_folder, "validate", ".", "--format", "json");
        Assert.True(honoured.ExitCode == 0, honoured.ToString());
        Assert.Equal(["data/a.jsonl", "data/keep-scratch.jsonl"], Files(honoured));

        ProcessResult everything = ProcessRunner.Tool(_folder, "validate", ".", "--format", "json", "--no-ignore");
        Assert.Equal(5, Files(everything).Length);
    }

    [Fact]
    public void InternalError_ExitsThree_WithTheStackTraceOnlyUnderVerbose()
    {
        Write("data/a.jsonl", ValidLines("a"));
        var crash = new Dictionary<string, string?> { ["CONFLICTMODEL_DEBUG_CRASH"] = "1" };

        ProcessResult quiet = ProcessRunner.Run("dotnet", [Repository.ToolDll, "validate", "data"], _folder, environment: crash);
        Assert.Equal(3, quiet.ExitCode);
        Assert.Equal(
            "conflictmodel: internal error (InvalidOperationException): crash requested by CONFLICTMODEL_DEBUG_CRASH\nThis is a bug in conflictmodel; run again with --verbose for the stack trace, and report it.\n",
            quiet.Error);

        ProcessResult verbose = ProcessRunner.Run("dotnet", [Repository.ToolDll, "validate", "data", "--verbose"], _folder, environment: crash);
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("   at ConflictModel.Cli.CommandLineApp.Run(", verbose.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ValidLines(string actor)
        => $"{{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{{\"title\":\"t\"}}}}\n{{\"type\":\"actor\",\"id\":\"{actor}\",\"name\":\"A\",\"kind\":\"group\"}}\n";

    private static string[] Files(ProcessResult result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        return [.. document.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)];
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Git(params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run("git", arguments, _folder);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

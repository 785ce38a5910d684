using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>conflictmodel validate</c> run as a process against a hostile file system and a hostile caller: unreadable
/// files and folders, broken links, a closed standard output, Ctrl-C and SIGTERM in the middle of a run.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliRobustnessTests : IDisposable
{
    private const string Valid = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"state"}]}""";

    /// <summary>The summary line's start when only the one valid file was validated.</summary>
    private const string Summary = "1 file(s), 1 record(s): 0 error(s), 0 warning(s), ";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-robust-").FullName;

    [Fact]
    public void BrokenSymlink_IsOneLineNamingItAndTheOtherFilesAreStillValidated()
    {
        File.WriteAllText(Path.Combine(_folder, "good.json"), Valid);
        File.CreateSymbolicLink(Path.Combine(_folder, "broken.json"), "nowhere.json");

        foreach (string[] arguments in new[] { new[] { "validate", "broken.json", "good.json" }, ["validate", "."] })
        {
            ProcessResult result = ProcessRunner.Tool(_folder, arguments);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Equal("conflictmodel: broken.json: broken symbolic link to 'nowhere.json'\n", result.Error);
            Assert.Contains(Summary, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingFile_AmongOthers_IsOneLineAndTheOthersAreStillValidated()
    {
        File.WriteAllText(Path.Combine(_folder, "good.json"), Valid);

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "missing.json", "good.json", "--format", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("conflictmodel: missing.json: no such file or directory\n", result.Error);
        Assert.Contains("good.json", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SocketNamedLikeADataset_CannotBeOpenedEvenByRoot_IsOneLineAndTheOthersAreStillValidated()
    {
        // A Unix socket cannot be opened for reading (ENXIO) whoever runs the tool, so this case needs no other user.
        File.WriteAllText(Path.Combine(_folder, "good.json"), Valid);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_folder, "socket.json")));

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", ".");

        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("conflictmodel: socket.json: cannot read: ", line, StringComparison.Ordinal);
        Assert.Contains(Summary, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFileAndFolder_AreOneLineEachAndTheOthersAreStillValidated()
    {
        // chmod 000 does not stop root: as root the tool runs as nobody (setpriv), as anyone else it runs as itself.
        bool root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        string? setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        if (root && setpriv is null)
        {
            return; // root without setpriv has no way to lose the permission to read; the socket test still runs
        }

        Directory.CreateDirectory(Path.Combine(_folder, "ok"));
        Directory.CreateDirectory(Path.Combine(_folder, "locked"));
        File.WriteAllText(Path.Combine(_folder, "ok", "good.json"), Valid);
        File.WriteAllText(Path.Combine(_folder, "locked", "hidden.json"), Valid);
        File.WriteAllText(Path.Combine(_folder, "secret.json"), Valid);
        File.SetUnixFileMode(Path.Combine(_folder, "locked"), UnixFileMode.None);
        File.SetUnixFileMode(Path.Combine(_folder, "secret.json"), UnixFileMode.None);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(_folder, "ok"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(_folder, "ok", "good.json"), (UnixFileMode)0b110_100_100);
        // nobody may not be able to reach the build output (a fresh clone under a private temporary folder): give it a
        // copy of the tool in a folder it can read, and a home for the dotnet host.
        string? toolCopy = root ? CopyToolForNobody() : null;
        try
        {
            ProcessResult result = root
                ? ProcessRunner.Run(setpriv!, ["--reuid=65534", "--regid=65534", "--clear-groups", "env", "DOTNET_CLI_HOME=" + toolCopy, "DOTNET_NOLOGO=1", "dotnet", Path.Combine(toolCopy!, Path.GetFileName(Repository.ToolDll)), "validate", "."], _folder)
                : ProcessRunner.Tool(_folder, "validate", ".");

            Assert.True(result.ExitCode == 2, result.ToString());
            string[] errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, errors.Length);
            Assert.StartsWith("conflictmodel: locked: cannot list this directory: ", errors[0], StringComparison.Ordinal);
            Assert.StartsWith("conflictmodel: secret.json: cannot read: ", errors[1], StringComparison.Ordinal);
            Assert.Contains(Summary, result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(_folder, "locked"), (UnixFileMode)0b111_000_000);
            if (toolCopy is not null)
            {
                Directory.Delete(toolCopy, recursive: true);
            }
        }
    }

    private static string CopyToolForNobody()
    {
        string source = Path.GetDirectoryName(Repository.ToolDll)!;
        string target = Path.Combine("/tmp", $"conflictmodel-tool-{Guid.NewGuid():N}");
        foreach (string directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, directory));
            Directory.CreateDirectory(copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b111_111_111);
        }

        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
        }

        return target;
    }

    [Fact]
    public void ClosedStandardOutput_EndsQuietlyWithTheDataExitCode()
    {
        // Ten thousand diagnostics: far more than a pipe holds, so writing meets the closed pipe.
        string big = WriteBrokenLines("broken.jsonl", 20_000);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (string argument in new[] { Repository.ToolDll, "validate", big })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        process.StandardOutput.Close(); // `conflictmodel validate … | head -c 0`
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the tool hung on a closed standard output");

        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Equal(1, process.ExitCode);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Signal_MidRun_LeavesThePreviousReportAndNoTemporaryFile(string signal, int exitCode)
    {
        string big = WriteBrokenLines("big.jsonl", 150_000);
        string sarif = Path.Combine(_folder, "report.sarif");
        File.WriteAllText(sarif, "previous complete report");

        // Interrupt at several points of the run: early, while reading, and about when the report is written.
        ProcessResult full = Timed(() => ProcessRunner.Tool(_folder, "validate", big, "--format", "sarif", "-o", "full.sarif"), out TimeSpan duration);
        Assert.True(full.ExitCode == 1, full.ToString());
        foreach (double fraction in new[] { 0.2, 0.6, 0.9 })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
            foreach (string argument in new[] { Repository.ToolDll, "validate", big, "--format", "sarif", "-o", sarif })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Thread.Sleep(duration * fraction);
            bool finished = process.HasExited;
            using (Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                kill.WaitForExit();
            }

            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            string error = process.StandardError.ReadToEnd();
            string content = File.ReadAllText(sarif);
            if (process.ExitCode == exitCode)
            {
                // Interrupted: the previous report is untouched, or (signal during the rename) the new one is complete.
                Assert.True(content == "previous complete report" || content == File.ReadAllText(Path.Combine(_folder, "full.sarif")), $"at {fraction}: a partial report");
                Assert.Equal($"conflictmodel: interrupted (SIG{signal})\n", error);
            }
            else
            {
                // The run finished before the signal arrived: the report is the complete new one.
                Assert.True(finished || process.ExitCode == 1, $"at {fraction}: exit {process.ExitCode}\n{error}");
                Assert.Equal(File.ReadAllText(Path.Combine(_folder, "full.sarif")), content);
                File.WriteAllText(sarif, "previous complete report");
            }

            Assert.Empty(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        }
    }

    public void Dispose()
    {
        foreach (string directory in Directory.GetDirectories(_folder))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_000_000);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static T Timed<T>(Func<T> run, out TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        T result = run();
        duration = watch.Elapsed;
        return result;
    }

    /// <summary>A JSON Lines file of actors of an unknown kind: one error (CM0009) a line.</summary>
    private string WriteBrokenLines(string name, int lines)
    {
        string path = Path.Combine(_folder, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"big\"}}\n");
        for (int i = 0; i < lines; i++)
        {
            writer.Write($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i}\",\"kind\":\"empire\"}}\n");
        }

        return name;
    }
}

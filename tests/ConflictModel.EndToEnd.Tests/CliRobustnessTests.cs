using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
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
        using RunningProcess process = RunningProcess.Start("dotnet", [Repository.ToolDll, "validate", big], _folder, closeStandardOutput: true); // `conflictmodel validate … | head -c 0`
        ProcessResult result = process.WaitForExit(ProcessRunner.DefaultTimeout);

        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
        Assert.True(result.ExitCode == 1, result.ToString());
    }

    // The signal tests wait for the tool's readiness lines (TestHooks, under CONFLICTMODEL_TEST_HOOKS=1) instead of
    // sleeping, and hold the tool where the signal must land (CONFLICTMODEL_TEST_PAUSE_*), so the signal arrives at the
    // same point of the run however slow the machine is. What they assert is the promise: the exit code of the signal,
    // the previous report untouched, no temporary file; and the "interrupted" line once the handlers are in place.

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Signal_ImmediatelyAfterStart_LeavesThePreviousReportAndNoTemporaryFile(string signal, int exitCode)
    {
        // No wait at all: the signal reaches the process while the runtime starts, before the tool's handlers (the
        // dotnet host takes tens of milliseconds to reach Main), or, on a machine slow enough, soon after.
        (string input, string report) = PrepareRun();
        using RunningProcess process = StartValidate(input, report, new() { ["CONFLICTMODEL_TEST_PAUSE_WRITE_MS"] = HoldMilliseconds });
        (ProcessResult result, string ended) = Deliver(process, signal, continuesTo: Hook + "writing ");

        AssertInterrupted(result, ended, ended == signal ? exitCode : 143, report);
        string[] said = ToolLines(result.Error);
        Assert.True(said.Length == 0 || (said.Length == 1 && said[0] == Interrupted(ended)), result.ToString());
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Signal_BeforeTheHandlersAreInstalled_EndsTheRunAndLeavesThePreviousReportAndNoTemporaryFile(string signal, int exitCode)
    {
        // The tool is held just before it installs its handlers, so the signal surely comes first: it ends the process
        // by its default action, before anything was opened.
        (string input, string report) = PrepareRun();
        using RunningProcess process = StartValidate(input, report, new() { ["CONFLICTMODEL_TEST_PAUSE_BEFORE_HANDLERS_MS"] = signal == "INT" && InterruptIgnored ? ShortPauseMilliseconds : HoldMilliseconds, ["CONFLICTMODEL_TEST_PAUSE_WRITE_MS"] = HoldMilliseconds });
        process.WaitForErrorLine(Hook + "started", ReadinessTimeout);
        (ProcessResult result, string ended) = Deliver(process, signal, continuesTo: Hook + "signal handlers installed");

        AssertInterrupted(result, ended, ended == signal ? exitCode : 143, report);
        if (ended == signal)
        {
            Assert.DoesNotContain(Hook + "signal handlers installed", result.Error, StringComparison.Ordinal);
            Assert.True(ToolLines(result.Error).Length == 0, result.ToString());
        }
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Signal_WhileValidating_LeavesThePreviousReportAndNoTemporaryFile(string signal, int exitCode)
    {
        // Sent as soon as the handlers are in place, while the input is read and validated; the report's write is held
        // for minutes, so the run cannot have finished first.
        (string input, string report) = PrepareRun();
        using RunningProcess process = StartValidate(input, report, new() { ["CONFLICTMODEL_TEST_PAUSE_WRITE_MS"] = HoldMilliseconds });
        process.WaitForErrorLine(Hook + "signal handlers installed", ReadinessTimeout);
        (ProcessResult result, string ended) = Deliver(process, signal, continuesTo: Hook + "writing ");

        AssertInterrupted(result, ended, ended == signal ? exitCode : 143, report);
        Assert.True(ToolLines(result.Error).SequenceEqual([Interrupted(ended)]), result.ToString());
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Signal_WhileWritingTheReport_LeavesThePreviousReportAndNoTemporaryFile(string signal, int exitCode)
    {
        // The tool says when the first chunk of the report is in its temporary file, and holds there: the signal lands
        // in the middle of the write.
        (string input, string report) = PrepareRun();
        using RunningProcess process = StartValidate(input, report, new() { ["CONFLICTMODEL_TEST_PAUSE_WRITE_MS"] = HoldMilliseconds });
        string writing = WaitForWriting(process);
        string temporary = Assert.Single(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        Assert.True(new FileInfo(temporary).Length > 0 && writing.Contains(Path.GetFileName(temporary), StringComparison.Ordinal), $"{writing}: {temporary}");
        (ProcessResult result, string ended) = Deliver(process, signal, continuesTo: null);

        AssertInterrupted(result, ended, ended == signal ? exitCode : 143, report);
        Assert.True(ToolLines(result.Error).SequenceEqual([Interrupted(ended)]), result.ToString());
    }

    [Fact]
    public void ReadinessHooks_OnACompleteRun_SayEachPointOnceAndChangeNothingElse()
    {
        // The hooks the signal tests rely on: each line comes, in order, and the run is otherwise the same as without them.
        (string input, string report) = PrepareRun();
        using RunningProcess process = StartValidate(input, report, []);
        ProcessResult hooked = process.WaitForExit(ProcessRunner.DefaultTimeout);
        string withHooks = File.ReadAllText(report);
        ProcessResult plain = ProcessRunner.Tool(_folder, "validate", input, "--format", "sarif", "-o", report);

        Assert.True(hooked.ExitCode == 1 && plain.ExitCode == 1, $"{hooked}\n{plain}");
        string[] lines = hooked.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(Hook + "started", lines[0]);
        Assert.Equal(Hook + "signal handlers installed", lines[1]);
        Assert.Matches(@"^conflictmodel-test: writing \.report\.sarif\.[0-9]+\.tmp \([0-9]+ bytes\)$", lines[2]);
        Assert.Equal(string.Empty, plain.Error);
        Assert.Equal(File.ReadAllText(report), withHooks);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    public void Dispose()
    {
        foreach (string directory in Directory.GetDirectories(_folder))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_000_000);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private const string Hook = "conflictmodel-test: ";

    private const string PreviousReport = "previous complete report";

    /// <summary>How long the tool is held where the signal must land: far longer than any test waits for it.</summary>
    private const string HoldMilliseconds = "600000";

    /// <summary>The pause before the handlers when the signal is to be ignored: the tool must then go on.</summary>
    private const string ShortPauseMilliseconds = "5000";

    /// <summary>How long a readiness line may take to come: generous, so that only a hang reaches it.</summary>
    private static readonly TimeSpan ReadinessTimeout = ProcessRunner.DefaultTimeout;

    private static string Interrupted(string signal) => $"conflictmodel: interrupted (SIG{signal})";

    /// <summary>The lines of standard error that are the tool's own, not the test hooks' readiness lines.</summary>
    private static string[] ToolLines(string error)
        => error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(Hook, StringComparison.Ordinal)).ToArray();

    /// <summary>An input whose SARIF report is several chunks long (so "mid-write" is mid-write) and a previous report.</summary>
    private (string Input, string Report) PrepareRun()
    {
        string input = WriteBrokenLines("big.jsonl", 5_000);
        string report = Path.Combine(_folder, "report.sarif");
        File.WriteAllText(report, PreviousReport);
        return (input, report);
    }

    private RunningProcess StartValidate(string input, string report, Dictionary<string, string?> environment)
    {
        environment["CONFLICTMODEL_TEST_HOOKS"] = "1";
        return RunningProcess.Start("dotnet", [Repository.ToolDll, "validate", input, "--format", "sarif", "-o", report], _folder, environment);
    }

    /// <summary>Waits for the line saying the first chunk of the report is in its temporary file, and returns it.</summary>
    private static string WaitForWriting(RunningProcess process)
        => process.WaitForErrorLine(l => l.StartsWith(Hook + "writing ", StringComparison.Ordinal), "the report's write to start", ReadinessTimeout);

    /// <summary>
    /// Whether the tool starts with SIGINT ignored: it inherits that from this test process when this process ignores it
    /// (a background job of a non-interactive shell, as CI scripts start it; a handler would be reset to the default).
    /// Seen in a stressed CI run: SIGINT sent at once was ignored, and the run went on until the test's time limit.
    /// </summary>
    private static readonly bool InterruptIgnored = File.ReadLines("/proc/self/status")
        .Where(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
        .Select(l => (ulong.Parse(l.AsSpan(7).Trim(), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture) & 0b10) != 0)
        .FirstOrDefault();

    /// <summary>
    /// Sends <paramref name="signal"/> and waits for the end of the run; returns the result and the signal that ended it.
    /// When the tool started with SIGINT ignored it must keep ignoring it (as a program run under nohup does): the test
    /// then waits for the tool to reach <paramref name="continuesTo"/> (so it did go on), and ends it with SIGTERM.
    /// </summary>
    private static (ProcessResult Result, string Ended) Deliver(RunningProcess process, string signal, string? continuesTo)
    {
        process.Signal(signal);
        if (signal != "INT" || !InterruptIgnored)
        {
            return (process.WaitForExit(ProcessRunner.DefaultTimeout), signal);
        }

        if (continuesTo is not null)
        {
            process.WaitForErrorLine(l => l.StartsWith(continuesTo, StringComparison.Ordinal), $"'{continuesTo}…' after an ignored SIGINT", ReadinessTimeout);
        }

        process.Signal("TERM");
        return (process.WaitForExit(ProcessRunner.DefaultTimeout), "TERM");
    }

    private void AssertInterrupted(ProcessResult result, string signal, int exitCode, string report)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode} (SIG{signal}):\n{result}");
        Assert.True(File.ReadAllText(report) == PreviousReport, $"the previous report was replaced:\n{result}");
        Assert.True(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Length == 0, $"a temporary file was left:\n{result}");
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
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

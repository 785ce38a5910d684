using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The tool's temporary files (the spool of standard input, the temporary file of an <c>--output</c>) are never left
/// behind: not on SIGTERM or SIGINT, not after a crash (a leftover of a process that is gone is removed when the tool
/// next starts), and another user's files or a running process's files are never removed. Each test gives the tool its
/// own temporary folder (<c>TMPDIR</c>).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TemporaryFileTests : IDisposable
{
    /// <summary>A process id no process has (above Linux's largest pid_max).</summary>
    private const int GonePid = 2_147_483_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-temp-").FullName;
    private readonly string _temp;

    public TemporaryFileTests()
    {
        _temp = Path.Combine(_folder, "tmp");
        Directory.CreateDirectory(_temp);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void StandardInput_KilledWhileSpooling_LeavesNoSpoolFile(string signal, int exitCode)
    {
        string input = Path.Combine(_folder, "big.jsonl");
        WriteLines(input, 300_000);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (string argument in new[] { Repository.ToolDll, "validate", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = _temp;
        using Process process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        using (FileStream source = File.OpenRead(input))
        {
            // Feed half the input, then wait until the spool exists: the tool is mid-run, holding it.
            byte[] buffer = new byte[1 << 16];
            long half = source.Length / 2;
            while (source.Position < half)
            {
                int read = source.Read(buffer);
                process.StandardInput.BaseStream.Write(buffer, 0, read);
            }

            process.StandardInput.BaseStream.Flush();
            var wait = Stopwatch.StartNew();
            while (!SpoolOpen(process.Id) && wait.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(50);
            }

            Assert.True(SpoolOpen(process.Id), "the tool never opened its spool");
            Signal(process.Id, signal);
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(exitCode, process.ExitCode);
        // Only the tool's own files: the .NET runtime leaves its diagnostic sockets (dotnet-diagnostic-*) on a signal.
        Assert.Empty(Directory.GetFiles(_temp, "conflictmodel-*"));
    }

    [Fact]
    public void StaleFiles_OfAProcessThatIsGone_AreRemovedAtStartUp_OthersAreKept()
    {
        string gone = Path.Combine(_temp, $"conflictmodel-{GonePid}-0123456789abcdef0123456789abcdef.spool");
        string goneStaging = Path.Combine(_temp, $"conflictmodel-{GonePid}-fedcba9876543210fedcba9876543210.tmp");
        string running = Path.Combine(_temp, $"conflictmodel-{Environment.ProcessId}-0123456789abcdef0123456789abcdef.spool");
        string oldStyle = Path.Combine(_temp, "conflictmodel-0123456789abcdef0123456789abcdef.spool");
        string notOurs = Path.Combine(_temp, $"conflictmodel-{GonePid}-00000000000000000000000000000000.spool");
        string unrelated = Path.Combine(_temp, $"other-{GonePid}-1.spool");
        foreach (string file in new[] { gone, goneStaging, running, oldStyle, notOurs, unrelated })
        {
            File.WriteAllText(file, "left behind");
        }

        bool root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        if (root)
        {
            // Another user's leftover: root could delete it, but it is not the tool's to delete.
            ProcessRunner.Run("chown", ["65534:65534", notOurs]);
        }

        File.WriteAllText(Path.Combine(_folder, "good.json"), """{"formatVersion":"1.0","info":{"title":"t"}}""");
        File.WriteAllText(Path.Combine(_folder, "report.sarif"), "old");
        string staleOutput = Path.Combine(_folder, $".report.sarif.{GonePid}.tmp");
        string liveOutput = Path.Combine(_folder, $".report.sarif.{Environment.ProcessId}.tmp");
        File.WriteAllText(staleOutput, "partial");
        File.WriteAllText(liveOutput, "being written");

        ProcessResult result = RunTool("validate", "good.json", "--format", "sarif", "-o", "report.sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(gone));
        Assert.False(File.Exists(goneStaging));
        Assert.False(File.Exists(staleOutput));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(liveOutput));
        Assert.True(File.Exists(oldStyle));
        Assert.True(File.Exists(unrelated));
        Assert.Equal(root, File.Exists(notOurs));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ProcessResult RunTool(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        string[] all = [Repository.ToolDll, .. arguments];
        foreach (string argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = _temp;
        using Process process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        return new ProcessResult(process.ExitCode, output.Result, error);
    }

    /// <summary>Whether the process holds a spool file open (its name may already be gone from the folder).</summary>
    private static bool SpoolOpen(int pid)
    {
        try
        {
            foreach (string fd in Directory.GetFiles($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.Contains(".spool", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return false;
    }

    private static void Signal(int pid, string signal)
    {
        using Process kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private static void WriteLines(string path, int lines)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"big\"}}\n");
        for (int i = 0; i < lines; i++)
        {
            writer.Write($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i}\",\"kind\":\"state\"}}\n");
        }
    }
}

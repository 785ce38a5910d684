using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>--output</c> aimed at files that are not plain files of ours: device nodes, a FIFO, a symbolic link, a file of
/// mode 600 or of another owner, a hard link, the standard streams. Every special file is made by the test in its own
/// temporary folder (<c>mknod</c>, <c>mkfifo</c>; the tests run as root in CI); none touches the real <c>/dev</c>: the
/// standard streams are named through <c>/dev/fd</c> and <c>/proc/self/fd</c>, where no file can be created, so even a
/// regression could not replace anything there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputTargetTests : IDisposable
{
    private const string Valid = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"state"}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-output-").FullName;

    public OutputTargetTests() => File.WriteAllText(Path.Combine(_folder, "good.json"), Valid);

    private static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    [Fact]
    public void CharacterDevice_IsWrittenAndStaysADevice()
    {
        if (!IsRoot)
        {
            return; // mknod needs root; CI runs as root
        }

        Run("mknod", "null", "c", "1", "3"); // the null device, made here

        ProcessResult result = Tool("validate", "good.json", "--format", "sarif", "-o", "null");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("character special file", Stat("%F", "null"));
        Assert.Equal("1,3", Stat("%Hr,%Lr", "null"));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void FullDevice_IsANoSpaceErrorAndStaysADevice()
    {
        if (!IsRoot)
        {
            return;
        }

        Run("mknod", "full", "c", "1", "7"); // /dev/full's numbers: every write fails with ENOSPC

        ProcessResult result = Tool("validate", "good.json", "--format", "sarif", "-o", "full");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"conflictmodel: {Path.Combine(_folder, "full")}: cannot write: No space left on device\n", result.Error);
        Assert.Equal("character special file", Stat("%F", "full"));
        Assert.Equal("1,7", Stat("%Hr,%Lr", "full"));
    }

    [Fact]
    public async Task Fifo_IsWrittenToItsReaderAndStaysAFifo()
    {
        Run("mkfifo", "pipe");
        ProcessResult expected = Tool("validate", "good.json", "--format", "json");
        var start = new ProcessStartInfo("cat") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _folder };
        start.ArgumentList.Add("pipe");
        using Process reader = Process.Start(start)!;
        Task<string> read = reader.StandardOutput.ReadToEndAsync();

        try
        {
            ProcessResult result = Tool("validate", "good.json", "--format", "json", "-o", "pipe");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(reader.WaitForExit(TimeSpan.FromMinutes(1)), "the reader never saw the end of the output");
            Assert.Equal(expected.Output, await read);
            Assert.Equal("fifo", Stat("%F", "pipe"));
        }
        finally
        {
            if (!reader.HasExited)
            {
                reader.Kill(); // a replaced FIFO leaves its reader waiting forever
            }
        }
    }

    [Fact]
    public void SymbolicLink_IsFollowedAndKept()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "reports"));
        File.WriteAllText(Path.Combine(_folder, "reports", "real.json"), "old");
        File.CreateSymbolicLink(Path.Combine(_folder, "link.json"), "reports/real.json");
        File.CreateSymbolicLink(Path.Combine(_folder, "dangling.json"), "reports/new.json");

        ProcessResult result = Tool("validate", "good.json", "--format", "json", "-o", "link.json");
        ProcessResult second = Tool("validate", "good.json", "--format", "json", "-o", "dangling.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("symbolic link", Stat("%F", "link.json"));
        Assert.Equal("reports/real.json", new FileInfo(Path.Combine(_folder, "link.json")).LinkTarget);
        Assert.Contains("\"CM1012\"", File.ReadAllText(Path.Combine(_folder, "reports", "real.json")), StringComparison.Ordinal);
        Assert.Equal("symbolic link", Stat("%F", "dangling.json"));
        Assert.Contains("\"CM1012\"", File.ReadAllText(Path.Combine(_folder, "reports", "new.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = true }));
    }

    [Fact]
    public void Mode600File_KeepsItsModeAndOwner()
    {
        string report = Path.Combine(_folder, "private.sarif");
        File.WriteAllText(report, "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string owner = Stat("%u:%g", "private.sarif");
        if (IsRoot)
        {
            Run("chown", "65534:65534", "private.sarif"); // nobody's: root can replace it, but must give it back
            owner = "65534:65534";
        }

        ProcessResult result = Tool("validate", "good.json", "--format", "sarif", "-o", "private.sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal("600", Stat("%a", "private.sarif"));
        Assert.Equal(owner, Stat("%u:%g", "private.sarif"));
    }

    [Fact]
    public void HardLink_IsWrittenInPlaceSoEveryNameSeesTheNewReport()
    {
        string report = Path.Combine(_folder, "report.json");
        File.WriteAllText(report, "old");
        Run("ln", "report.json", "other-name.json");

        ProcessResult result = Tool("validate", "good.json", "--format", "json", "-o", "report.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2", Stat("%h", "report.json"));
        Assert.Equal(Stat("%i", "report.json"), Stat("%i", "other-name.json"));
        Assert.Contains("\"CM1012\"", File.ReadAllText(Path.Combine(_folder, "other-name.json")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(report), File.ReadAllText(Path.Combine(_folder, "other-name.json")));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Theory]
    [InlineData("/dev/fd/1")]
    [InlineData("/proc/self/fd/1")]
    public void StandardOutputByName_IsWrittenToStandardOutput(string name)
    {
        ProcessResult expected = Tool("validate", "good.json", "--format", "sarif");

        ProcessResult result = Tool("validate", "good.json", "--format", "sarif", "-o", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected.Output, result.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ProcessResult Tool(params string[] arguments) => ProcessRunner.Tool(_folder, arguments);

    private string Run(string program, params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run(program, arguments, _folder);
        Assert.True(result.ExitCode == 0, $"{program}: {result}");
        return result.Output;
    }

    /// <summary>One field of stat(1), not following a symbolic link.</summary>
    private string Stat(string format, string name) => Run("stat", "-c", format, name).TrimEnd('\n');
}

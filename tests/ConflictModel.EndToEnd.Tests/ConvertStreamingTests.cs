using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>convert</c> streams (issue 18): the bytes it writes are those the in-memory convert wrote (goldens captured
/// before the change, in TestData/convert/goldens.txt), to standard output and to files, in both directions; a round
/// trip gives the input back; a broken input writes nothing and prints what <c>validate</c> prints; and the
/// temporary files that hold the records by kind are gone after a success, a failure and SIGTERM. Each test gives the
/// tool its own temporary folder (<c>TMPDIR</c>).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConvertStreamingTests : IDisposable
{
    private static readonly string Data = Repository.Path("tests", "ConflictModel.EndToEnd.Tests", "TestData", "convert");

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-convert-").FullName;
    private readonly string _temp;

    public ConvertStreamingTests()
    {
        _temp = Path.Combine(_folder, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public static TheoryData<string, string, int, string, long> Goldens()
    {
        var data = new TheoryData<string, string, int, string, long>();
        foreach (string line in File.ReadLines(Path.Combine(Data, "goldens.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(' ');
            data.Add(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3], long.Parse(parts[4], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void StandardOutput_IsByteIdenticalToTheInMemoryConvert(string input, string form, int exitCode, string sha256, long length)
    {
        (int exit, byte[] output, string error) = RunBytes(["convert", InputPath(input), "--to", form]);

        Assert.True(exit == exitCode, error);
        Assert.Equal(length, output.LongLength);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(output)));
        AssertNoTemporaryFiles();
    }

    [Theory]
    [InlineData("ged-like-1000.jsonl.gz", "out.json", "json")]
    [InlineData("ged-like-1000.jsonl.gz", "out.jsonl", "jsonl")]
    [InlineData("shuffled.json", "out.jsonl.gz", "jsonl")]
    [InlineData("interleaved.jsonl", "out.json.gz", "json")]
    public void OutputFile_IsByteIdenticalToTheInMemoryConvert(string input, string output, string form)
    {
        string[] golden = File.ReadLines(Path.Combine(Data, "goldens.txt")).Single(l => l.StartsWith($"{input} {form} ", StringComparison.Ordinal)).Split(' ');
        string target = Path.Combine(_folder, output);

        (int exit, _, string error) = RunBytes(["convert", InputPath(input), "-o", target]);

        Assert.True(exit == 0, error);
        byte[] written = File.ReadAllBytes(target);
        if (output.EndsWith(".gz", StringComparison.Ordinal))
        {
            written = Gunzip(written);
        }

        Assert.Equal(golden[3], Convert.ToHexStringLower(SHA256.HashData(written)));
        Assert.Equal(new[] { Path.GetFileName(target), "tmp" }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
        AssertNoTemporaryFiles();
    }

    [Fact]
    public void StandardInput_IsConvertedAsTheFileIs()
    {
        string[] golden = File.ReadLines(Path.Combine(Data, "goldens.txt")).Single(l => l.StartsWith("examples/seed-merged.jsonl json ", StringComparison.Ordinal)).Split(' ');

        (int exit, byte[] output, string error) = RunBytes(["convert", "-", "--to", "json"], File.ReadAllBytes(Repository.Path("examples", "seed-merged.jsonl")));

        Assert.True(exit == 0, error);
        Assert.Equal(golden[3], Convert.ToHexStringLower(SHA256.HashData(output)));
        AssertNoTemporaryFiles();
    }

    [Theory]
    [InlineData("ged-like-1000.jsonl.gz")]
    [InlineData("interleaved.jsonl")]
    public void JsonLines_ToDocument_AndBack_GivesTheInputsLinesGroupedByKind(string input)
    {
        string document = Path.Combine(_folder, "round.json");
        string back = Path.Combine(_folder, "round.jsonl");
        string[] golden = File.ReadLines(Path.Combine(Data, "goldens.txt")).Single(l => l.StartsWith($"{input} jsonl ", StringComparison.Ordinal)).Split(' ');

        Assert.Equal(0, RunBytes(["convert", InputPath(input), "-o", document]).Exit);
        Assert.Equal(0, RunBytes(["convert", document, "-o", back]).Exit);

        byte[] again = File.ReadAllBytes(back);
        Assert.Equal(golden[3], Convert.ToHexStringLower(SHA256.HashData(again)));
        // The input's record lines come back byte for byte, grouped by kind; the header keeps its members.
        byte[] original = input.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(File.ReadAllBytes(InputPath(input))) : File.ReadAllBytes(InputPath(input));
        static string[] Records(byte[] bytes) => [.. Encoding.UTF8.GetString(bytes).Split('\n').Where(l => l.Length > 0 && !l.StartsWith("{\"type\":\"dataset\"", StringComparison.Ordinal) && !l.StartsWith("{\"type\": \"dataset\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(Records(original), Records(again));
        Assert.StartsWith("{\"type\":\"dataset\"", Encoding.UTF8.GetString(again), StringComparison.Ordinal);
        if (input == "interleaved.jsonl")
        {
            Assert.Contains("\"x-header\":{\"k\":1}", Encoding.UTF8.GetString(again).Split('\n')[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void BrokenInput_WritesNothing_AndPrintsWhatValidatePrints(string form)
    {
        string broken = InputPath("broken.jsonl");
        string target = Path.Combine(_folder, "out." + form);
        File.WriteAllText(target, "the previous output\n");

        (int exit, byte[] output, string error) = RunBytes(["convert", broken, "--to", form]);
        (int fileExit, _, string fileError) = RunBytes(["convert", broken, "-o", target]);
        (int validateExit, byte[] report, _) = RunBytes(["validate", broken]);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal(1, validateExit);
        Assert.Contains("CM0009", error, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(report), error);
        Assert.Equal(1, fileExit);
        Assert.Equal(error, fileError);
        Assert.Equal("the previous output\n", File.ReadAllText(target));
        AssertNoTemporaryFiles();
    }

    [Fact]
    public async System.Threading.Tasks.Task BrokenInputFromAFifo_IsKeptToBeReadAgain_AndReportedAsValidateReportsIt()
    {
        byte[] broken = File.ReadAllBytes(InputPath("broken.jsonl"));
        string copies = Path.Combine(_folder, "copy");
        Directory.CreateDirectory(copies);
        File.WriteAllBytes(Path.Combine(copies, "input.jsonl"), broken);
        using (Process mkfifo = Process.Start("mkfifo", [Path.Combine(_folder, "input.jsonl")])!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // The writer blocks until the tool opens the FIFO; a FIFO gives its bytes once.
        System.Threading.Tasks.Task feed = System.Threading.Tasks.Task.Run(() => File.WriteAllBytes(Path.Combine(_folder, "input.jsonl"), broken));
        (int exit, byte[] output, string error) = RunBytes(["convert", "input.jsonl", "--to", "json"]);
        await feed.WaitAsync(TimeSpan.FromMinutes(1));
        (_, byte[] report, _) = RunBytes(["validate", "input.jsonl"], workingDirectory: copies);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal(Encoding.UTF8.GetString(report), error);
        AssertNoTemporaryFiles();
    }

    [Fact]
    public void LargeInput_SpillsToTemporaryFiles_RemovedAfterSuccessAndAfterFailure()
    {
        // 20 MB of actors: beyond the writer's 4 MiB in memory, so the actors wait in a temporary file.
        string input = Path.Combine(_folder, "big.jsonl");
        WriteActors(input, 200_000, brokenLast: false);
        string target = Path.Combine(_folder, "big.json");

        using (RunningProcess running = StartTool(["convert", input, "-o", target]))
        {
            Assert.True(WaitForSpool(running.Id), "the tool never opened a temporary file of its kind spools");
            ProcessResult result = running.WaitForExit(ProcessRunner.DefaultTimeout);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        Assert.Equal(200_000, CountActors(target));
        AssertNoTemporaryFiles();

        string broken = Path.Combine(_folder, "broken-big.jsonl");
        WriteActors(broken, 200_000, brokenLast: true);
        string brokenTarget = Path.Combine(_folder, "broken-big.json");
        (int exit, _, string error) = RunBytes(["convert", broken, "-o", brokenTarget]);
        Assert.Equal(1, exit);
        Assert.Contains("CM0001", error, StringComparison.Ordinal);
        Assert.False(File.Exists(brokenTarget));
        Assert.Empty(Directory.GetFiles(_folder, ".broken-big.json.*"));
        AssertNoTemporaryFiles();
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void KilledWhileSpooling_LeavesNoTemporaryFile_AndNoOutput(string signal, int exitCode)
    {
        string input = Path.Combine(_folder, "big.jsonl");
        WriteActors(input, 400_000, brokenLast: false);
        string target = Path.Combine(_folder, "big.json");

        using RunningProcess running = StartTool(["convert", input, "-o", target]);
        Assert.True(WaitForSpool(running.Id), "the tool never opened a temporary file of its kind spools");
        running.Signal(signal);
        ProcessResult result = running.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(_folder, ".big.json.*"));
        AssertNoTemporaryFiles();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string InputPath(string input) => input.StartsWith("examples/", StringComparison.Ordinal) ? Repository.Path("examples", input["examples/".Length..]) : Path.Combine(Data, input);

    private static byte[] Gunzip(byte[] compressed)
    {
        using var zip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        zip.CopyTo(plain);
        return plain.ToArray();
    }

    private static int CountActors(string document)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(document));
        return json.RootElement.GetProperty("actors").GetArrayLength();
    }

    private static void WriteActors(string path, int count, bool brokenLast)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"big\"}}\n");
        for (int i = 0; i < count; i++)
        {
            writer.Write($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i} with a name long enough to fill the spool\",\"kind\":\"state\"}}\n");
        }

        if (brokenLast)
        {
            writer.Write("{\"type\":\"actor\",\"id\":\n");
        }
    }

    /// <summary>Waits until the process holds one of the tool's temporary files in this test's folder (removed from the folder, still open).</summary>
    private bool WaitForSpool(int pid)
    {
        var wait = Stopwatch.StartNew();
        while (wait.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                foreach (string fd in Directory.GetFiles($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(Path.Combine(_temp, "conflictmodel-"), StringComparison.Ordinal) && target.Contains(".spool", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false; // the process is gone
            }

            Thread.Sleep(20);
        }

        return false;
    }

    private void AssertNoTemporaryFiles() => Assert.Empty(Directory.GetFiles(_temp, "conflictmodel-*"));

    private RunningProcess StartTool(string[] arguments)
        => RunningProcess.Start("dotnet", [Repository.ToolDll, .. arguments], _folder, new Dictionary<string, string?> { ["TMPDIR"] = _temp });

    /// <summary>Runs the tool with this test's TMPDIR, keeping standard output as bytes.</summary>
    private (int Exit, byte[] Output, string Error) RunBytes(string[] arguments, byte[]? standardInput = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? _folder };
        start.ArgumentList.Add(Repository.ToolDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = _temp;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        var output = new MemoryStream();
        System.Threading.Tasks.Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(ProcessRunner.DefaultTimeout), "the tool did not end");
        copy.Wait();
        return (process.ExitCode, output.ToArray(), error.Result);
    }
}

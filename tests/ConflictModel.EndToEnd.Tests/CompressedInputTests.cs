using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The tool on gzip input that is incomplete or a bomb (issue 18): a truncated <c>.jsonl.gz</c> used to validate
/// clean (exit 0) with records missing, and <c>stats</c> on a zero bomb read until it failed with "Stream was too
/// long." naming no file.
/// </summary>
public sealed class CompressedInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-gzip-").FullName;

    [Fact]
    public void Validate_TruncatedJsonLinesGz_IsCM0024AndExitOne()
    {
        string text = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n"
            + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor {i}\",\"kind\":\"state\"}}\n"));
        byte[] whole = Gzip(Encoding.UTF8.GetBytes(text));
        File.WriteAllBytes(Path.Combine(_folder, "cut.jsonl.gz"), whole[..(whole.Length * 2 / 3)]);

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "cut.jsonl.gz", "--severity", "CM1012=none");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("cut.jsonl.gz(1,1): error CM0024: The gzip data cannot be decompressed: the compressed data ends at byte", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_ZeroBomb_NamesTheFileAndStopsAtTheRatio()
    {
        File.WriteAllBytes(Path.Combine(_folder, "bomb.json.gz"), ZeroBomb(96));

        ProcessResult result = ProcessRunner.Tool(_folder, "stats", "bomb.json.gz");
        ProcessResult raised = ProcessRunner.Tool(_folder, "stats", "bomb.json.gz", "--max-compression-ratio", "100000", "--max-input-size", "80000000");

        Assert.True(result.ExitCode == 1, result.ToString());
        // stats reports as validate does (issue 13): the file named, one diagnostic for the bomb.
        Assert.Contains("bomb.json.gz(1,1): error CM0026: The gzip data cannot be read whole: the data expands more than 200 times", result.Error, StringComparison.Ordinal);
        Assert.True(raised.ExitCode == 1, raised.ToString());
        Assert.Contains("bomb.json.gz(1,1): error CM0025: The input is larger than the limit of 80,000,000 bytes", raised.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroBomb_IsOneCM0026()
    {
        File.WriteAllBytes(Path.Combine(_folder, "bomb.jsonl.gz"), ZeroBomb(96));

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "bomb.jsonl.gz", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using System.Text.Json.JsonDocument report = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(1, report.RootElement.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("id").GetString() == "CM0026"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] ZeroBomb(int mebibytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}

using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>The tool's Parquet commands as a user runs them: import a UCDP file, export it as Parquet, import it back.</summary>
public sealed class ParquetToolTests : IDisposable
{
    private static readonly string Ged = Repository.Path("tests", "ConflictModel.Tests", "Interop", "TestData", "ucdp-ged-23.1-car.geojson.gz");
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-parquet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExportParquet_ThenImportParquet_GivesTheSameLines()
    {
        Assert.Equal(0, ProcessRunner.Tool(_folder, "import", "ucdp-ged", Ged, "-o", "ged.jsonl").ExitCode);

        ProcessResult export = ProcessRunner.Tool(_folder, "export", "parquet", "ged.jsonl", "-o", "ged-pq");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal("parquet: 14,180 record(s) written to ged-pq (Source 2,809, Actor 283, Event 1,848, CasualtyEstimate 9,240)\n", export.Error.ReplaceLineEndings("\n"));
        Assert.Equal(9, Directory.GetFiles(Path.Combine(_folder, "ged-pq"), "*.parquet").Length);

        ProcessResult import = ProcessRunner.Tool(_folder, "import", "parquet", "ged-pq", "-o", "back.jsonl");
        Assert.True(import.ExitCode == 0, import.ToString());
        string[] original = File.ReadAllLines(Path.Combine(_folder, "ged.jsonl"));
        string[] back = File.ReadAllLines(Path.Combine(_folder, "back.jsonl"));
        Assert.Equal(original[0], back[0]);
        Assert.Equal(original.Order(StringComparer.Ordinal), back.Order(StringComparer.Ordinal));

        // A second export to the same directory refuses and leaves it as it was.
        ProcessResult again = ProcessRunner.Tool(_folder, "export", "parquet", "ged.jsonl", "-o", "ged-pq");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("the directory exists and is not empty", again.Error, StringComparison.Ordinal);
        Assert.Equal(9, Directory.GetFiles(Path.Combine(_folder, "ged-pq")).Length);
    }

    [Fact]
    public void ExportParquet_InputWithAnError_ExitsOneAndWritesNothing()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.jsonl"), "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n{\"type\":\"actor\",\"id\":\"b\"}\n");
        ProcessResult export = ProcessRunner.Tool(_folder, "export", "parquet", "bad.jsonl", "-o", "out");
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("bad.jsonl(2,", export.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written to out", export.Error, StringComparison.Ordinal);
        Assert.Equal(["bad.jsonl"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }
}

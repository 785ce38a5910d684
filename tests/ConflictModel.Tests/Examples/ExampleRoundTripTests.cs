using System;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Examples;

/// <summary>Each example file round-trips exactly through both wire forms.</summary>
public class ExampleRoundTripTests
{
    /// <summary>The examples of real conflicts other than the seeds (written by hand, not from <see cref="SeedDatasets"/>), found in the folder.</summary>
    public static TheoryData<string> RealConflictExamples()
    {
        TheoryData<string> names = [];
        foreach (string path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.json").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (!name.StartsWith("seed-", StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(RealConflictExamples))]
    public void RealConflictExample_ReadThenWritten_GivesTheSameBytes(string name) => AssertDocumentRoundTrips(name);

    [Theory]
    [MemberData(nameof(RealConflictExamples))]
    public void RealConflictExample_ThroughJsonLines_GivesAnEqualModel(string name) => AssertJsonLinesRoundTrip(name);

    [Fact]
    public void RealConflictExamples_AreFound() => Assert.True(RealConflictExamples().Count >= 5, "examples/ should hold the five real-conflict datasets");

    [Fact]
    public void SeedAsifGeoTv_ReadThenWritten_GivesTheSameBytes() => AssertDocumentRoundTrips(SeedDatasets.AsifGeoTvFile);

    [Fact]
    public void SeedDarKabulVisit_ReadThenWritten_GivesTheSameBytes() => AssertDocumentRoundTrips(SeedDatasets.DarKabulVisitFile);

    [Fact]
    public void SeedMerged_ReadThenWritten_GivesTheSameBytes() => AssertDocumentRoundTrips(SeedDatasets.MergedFile);

    [Fact]
    public void SeedMergedLines_ReadThenWritten_GivesTheSameBytes()
    {
        Dataset dataset = ExampleFiles.Load(SeedDatasets.MergedLinesFile);

        using var written = new MemoryStream();
        ConflictJsonSerializer.SerializeLines(written, dataset);

        Assert.Equal(ExampleFiles.ReadBytes(SeedDatasets.MergedLinesFile), written.ToArray());
    }

    [Fact]
    public void SeedAsifGeoTv_ThroughJsonLines_GivesAnEqualModel() => AssertJsonLinesRoundTrip(SeedDatasets.AsifGeoTvFile);

    [Fact]
    public void SeedDarKabulVisit_ThroughJsonLines_GivesAnEqualModel() => AssertJsonLinesRoundTrip(SeedDatasets.DarKabulVisitFile);

    [Fact]
    public void SeedMerged_ThroughJsonLines_GivesAnEqualModel() => AssertJsonLinesRoundTrip(SeedDatasets.MergedFile);

    [Fact]
    public void SeedMergedLines_ReadFromDisk_EqualsTheMergedDocument()
    {
        Dataset document = ExampleFiles.Load(SeedDatasets.MergedFile);

        Dataset lines = ExampleFiles.Load(SeedDatasets.MergedLinesFile);

        Assert.Equal(document, lines);
        Assert.Equal(ExampleFiles.ReadBytes(SeedDatasets.MergedFile), ConflictJsonSerializer.SerializeToUtf8Bytes(lines));
    }

    private static void AssertDocumentRoundTrips(string name)
    {
        byte[] original = ExampleFiles.ReadBytes(name);

        byte[] written = ConflictJsonSerializer.SerializeToUtf8Bytes(ConflictJsonSerializer.Deserialize(original));

        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(written));
        Assert.Equal(original, written);
    }

    private static void AssertJsonLinesRoundTrip(string name)
    {
        Dataset original = ExampleFiles.Load(name);

        string lines = ConflictJsonSerializer.SerializeLines(original);
        Dataset read = ConflictJsonSerializer.DeserializeLines(lines);

        Assert.Equal(original, read);
        Assert.Equal(original.RecordCount + 1, lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

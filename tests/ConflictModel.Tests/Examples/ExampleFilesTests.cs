using System;
using System.IO;
using System.Text;
using ConflictModel.Serialization;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Examples;

/// <summary>
/// The files in <c>examples/</c> are exactly what the serializer writes for <see cref="SeedDatasets"/>. With
/// <c>CONFLICTMODEL_REGENERATE_EXAMPLES=1</c> these tests write the files instead (see <see cref="ExampleFiles"/>);
/// without it they fail on any difference and never write.
/// </summary>
public class ExampleFilesTests
{
    [Fact]
    public void SeedAsifGeoTv_IsWhatTheSerializerWritesForTheModel()
        => Check(SeedDatasets.AsifGeoTvFile, ConflictJsonSerializer.SerializeToUtf8Bytes(SeedDatasets.AsifGeoTv()));

    [Fact]
    public void SeedDarKabulVisit_IsWhatTheSerializerWritesForTheModel()
        => Check(SeedDatasets.DarKabulVisitFile, ConflictJsonSerializer.SerializeToUtf8Bytes(SeedDatasets.DarKabulVisit()));

    [Fact]
    public void SeedMerged_IsWhatTheSerializerWritesForTheModel()
        => Check(SeedDatasets.MergedFile, ConflictJsonSerializer.SerializeToUtf8Bytes(SeedDatasets.Merged()));

    [Fact]
    public void SeedMergedLines_IsWhatTheSerializerWritesForTheModel()
        => Check(SeedDatasets.MergedLinesFile, Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeLines(SeedDatasets.Merged())));

    private static void Check(string name, byte[] expected)
    {
        if (ExampleFiles.Regenerating)
        {
            File.WriteAllBytes(ExampleFiles.RepositoryPath(name), expected);
            Directory.CreateDirectory(Path.GetDirectoryName(ExampleFiles.OutputPath(name))!);
            File.WriteAllBytes(ExampleFiles.OutputPath(name), expected);
            return;
        }

        string path = ExampleFiles.OutputPath(name);
        Assert.True(File.Exists(path), $"examples/{name} is missing. {RegenerateHint}");
        byte[] actual = File.ReadAllBytes(path);
        int length = Math.Min(expected.Length, actual.Length);
        int difference = expected.AsSpan(0, length).CommonPrefixLength(actual.AsSpan(0, length));
        Assert.True(
            expected.AsSpan().SequenceEqual(actual),
            $"examples/{name} differs from what the serializer writes for its model, from byte {difference} "
                + $"({actual.Length} bytes on disk, {expected.Length} expected). {RegenerateHint}");
    }

    private static string RegenerateHint
        => $"If the model in SeedDatasets changed on purpose, run the example tests once with {ExampleFiles.RegenerateVariable}=1 and review the diff.";
}

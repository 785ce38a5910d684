using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ConflictModel.Columnar;
using ConflictModel.Columnar.Layout;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Columnar;

public sealed class ParquetRoundTripTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "cm-parquet-tests-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Examples => [.. ColumnarData.ExampleNames];

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task RoundTrip_Example_IsEqualAndWritesTheSameJsonLines(string name)
        => await AssertRoundTrip(ColumnarData.Example(name));

    [Fact]
    public async Task RoundTrip_UcdpGedExtract_IsEqual() => await AssertRoundTrip(ColumnarData.Ged);

    [Fact]
    public async Task RoundTrip_UcdpPadExtract_IsEqual() => await AssertRoundTrip(ColumnarData.Pad);

    [Fact]
    public async Task RoundTrip_EveryMemberWithUnknownMembersAtEveryLevel_IsEqual()
    {
        Dataset dataset = ConflictJsonSerializer.DeserializeLines(ColumnarData.EveryMember.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        Assert.Equal(17, dataset.RecordCount);
        await AssertRoundTrip(dataset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task RoundTrip_SmallRowGroups_KeepsOrderAcrossRowGroups(int rowGroupSize)
    {
        Dataset dataset = ConflictJsonSerializer.DeserializeLines(ColumnarData.EveryMember.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        await AssertRoundTrip(dataset, new ParquetExportOptions { RowGroupSize = rowGroupSize });
    }

    [Fact]
    public async Task ExportRecords_StreamedFromJsonLines_EqualsTheDatasetExport()
    {
        string text = ColumnarData.EveryMember.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        string input = Path.Combine(_temp, "in.jsonl");
        Directory.CreateDirectory(_temp);
        File.WriteAllText(input, text);
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(input);
        ParquetExportResult result = await ParquetExport.ExportRecordsAsync(reader, Path.Combine(_temp, "out"), new ParquetExportOptions { RowGroupSize = 2 });
        Assert.True(result.Written);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(17, result.RecordCount);
        Assert.Equal(4, result.Counts[RecordKind.Event]);
        ParquetImportResult back = await ParquetImport.ImportAsync(result.Directory);
        Dataset expected = ConflictJsonSerializer.DeserializeLines(text);

        // The streaming reader does not hand out the header's own unknown members; everything else is kept.
        Assert.Equal(ConflictJsonSerializer.SerializeLines(expected).Split('\n').Skip(1), ConflictJsonSerializer.SerializeLines(back.Dataset).Split('\n').Skip(1));
        Assert.Equal(expected.Info, back.Dataset.Info);
    }

    [Fact]
    public async Task ExportRecords_InputWithAnError_WritesNothingAndReturnsTheDiagnostics()
    {
        Directory.CreateDirectory(_temp);
        string input = Path.Combine(_temp, "bad.jsonl");
        File.WriteAllText(input, "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}\n{\"type\":\"actor\",\"id\":\"b\"}\n");
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(input);
        string target = Path.Combine(_temp, "out");
        ParquetExportResult result = await ParquetExport.ExportRecordsAsync(reader, target);
        Assert.False(result.Written);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Location.StartLine == 3);
        Assert.False(Directory.Exists(target));
        Assert.Equal([Path.GetFileName(input)], Directory.EnumerateFileSystemEntries(_temp).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_ToANonEmptyDirectory_Refuses_AndLeavesItAlone()
    {
        string target = Path.Combine(_temp, "taken");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "keep");
        await Assert.ThrowsAsync<IOException>(() => ParquetExport.ExportAsync(ColumnarData.Example("seed-merged.json"), target));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "mine.txt")));
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp));
    }

    [Fact]
    public async Task Import_DamagedFileAndMissingFile_AreReported_AndTheRestIsRead()
    {
        string target = Path.Combine(_temp, "out");
        Dataset dataset = ColumnarData.Example("seed-merged.json");
        await ParquetExport.ExportAsync(dataset, target);
        byte[] events = File.ReadAllBytes(Path.Combine(target, "events.parquet"));
        File.WriteAllBytes(Path.Combine(target, "events.parquet"), events[..(events.Length / 2)]);
        File.Delete(Path.Combine(target, "claims.parquet"));

        ParquetImportResult result = await ParquetImport.ImportAsync(target);

        Assert.Contains(result.Diagnostics, d => d.Id == "CM7001" && d.Location.FilePath!.EndsWith("events.parquet", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Id == "CM7003" && d.Location.FilePath!.EndsWith("claims.parquet", StringComparison.Ordinal));
        Assert.True(result.HasErrors);
        Assert.Empty(result.Dataset.Events);
        Assert.Empty(result.Dataset.Claims);
        Assert.True(dataset.Actors.SequenceEqual(result.Dataset.Actors));
        Assert.Equal(dataset.Info, result.Dataset.Info);
    }

    [Fact]
    public void Layout_MapsEveryMemberOfTheJsonSchema()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Root, "schemas", "conflictmodel.schema.json")));
        JsonElement properties = schema.RootElement.GetProperty("properties");
        var missing = new List<string>();
        foreach (RecordLayout layout in RecordLayouts.All)
        {
            Compare(layout.FileStem, properties.GetProperty(layout.FileStem).GetProperty("items"), layout.Record, missing);
        }

        Assert.Empty(missing);
    }

    private static void Compare(string path, JsonElement schema, ObjectColumn columns, List<string> missing)
    {
        foreach (JsonProperty member in schema.GetProperty("properties").EnumerateObject())
        {
            Column? column = columns.Members.FirstOrDefault(c => c.Name == member.Name);
            if (column is null)
            {
                missing.Add($"{path}.{member.Name}");
                continue;
            }

            JsonElement value = member.Value;
            if (column is ObjectColumn nested)
            {
                Compare($"{path}.{member.Name}", value, nested, missing);
            }
            else if (column is ObjectListColumn list)
            {
                Compare($"{path}.{member.Name}[]", value.GetProperty("items"), list.Element, missing);
            }
        }

        foreach (Column column in columns.Members.Where(c => !schema.GetProperty("properties").TryGetProperty(c.Name, out _)))
        {
            missing.Add($"{path}.{column.Name} (in the layout, not in the schema)");
        }
    }

    private async Task AssertRoundTrip(Dataset dataset, ParquetExportOptions? options = null)
    {
        string target = Path.Combine(_temp, "export");
        ParquetExportResult written = await ParquetExport.ExportAsync(dataset, target, options);
        Assert.True(written.Written);
        Assert.Equal(dataset.RecordCount, written.RecordCount);
        Assert.Equal(RecordLayouts.All.Select(l => l.FileName).Order(StringComparer.Ordinal), Directory.EnumerateFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        ParquetImportResult read = await ParquetImport.ImportAsync(target);

        Assert.Empty(read.Diagnostics);
        Assert.Equal(ConflictJsonSerializer.SerializeLines(dataset), ConflictJsonSerializer.SerializeLines(read.Dataset));
        Assert.Equal(dataset, read.Dataset);
    }
}

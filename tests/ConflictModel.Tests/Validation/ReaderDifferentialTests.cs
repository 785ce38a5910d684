using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation.TestData;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>DatasetReader and SourceGeneratedReader.Deserialize must read every valid dataset as equal models.</summary>
public class ReaderDifferentialTests
{
    public static TheoryData<string> Datasets()
    {
        var data = new TheoryData<string> { nameof(FullDataset) };
        if (KitchenSinkFactory() is not null)
        {
            data.Add("KitchenSink");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void ReadText_Document_EqualsSerializer(string name)
    {
        string json = ConflictJsonSerializer.Serialize(Create(name));
        DatasetReadResult read = new DatasetReader().ReadText(json, DatasetFormat.Document);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(SourceGeneratedReader.Deserialize(json), read.Dataset);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void ReadText_JsonLines_EqualsSerializer(string name)
    {
        string lines = ConflictJsonSerializer.SerializeLines(Create(name));
        DatasetReadResult read = new DatasetReader().ReadText(lines, DatasetFormat.JsonLines);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(SourceGeneratedReader.DeserializeLines(lines), read.Dataset);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void ReadText_WrittenDataset_EqualsOriginalAfterOneRoundTrip(string name)
    {
        // Extension text is normalised by the first write; from then on both readers and the model agree.
        Dataset once = SourceGeneratedReader.Deserialize(ConflictJsonSerializer.Serialize(Create(name)));
        string json = ConflictJsonSerializer.Serialize(once);
        Assert.Equal(once, new DatasetReader().ReadText(json, DatasetFormat.Document).Dataset);
    }

    [Fact]
    public void ReadText_HandWrittenExtensions_EqualsSerializer()
    {
        const string Json = """
            {
              "formatVersion" : "1.0",
              "\u0074ype": "dataset",
              "info": { "title": "T\u00e9st", "x-Ünïcode": "“quoted” <tag> & 'apos' \/ \u2028", "n": [ 1.50 , -0, 1E+3, 12345678901234567890123 ] },
              "actors": [
                { "id": "a", "name": "A", "kind": "state", "extensions": {"x":1}, "recordId": "computed", "nested": { "deep": [ [ [ {} ] ] ], "e": "" } },
                { "kind": "group", "name": "B", "id": "b\u0000c", "roles": [] }
              ],
              "claims": [
                { "id": "c", "claimant": "a", "stance": "asserts", "subject": { "kind": "position", "targetKind": null, "extra": true }, "sources": [ { "source": "s", "type": "quote" } ] }
              ],
              "events": [ { "id": "e", "kind": "other", "location": { "coordinates": { "latitude": 1.0, "longitude": -2 } } } ]
            }
            """;
        string valid = Json.Replace("b\\u0000c", "b", StringComparison.Ordinal);
        DatasetReadResult read = new DatasetReader().ReadText(valid, DatasetFormat.Document);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(SourceGeneratedReader.Deserialize(valid), read.Dataset);
    }

    [Fact]
    public void ReadText_JsonLinesTypeInParts_IsExtensionData()
    {
        const string Lines = "{\"info\":{\"title\":\"t\"},\"type\":\"dataset\"}\r\n\r\n  \n{\"id\":\"e\",\"kind\":\"other\",\"type\":\"event\",\"sources\":[{\"type\":\"x\",\"source\":\"s\"}]}\n";
        DatasetReadResult read = new DatasetReader().ReadText(Lines, DatasetFormat.JsonLines);
        Assert.Empty(read.Diagnostics);
        Dataset expected = SourceGeneratedReader.DeserializeLines(Lines);
        Assert.Equal(expected, read.Dataset);
        Assert.Equal("\"x\"", read.Dataset.Events[0].Sources[0].Extensions[0].Value);
    }

    [Fact]
    public void Read_ExampleFiles_EqualSerializerAndHaveNoDiagnostics()
    {
        foreach (string path in ExampleFiles())
        {
            DatasetReadResult read = new DatasetReader().Read(path);
            Assert.Empty(read.Diagnostics);
            Dataset expected = path.EndsWith(".jsonl", StringComparison.Ordinal)
                ? SourceGeneratedReader.DeserializeLines(File.ReadAllText(path))
                : SourceGeneratedReader.Deserialize(File.ReadAllBytes(path));
            Assert.Equal(expected, read.Dataset);
        }
    }

    internal static IEnumerable<string> ExampleFiles()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "examples");
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
    }

    internal static Dataset Create(string name)
        => name == nameof(FullDataset) ? FullDataset.Create() : KitchenSinkFactory()!();

    /// <summary>The model tests' kitchen-sink dataset, when that test data is part of this build.</summary>
    internal static Func<Dataset>? KitchenSinkFactory()
    {
        MethodInfo? create = typeof(ReaderDifferentialTests).Assembly.GetType("ConflictModel.Tests.TestData.KitchenSink")
            ?.GetMethod("Create", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes);
        return create is null ? null : () => (Dataset)create.Invoke(null, null)!;
    }
}

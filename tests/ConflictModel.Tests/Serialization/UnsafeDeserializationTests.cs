using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

/// <summary>
/// No unsafe deserialization: the serializer's options resolve only the source-generated contract of the wire
/// format's closed set of types, nothing is polymorphic, type names in the data are data, and the library's
/// source calls no reflection-based serializer overload and loads no type by name.
/// </summary>
public partial class UnsafeDeserializationTests
{
    private static readonly Type[] Roots = [typeof(Dataset), typeof(Source), typeof(Actor), typeof(Event), typeof(CasualtyEstimate), typeof(Attribution), typeof(Claim), typeof(Ceasefire), typeof(Mediation), typeof(Agreement)];

    private static readonly string[] AllowedAssemblies = ["ConflictModel", "System.Private.CoreLib", "System.Collections.Immutable", "System.Collections", "System.Private.Uri", "System.Text.Json", "NodaTime"];

    [Fact]
    public void Options_AreReadOnlyAndResolveNoTypeOutsideTheWireFormat()
    {
        JsonSerializerOptions options = ConflictJsonSerializer.Options;
        Assert.True(options.IsReadOnly);
        foreach (Type outside in new[] { typeof(FileInfo), typeof(Exception), typeof(Dictionary<string, object>), typeof(System.Diagnostics.ProcessStartInfo) })
        {
            Assert.False(options.TryGetTypeInfo(outside, out _), $"{outside} resolves: the options fall back to reflection");
            Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize("{}", outside, options));
        }

        // Not even object: the data cannot pick what it becomes.
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<object>("{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}", options));
    }

    [Fact]
    public void Contract_EveryReachableTypeIsOfTheClosedSetAndNoneIsPolymorphic()
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(Roots);
        JsonSerializerOptions[] all = [ConflictJsonSerializer.Options];
        while (pending.Count > 0)
        {
            Type type = pending.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            Assert.NotEqual(typeof(object), type);
            Assert.Contains(type.Assembly.GetName().Name, AllowedAssemblies);
            JsonTypeInfo info = ConflictJsonSerializer.Options.GetTypeInfo(type);
            Assert.True(info.PolymorphismOptions is null, $"{type} is polymorphic");
            Assert.False(info.Kind == JsonTypeInfoKind.Object && (type.IsAbstract || type.IsInterface), $"{type} is read as an abstract object");
            foreach (JsonPropertyInfo property in info.Properties)
            {
                pending.Enqueue(property.PropertyType);
            }

            if (info.ElementType is { } element)
            {
                pending.Enqueue(element);
            }

            if (info.KeyType is { } key)
            {
                pending.Enqueue(key);
            }
        }

        // The walk reached the records and their parts, not just the roots.
        Assert.Contains(typeof(CasualtyFigure), seen);
        Assert.Contains(typeof(Citation), seen);
    }

    [Theory]
    [InlineData("$type", "\"System.IO.FileInfo, System.IO.FileSystem\"")]
    [InlineData("$type", "\"ConflictModel.Model.Event, ConflictModel\"")]
    [InlineData("$id", "\"1\"")]
    [InlineData("$ref", "\"1\"")]
    [InlineData("$values", "[1,2]")]
    [InlineData("__type", "\"Event:#ConflictModel.Model\"")]
    [InlineData("@type", "\"Event\"")]
    public void TypeMetadataInTheData_IsKeptAsAnUnknownMember(string name, string raw)
    {
        string actor = $"{{\"{name}\":{raw},\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}}";
        string document = $"{{\"formatVersion\":\"1.0\",\"info\":{{\"title\":\"t\"}},\"actors\":[{actor}]}}";
        string lines = $"{{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{{\"title\":\"t\"}}}}\n{actor.Insert(1, "\"type\":\"actor\",")}\n";

        foreach (Dataset dataset in new[] { ConflictJsonSerializer.Deserialize(document), ConflictJsonSerializer.DeserializeLines(lines) })
        {
            Actor read = Assert.Single(dataset.Actors);
            Assert.True(read.Extensions.TryGetValue(name, out string kept));
            Assert.Equal(raw, kept);
        }

        var reader = new DatasetReader(new DatasetReaderOptions { ReportUnknownMembers = true });
        foreach (DatasetReadResult result in new[] { reader.ReadText(document, DatasetFormat.Document), reader.ReadText(lines, DatasetFormat.JsonLines) })
        {
            Assert.Equal(["CM0020"], result.Diagnostics.Select(d => d.Id));
            Actor read = Assert.Single(result.Dataset.Actors);
            Assert.True(read.Extensions.TryGetValue(name, out string kept));
            Assert.Equal(raw, kept);
        }
    }

    [Fact]
    public void JsonLinesType_NamingADotNetType_IsAnUnknownRecordType()
    {
        string lines = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n{\"type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"id\":\"x\"}\n";
        Assert.Throws<JsonException>(() => ConflictJsonSerializer.DeserializeLines(lines));
        DatasetReadResult read = new DatasetReader().ReadText(lines, DatasetFormat.JsonLines);
        Assert.Equal(["CM0018"], read.Diagnostics.Select(d => d.Id));
        Assert.Equal(0, read.Dataset.RecordCount);
    }

    [Fact]
    public void LibrarySource_CallsNoReflectionBasedSerializerAndLoadsNoTypeByName()
    {
        string root = Root();
        string[] files = [.. new[] { "src/ConflictModel", "src/ConflictModel.Cli" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            foreach (string forbidden in new[] { "Type.GetType(", "Activator.CreateInstance", "Assembly.Load", "BinaryFormatter", "TypeNameHandling", "JsonDerivedType", "JsonPolymorphic", "DefaultJsonTypeInfoResolver", "DataContractSerializer", "XmlSerializer" })
            {
                if (text.Contains(forbidden, StringComparison.Ordinal))
                {
                    problems.Add($"{file}: {forbidden}");
                }
            }

            // Every JsonSerializer call passes generated metadata (a JsonTypeInfo from TypeInfo<T> or a context).
            foreach (Match call in SerializerCall().Matches(text))
            {
                string arguments = Arguments(text, call.Index + call.Length);
                if (!arguments.Contains("TypeInfo", StringComparison.Ordinal) && !arguments.Contains("ConflictJsonContext", StringComparison.Ordinal) && !arguments.Contains("Cli" + "JsonContext", StringComparison.Ordinal) && !arguments.Contains("Context.", StringComparison.Ordinal))
                {
                    problems.Add($"{file}: {call.Value}{arguments})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void LibraryProject_IsAotCompatible_SoReflectionFallbacksFailTheBuild()
    {
        string project = File.ReadAllText(Path.Combine(Root(), "src", "ConflictModel", "ConflictModel.csproj"));
        Assert.Contains("<IsAotCompatible>true</IsAotCompatible>", project, StringComparison.Ordinal);
    }

    /// <summary>The text of a call's argument list, up to its closing parenthesis.</summary>
    private static string Arguments(string text, int start)
    {
        int depth = 1;
        for (int i = start; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[start..i];
            }
        }

        return text[start..];
    }

    [GeneratedRegex(@"(?<![A-Za-z])JsonSerializer\.(Serialize|SerializeToUtf8Bytes|SerializeToElement|SerializeToNode|SerializeToDocument|SerializeAsync|Deserialize|DeserializeAsync|DeserializeAsyncEnumerable)\s*(<[^>]*>)?\(")]
    private static partial Regex SerializerCall();

    private static string Root()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ConflictModel.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("ConflictModel.sln not found above " + AppContext.BaseDirectory);
    }
}

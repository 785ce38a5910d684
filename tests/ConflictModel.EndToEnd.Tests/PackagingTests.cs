using System;
using System.IO;
using System.IO.Compression;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Xml.Linq;
using Xunit;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// What a team vetting the dependency sees: the packed packages' contents, a fresh project consuming the package
/// from a local feed (not a project reference), the tool installed from its package, and the native-AOT app.
/// Each run packs a unique version, because NuGet caches a version once it has seen it.
/// </summary>
public sealed class PackagingTests : IClassFixture<PackagingTests.PackedPackages>
{
    private readonly PackedPackages _packages;

    public PackagingTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void LibraryPackage_HoldsLibDocsReadmeAndMetadata()
    {
        using ZipArchive package = ZipFile.OpenRead(_packages.Library);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net10.0/ConflictModel.dll", entries);
        Assert.Contains("lib/net10.0/ConflictModel.xml", entries);
        Assert.Contains("README.md", entries);

        XDocument nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.False(string.IsNullOrEmpty(metadata.Element(ns + "repository")!.Attribute("commit")?.Value));
        Assert.Contains("NodaTime", metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value));
    }

    [Fact]
    public void SymbolPackage_HoldsThePdb()
    {
        using ZipArchive symbols = ZipFile.OpenRead(Path.ChangeExtension(_packages.Library, ".snupkg"));
        Assert.Contains("lib/net10.0/ConflictModel.pdb", symbols.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void ToolPackage_IsADotnetTool()
    {
        using ZipArchive package = ZipFile.OpenRead(_packages.Tool);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("tools/net10.0/any/ConflictModel.Cli.dll", entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void BothPackages_CarryTheIcon()
    {
        foreach (string path in new[] { _packages.Library, _packages.Tool })
        {
            using ZipArchive package = ZipFile.OpenRead(path);
            ZipArchiveEntry icon = Assert.Single(package.Entries, e => e.FullName == "icon.png");
            using (Stream png = icon.Open())
            {
                byte[] signature = new byte[8];
                png.ReadExactly(signature);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
            }

            XDocument nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            XNamespace ns = nuspec.Root!.Name.Namespace;
            Assert.Equal("icon.png", nuspec.Root.Element(ns + "metadata")!.Element(ns + "icon")?.Value);
        }
    }

    [Fact]
    public void ToolPackage_HoldsNoSatelliteResourcesNorXmlDocs()
    {
        using ZipArchive package = ZipFile.OpenRead(_packages.Tool);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.DoesNotContain(entries, e => e.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            && !e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e["tools/net10.0/any/".Length..].Contains('/', StringComparison.Ordinal)
            && !e.Contains("/runtimes/", StringComparison.Ordinal));
    }

    [Fact]
    public void SymbolPackage_PdbNamesSourcesDeterministically()
    {
        using ZipArchive symbols = ZipFile.OpenRead(Path.ChangeExtension(_packages.Library, ".snupkg"));
        using var pdb = new MemoryStream();
        using (Stream entry = symbols.Entries.Single(e => e.FullName == "lib/net10.0/ConflictModel.pdb").Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        MetadataReader reader = provider.GetMetadataReader();
        string[] documents = [.. reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name))];
        Assert.NotEmpty(documents);
        Assert.All(documents, name => Assert.DoesNotContain(Repository.Root, name, StringComparison.Ordinal));
        Assert.Contains(documents, name => name.StartsWith("/_/src/ConflictModel/", StringComparison.Ordinal));
    }

    [Fact]
    public void FreshProject_ConsumingThePackage_UsesTheWholePublicSurface()
    {
        string folder = Directory.CreateTempSubdirectory("conflictmodel-consumer-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{_packages.Folder}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ConflictModel" Version="{_packages.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), ConsumerProgram);

            string example = Repository.Path("examples", "seed-merged.json");
            ProcessResult run = ProcessRunner.Run("dotnet", ["run", "--", example], folder, timeout: ProcessRunner.BuildTimeout);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(ExpectedConsumerOutput(example), run.Output.ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// What the consumer prints, computed here through the project reference: the package must behave as the
    /// source does. The reports' ids are the validator's; the writer's bytes are the serializer's.
    /// </summary>
    private static string ExpectedConsumerOutput(string example)
    {
        Dataset dataset = ConflictJsonSerializer.Deserialize(File.ReadAllBytes(example));
        string[] ids = [.. new DatasetValidator().Validate(new DatasetReader().Read(example)).Diagnostics.Select(d => d.Id)];
        Assert.NotEmpty(ids);
        string idList = string.Join(",", ids);
        var agreement = new Agreement(new AgreementId("accord"), "Accord", kind: AgreementKind.PeaceProcess);
        string agreementLine = ConflictJsonSerializer.SerializeRecord(agreement);
        Assert.Contains("\"kind\":\"peaceProcess\"", agreementLine, StringComparison.Ordinal);
        IEnumerable<string> groups = CasualtyEnvelope.GroupsOf(dataset).Select(g => $"group: {g}");
        Assert.NotEmpty(groups);
        return string.Join('\n', [
            $"records: {dataset.RecordCount}",
            $"document: {dataset.RecordCount} records, same bytes as Serialize: True",
            $"json lines: {dataset.RecordCount} records, same text as SerializeLines: True",
            $"Text: {idList}",
            $"Json: {idList}",
            $"Sarif 2.1.0: {idList}",
            $"GitHub: {ids.Length} annotation(s)",
            .. groups,
            $"event kinds: {string.Join(", ", dataset.Events.Select(e => e.Kind).Distinct().Order())}",
            $"agreement: {agreementLine}",
            "Unspecified rejected: True",
            "default event kind: Unspecified",
            $"reading 'unspecified': {ReaderDiagnostics.UnknownEnumValue.Id}",
            string.Empty,
        ]);
    }

    /// <summary>A consumer of the package: the writer (both forms), the four report writers, the envelope groups, the *Kind enums.</summary>
    private const string ConsumerProgram = """"
        using System.Text;
        using System.Text.Json;
        using System.Text.RegularExpressions;
        using ConflictModel.Diagnostics;
        using ConflictModel.Model;
        using ConflictModel.Reporting;
        using ConflictModel.Serialization;
        using ConflictModel.Validation;

        string path = args[0];
        Dataset dataset = ConflictJsonSerializer.Deserialize(File.ReadAllBytes(path));
        Console.WriteLine($"records: {dataset.RecordCount}");

        // DatasetWriter, both forms: the header carries the first five records, the rest are written one by one.
        Dataset header = Dataset.Create(dataset.Info, dataset.Records.Take(5)).WithExtensions(dataset.Extensions);
        ConflictRecord[] rest = [.. dataset.Records.Skip(5)];
        var document = new MemoryStream();
        using (DatasetWriter writer = DatasetWriter.CreateDocument(document, header))
        {
            foreach (ConflictRecord record in rest)
            {
                writer.Write(record);
            }

            writer.Complete();
            Console.WriteLine($"document: {writer.RecordCount} records, same bytes as Serialize: {document.ToArray().AsSpan().SequenceEqual(ConflictJsonSerializer.SerializeToUtf8Bytes(dataset))}");
        }

        var lines = new MemoryStream();
        await using (DatasetWriter writer = DatasetWriter.CreateJsonLines(lines, header))
        {
            foreach (ConflictRecord record in rest)
            {
                await writer.WriteAsync(record);
            }

            await writer.CompleteAsync();
            Console.WriteLine($"json lines: {writer.RecordCount} records, same text as SerializeLines: {Encoding.UTF8.GetString(lines.ToArray()) == ConflictJsonSerializer.SerializeLines(dataset)}");
        }

        // The four report writers on one validation result.
        ValidationResult result = new DatasetValidator().Validate(new DatasetReader().Read(path));
        ValidationReport report = ValidationReport.FromResults([result]);
        foreach (ReportFormat format in Enum.GetValues<ReportFormat>())
        {
            string written = ReportWriter.Create(format).WriteToString(report);
            string seen = format switch
            {
                ReportFormat.Text => string.Join(",", Regex.Matches(written, @"^.*\(\d+,\d+\): (?:error|warning|info) (CM\d{4}):", RegexOptions.Multiline).Select(m => m.Groups[1].Value)),
                ReportFormat.Json => string.Join(",", JsonDocument.Parse(written).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString())),
                ReportFormat.Sarif => JsonDocument.Parse(written).RootElement is var sarif
                    ? $"{sarif.GetProperty("version").GetString()}: " + string.Join(",", sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()))
                    : "",
                ReportFormat.GitHub => $"{written.Split('\n').Count(l => l.StartsWith("::notice ", StringComparison.Ordinal) || l.StartsWith("::warning ", StringComparison.Ordinal) || l.StartsWith("::error ", StringComparison.Ordinal))} annotation(s)",
                _ => throw new InvalidOperationException(format.ToString()),
            };
            Console.WriteLine(format == ReportFormat.Sarif ? $"Sarif {seen}" : $"{format}: {seen}");
        }

        // The contested figures.
        foreach (CasualtyEstimateGroup group in CasualtyEnvelope.GroupsOf(dataset))
        {
            Console.WriteLine($"group: {group}");
        }

        // The *Kind enums, and what Unspecified (their 0) does.
        Console.WriteLine($"event kinds: {string.Join(", ", dataset.Events.Select(e => e.Kind).Distinct().Order())}");
        var agreement = new Agreement(new AgreementId("accord"), "Accord", kind: AgreementKind.PeaceProcess);
        Console.WriteLine($"agreement: {ConflictJsonSerializer.SerializeRecord(agreement)}");
        bool rejected = false;
        try
        {
            _ = agreement with { Kind = AgreementKind.Unspecified };
        }
        catch (ArgumentException)
        {
            rejected = true;
        }

        Console.WriteLine($"Unspecified rejected: {rejected}");
        EventKind kind = default;
        Console.WriteLine($"default event kind: {kind}");
        DatasetReadResult read = new DatasetReader().ReadText("""{"formatVersion":"1.0","info":{"title":"t"},"agreements":[{"id":"a","name":"A","kind":"unspecified"}]}""", DatasetFormat.Document);
        Console.WriteLine($"reading 'unspecified': {string.Join(",", read.Diagnostics.Where(d => d.IsError).Select(d => d.Id))}");
        """";

    [Fact]
    public void Tool_InstalledFromItsPackage_Runs()
    {
        string toolPath = Directory.CreateTempSubdirectory("conflictmodel-toolpath-").FullName;
        try
        {
            ProcessResult install = ProcessRunner.Run("dotnet", ["tool", "install", "ConflictModel.Tool", "--tool-path", toolPath, "--add-source", _packages.Folder, "--version", _packages.Version], toolPath, timeout: ProcessRunner.BuildTimeout);
            Assert.True(install.ExitCode == 0, install.ToString());

            ProcessResult run = ProcessRunner.Run(Path.Combine(toolPath, "conflictmodel"), ["stats", "examples/seed-asif-geo-tv.json"], Repository.Root);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("examples/seed-asif-geo-tv.json: Seed article 000", run.Output, StringComparison.Ordinal);

            ProcessResult version = ProcessRunner.Run(Path.Combine(toolPath, "conflictmodel"), ["--version"], Repository.Root);
            Assert.StartsWith(_packages.Version, version.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(toolPath, recursive: true);
        }
    }

    [Fact]
    public void NativeAotApp_PublishesWithoutWarningsAndRoundTripsTheExamples()
    {
        string output = Directory.CreateTempSubdirectory("conflictmodel-aot-").FullName;
        try
        {
            ProcessResult publish = ProcessRunner.Run("dotnet", ["publish", Repository.Path("tests", "ConflictModel.AotSmoke"), "-c", "Release", "-o", output], Repository.Root, timeout: ProcessRunner.BuildTimeout);
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);

            ProcessResult run = ProcessRunner.Run(Path.Combine(output, "ConflictModel.AotSmoke"), [Repository.Path("examples", "seed-merged.json"), Repository.Path("examples", "seed-merged.jsonl")], Repository.Root);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(
                """
                seed-merged.json: 75 records, round trip ok, contested 1, edtf 2025-08-31, validation 0 error(s) 0 warning(s) 1 info(s), reader agrees
                seed-merged.jsonl: 75 records, round trip ok, contested 1, edtf 2025-08-31, validation 0 error(s) 0 warning(s) 1 info(s), reader agrees
                bad date: rejected ($.events[0].date)

                """.ReplaceLineEndings("\n"),
                run.Output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Packs the solution once for the class, with a version no cache has seen.</summary>
    public sealed class PackedPackages : IDisposable
    {
        public PackedPackages()
        {
            Folder = Directory.CreateTempSubdirectory("conflictmodel-packages-").FullName;
            Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            ProcessResult pack = ProcessRunner.Run("dotnet", ["pack", Repository.Path("ConflictModel.sln"), "-c", "Release", "-o", Folder, $"-p:Version={Version}"], Repository.Root, timeout: ProcessRunner.BuildTimeout);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        public string Folder { get; }

        public string Version { get; }

        public string Library => Path.Combine(Folder, $"ConflictModel.{Version}.nupkg");

        public string Tool => Path.Combine(Folder, $"ConflictModel.Tool.{Version}.nupkg");

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Xml.Linq;
using Xunit;

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
    public void FreshProject_ConsumingThePackage_ReadsAnExample()
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
            File.WriteAllText(Path.Combine(folder, "Program.cs"), """
                using ConflictModel.Model;
                using ConflictModel.Serialization;
                using ConflictModel.Validation;

                Dataset dataset = ConflictJsonSerializer.Deserialize(File.ReadAllBytes(args[0]));
                var estimates = dataset.CasualtyEstimates.Where(e => e.Population == CasualtyPopulation.Killed && e.Side == new ActorId("taliban")).ToList();
                Console.WriteLine($"{dataset.RecordCount} records; Taliban killed estimates contradict: {CasualtyEnvelope.Of(estimates).IsContradictory}");
                ValidationResult result = new DatasetValidator().Validate(new DatasetReader().Read(args[0]));
                foreach (Diagnostic diagnostic in result.Diagnostics)
                {
                    Console.WriteLine(diagnostic.Id);
                }
                """);

            ProcessResult run = ProcessRunner.Run("dotnet", ["run", "--", Repository.Path("examples", "seed-merged.json")], folder, timeout: ProcessRunner.BuildTimeout);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("75 records; Taliban killed estimates contradict: True\nCM2008\n", run.Output.ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

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

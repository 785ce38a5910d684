using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The ConflictModel.Build package as a user meets it: packed to a local feed, referenced by a fresh project that lists
/// its datasets as <c>ConflictDataset</c> items, and <c>dotnet build</c> run on that project. The diagnostics are read
/// from MSBuild's own output, so what is checked is what MSBuild made of them (errors and warnings at file, line and
/// column, NoWarn, TreatWarningsAsErrors), not what the tool printed.
/// </summary>
public sealed partial class BuildIntegrationTests : IClassFixture<BuildIntegrationTests.BuildPackage>, IDisposable
{
    private const string Header = """{"type":"dataset","formatVersion":"1.0","info":{"title":"Fixture"}}""";
    private const string Pakistan = """{"type":"actor","id":"pk","name":"Pakistan","kind":"state"}""";
    private const string Afghanistan = """{"type":"actor","id":"af","name":"Afghanistan","kind":"state"}""";
    private const string Empire = """{"type":"actor","id":"a","name":"A","kind":"empire"}""";
    private const string Talks = """{"type":"event","id":"e1","kind":"talks","participants":[{"actor":"a","role":"host"}]}""";

    private const string UnknownKind = "data/broken.jsonl(2,44): error CM0009: 'empire' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other";
    private const string NoSource = "data/broken.jsonl(3,1): warning CM5009: The event cites no source";

    private readonly BuildPackage _package;
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-build-").FullName;

    public BuildIntegrationTests(BuildPackage package)
    {
        _package = package;
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Folder}" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        WriteLines("data/good.jsonl", Header, Pakistan, Afghanistan);
        WriteLines("data/broken.jsonl", Header, Empire, Talks);
    }

    [Fact]
    public void Build_ReportsEachDiagnosticAtItsLine_FailsOnErrors_AndSkipsValidationWhenNothingChanged()
    {
        WriteProject(string.Empty);

        ProcessResult broken = Build();
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Equal([UnknownKind, NoSource], Diagnostics());

        // A failed validation is not remembered as done: the next build validates again.
        ProcessResult again = Build();
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Equal([UnknownKind, NoSource], Diagnostics());

        WriteLines("data/broken.jsonl", Header, Empire.Replace("empire", "state", StringComparison.Ordinal), Talks);
        ProcessResult fixedData = Build();
        Assert.True(fixedData.ExitCode == 0, fixedData.ToString());
        Assert.Equal([NoSource], Diagnostics());
        Assert.Contains("2 file(s), 4 record(s): 0 error(s), 1 warning(s), 2 info(s)", fixedData.Output, StringComparison.Ordinal);

        // Nothing changed: the target is skipped, as the compiler's is (and, as with the compiler's, its warnings are not repeated).
        ProcessResult unchanged = Build();
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Empty(Diagnostics());
        Assert.Contains("Skipping target \"ConflictModelValidate\" because all output files are up-to-date", unchanged.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("file(s)", unchanged.Output, StringComparison.Ordinal);

        // A dataset taken out of the list is a change too (its file did not change, the list did).
        WriteProject(string.Empty, datasets: "data/good.jsonl");
        ProcessResult fewer = Build();
        Assert.True(fewer.ExitCode == 0, fewer.ToString());
        Assert.Contains("1 file(s), 2 record(s): 0 error(s), 0 warning(s), 2 info(s)", fewer.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TreatWarningsAsErrors_NoWarn_WarningsNotAsErrors_AndTheConfigurationBesideTheData_Apply()
    {
        WriteLines("data/broken.jsonl", Header, Empire.Replace("empire", "state", StringComparison.Ordinal), Talks);
        string asError = NoSource.Replace("warning CM5009", "error CM5009", StringComparison.Ordinal);

        WriteProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        ProcessResult promoted = Build();
        Assert.True(promoted.ExitCode == 1, promoted.ToString());
        Assert.Equal([asError], Diagnostics());

        WriteProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors><NoWarn>$(NoWarn);CM5009</NoWarn>");
        ProcessResult silenced = Build();
        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.Empty(Diagnostics());

        WriteProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>CM5009</WarningsNotAsErrors>");
        ProcessResult exempted = Build();
        Assert.True(exempted.ExitCode == 0, exempted.ToString());
        Assert.Equal([NoSource], Diagnostics());

        WriteProject("<WarningsAsErrors>CM5009</WarningsAsErrors>");
        ProcessResult listed = Build();
        Assert.True(listed.ExitCode == 1, listed.ToString());
        Assert.Equal([asError], Diagnostics());

        // The .conflictmodel.json beside the data applies, as on the command line, and adding one validates again.
        WriteProject(string.Empty);
        File.WriteAllText(Path.Combine(_folder, "data", ".conflictmodel.json"), """{"severity":{"CM5009":"error","CM1012":"warning"}}""");
        ProcessResult configured = Build();
        Assert.True(configured.ExitCode == 1, configured.ToString());
        Assert.Equal(
            [
                asError,
                "data/good.jsonl(2,22): warning CM1012: No record mentions actor 'pk'",
                "data/good.jsonl(3,22): warning CM1012: No record mentions actor 'af'",
            ],
            Diagnostics());
        Assert.Contains("configuration: data/.conflictmodel.json", configured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_HoldsTheTargetsTheToolAndTheRuleIds_AndNoLibrary()
    {
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(_package.Folder, $"ConflictModel.Build.{_package.Version}.nupkg"));
        string[] entries = [.. package.Entries.Select(e => e.FullName)];
        foreach (string folder in (string[])["build", "buildTransitive"])
        {
            Assert.Contains($"{folder}/ConflictModel.Build.props", entries);
            Assert.Contains($"{folder}/ConflictModel.Build.targets", entries);
            Assert.Contains($"{folder}/ConflictModel.Build.RuleIds.props", entries);
        }

        Assert.Contains("tools/net10.0/any/ConflictModel.Cli.dll", entries);
        Assert.Contains("tools/net10.0/any/ConflictModel.Cli.runtimeconfig.json", entries);
        Assert.Contains("tools/net10.0/any/ConflictModel.dll", entries);
        Assert.DoesNotContain("tools/net10.0/any/ConflictModel.Cli", entries); // the launcher is for the packing machine only
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        // Every rule page is a rule id the TreatWarningsAsErrors mapping knows.
        using var reader = new StreamReader(package.GetEntry("build/ConflictModel.Build.RuleIds.props")!.Open());
        string ids = XDocument.Parse(reader.ReadToEnd()).Descendants("ConflictModelRuleIds").Single().Value;
        string[] pages = [.. Directory.GetFiles(Repository.Path("docs", "rules"), "CM*.md").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];
        Assert.Equal(pages, ids.Split(';').Order(StringComparer.Ordinal));

        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XDocument metadata = XDocument.Parse(nuspec.ReadToEnd());
        Assert.Equal("true", metadata.Descendants().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void MissingDataset_IsABuildErrorNamingIt()
    {
        WriteProject(string.Empty, datasets: "data/good.jsonl;data/missing.jsonl");

        ProcessResult build = Build();

        Assert.True(build.ExitCode == 1, build.ToString());
        string[] diagnostics = Diagnostics();
        Assert.Equal(2, diagnostics.Length);
        Assert.Matches(@"ConflictModel\.Build\.targets\(\d+,\d+\): error : conflictmodel: data/missing\.jsonl: no such file or directory$", diagnostics[0]);
        Assert.EndsWith("error : conflictmodel validate ended with exit code 2; see the lines above.", diagnostics[1], StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The errors and warnings of the last build, in the order they were logged, without the project name MSBuild
    /// appends: the build's file log at quiet verbosity holds exactly those (the console repeats them at the end).
    /// </summary>
    private string[] Diagnostics() => [.. File.ReadAllLines(Path.Combine(_folder, "build.log")).Where(line => line.Length > 0).Select(line => ProjectSuffix().Replace(line, string.Empty))];

    [GeneratedRegex(@" \[[^\]]*\.csproj\]$")]
    private static partial Regex ProjectSuffix();

    /// <summary>Builds the fixture, with its own package cache and no build server left behind.</summary>
    private ProcessResult Build()
        => ProcessRunner.Run(
            "dotnet",
            ["build", "-nologo", "-v:n", "-nodeReuse:false", "-flp:logfile=build.log;verbosity=quiet;NoSummary"],
            _folder,
            timeout: ProcessRunner.BuildTimeout,
            environment: new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _package.Cache, ["MSBUILDDISABLENODEREUSE"] = "1" });

    private void WriteProject(string properties, string datasets = "data/**/*.jsonl")
        => File.WriteAllText(Path.Combine(_folder, "Fixture.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ConflictModel.Build" Version="{_package.Version}" PrivateAssets="all" />
                <ConflictDataset Include="{datasets}" />
              </ItemGroup>
            </Project>
            """);

    private void WriteLines(string name, params string[] lines) => File.WriteAllText(Path.Combine(_folder, name), string.Join('\n', lines) + "\n");

    /// <summary>Packs ConflictModel.Build once for the class, with a version no cache has seen, and a package cache of its own.</summary>
    public sealed class BuildPackage : IDisposable
    {
        public BuildPackage()
        {
            Folder = Directory.CreateTempSubdirectory("conflictmodel-build-feed-").FullName;
            Cache = Directory.CreateTempSubdirectory("conflictmodel-build-cache-").FullName;
            Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            ProcessResult pack = ProcessRunner.Run("dotnet", ["pack", Repository.Path("src", "ConflictModel.Build"), "-c", "Release", "-o", Folder, $"-p:Version={Version}"], Repository.Root, timeout: ProcessRunner.BuildTimeout);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        public string Folder { get; }

        public string Cache { get; }

        public string Version { get; }

        public void Dispose()
        {
            Directory.Delete(Folder, recursive: true);
            Directory.Delete(Cache, recursive: true);
        }
    }
}

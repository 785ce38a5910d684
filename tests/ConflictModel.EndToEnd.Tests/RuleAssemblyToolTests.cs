using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// <c>conflictmodel validate --rules</c> run as a process: samples/ConflictModel.SampleRules (an ACME rule with its own id
/// prefix) is built as its author would build it, and the tool loads its rule from the assembly; bad --rules paths
/// exit 2 with one line naming the file.
/// </summary>
public sealed class RuleAssemblyToolTests : IDisposable
{
    private const string Lines = """
        {"type":"dataset","formatVersion":"1.0","info":{"title":"t"}}
        {"type":"actor","id":"a","name":"A","kind":"state"}
        {"type":"event","id":"e1","kind":"statement","title":"Somewhere","date":"2025-05","location":{"country":"PAK"},"participants":[{"actor":"a","role":"initiator"}]}
        {"type":"event","id":"e2","kind":"statement","title":"Nowhere","date":"2025-05","participants":[{"actor":"a","role":"initiator"}]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-rules-").FullName;

    [Fact]
    public void Validate_WithRulesAssembly_ReportsTheAuthorsDiagnosticWithItsPosition()
    {
        string output = Path.Combine(_folder, "rules");
        ProcessResult build = ProcessRunner.Run("dotnet", ["build", Repository.Path("samples", "ConflictModel.SampleRules", "ConflictModel.SampleRules.csproj"), "-o", output, "-nologo", "-v", "q"], timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.ToString());
        string dll = Path.Combine(output, "ConflictModel.SampleRules.dll");
        // `dotnet build -o` puts the referenced ConflictModel.dll beside the rules too: the tool must still give the
        // rules its own ConflictModel (a second copy's DatasetRule would not be the tool's, and no rule would load).
        File.WriteAllText(Path.Combine(_folder, "data.jsonl"), Lines.ReplaceLineEndings("\n") + "\n");

        ProcessResult result = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--rules", dll);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        string acme = Assert.Single(lines, l => l.Contains("ACME001", StringComparison.Ordinal));
        Assert.Equal("data.jsonl(4,1): warning ACME001: Event 'e2' does not say which country it happened in", acme);

        // Configured by its id like the library's rules.
        File.WriteAllText(Path.Combine(_folder, ".conflictmodel.json"), """{"severity":{"ACME001":"error"}}""");
        ProcessResult configured = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--rules", dll);
        Assert.Equal(1, configured.ExitCode);
        Assert.Contains("data.jsonl(4,1): error ACME001: Event 'e2' does not say which country it happened in", configured.Output.Split('\n'));
        Assert.DoesNotContain("CM09", configured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithBadRulesPath_ExitsTwoNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "data.jsonl"), Lines.ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(Path.Combine(_folder, "notes.dll"), "not an assembly");

        ProcessResult missing = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--rules", "missing.dll");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("conflictmodel: --rules missing.dll: no such file", missing.Error.TrimEnd('\n'));

        ProcessResult notAssembly = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--rules", "notes.dll");
        Assert.Equal(2, notAssembly.ExitCode);
        Assert.Equal("conflictmodel: --rules notes.dll: not a .NET assembly", notAssembly.Error.TrimEnd('\n'));

        // An assembly without rules (the tool's own library) is named too.
        ProcessResult noRules = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--rules", Path.Combine(AppContext.BaseDirectory, "NodaTime.dll"));
        Assert.Equal(2, noRules.ExitCode);
        Assert.Contains("no public rule in it", noRules.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

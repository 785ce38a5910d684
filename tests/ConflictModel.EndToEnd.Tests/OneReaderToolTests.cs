using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// Every command reads through the one reader: <c>stats</c>, <c>convert</c> and <c>export</c> on a broken file print
/// exactly the located diagnostics <c>validate</c> prints, in the chosen format, and no .NET type name or exception text.
/// </summary>
public sealed class OneReaderToolTests : IDisposable
{
    private const string BrokenLines = """
        {"type":"dataset","formatVersion":"1.0","info":{"title":"t"}}
        {"type":"actor","id":"a","name":"A","kind":"stat"}
        {"type":"casualtyEstimate","id":"k","population":"killed","figure":{"best":-600000}}
        {"type":"actor","id":

        """;

    private const string BrokenDocument = """{"formatVersion":"1.0","info":{"title":"t"},"actors":[{"id":"a","name":"A","kind":"empire"}],"events":[{"id":"e","kind":"talks","date":"2023-02-30","participants":[{"actor":"zz","role":"host"}]}]}""";

    private static readonly string[][] Readers = [["stats"], ["convert"], ["export", "ucdp-ged"]];

    private readonly string _folder = Directory.CreateTempSubdirectory("conflictmodel-one-reader-").FullName;

    [Theory]
    [InlineData("broken.jsonl", BrokenLines)]
    [InlineData("broken.json", BrokenDocument)]
    public void BrokenFile_EveryCommandPrintsValidatesDiagnostics(string name, string content)
    {
        File.WriteAllText(Path.Combine(_folder, name), content.ReplaceLineEndings("\n"));
        ProcessResult validate = ProcessRunner.Tool(_folder, "validate", name);
        string[] expected = DiagnosticLines(validate.Output);
        Assert.Equal(1, validate.ExitCode);
        Assert.True(expected.Length >= 3, validate.ToString());

        foreach (string[] command in Readers)
        {
            ProcessResult result = ProcessRunner.Tool(_folder, [.. command, name]);
            Assert.True(result.ExitCode == 1, $"{command[0]}: {result}");
            Assert.Equal(expected, DiagnosticLines(result.Error));
            Assert.Equal(string.Empty, result.Output); // nothing converted, exported or summarised from a broken input
            Assert.DoesNotContain("ConflictModel.", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BrokenFile_JsonDiagnosticsFormat_IsValidatesJsonReport()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.jsonl"), BrokenLines.ReplaceLineEndings("\n"));
        ProcessResult validate = ProcessRunner.Tool(_folder, "validate", "broken.jsonl", "--format", "json");
        foreach (string[] command in Readers)
        {
            ProcessResult result = ProcessRunner.Tool(_folder, [.. command, "broken.jsonl", "--diagnostics-format", "json"]);
            Assert.True(result.ExitCode == 1, $"{command[0]}: {result}");
            using JsonDocument ours = JsonDocument.Parse(result.Error);
            using JsonDocument theirs = JsonDocument.Parse(validate.Output);
            Assert.Equal(JsonArrayLength(theirs.RootElement), JsonArrayLength(ours.RootElement));
            Assert.True(JsonArrayLength(ours.RootElement) >= 3, result.Error);
            Assert.Equal(theirs.RootElement.GetRawText(), ours.RootElement.GetRawText());
        }
    }

    [Fact]
    public void GoodFile_StatsStreamingSummary_IsUnchanged()
    {
        // The streamed summary of the JSON Lines form equals the summary of the same dataset as a document.
        ProcessResult document = ProcessRunner.Tool(Repository.Root, "stats", "examples/seed-merged.json");
        ProcessResult lines = ProcessRunner.Tool(Repository.Root, "stats", "examples/seed-merged.jsonl");
        Assert.True(document.ExitCode == 0 && lines.ExitCode == 0, document + "\n" + lines);
        Assert.Equal(document.Output.Split('\n')[1..], lines.Output.Split('\n')[1..]);
        Assert.Contains("contested casualty figures: ", lines.Output, StringComparison.Ordinal);
    }

    private static int JsonArrayLength(JsonElement report) => report.ValueKind == JsonValueKind.Array ? report.GetArrayLength() : report.GetProperty("diagnostics").GetArrayLength();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The <c>path(line,col): severity ID: message</c> lines, without the summary.</summary>
    private static string[] DiagnosticLines(string output)
        => [.. output.Split('\n').Where(line => line.Contains("): ", StringComparison.Ordinal) && line.Contains(" CM", StringComparison.Ordinal))];
}

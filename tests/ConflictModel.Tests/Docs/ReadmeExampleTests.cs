using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Docs;

/// <summary>
/// The README's 30-second example, kept compiling and true: the code between the markers below is the README's code
/// block, and what it prints is what the README's comments say it prints (each <c>Console.WriteLine</c> line's comment
/// begins with its output; a colon or a parenthesis starts the explanation).
/// </summary>
[Collection(nameof(ConsoleOutput))]
public partial class ReadmeExampleTests
{
    [Fact]
    public void ThirtySecondExample_IsTheReadmesCode()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("## In 30 seconds", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no 'In 30 seconds' section");
        Match block = CodeBlock().Match(readme, section);
        Assert.True(block.Success, "README's 'In 30 seconds' section has no csharp code block");
        string[] readmeCode = [.. block.Groups[1].Value.Split('\n').Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).Select(l => l.Trim()).Where(l => l.Length > 0)];
        Assert.Equal(readmeCode, ExampleLines());
    }

    [Fact]
    public void ThirtySecondExample_PrintsWhatTheReadmeSays()
    {
        string[] expected = [.. ExampleLines().Where(l => l.StartsWith("Console.WriteLine(", StringComparison.Ordinal)).Select(ExpectedOutput)];
        var output = new StringWriter { NewLine = "\n" };
        TextWriter original = Console.Out;
        Console.SetOut(output);
        try
        {
            _ = RunExample();
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(expected, output.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void ThirtySecondExample_Works()
    {
        (Dataset dataset, Dataset again) = RunExample();
        Assert.Equal(dataset, again);
        Assert.Equal(new NodaTime.LocalDate(2025, 10, 1), again.Claims[0].Made?.Earliest);
        Assert.Equal(201, again.CasualtyEstimates[0].Figure.Minimum());
    }

    /// <summary>
    /// The flagship example is what a new user copies: it must draw no finding at all, of any severity, from the rules
    /// <c>conflictmodel validate</c> runs (issue 15), in either wire form, loaded or streamed.
    /// </summary>
    [Fact]
    public void ThirtySecondExample_ValidatesClean()
    {
        (Dataset dataset, _) = RunExample();
        var validator = new DatasetValidator(ValidationOptions.Default with { Today = new NodaTime.LocalDate(2026, 1, 1) });
        var reader = new DatasetReader();
        foreach ((DatasetFormat format, string text) in new[] { (DatasetFormat.Document, ConflictJsonSerializer.Serialize(dataset)), (DatasetFormat.JsonLines, ConflictJsonSerializer.SerializeLines(dataset)) })
        {
            ValidationResult loaded = validator.Validate(reader.ReadText(text, format, "readme"));
            Assert.True(loaded.Diagnostics.IsEmpty, $"{format}, loaded:\n{string.Join("\n", loaded.Diagnostics)}");
            using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "readme", format);
            ValidationResult streamed = validator.Validate(records);
            Assert.True(streamed.Diagnostics.IsEmpty, $"{format}, streamed:\n{string.Join("\n", streamed.Diagnostics)}");
        }
    }

    /// <summary>Runs the README's code, between the markers, and gives the dataset it makes and the one it reads back.</summary>
    private static (Dataset Dataset, Dataset Again) RunExample()
    {
        // README example begins
        var taliban = new Actor(new ActorId("taliban"), "Taliban", ActorKind.Government, country: new CountryCode("AFG"));
        var pakistan = new Actor(new ActorId("pakistan"), "Pakistan", ActorKind.State, aliases: ["Islamabad"], country: new CountryCode("PAK"));
        var article = new Source(new SourceId("article-002"), SourceKind.NewsArticle, language: "en");

        // "over 200 Taliban fighters were reportedly killed" (in October 2025): a figure with an open lower bound, claimed by Pakistan.
        var over200 = new CasualtyEstimate(new CasualtyEstimateId("over-200"), CasualtyPopulation.Killed,
            CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200"), side: taliban.Id, period: EdtfDate.Parse("2025-10~"),
            claimedBy: pakistan.Id);
        var claim = new Claim(new ClaimId("claim-over-200"), pakistan.Id, ClaimStance.Asserts, ClaimSubject.About(over200.Id),
            made: EdtfDate.Parse("2025-10~"),
            sources: [new Citation(article.Id, "over 200 Taliban fighters were reportedly killed")]);

        Dataset dataset = Dataset.Create(new DatasetInfo("Example", license: "CC0-1.0"), [article, taliban, pakistan, over200, claim]);
        string json = ConflictJsonSerializer.Serialize(dataset);          // or SerializeLines(dataset) for JSON Lines
        Dataset again = ConflictJsonSerializer.Deserialize(json);
        Console.WriteLine(again == dataset);                               // True: records compare by value
        Console.WriteLine(again.Claims[0].Made);                           // 2025-10~ (an approximate month, as EDTF)
        Console.WriteLine(again.Claims[0].Made?.Earliest?.ToString("uuuu-MM-dd", null)); // 2025-10-01 (its earliest day)
        // README example ends

        return (dataset, again);
    }

    /// <summary>The comment of a <c>Console.WriteLine</c> line up to its explanation: the output it promises.</summary>
    private static string ExpectedOutput(string line)
    {
        string comment = line[(line.IndexOf("// ", StringComparison.Ordinal) + 3)..];
        int end = comment.IndexOfAny([':', '(']);
        return (end < 0 ? comment : comment[..end]).Trim();
    }

    /// <summary>The example's lines in this file, between the markers, trimmed.</summary>
    private static string[] ExampleLines()
    {
        // Found from the repository root, not [CallerFilePath]: builds map source paths to /_/ (Directory.Build.props).
        string[] lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "ConflictModel.Tests", "Docs", "ReadmeExampleTests.cs"));
        int begin = Array.FindIndex(lines, l => l.Trim() == "// README example begins");
        int end = Array.FindIndex(lines, l => l.Trim() == "// README example ends");
        return [.. lines[(begin + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}

/// <summary>Tests that replace <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput
{
}

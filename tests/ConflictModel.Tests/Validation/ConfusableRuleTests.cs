using System;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using ConflictModel.Validation.Rules;
using Xunit;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// CM1013 (invisible characters) and CM1014 (look-alike ids and names), each case run loaded and streamed (JSON Lines
/// and the JSON document form), which must give the same diagnostics.
/// </summary>
public class ConfusableRuleTests
{
    private static string Actor(string id, string name, string? alias = null)
        => "{\"type\":\"actor\",\"id\":" + Json(id) + ",\"name\":" + Json(name) + ",\"kind\":\"group\"" + (alias is null ? string.Empty : ",\"aliases\":[" + Json(alias) + "]") + "}";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>Validates loaded and streamed (both forms); asserts they agree; returns the CM1013/CM1014 lines.</summary>
    private static string[] Run(params string[] records)
    {
        string text = RuleHarness.Lines(records);
        ValidationOptions options = RuleHarness.AllRulesOn();
        var reader = new DatasetReader();
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        string[] loaded = Describe(new DatasetValidator(options).Validate(reader.ReadUtf8(bytes, DatasetFormat.JsonLines, "test.jsonl")));
        using (DatasetRecordReader streamed = reader.OpenRecords(new MemoryStream(bytes), "test.jsonl", DatasetFormat.JsonLines))
        {
            Assert.Equal(loaded, Describe(new DatasetValidator(options).Validate(streamed)));
        }

        // The same records as a document, streamed record by record and loaded: the same findings, by pointer.
        string document = "{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"Test\"},\"actors\":[" + string.Join(",", records.Select(r => r.Replace("\"type\":\"actor\",", string.Empty, StringComparison.Ordinal))) + "]}";
        byte[] documentBytes = Encoding.UTF8.GetBytes(document);
        string[] loadedDocument = Describe(new DatasetValidator(options).Validate(reader.ReadUtf8(documentBytes, DatasetFormat.Document, "test.json")));
        using (DatasetRecordReader streamedDocument = reader.OpenRecords(new MemoryStream(documentBytes), "test.json", DatasetFormat.Document))
        {
            Assert.Equal(loadedDocument, Describe(new DatasetValidator(options).Validate(streamedDocument)));
        }

        Assert.Equal(loaded.Length, loadedDocument.Length);
        return loaded;
    }

    private static string[] Describe(ValidationResult result)
        => [.. result.Diagnostics.Where(d => d.Id is "CM1013" or "CM1014")
            .Select(d => $"{d.Id} {d.Location.StartLine}:{d.Location.JsonPointer} [{string.Join(",", d.AdditionalLocations.Select(l => $"{l.StartLine}:{l.JsonPointer}"))}] {d.GetMessage()}")];

    [Fact]
    public void CyrillicLetterInAnId_LooksLikeTheLatinId_BothPlacesNamed()
    {
        string[] found = Run(Actor("taliban", "Taliban"), Actor("t\u0430liban", "Taliban movement"));
        string single = Assert.Single(found);
        Assert.Equal("CM1014 3:/id [2:/id] Actor id 't\u0430liban' looks like 'taliban', another actor id, but is a different text (character 2 is U+0430 where the other has U+0061)", single);
    }

    [Fact]
    public void CyrillicId_BeforeTheLatinOne_IsStillFoundAtTheCyrillicOne()
    {
        string[] found = Run(Actor("t\u0430liban", "Taliban movement"), Actor("taliban", "Taliban"));
        Assert.StartsWith("CM1014 2:/id [3:/id] ", Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public void CyrillicCapitalI_MatchesAnAsciiIdSpelledWithTheDigitOne()
    {
        // U+0406 has the skeleton "l", as have 'l', 'I', '1' and '|': every ASCII spelling is looked up.
        string[] found = Run(Actor("unit-1", "Unit one"), Actor("unit-\u0406", "Unit I"));
        Assert.Contains("looks like 'unit-1'", Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoNonAsciiIds_WithOneSkeleton_AreReported()
    {
        // Greek capital omicron and Cyrillic capital O, both the skeleton "O".
        string[] found = Run(Actor("\u039f-1", "One"), Actor("\u041e-1", "Two"));
        Assert.StartsWith("CM1014 3:/id [2:/id] ", Assert.Single(found), StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroWidthSpaceInAnId_IsInvisibleAndLooksLikeThePlainId()
    {
        string[] found = Run(Actor("taliban", "Taliban"), Actor("tali\u200Bban", "Other"));
        Assert.Equal(
            [
                "CM1013 3:/id [] Actor id 'tali\\u200Bban' contains U+200B ZERO WIDTH SPACE at character 5",
                "CM1014 3:/id [2:/id] Actor id 'tali\\u200Bban' looks like 'taliban', another actor id, but is a different text (character 5 is U+200B where the other has U+0062)",
            ],
            found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE")]
    [InlineData("\u200F", "U+200F RIGHT-TO-LEFT MARK")]
    [InlineData("\u00AD", "U+00AD SOFT HYPHEN")]
    [InlineData("\uFEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE")]
    [InlineData("\u2060", "U+2060 WORD JOINER")]
    public void BidiAndInvisibleControls_InANameAndAnAlias_AreReportedWhereTheyAre(string control, string described)
    {
        string[] found = Run(Actor("a", "Ali" + control + "ce", "B" + control + "ob"));
        Assert.Equal(
            [
                $"CM1013 2:/aliases/0 [] Actor alias 'B\\u{char.ConvertToUtf32(control, 0):X4}ob' contains {described} at character 2",
                $"CM1013 2:/name [] Actor name 'Ali\\u{char.ConvertToUtf32(control, 0):X4}ce' contains {described} at character 4",
            ],
            found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ZeroWidthNonJoiner_InsideAPersianWord_IsAcceptedInNamesButNotInIds()
    {
        // می‌خواهم: Persian spells this word with U+200C between its first two letters.
        const string persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        Assert.Empty(Run(Actor("p", persian)));
        Assert.StartsWith("CM1013 2:/id [] ", Assert.Single(Run(Actor(persian, "P"))), StringComparison.Ordinal);
        Assert.StartsWith("CM1013 2:/name [] ", Assert.Single(Run(Actor("q", "Ali\u200Cce"))), StringComparison.Ordinal);
    }

    [Fact]
    public void ActorNames_ThatLookAlike_AreReportedWithBothNames()
    {
        string[] found = Run(Actor("a1", "Taliban"), Actor("a2", "T\u0430liban"));
        Assert.Equal("CM1014 3:/name [2:/name] Actor name 'T\u0430liban' looks like 'Taliban', the name of actor 'a1', but is a different text (character 2 is U+0430 where the other has U+0061)", Assert.Single(found));
    }

    [Fact]
    public void ActorNames_Identical_AreLeftToCM1008_AndAsciiIdsAreNotComparedWithEachOther()
    {
        // The same name twice is CM1008's; "al" and "a1", "rn" and "m" share skeletons but are ordinary in ASCII ids.
        Assert.Empty(Run(Actor("al", "Same"), Actor("a1", "Same"), Actor("rn", "Other"), Actor("m", "Another")));
    }

    [Fact]
    public void LookAlikeIds_OfDifferentKinds_AreNotCompared()
    {
        string text = RuleHarness.Lines(["{\"type\":\"source\",\"id\":\"x1\"}", Actor("x\u0031", "X"), Actor("\u0445\u0031", "Cyrillic kha")]);
        ValidationResult result = RuleHarness.Validate(text);
        Diagnostic finding = Assert.Single(result.Diagnostics, d => d.Id == "CM1014");
        Assert.Equal((4, 3), (finding.Location.StartLine, finding.AdditionalLocations.Single().StartLine));
    }

    [Fact]
    public void Skeleton_Scope_FollowsConfusablesTxtForTheScriptsThatMatter()
    {
        // What the embedded table (Unicode 15.0 confusables.txt) is held to: Cyrillic, Greek, Armenian and Cherokee
        // letters, fullwidth and mathematical forms map to Latin; digits and letters that look alike in ASCII share a
        // skeleton; precomposed letters decompose; Hangul syllables decompose to jamo; invisible characters vanish.
        Assert.Equal(ConfusableText.Skeleton("Taliban"), ConfusableText.Skeleton("T\u0430liban"));
        Assert.Equal(ConfusableText.Skeleton("OPEC"), ConfusableText.Skeleton("\u039F\u03A1\u0395\u03F9"));
        Assert.Equal(ConfusableText.Skeleton("ISIS"), ConfusableText.Skeleton("\uFF29\uFF33\uFF29\uFF33"));
        Assert.Equal(ConfusableText.Skeleton("Hamas"), ConfusableText.Skeleton("\U0001D407\U0001D41A\U0001D426\U0001D41A\U0001D42C"));
        Assert.Equal(ConfusableText.Skeleton("h"), ConfusableText.Skeleton("\u0570"));
        Assert.Equal(ConfusableText.Skeleton("l"), ConfusableText.Skeleton("1"));
        Assert.Equal(ConfusableText.Skeleton("l"), ConfusableText.Skeleton("I"));
        Assert.Equal(ConfusableText.Skeleton("rn"), ConfusableText.Skeleton("m"));
        Assert.Equal(ConfusableText.Skeleton("e\u0301"), ConfusableText.Skeleton("\u00E9"));
        Assert.Equal(ConfusableText.Skeleton("\u1112\u1161\u11AB"), ConfusableText.Skeleton("\uD55C"));
        Assert.Equal("Taliban", ConfusableText.Skeleton("Tali\u200Bb\u00ADan\u202E"));
        Assert.NotEqual(ConfusableText.Skeleton("Taliban"), ConfusableText.Skeleton("taliban"));
        Assert.NotEqual(ConfusableText.Skeleton("a"), ConfusableText.Skeleton("b"));
    }

    [Fact]
    public void Table_IsComplete_EveryLineParsesAndHasTheUnicode15Size()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ConflictModel", "Validation", "Rules", "Unicode", "confusable-skeletons.txt");
        string[] lines = [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')];
        Assert.Equal(7308, lines.Length);
        Assert.All(lines, line => Assert.Matches("^[0-9A-F]{1,6}\t[0-9A-F]{1,6}( [0-9A-F]{1,6})*$", line));
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            int codePoint = Convert.ToInt32(parts[0], 16);
            string expected = string.Concat(parts[1].Split(' ').Select(p => char.ConvertFromUtf32(Convert.ToInt32(p, 16))));
            Assert.Equal(expected, ConfusableText.SkeletonOf(codePoint));
        }
    }
}

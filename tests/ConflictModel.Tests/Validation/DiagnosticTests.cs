using System;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

public class DiagnosticTests
{
    private static readonly DiagnosticDescriptor Sample = new(
        "CM2001", "Best figure outside its bounds", "The best figure {0} lies outside [{1}, {2}]", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning, true);

    [Theory]
    [InlineData("CM001")]
    [InlineData("X0001")] // an author prefix has at least two letters (XX0001 is a valid author id: CustomRuleIdTests)
    [InlineData("CM00011")]
    [InlineData("cm0001")]
    [InlineData("CM00a1")]
    public void Descriptor_MalformedId_Throws(string id)
        => Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor(id, "t", "m", "c", DiagnosticSeverity.Error, true));

    [Fact]
    public void Descriptor_BadFormat_Throws()
        => Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("CM0001", "t", "m {", "c", DiagnosticSeverity.Error, true));

    [Fact]
    public void Descriptor_DefaultHelpLink_PointsAtRulePage()
        => Assert.Equal("https://github.com/conflictmodel/conflictmodel/blob/main/docs/rules/CM2001.md", Sample.HelpLinkUri);

    [Fact]
    public void Descriptor_SameMembers_AreEqual()
    {
        var copy = new DiagnosticDescriptor("CM2001", "Best figure outside its bounds", "The best figure {0} lies outside [{1}, {2}]", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning, true);
        Assert.Equal(Sample, copy);
        Assert.Equal(Sample.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(Sample, new DiagnosticDescriptor("CM2001", "Other", "m", DiagnosticCategories.Casualties, DiagnosticSeverity.Warning, true));
    }

    [Fact]
    public void Diagnostic_ToString_IsCompilerStyle()
    {
        var diagnostic = Diagnostic.Create(Sample, new DiagnosticLocation("data/x.jsonl", 3, 14, "/figure/best"), 5, 10, 20);
        Assert.Equal("data/x.jsonl(3,14): warning CM2001: The best figure 5 lies outside [10, 20]", diagnostic.ToString());
        Assert.Equal("CM2001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Diagnostic_Equality_IsByValue()
    {
        var a = Diagnostic.Create(Sample, new DiagnosticLocation("f", 1, 2, "/a"), 1, 2, 3);
        var b = Diagnostic.Create(Sample, new DiagnosticLocation("f", 1, 2, "/a"), 1, 2, 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a, b.WithSeverity(DiagnosticSeverity.Error));
        Assert.NotEqual(a, b.WithSuppression("because"));
        Assert.True(b.WithSuppression("because").IsSuppressed);
    }

    [Fact]
    public void Location_InvalidPointer_Throws()
        => Assert.Throws<ArgumentException>(() => new DiagnosticLocation(null, 1, 1, "a/b"));

    [Fact]
    public void Location_EscapePointerToken_EscapesTildeAndSlash()
        => Assert.Equal("a~1b~0c", DiagnosticLocation.EscapePointerToken("a/b~c"));

    [Fact]
    public void SourceText_Columns_CountUtf16UnitsAndSkipBom()
    {
        // BOM, then "é" (2 bytes, 1 unit), "😀" (4 bytes, 2 units), then 'x'.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é😀x\nab")];
        var text = new SourceText("f", bytes);
        int x = Array.IndexOf(bytes, (byte)'x');
        Assert.Equal((1, 4), text.GetLineColumn(x));
        Assert.Equal((1, 1), text.GetLineColumn(3));
        Assert.Equal((2, 2), text.GetLineColumn(bytes.Length - 1));
    }

    [Fact]
    public void SourceText_LongLine_UsesCheckpoints()
    {
        var builder = new StringBuilder();
        builder.Append('\n');
        for (int i = 0; i < 10_000; i++)
        {
            builder.Append("ab€");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var text = new SourceText(null, bytes);
        Assert.Equal((2, 30_001), text.GetLineColumn(bytes.Length));
        Assert.Equal((2, 4), text.GetLineColumn(1 + 5));
    }
}

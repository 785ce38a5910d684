using System;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>Columns are UTF-16 code units: the vectorised count against a byte-by-byte one and against the BCL.</summary>
public sealed class SourceTextColumnTests
{
    [Fact]
    public void CountUnits_RandomBytes_MatchesByteByByteCount()
    {
        // Any bytes, valid or not, every length around the vector width, every starting alignment.
        var random = new Random(11);
        for (int length = 0; length < 100; length++)
        {
            for (int trial = 0; trial < 20; trial++)
            {
                byte[] bytes = new byte[length];
                random.NextBytes(bytes);
                Assert.Equal(Reference(bytes), SourceText.CountUnits(bytes));
            }
        }
    }

    [Theory]
    [InlineData("plain ASCII text that is longer than sixteen bytes")]
    [InlineData("PÉLILÉOU RIKAGABÉ MALÉSAWA, Bédawa and Ouham-Pendé")]
    [InlineData("ولسوالی بامیان — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and emoji 🕊️ in a quote “peace”")]
    public void CountUnits_ValidText_IsTheUtf16Length(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text + text + text);
        Assert.Equal((text + text + text).Length, SourceText.CountUnits(bytes));
    }

    [Fact]
    public void GetLineColumn_LongAndShortLines_AgreeWithTheText()
    {
        // A short line after a long non-ASCII one (blocks of cached counts), and a long line (over two blocks).
        string longLine = string.Concat(Enumerable.Repeat("Bāmyān 𝔘 ", 2_000));
        string text = longLine + "\n{\"id\":\"é\",\"x\":1}\n" + longLine + "X\n";
        var source = new SourceText("t.jsonl", Encoding.UTF8.GetBytes(text), null, 0, 0);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        foreach (string needle in new[] { "\"x\"", "X" })
        {
            int charIndex = text.IndexOf(needle, StringComparison.Ordinal);
            int byteOffset = Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
            Assert.Equal(needle, Encoding.UTF8.GetString(bytes, byteOffset, needle.Length));
            int lineStart = text.LastIndexOf('\n', charIndex) + 1;
            (int line, int column) = source.GetLineColumn(byteOffset);
            Assert.Equal(text[..charIndex].Count(c => c == '\n') + 1, line);
            Assert.Equal(charIndex - lineStart + 1, column);
        }
    }

    private static int Reference(byte[] bytes) => bytes.Sum(b => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1);
}

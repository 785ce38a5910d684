using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Gzip input that .NET's <see cref="GZipStream"/> reads quietly although it is incomplete or damaged (issue 18):
/// a truncated file, a stream flushed but never finished (no final block, no trailer), a wrong trailer, bytes after
/// the end, plain text named <c>.gz</c>, and decompression bombs. Each is one diagnostic (CM0024, or CM0026 for a
/// bomb) naming the compressed byte offset, through both the whole-input reader and the streaming one, and the
/// records before the fault are read.
/// </summary>
public class GzipInputTests
{
    private const string Path = "data.jsonl.gz";

    private static readonly byte[] Text = Encoding.UTF8.GetBytes(RuleHarness.Lines(Enumerable.Range(0, 2000).Select(i => $"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"Actor number {i}\",\"kind\":\"state\"}}")));

    public static TheoryData<string> Readers => ["whole", "streamed"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Complete_SingleAndConcatenatedMembers_ReadCleanly(string how)
    {
        byte[] half1 = Text[..(Text.Length / 2)];
        int cut = Array.LastIndexOf(half1, (byte)'\n') + 1;
        byte[] two = [.. Gzip(Text[..cut]), .. Gzip(Text[cut..])]; // `cat a.gz b.gz`

        (Diagnostic[] one, int records) = Read(Gzip(Text), how);
        (Diagnostic[] both, int records2) = Read(two, how);

        Assert.Empty(one);
        Assert.Equal(2000, records);
        Assert.Empty(both);
        Assert.Equal(2000, records2);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void FlushedButNeverFinished_NoTrailer_IsCM0024(string how)
    {
        // What a writer killed mid-run leaves: the data flushed (a full flush), no final block, no trailer.
        // gzip -t says "unexpected end of file"; GZipStream returns what it has and ends quietly.
        using var output = new MemoryStream();
        var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        gzip.Write(Text);
        gzip.Flush();
        byte[] unfinished = output.ToArray();

        (Diagnostic[] diagnostics, int records) = Read(unfinished, how);

        Diagnostic cut = Assert.Single(diagnostics, d => d.Id == "CM0024");
        Assert.Contains($"the compressed data ends at byte {unfinished.Length:N0} before the end of its deflate stream", cut.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(2000, records); // every byte flushed was read
        Assert.Equal(Path, cut.Location.FilePath);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void TruncatedInTheMiddle_IsCM0024AndTheRecordsBeforeAreRead(string how)
    {
        byte[] whole = Gzip(Text);
        byte[] half = whole[..(whole.Length / 2)];

        (Diagnostic[] diagnostics, int records) = Read(half, how);

        Diagnostic cut = Assert.Single(diagnostics, d => d.Id == "CM0024");
        Assert.Contains($"ends at byte {half.Length:N0} before the end of its deflate stream", cut.GetMessage(), StringComparison.Ordinal);
        Assert.InRange(records, 1, 1999);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void TrailerMissingOrCutShort_IsCM0024(string how)
    {
        byte[] whole = Gzip(Text);
        foreach (int drop in new[] { 8, 3, 1 })
        {
            (Diagnostic[] diagnostics, int records) = Read(whole[..^drop], how);

            Diagnostic cut = Assert.Single(diagnostics, d => d.Id == "CM0024");
            Assert.Contains("trailer (CRC-32 and size) is missing or cut short", cut.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(2000, records);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void WrongCrcOrSize_IsCM0024(string how)
    {
        foreach (int fromEnd in new[] { 8, 5, 4, 1 })
        {
            byte[] damaged = Gzip(Text);
            damaged[^fromEnd] ^= 0x01;

            (Diagnostic[] diagnostics, _) = Read(damaged, how);

            Diagnostic bad = Assert.Single(diagnostics, d => d.Id == "CM0024");
            Assert.Contains("does not match the data", bad.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(fromEnd > 4 ? "its CRC-32 differs" : "its size differs", bad.GetMessage(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void DamagedDeflateData_IsCM0024WithAnOffset(string how)
    {
        byte[] damaged = Gzip(Text);
        for (int i = damaged.Length / 3; i < damaged.Length / 3 + 40; i++)
        {
            damaged[i] ^= 0x5A;
        }

        (Diagnostic[] diagnostics, _) = Read(damaged, how);

        Diagnostic bad = Assert.Single(diagnostics, d => d.Id == "CM0024");
        Assert.Matches("byte [0-9,]+", bad.GetMessage());
        Assert.DoesNotContain("unsupported compression method", bad.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void BytesAfterTheEnd_AreCM0024(string how)
    {
        byte[] whole = Gzip(Text);
        byte[] junk = [.. whole, .. "junk"u8];

        (Diagnostic[] diagnostics, int records) = Read(junk, how);

        Diagnostic bad = Assert.Single(diagnostics, d => d.Id == "CM0024");
        Assert.Equal($"The gzip data cannot be decompressed: unexpected bytes after the end of the gzip data at byte {whole.Length:N0} (compressed): 'junk'", bad.GetMessage());
        Assert.Equal(2000, records);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void PlainTextNamedGz_SaysItIsNotGzip(string how)
    {
        (Diagnostic[] diagnostics, int records) = Read(Text, how);

        // It used to be "The input is empty" (and a GZipStream message about an unsupported compression method).
        Diagnostic bad = Assert.Single(diagnostics);
        Assert.Equal("CM0024", bad.Id);
        Assert.Equal("The gzip data cannot be decompressed: the name says gzip but this is not gzip data: it begins with '{\"type\":\"d', not the gzip signature 1F 8B; it was read as plain text (rename the file, or compress it)", bad.GetMessage());
        Assert.Equal(2000, records);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void ZeroBomb_IsOneCM0026AfterSixtyFourMebibytes(string how)
    {
        byte[] bomb = ZeroBomb(96);

        (Diagnostic[] diagnostics, _) = Read(bomb, how);

        Diagnostic stopped = Assert.Single(diagnostics, d => d.Id == "CM0026");
        Assert.Contains("expands more than 200 times", stopped.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Path, stopped.Location.FilePath);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CM0024");
    }

    [Fact]
    public void ZeroBomb_UnderARaisedRatio_IsReadToItsEnd()
    {
        byte[] bomb = ZeroBomb(80);
        var reader = new DatasetReader(new DatasetReaderOptions { MaxCompressionRatio = 100_000 });

        using Stream stream = reader.OpenGzip(new MemoryStream(bomb));
        long total = 0;
        byte[] buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(80L << 20, total);
    }

    [Fact]
    public void OpenGzip_PastMaxInputBytes_Throws()
    {
        var reader = new DatasetReader(new DatasetReaderOptions { MaxInputBytes = 1000 });
        using Stream stream = reader.OpenGzip(new MemoryStream(Gzip(Text)));

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => stream.CopyTo(Stream.Null));

        Assert.Contains("expands to more than 1,000 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxCompressionRatio_BelowOne_IsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReaderOptions { MaxCompressionRatio = 0 });

    [Fact]
    public void Crc32_MatchesTheStandardCheckValue()
        => Assert.Equal(0xCBF43926u, Crc32.Update(0, "123456789"u8));

    private static (Diagnostic[] Diagnostics, int Records) Read(byte[] gzip, string how)
    {
        var reader = new DatasetReader();
        if (how == "whole")
        {
            DatasetReadResult read = reader.Read(new MemoryStream(gzip), Path, DatasetFormat.JsonLines, gzip: true);
            return ([.. read.Diagnostics], read.Dataset.RecordCount);
        }

        using DatasetRecordReader records = reader.OpenRecords(new MemoryStream(gzip), Path, DatasetFormat.JsonLines, gzip: true);
        var diagnostics = new System.Collections.Generic.List<Diagnostic>();
        int count = 0;
        while (records.Read())
        {
            diagnostics.AddRange(records.Current.Diagnostics);
            count += records.Current.Record is null ? 0 : 1;
        }

        return ([.. diagnostics], count);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Megabytes of zeros, gzip-compressed (about 1,000 to 1).</summary>
    private static byte[] ZeroBomb(int mebibytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}

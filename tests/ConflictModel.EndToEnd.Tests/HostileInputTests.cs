using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ConflictModel.Validation;
using Xunit;
using Xunit.Abstractions;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.EndToEnd.Tests;

/// <summary>
/// Hostile input too big for the unit suite, made on the fly by streams that synthesise their bytes (nothing is
/// committed, nothing that size is held by the test): a 1 GiB line, millions of tiny records, a file appended to
/// while it is read. Times and memory are printed, not asserted (the targets are in the benchmarks); what is
/// asserted is the result: one diagnostic per exceeded limit and the other records read.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const string Header = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"hostile\"}}\n";

    private const string Tail = "{\"type\":\"actor\",\"id\":\"z\",\"name\":\"Z\",\"kind\":\"state\"}\n";

    [Fact]
    public void OneGibibyteSingleLine_Streamed_IsOneRecordTooLargeAndTheNextLineIsRead()
    {
        // The streaming reader (what `conflictmodel validate` uses for JSON Lines) grows its buffer up to
        // MaxRecordBytes, then reports the line once and skips the rest of it without holding it.
        const long Size = 1L << 30;
        using var stream = new SyntheticStream(
            Encoding.UTF8.GetBytes(Header + "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"other\",\"description\":\""),
            (byte)'a',
            Size,
            Encoding.UTF8.GetBytes("\"}\n" + Tail));

        var diagnostics = new List<Diagnostic>();
        var ids = new List<string>();
        Measure("1 GiB line, streamed", () =>
        {
            using DatasetRecordReader records = new DatasetReader().OpenRecords(stream, "huge.jsonl", DatasetFormat.JsonLines, gzip: false);
            while (records.Read())
            {
                diagnostics.AddRange(records.Current.Diagnostics);
                if (records.Current.Record is { } record)
                {
                    ids.Add(record.RecordId);
                }
            }

            return 0;
        });

        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(("CM0004", 2, 1), (d.Id, d.Location.StartLine, d.Location.StartColumn));
        Assert.Equal(["z"], ids);
    }

    [Fact]
    public void TwoMillionEmptyRecords_AreCappedAtMaxDiagnosticsAndTheLastLineIsRead()
    {
        const int Lines = 2_000_000;
        SyntheticStream Input() => new(Encoding.UTF8.GetBytes(Header), Encoding.UTF8.GetBytes("{}\n"), Lines, Encoding.UTF8.GetBytes(Tail));

        using SyntheticStream whole = Input();
        DatasetReadResult read = Measure("2,000,000 {} lines, loaded", () => new DatasetReader().Read(whole, "tiny.jsonl", DatasetFormat.JsonLines));
        ValidationResult result = Measure("validation", () => new DatasetValidator().Validate(read));

        Assert.Equal(DatasetReaderOptions.Default.MaxDiagnostics + 1, read.Diagnostics.Length);
        Assert.Equal("CM0023", read.Diagnostics[^1].Id);
        Assert.All(read.Diagnostics.SkipLast(1), x => Assert.Equal("CM0007", x.Id));
        Assert.Equal("z", Assert.Single(read.Dataset.Actors).RecordId);
        Assert.Equal(DatasetReaderOptions.Default.MaxDiagnostics + 1, result.Diagnostics.Length);

        using SyntheticStream streamed = Input();
        ValidationResult fromStream = Measure("2,000,000 {} lines, streamed and validated", () =>
        {
            using DatasetRecordReader records = new DatasetReader().OpenRecords(streamed, "tiny.jsonl", DatasetFormat.JsonLines, gzip: false);
            return new DatasetValidator().Validate(records);
        });
        Assert.Equal(result.Diagnostics.Select(x => x.ToString()), fromStream.Diagnostics.Select(x => x.ToString()));
        Assert.Equal(result.RecordCount, fromStream.RecordCount);
    }

    [Fact]
    public void OneMillionTinyActors_AreAllReadAndValidated()
    {
        const int Lines = 1_000_000;
        SyntheticStream Input() => new(Encoding.UTF8.GetBytes(Header), i => Encoding.UTF8.GetBytes($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"N{i}\",\"kind\":\"group\"}}\n"), Lines, Encoding.UTF8.GetBytes(Tail));

        using SyntheticStream whole = Input();
        DatasetReadResult read = Measure("1,000,000 actor lines, loaded", () => new DatasetReader().Read(whole, "actors.jsonl", DatasetFormat.JsonLines));
        ValidationResult result = Measure("validation", () => new DatasetValidator().Validate(read));

        Assert.Empty(read.Diagnostics);
        Assert.Equal(Lines + 1, read.Dataset.Actors.Length);

        // Nothing refers to the actors (CM1012, info), and no rule finds more than the limit allows.
        Assert.InRange(result.Diagnostics.Length, 1, DatasetReaderOptions.Default.MaxDiagnostics + 1);
        Assert.DoesNotContain(result.Diagnostics, x => x.Severity == DiagnosticSeverity.Error);

        using SyntheticStream streamed = Input();
        ValidationResult fromStream = Measure("1,000,000 actor lines, streamed and validated", () =>
        {
            using DatasetRecordReader records = new DatasetReader().OpenRecords(streamed, "actors.jsonl", DatasetFormat.JsonLines, gzip: false);
            return new DatasetValidator().Validate(records);
        });
        Assert.Equal(result.Diagnostics.Select(x => x.ToString()), fromStream.Diagnostics.Select(x => x.ToString()));
        Assert.Equal(Lines + 1, fromStream.RecordCount);
    }

    [Fact]
    public void FileAppendedToWhileRead_GivesAConsistentSnapshot()
    {
        // The reader reads until the end it meets: lines appended before then are read, later ones are not, and a
        // line caught half-written is one CM0001 on the last line. Whatever the timing, the records read are the
        // first N lines, in order, each once.
        string path = Path.Combine(Path.GetTempPath(), $"conflictmodel-growing-{Environment.ProcessId}.jsonl");
        File.WriteAllText(path, Header);
        using var stop = new CancellationTokenSource();
        using var writing = new ManualResetEventSlim();
        var writer = new Thread(() =>
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            for (int i = 0; !stop.IsCancellationRequested && i < 300_000; i++)
            {
                byte[] line = Encoding.UTF8.GetBytes($"{{\"type\":\"actor\",\"id\":\"a{i}\",\"name\":\"N\",\"kind\":\"group\"}}\n");

                // Two writes a line, so that the reader can meet a half-written one.
                file.Write(line, 0, line.Length / 2);
                file.Flush();
                file.Write(line, line.Length / 2, line.Length - (line.Length / 2));
                file.Flush();
                if (i == 1_000)
                {
                    writing.Set();
                }
            }

            writing.Set();
        });
        try
        {
            // Read once the writer is under way (not after a guessed sleep), so the file grows while it is read
            // however busy the machine is.
            writer.Start();
            Assert.True(writing.Wait(TimeSpan.FromMinutes(2)), "the writer thread did not write its first thousand lines in two minutes");
            for (int round = 0; round < 3; round++)
            {
                DatasetReadResult read = new DatasetReader().Read(path);
                int n = read.Dataset.Actors.Length;
                Assert.Equal(Enumerable.Range(0, n).Select(i => $"a{i}"), read.Dataset.Actors.Select(a => a.RecordId));
                Assert.All(read.Diagnostics, x => Assert.Equal(("CM0001", n + 2), (x.Id, x.Location.StartLine)));
                output.WriteLine($"round {round}: {n:N0} records, {read.Diagnostics.Length} diagnostic(s)");
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
            File.Delete(path);
        }
    }

    private T Measure<T>(string what, Func<T> run)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        T result = run();
        output.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F1} s, {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / (1024 * 1024):N0} MiB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB");
        return result;
    }

    /// <summary>A read-only stream of a prefix, a body made on the fly (one byte repeated, or numbered lines), and a suffix.</summary>
    private sealed class SyntheticStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly byte[] _suffix;
        private readonly Func<long, byte[]> _unit;
        private readonly long _units;
        private long _unitIndex;
        private byte[] _current;
        private int _currentOffset;
        private int _stage;

        public SyntheticStream(byte[] prefix, byte repeated, long count, byte[] suffix)
            : this(prefix, BlockOf(repeated), count / 65536, suffix)
        {
            if (count % 65536 != 0)
            {
                throw new ArgumentException("The count must be a multiple of 64 KiB.", nameof(count));
            }
        }

        public SyntheticStream(byte[] prefix, byte[] line, long count, byte[] suffix)
            : this(prefix, _ => line, count, suffix)
        {
        }

        public SyntheticStream(byte[] prefix, Func<long, byte[]> unit, long count, byte[] suffix)
        {
            _prefix = prefix;
            _unit = unit;
            _units = count;
            _suffix = suffix;
            _current = prefix;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count)
            {
                if (_currentOffset == _current.Length && !Advance())
                {
                    break;
                }

                int n = Math.Min(count - written, _current.Length - _currentOffset);
                Array.Copy(_current, _currentOffset, buffer, offset + written, n);
                _currentOffset += n;
                written += n;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static Func<long, byte[]> BlockOf(byte value)
        {
            byte[] block = new byte[65536];
            block.AsSpan().Fill(value);
            return _ => block;
        }

        private bool Advance()
        {
            _currentOffset = 0;
            if (_stage == 0 && _unitIndex < _units)
            {
                _current = _unit(_unitIndex++);
                return true;
            }

            if (_stage == 0)
            {
                _stage = 1;
                _current = _suffix;
                return _suffix.Length > 0;
            }

            // The end: nothing more, however often asked (the suffix must not come round again).
            _current = [];
            return false;
        }
    }
}

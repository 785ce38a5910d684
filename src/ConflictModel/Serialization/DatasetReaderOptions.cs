using System;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Limits and switches for <see cref="DatasetReader"/>. Every limit is enforced as a diagnostic, never as an
/// exception. Immutable.
/// </summary>
public sealed record DatasetReaderOptions
{
    private readonly int _maxDepth = 64;
    private readonly int _maxRecordBytes = 16 * 1024 * 1024;
    private readonly int _maxStringLength = 1024 * 1024;
    private readonly int _maxDiagnostics = 10_000;
    private readonly long _maxInputBytes = Array.MaxLength;
    private readonly int _parallelism = 1;
    private readonly int _maxCompressionRatio = 200;

    /// <summary>Gets the default options.</summary>
    public static DatasetReaderOptions Default { get; } = new();

    /// <summary>Gets the deepest nesting of arrays and objects read (CM0003); 64 by default, at least 8.</summary>
    public int MaxDepth { get => _maxDepth; init => _maxDepth = value is >= 8 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "MaxDepth must be between 8 and 1024."); }

    /// <summary>Gets the largest record, or JSON Lines line, read in bytes (CM0004); 16 MiB by default.</summary>
    public int MaxRecordBytes { get => _maxRecordBytes; init => _maxRecordBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), value, "MaxRecordBytes must be positive."); }

    /// <summary>Gets the longest string read, in UTF-16 characters (CM0005); 1 MiB characters by default.</summary>
    public int MaxStringLength { get => _maxStringLength; init => _maxStringLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxStringLength), value, "MaxStringLength must be positive."); }

    /// <summary>Gets how many diagnostics one file may report before the reader stops reporting (CM0023); 10,000 by default.</summary>
    public int MaxDiagnostics { get => _maxDiagnostics; init => _maxDiagnostics = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDiagnostics), value, "MaxDiagnostics must be positive."); }

    /// <summary>Gets the largest input read, in bytes after decompression (CM0025); the largest array .NET allows by default.</summary>
    public long MaxInputBytes { get => _maxInputBytes; init => _maxInputBytes = value is > 0 && value <= Array.MaxLength ? value : throw new ArgumentOutOfRangeException(nameof(MaxInputBytes), value, "MaxInputBytes must be positive and at most Array.MaxLength."); }

    /// <summary>
    /// Gets how many times its compressed size gzip input may expand (CM0026); 200 by default, at least 1. Checked once
    /// more than 64 MiB has come out, so small files of any ratio are read. Real datasets compress about 5 to 20 times;
    /// a decompression bomb (a few megabytes that expand to gigabytes of zeros or of one repeated record) expands
    /// hundreds to a thousand times, and is stopped with one diagnostic after 64 MiB, in bounded memory. Raise it for
    /// a genuine file of very repetitive records. The decompressed size itself is bounded by <see cref="MaxInputBytes"/>
    /// (CM0025). Truncated or damaged gzip data (a missing trailer, a wrong CRC-32, bytes after the end) is CM0024,
    /// with the compressed byte offset.
    /// </summary>
    public int MaxCompressionRatio { get => _maxCompressionRatio; init => _maxCompressionRatio = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxCompressionRatio), value, "MaxCompressionRatio must be at least 1."); }

    /// <summary>
    /// Gets how many threads read a JSON Lines input: 1 (the default) reads it on the calling thread; more splits the
    /// lines after the header into line-aligned chunks read concurrently. The result is the same either way: records,
    /// spans and diagnostics in input order. Small inputs are read on one thread. Documents are always read on one.
    /// </summary>
    public int Parallelism { get => _parallelism; init => _parallelism = value is >= 1 and <= 256 ? value : throw new ArgumentOutOfRangeException(nameof(Parallelism), value, "Parallelism must be between 1 and 256."); }

    /// <summary>Gets the smallest chunk of JSON Lines given a thread of its own; tests lower it to cut small inputs.</summary>
    internal int MinChunkBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Gets whether every member the model does not know is reported (CM0020, off by default). Such members are
    /// kept as extension data either way; a member that looks like a misspelling is always reported (CM0021).
    /// </summary>
    public bool ReportUnknownMembers { get; init; }
}

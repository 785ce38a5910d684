using System.IO;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// How a <see cref="DatasetWriter"/> buffers: how much it gathers before writing to its output, and how much of the
/// JSON document form's out-of-order records it keeps in memory before it moves them to temporary files. Immutable.
/// </summary>
public sealed record DatasetWriterOptions
{
    /// <summary>The default buffer size before a write to the output: 64 KiB.</summary>
    public const int DefaultFlushThreshold = 64 * 1024;

    /// <summary>The default memory for records held back by the JSON document form: 4 MiB.</summary>
    public const int DefaultMaxBufferedBytes = 4 * 1024 * 1024;

    /// <summary>Gets the default options.</summary>
    public static DatasetWriterOptions Default { get; } = new();

    /// <summary>
    /// Gets the number of bytes gathered before they are written to a <see cref="Stream"/> or flushed to a
    /// <see cref="System.IO.Pipelines.PipeWriter"/>: at least 1; <see cref="DefaultFlushThreshold"/> unless set.
    /// </summary>
    public int FlushThreshold { get; init; } = DefaultFlushThreshold;

    /// <summary>
    /// Gets the number of bytes of written records that the JSON document form may hold in memory until it can place
    /// them (every kind but sources waits for <see cref="DatasetWriter.Complete"/>, because the document groups records
    /// by kind); beyond it they go to temporary files. 0 sends them to files at once. <see cref="DefaultMaxBufferedBytes"/>
    /// unless set. JSON Lines holds nothing back.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = DefaultMaxBufferedBytes;

    /// <summary>
    /// Gets the folder for the temporary files; <see cref="Path.GetTempPath"/> when null. The files are removed as
    /// soon as they are opened where the system allows it (Linux, macOS), else when the writer is disposed.
    /// </summary>
    public string? TemporaryDirectory { get; init; }
}

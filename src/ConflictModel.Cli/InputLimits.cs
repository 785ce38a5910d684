using System.CommandLine;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// The options that bound what reading one input may cost: <c>--max-input-size</c> (bytes after decompression,
/// <see cref="DatasetReaderOptions.MaxInputBytes"/>) and <c>--max-compression-ratio</c>
/// (<see cref="DatasetReaderOptions.MaxCompressionRatio"/>). Unset, the reader's defaults (or the configuration's) hold.
/// </summary>
internal sealed class InputLimits
{
    public Option<long?> MaxInputSize { get; } = new("--max-input-size") { Description = "Read at most this many bytes of each input, after gzip decompression (default 2,147,483,591)." };

    public Option<int?> MaxCompressionRatio { get; } = new("--max-compression-ratio") { Description = "Stop reading gzip input that expands more than this many times its compressed size, once past 64 MiB (default 200): a decompression bomb." };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxInputSize);
        command.Options.Add(MaxCompressionRatio);
    }

    /// <summary>Applies the options given on the command line to reader options.</summary>
    /// <exception cref="UsageException">A value is out of range.</exception>
    public DatasetReaderOptions Apply(ParseResult parsed, DatasetReaderOptions? options)
    {
        DatasetReaderOptions result = options ?? DatasetReaderOptions.Default;
        try
        {
            if (parsed.GetValue(MaxInputSize) is { } size)
            {
                result = result with { MaxInputBytes = size };
            }

            if (parsed.GetValue(MaxCompressionRatio) is { } ratio)
            {
                result = result with { MaxCompressionRatio = ratio };
            }
        }
        catch (System.ArgumentOutOfRangeException ex)
        {
            throw new UsageException(ex.ParamName == nameof(DatasetReaderOptions.MaxInputBytes)
                ? $"--max-input-size must be between 1 and {System.Array.MaxLength}"
                : "--max-compression-ratio must be at least 1", ex);
        }

        return result;
    }
}

using System;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>One dataset file to read, or standard input.</summary>
/// <param name="FullPath">The absolute path, or "-" for standard input.</param>
/// <param name="DisplayPath">The path as reported: relative to the working directory with forward slashes where possible.</param>
internal sealed record InputFile(string FullPath, string DisplayPath)
{
    public const string StandardInput = "-";

    public bool IsStandardInput => FullPath == StandardInput;

    /// <summary>Gets whether the file is gzip-compressed (its name ends in .gz).</summary>
    public bool IsGzip => FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets whether the name says JSON Lines (.jsonl, .ndjson, optionally .gz); otherwise a JSON document is assumed unless the content says otherwise.</summary>
    public bool IsJsonLinesByName
    {
        get
        {
            string name = IsGzip ? FullPath[..^3] : FullPath;
            return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// Opens the file (decompressing gzip, with the reader's checks: truncation, damage and bombs throw
    /// <see cref="InvalidDataException"/> naming the compressed byte offset) or standard input.
    /// </summary>
    /// <exception cref="UsageException">The file cannot be opened.</exception>
    public Stream Open(CliConsole console, ConflictModel.Serialization.DatasetReaderOptions? limits = null)
    {
        Stream raw;
        if (IsStandardInput)
        {
            raw = console.Input;
        }
        else
        {
            try
            {
                raw = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{DisplayPath}: cannot read: {ex.Message}", ex);
            }
        }

        return IsGzip ? new ConflictModel.Serialization.DatasetReader(limits).OpenGzip(raw) : raw;
    }
}

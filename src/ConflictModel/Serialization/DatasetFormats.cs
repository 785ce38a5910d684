using System;
using System.IO;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Tells which <see cref="DatasetFormat"/> a file is in, from its name or its first bytes.</summary>
public static class DatasetFormats
{
    /// <summary>
    /// Gets the format from a file name: <c>.json</c> is a document, <c>.jsonl</c> and <c>.ndjson</c> are JSON Lines,
    /// and either followed by <c>.gz</c> is gzip-compressed. Case-insensitive.
    /// </summary>
    /// <param name="path">The file name or path.</param>
    /// <param name="format">The format, when the extension names one.</param>
    /// <param name="gzip">Whether the name ends in <c>.gz</c>.</param>
    /// <returns>Whether the extension names a format.</returns>
    public static bool TryGetFromPath(string path, out DatasetFormat format, out bool gzip)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            name = name[..^3];
        }

        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.Document;
            return true;
        }

        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.JsonLines;
            return true;
        }

        format = DatasetFormat.Document;
        return false;
    }

    /// <summary>
    /// Gets the format from the first bytes of the (decompressed) text: after an optional byte order mark and white
    /// space, a first line that is an object whose first member is <c>"type"</c> (the JSON Lines header
    /// <c>{"type":"dataset",…}</c>) means JSON Lines; anything else is taken as a document.
    /// </summary>
    /// <param name="utf8">The start of the text; a few hundred bytes are enough.</param>
    /// <returns>The format.</returns>
    public static DatasetFormat Detect(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        utf8 = utf8.TrimStart(" \t\r\n"u8);
        if (utf8.IsEmpty || utf8[0] != (byte)'{')
        {
            return DatasetFormat.Document;
        }

        ReadOnlySpan<byte> rest = utf8[1..].TrimStart(" \t"u8);
        return rest.StartsWith("\"type\""u8) ? DatasetFormat.JsonLines : DatasetFormat.Document;
    }

    /// <summary>Gets whether bytes begin with the gzip magic number.</summary>
    /// <param name="bytes">The first bytes.</param>
    /// <returns>Whether they are gzip data.</returns>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
}

using System;
using System.IO;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;

namespace ConflictModel.Cli;

/// <summary>Reads and writes whole datasets with the plain serializer, choosing the wire form from the file name or content.</summary>
internal static class DatasetFiles
{
    /// <exception cref="JsonException">The file is not a valid dataset.</exception>
    public static Dataset Read(InputFile file, CliConsole console, out bool isJsonLines, DatasetReaderOptions? limits = null)
    {
        limits ??= DatasetReaderOptions.Default;
        using Stream stream = file.Open(console, limits);
        using var buffer = new MemoryStream();
        try
        {
            // Held whole (the plain serializer reads a buffer): bounded by MaxInputBytes, which gzip input also checks
            // as it expands, so a bomb or a huge file is one message naming the file, not "Stream was too long".
            byte[] chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > limits.MaxInputBytes)
                {
                    throw new JsonException($"the input is larger than {limits.MaxInputBytes:N0} bytes, the most that can be read (--max-input-size)");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new JsonException($"not valid gzip data: {ex.Message}", ex);
        }

        buffer.Position = 0;
        isJsonLines = IsJsonLines(file, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return isJsonLines
            ? ConflictJsonSerializer.DeserializeLines(buffer)
            : ConflictJsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>JSON Lines when the name says so, or when the first line is a dataset header line.</summary>
    public static bool IsJsonLines(InputFile file, ReadOnlySpan<byte> content)
    {
        if (file.IsJsonLinesByName)
        {
            return true;
        }

        ReadOnlySpanTrim(ref content);
        int newline = content.IndexOf((byte)'\n');
        ReadOnlySpan<byte> firstLine = newline < 0 ? content : content[..newline];
        return firstLine.IndexOf("\"type\""u8) >= 0 && firstLine.IndexOf("\"dataset\""u8) >= 0 && firstLine.TrimEnd("\r "u8).EndsWith("}"u8);
    }

    private static void ReadOnlySpanTrim(ref ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        content = content.TrimStart(" \t\r\n"u8);
    }
}

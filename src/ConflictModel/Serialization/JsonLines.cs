using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Splits JSON Lines into lines and finds each line's <c>type</c>.</summary>
internal static class JsonLines
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>
    /// Yields each non-blank line with its 1-based number, without its line end (<c>\n</c> or <c>\r\n</c>) and
    /// without a leading UTF-8 byte order mark. A line's memory is valid until the next line is requested.
    /// </summary>
    public static IEnumerable<(ReadOnlyMemory<byte> Line, long Number)> Split(Stream stream)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int start = 0, end = 0;
            long number = 0;
            bool first = true, eof = false;
            while (true)
            {
                int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    // Move the partial line to the front, grow if it fills the buffer, and read more.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                    {
                        eof = true;
                    }

                    end += read;
                    continue;
                }

                int length = newline < 0 ? end - start : newline;
                if (newline < 0 && length == 0)
                {
                    yield break;
                }

                number++;
                ReadOnlyMemory<byte> line = buffer.AsMemory(start, length);
                start += newline < 0 ? length : length + 1;
                if (first)
                {
                    first = false;
                    if (line.Span.StartsWith(ConflictJsonSerializer.Utf8Bom))
                    {
                        line = line[ConflictJsonSerializer.Utf8Bom.Length..];
                    }
                }

                if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (!IsBlank(line.Span))
                {
                    yield return (line, number);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns the value of the line's top-level <c>type</c> member.</summary>
    /// <exception cref="JsonException">The line is malformed, not an object, or has no string <c>type</c>.</exception>
    public static string ReadDiscriminator(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = ConflictJsonSerializer.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A JSON Lines line holds one object, not {WireText.Describe(reader.TokenType)}.", "$", 0, reader.BytesConsumed);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A name holding an escaped lone surrogate ("\ud800") is valid JSON that ValueTextEquals cannot unescape
            // (it throws InvalidOperationException); such a name is not "type". Found by fuzzing (docs/reliability.md).
            bool isType = !(reader.ValueIsEscaped && DatasetParser.HasUnpairedSurrogate(reader.ValueSpan))
                && reader.ValueTextEquals(ConflictJsonSerializer.TypePropertyName);
            if (isType)
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException($"The \"type\" member must be a string, not {WireText.Describe(reader.TokenType)}.", "$.type", 0, reader.TokenStartIndex);
                }

                // The known types as literals: reading a record allocates nothing for its discriminator.
                if (!reader.ValueIsEscaped)
                {
                    foreach ((byte[] utf8, string name) in KnownTypes)
                    {
                        if (reader.ValueSpan.SequenceEqual(utf8))
                        {
                            return name;
                        }
                    }
                }

                try
                {
                    return reader.GetString()!;
                }
                catch (InvalidOperationException ex)
                {
                    // An escaped lone surrogate ("\ud800") is valid JSON but not text.
                    throw new JsonException("The \"type\" member is not valid text.", "$.type", 0, reader.TokenStartIndex, ex);
                }
            }

            reader.Read();
            reader.Skip();
        }

        throw new JsonException("The line has no \"type\" member saying what kind of record it is.", "$", 0, 0);
    }

    private static readonly (byte[] Utf8, string Name)[] KnownTypes =
    [
        .. RecordWireNames.All.Select(entry => (System.Text.Encoding.UTF8.GetBytes(entry.Name), entry.Name)),
        ("dataset"u8.ToArray(), ConflictJsonSerializer.HeaderType),
    ];

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;
}

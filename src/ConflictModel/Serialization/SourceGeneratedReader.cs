using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reading with System.Text.Json source generation, as <see cref="ConflictJsonSerializer"/> did before every read went
/// through the one reader (<see cref="DatasetReader"/>). The library does not read with it: it is kept as
/// the independent baseline that the benchmarks measure the reader against and that the differential tests compare
/// the reader's models with. Errors are System.Text.Json's own <see cref="JsonException"/> messages.
/// </summary>
internal static class SourceGeneratedReader
{
    /// <summary>Reads a dataset from a JSON document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON, optionally with a byte order mark.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    internal static Dataset Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        ReadOnlySpan<byte> json = utf8Json.StartsWith(ConflictJsonSerializer.Utf8Bom) ? utf8Json[ConflictJsonSerializer.Utf8Bom.Length..] : utf8Json;
        try
        {
            Dataset dataset = JsonSerializer.Deserialize(json, ConflictJsonSerializer.TypeInfo<Dataset>(ConflictJsonSerializer.DocumentOptions))
                ?? throw new JsonException("The document is null, not a dataset object.", "$", 0, 0);
            ConflictJsonSerializer.CheckFormatVersion(dataset, lineNumber: null);
            return dataset;
        }
        catch (JsonException ex) when (!ex.Message.Contains(" Path: ", StringComparison.Ordinal) && ex.Path is not null)
        {
            throw new JsonException($"{ex.Message} Path: {ex.Path} | LineNumber: {ex.LineNumber} | BytePositionInLine: {ex.BytePositionInLine}.", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
        catch (ArgumentException ex)
        {
            throw InvalidValue(ex, lineNumber: null);
        }
    }

    /// <summary>Reads a dataset from a JSON document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    internal static Dataset Deserialize(string json)
    {
        Guard.Against.Null(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a dataset from a stream holding a JSON document.</summary>
    /// <param name="utf8Json">The stream of UTF-8 JSON; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not describe a valid dataset; the message names the path and line.</exception>
    internal static Dataset Deserialize(Stream utf8Json)
    {
        Guard.Against.Null(utf8Json);

        // Into one array, sized from the stream when it can tell (no growing copies then). Not a pooled array: the
        // shared pool would keep a large one alive after the dataset is built.
        byte[] buffer = new byte[utf8Json.CanSeek ? (int)Math.Clamp(utf8Json.Length - utf8Json.Position + 1, 1, Array.MaxLength) : 64 * 1024];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, Array.MaxLength));
            }

            int read = utf8Json.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return Deserialize(buffer.AsSpan(0, length));
    }

    /// <summary>Reads one record from a JSON Lines line.</summary>
    /// <param name="utf8Line">The line's UTF-8 bytes, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record.</exception>
    internal static ConflictRecord DeserializeRecord(ReadOnlySpan<byte> utf8Line)
    {
        try
        {
            return ReadRecordLine(utf8Line, lineNumber: 1) as ConflictRecord
                ?? throw new JsonException("The line is the dataset header, not a record.", "$", 0, 0);
        }
        catch (ArgumentException ex)
        {
            throw InvalidValue(ex, lineNumber: 1);
        }
    }

    /// <summary>Reads one record from a JSON Lines line.</summary>
    /// <param name="line">The line's text, without its line end.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The line is malformed, has no known <c>type</c>, is the header, or does not describe a valid record.</exception>
    internal static ConflictRecord DeserializeRecord(string line)
    {
        Guard.Against.Null(line);
        return DeserializeRecord(Encoding.UTF8.GetBytes(line));
    }

    /// <summary>Reads a JSON Lines dataset: the header line, then records, one a line. Blank lines are skipped.</summary>
    /// <param name="utf8Stream">The stream of UTF-8 text, optionally with a byte order mark; read to its end and left open.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated; the message names the line and path.</exception>
    internal static Dataset DeserializeLines(Stream utf8Stream)
    {
        Guard.Against.Null(utf8Stream);
        Dataset? header = null;
        var records = new List<ConflictRecord>(DeserializeRecords(utf8Stream, h => header = h));
        if (header is null)
        {
            throw new JsonException("The JSON Lines text has no dataset header line.", "$", 0, 0);
        }

        Dataset grouped = Dataset.Create(header.Info, records);
        return header with
        {
            Sources = grouped.Sources,
            Actors = grouped.Actors,
            Events = grouped.Events,
            CasualtyEstimates = grouped.CasualtyEstimates,
            Attributions = grouped.Attributions,
            Claims = grouped.Claims,
            Ceasefires = grouped.Ceasefires,
            Mediations = grouped.Mediations,
            Agreements = grouped.Agreements,
        };
    }

    /// <summary>
    /// Reads the records of a JSON Lines dataset one at a time, as the stream delivers them, holding only the
    /// current line: for files too large to load whole. The header line is checked (and handed to
    /// <paramref name="header"/> when given) but not yielded. Blank lines are skipped.
    /// </summary>
    /// <param name="utf8Stream">The stream of UTF-8 text, optionally with a byte order mark; read as the enumeration proceeds and left open.</param>
    /// <param name="header">Called with the header (a dataset with no records) before the first record.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="JsonException">While enumerating: a line is malformed or invalid, or the header is missing or repeated; the message names the line.</exception>
    internal static IEnumerable<ConflictRecord> DeserializeRecords(Stream utf8Stream, Action<Dataset>? header = null)
    {
        Guard.Against.Null(utf8Stream);
        return Enumerate(utf8Stream, header);

        static IEnumerable<ConflictRecord> Enumerate(Stream stream, Action<Dataset>? onHeader)
        {
            bool seenHeader = false;
            foreach ((ReadOnlyMemory<byte> line, long number) in JsonLines.Split(stream))
            {
                object item;
                try
                {
                    item = ReadRecordLine(line.Span, number);
                }
                catch (ArgumentException ex)
                {
                    throw InvalidValue(ex, number);
                }

                if (item is Dataset dataset)
                {
                    if (seenHeader)
                    {
                        throw new JsonException($"Line {number}: the dataset header must be the first line, and only the first.", "$", number - 1, 0);
                    }

                    if (dataset.RecordCount > 0)
                    {
                        throw new JsonException($"Line {number}: the header line holds no records; write each record on a line of its own.", "$", number - 1, 0);
                    }

                    ConflictJsonSerializer.CheckFormatVersion(dataset, number);
                    seenHeader = true;
                    onHeader?.Invoke(dataset);
                    continue;
                }

                if (!seenHeader)
                {
                    throw new JsonException($"Line {number}: a JSON Lines dataset begins with its header line {{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{{…}}}}.", "$", number - 1, 0);
                }

                yield return (ConflictRecord)item;
            }

            if (!seenHeader)
            {
                throw new JsonException("The JSON Lines text is empty: it has no dataset header line.", "$", 0, 0);
            }
        }
    }

    /// <summary>Reads a JSON Lines dataset from text.</summary>
    /// <param name="jsonLines">The text.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="JsonException">A line is malformed or invalid, the header is missing or repeated; the message names the line and path.</exception>
    internal static Dataset DeserializeLines(string jsonLines)
    {
        Guard.Against.Null(jsonLines);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonLines), writable: false);
        return DeserializeLines(stream);
    }

    /// <summary>Reads one line: a record, or the header as a <see cref="Dataset"/>.</summary>
    private static object ReadRecordLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        string type;
        try
        {
            type = JsonLines.ReadDiscriminator(line);
        }
        catch (JsonException ex)
        {
            throw AtLine(ex, lineNumber);
        }

        try
        {
            if (type == ConflictJsonSerializer.HeaderType)
            {
                return ReadHeader(line);
            }

            if (!RecordWireNames.TryGetKind(type, out RecordKind kind))
            {
                throw new JsonException($"'{WireText.Clip(type)}' is not a record type; expected one of dataset, {string.Join(", ", RecordWireNames.All.Select(e => e.Name))}.", "$.type", 0, null);
            }

            return kind switch
            {
                RecordKind.Source => Read<Source>(line),
                RecordKind.Actor => Read<Actor>(line),
                RecordKind.Event => Read<Event>(line),
                RecordKind.CasualtyEstimate => Read<CasualtyEstimate>(line),
                RecordKind.Attribution => Read<Attribution>(line),
                RecordKind.Claim => Read<Claim>(line),
                RecordKind.Ceasefire => Read<Ceasefire>(line),
                RecordKind.Mediation => Read<Mediation>(line),
                RecordKind.Agreement => Read<Agreement>(line),
                _ => throw new System.Diagnostics.UnreachableException($"Record kind {kind} has no reader."),
            };
        }
        catch (JsonException ex)
        {
            throw AtLine(ex, lineNumber);
        }

        static Dataset ReadHeader(ReadOnlySpan<byte> json)
        {
            if (TryReadHeaderFast(json) is { } dataset)
            {
                return dataset;
            }

            // Records in the header, or an invalid header: the full path gives the result and the exact error.
            return Read<Dataset>(json);
        }

        static T Read<T>(ReadOnlySpan<byte> json)
            where T : class
            => JsonSerializer.Deserialize(json, ConflictJsonSerializer.TypeInfo<T>(ConflictJsonSerializer.LinesOptions)) ?? throw new JsonException("The line is null, not a record.", "$", 0, 0);
    }

    /// <summary>
    /// Reads a header line as a <see cref="DatasetHeader"/>; null when the line is anything but a plain header
    /// (a record array, a repeated or odd member, an invalid value), which the caller then reads as a
    /// <see cref="Dataset"/>.
    /// </summary>
    private static Dataset? TryReadHeaderFast(ReadOnlySpan<byte> line)
    {
        try
        {
            DatasetHeader? header = JsonSerializer.Deserialize(line, ConflictJsonSerializer.TypeInfo<DatasetHeader>(ConflictJsonSerializer.LinesOptions));
            if (header is null)
            {
                return null;
            }

            var extensions = new List<KeyValuePair<string, string>>(header.Extensions.Count);
            bool typeSeen = false;
            foreach (KeyValuePair<string, string> member in header.Extensions)
            {
                if (string.Equals(member.Key, ConflictJsonSerializer.TypePropertyName, StringComparison.Ordinal) && !typeSeen)
                {
                    typeSeen = true; // the discriminator, which a Dataset does not keep
                    continue;
                }

                if (IsDatasetMember(member.Key) || string.Equals(member.Key, ConflictJsonSerializer.TypePropertyName, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                extensions.Add(member);
            }

            var dataset = new Dataset(header.Info, header.FormatVersion);
            if (extensions.Count > 0)
            {
                ((IExtensible)dataset).AttachExtensions(ExtensionData.Create(extensions));
            }

            return dataset;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }

        static bool IsDatasetMember(string name) => name.ToUpperInvariant() is "SOURCES" or "ACTORS" or "EVENTS" or "CASUALTYESTIMATES" or "ATTRIBUTIONS"
            or "CLAIMS" or "CEASEFIRES" or "MEDIATIONS" or "AGREEMENTS" or "FORMATVERSION" or "INFO" or "RECORDCOUNT";
    }

    private static JsonException AtLine(JsonException ex, long lineNumber)
    {
        // System.Text.Json puts the path in its own messages; a converter's message has it only in ex.Path.
        string message = ex.Message.Contains(" Path: ", StringComparison.Ordinal) || ex.Path is null
            ? ex.Message
            : $"{ex.Message} Path: {ex.Path} | BytePositionInLine: {ex.BytePositionInLine}.";
        return new($"Line {lineNumber}: {message}", ex.Path, lineNumber - 1, ex.BytePositionInLine, ex);
    }

    private static JsonException InvalidValue(ArgumentException ex, long? lineNumber)
    {
        string where = lineNumber is null ? string.Empty : $"Line {lineNumber}: ";
        return new JsonException($"{where}Invalid value: {ex.Message}", null, lineNumber - 1, null, ex);
    }
}

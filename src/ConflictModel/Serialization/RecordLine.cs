using System;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// One JSON Lines line read on its own with the streaming reader's line parser, for
/// <see cref="Serialization.ConflictJsonSerializer.DeserializeRecord(ReadOnlySpan{byte})"/>: the record, or the
/// first error as the validator reports it, at line 1 of the line.
/// </summary>
internal static class RecordLine
{
    /// <summary>Reads a line holding one record.</summary>
    /// <exception cref="JsonException">The line is blank, the header, or has an error.</exception>
    public static ConflictRecord Read(ReadOnlySpan<byte> line)
    {
        byte[] bytes = line.ToArray();
        int end = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
        int start = bytes.AsSpan(0, end).StartsWith("\uFEFF"u8) ? 3 : 0;
        var window = new SourceText(null, bytes.AsMemory(0, end), DatasetParser.ReplaceInvalidUtf8(bytes.AsSpan(0, end)), 0, 0);
        if (bytes.AsSpan(start, end - start).IndexOfAnyExcept(" \t"u8) < 0)
        {
            throw FirstReadError.Create(Diagnostic.Create(ReaderDiagnostics.MalformedJson, window.GetLocation(start, start, string.Empty), "The line is blank: a JSON Lines record line holds one object"), 0, window);
        }

        using DatasetParser parser = DatasetParser.ForLines(DatasetReaderOptions.Default, null);
        parser.AssumeHeaderSeen(); // a record line read on its own: no header before it to ask for
        DatasetParser.StreamedLine read = parser.ReadLineAt(window, start, end);
        foreach (Diagnostic diagnostic in read.Diagnostics)
        {
            if (diagnostic.IsError && diagnostic.Descriptor.Equals(ReaderDiagnostics.MisplacedHeader))
            {
                // The parser, told the header was seen, calls a header line misplaced; here it is simply not a record.
                Diagnostic notRecord = Diagnostic.Create(ReaderDiagnostics.MisplacedHeader, diagnostic.Location, "The line is the dataset header, not a record");
                throw FirstReadError.Create(notRecord, 0, window);
            }
        }

        if (FirstReadError.Find(read.Diagnostics, window) is { } error)
        {
            throw error;
        }

        return read.Span?.Record
            ?? throw FirstReadError.Create(Diagnostic.Create(ReaderDiagnostics.MalformedJson, window.GetLocation(start, start, string.Empty), "The line holds no record"), 0, window);
    }

    /// <summary>The header of a JSON Lines input as a dataset without records, read again from its line (extensions included).</summary>
    public static Dataset Header(StreamedRecord entry)
    {
        SourceText window = entry.Window ?? throw new InvalidOperationException("A streamed header has its line's text.");
        return new DatasetReader().ReadUtf8(window.Bytes.Span, DatasetFormat.JsonLines).Dataset;
    }
}

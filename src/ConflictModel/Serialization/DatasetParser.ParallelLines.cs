using System;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// JSON Lines read by several threads: the lines up to the first record or header are read here, the rest is cut
/// into line-aligned chunks, each read by a parser of its own over the same text, and their records, spans and
/// diagnostics are appended to this parser's in chunk order. Each line is read exactly as the serial path reads it
/// (a line's reading depends only on the line and on whether an earlier line started the dataset), so the result is
/// the serial result.
/// </summary>
internal sealed partial class DatasetParser
{
    /// <summary>Reads the whole JSON Lines text with up to <paramref name="workers"/> threads.</summary>
    private void ReadLinesParallel(int workers)
    {
        ReadOnlySpan<byte> all = _text.Bytes.Span;
        int position = _text.BomLength;
        bool any = false;

        // Serially until a line starts the dataset (the header, normally the first line): whether a later line is
        // "first" is the only state one line's reading passes to the next.
        while (position < all.Length && !_linesStarted)
        {
            any |= ReadNextLine(all, ref position);
        }

        int chunkCount = (int)Math.Clamp((all.Length - position) / (long)_options.MinChunkBytes, 1, workers * 4L);
        if (chunkCount <= 1 || workers <= 1)
        {
            any |= ReadLineRange(position, all.Length);
        }
        else
        {
            int[] bounds = ChunkBounds(all, position, chunkCount);
            var parsers = new DatasetParser[chunkCount];
            var read = new bool[chunkCount];
            Parallel.For(0, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
            {
                var parser = new DatasetParser(_text, _options) { _linesMode = true, _linesStarted = true };
                parsers[i] = parser;
                try
                {
                    read[i] = parser.ReadLineRange(bounds[i], bounds[i + 1]);
                }
#pragma warning disable CA1031 // As in Parse: a bug in the reader is reported, not thrown.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    parser.Add(Diagnostic.Create(ValidationDiagnostics.InternalError, DiagnosticLocation.ForFile(_text.FilePath), "The dataset reader", $"{ex.GetType().Name}: {ex.Message}"));
                }
                finally
                {
                    parser.Dispose();
                }
            });

            for (int i = 0; i < chunkCount; i++)
            {
                any |= read[i];
                Append(parsers[i]);
            }
        }

        if (!any)
        {
            Report(ReaderDiagnostics.MalformedJson, _text.BomLength, _text.BomLength, "The input is empty: a JSON Lines dataset begins with its header line {\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{…}}");
        }
    }

    /// <summary>Reads the lines from <paramref name="start"/> (a line start) to <paramref name="end"/> (a line start or the end); true when any was not blank.</summary>
    private bool ReadLineRange(int start, int end)
    {
        ReadOnlySpan<byte> all = _text.Bytes.Span[..end];
        int position = start;
        bool any = false;
        while (position < end)
        {
            any |= ReadNextLine(all, ref position);
        }

        return any;
    }

    /// <summary>Reads the line at <paramref name="position"/> unless it is blank, and moves past it; true when it was not blank.</summary>
    private bool ReadNextLine(ReadOnlySpan<byte> all, ref int position)
    {
        int newline = all[position..].IndexOf((byte)'\n');
        int lineEnd = newline < 0 ? all.Length : position + newline;
        int contentEnd = lineEnd > position && all[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        bool read = false;
        if (all[position..contentEnd].IndexOfAnyExcept(" \t\r"u8) >= 0)
        {
            ReadLine(position, contentEnd);
            read = true;
        }

        position = lineEnd + 1;
        return read;
    }

    /// <summary>Cuts the text from <paramref name="start"/> into <paramref name="count"/> ranges that each begin at a line start.</summary>
    private static int[] ChunkBounds(ReadOnlySpan<byte> all, int start, int count)
    {
        var bounds = new int[count + 1];
        bounds[0] = start;
        long size = (all.Length - (long)start) / count;
        for (int i = 1; i < count; i++)
        {
            int from = (int)Math.Max(bounds[i - 1], start + (size * i));
            int newline = from >= all.Length ? -1 : all[from..].IndexOf((byte)'\n');
            bounds[i] = newline < 0 ? all.Length : from + newline + 1;
        }

        bounds[count] = all.Length;
        return bounds;
    }

    /// <summary>Appends what another parser read from a later part of the same text.</summary>
    private void Append(DatasetParser other)
    {
        foreach (Diagnostic diagnostic in other._diagnostics)
        {
            if (diagnostic.Descriptor == ReaderDiagnostics.TooManyDiagnostics)
            {
                // The other parser's own limit: this parser reaches its limit at the same diagnostic or earlier.
                if (!_diagnosticsFull)
                {
                    _diagnosticsFull = true;
                    _diagnostics.Add(diagnostic);
                }

                break;
            }

            Add(diagnostic);
        }

        _spans.AddRange(other._spans);
        _declared.UnionWith(other._declared);
        _records.Append(other._records);
    }
}

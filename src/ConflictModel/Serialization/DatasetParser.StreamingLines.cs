using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The streaming entry points: one parser reads a JSON Lines input line by line, each line handed in as a window
/// (<see cref="SourceText"/> with the line's input offset and line number), and gives back what that line held
/// without keeping it. Kept apart from the member and value parsing so that those can change independently.
/// </summary>
internal sealed partial class DatasetParser
{
    private int _drained;

    /// <summary>Creates a parser that reads JSON Lines one line at a time.</summary>
    public static DatasetParser ForLines(DatasetReaderOptions options, string? path)
        => new(new SourceText(path, ReadOnlyMemory<byte>.Empty), options, streaming: true) { _linesMode = true };

    /// <summary>Gets the description read from the header line, or null before it (or when it could not be read).</summary>
    public DatasetInfo? Info => _info;

    /// <summary>Gets the format version read from the header line, if any.</summary>
    public string? FormatVersion => _formatVersion;

    /// <summary>Gets the header's members the model does not know, if any.</summary>
    public List<KeyValuePair<string, string>>? DatasetExtensions => _datasetExtensions;

    /// <summary>
    /// Gets the dataset the header read so far describes, without records, as a whole read builds it: the description
    /// (a placeholder when none was read), the format version and the members the model does not know.
    /// </summary>
    public Dataset HeaderDataset() => Attach(new Dataset(_info ?? PlaceholderInfo, _formatVersion ?? Dataset.CurrentFormatVersion), _datasetExtensions);

    /// <summary>Treats the header as seen, for a parser that re-reads single record lines (no CM0010 for them).</summary>
    public void AssumeHeaderSeen() => _linesStarted = true;

    /// <summary>
    /// Reads one line of a JSON Lines input. <paramref name="window"/> holds the line (and, for the first line, a byte
    /// order mark before <paramref name="start"/>); <paramref name="end"/> excludes the line break and a carriage
    /// return before it. Never throws for anything in the data.
    /// </summary>
    public StreamedLine ReadLineAt(SourceText window, int start, int end)
    {
        _text = window;
        _header = null;
        try
        {
            ReadLine(start, end);
        }
#pragma warning disable CA1031 // A bug in the reader must not take down a linter run; it is reported instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Add(Diagnostic.Create(ValidationDiagnostics.InternalError, DiagnosticLocation.ForFile(window.FilePath), "The dataset reader", $"{ex.GetType().Name}: {ex.Message}"));
            _path.Clear();
            _recordDepth = -1;
        }

        RecordSpan? span = _spans.Count > 0 ? _spans[^1] : null;
        bool isHeader = _header is not null;
        _spans.Clear();
        _declared.Clear();
        ClearRecords();
        return new StreamedLine(span, isHeader, Drain());
    }

    /// <summary>Reports a diagnostic found outside any line (an exceeded limit, an empty input) and returns it with any other pending.</summary>
    public ImmutableArray<Diagnostic> ReportOutsideLines(Diagnostic diagnostic)
    {
        Add(diagnostic);
        return Drain();
    }

    private ImmutableArray<Diagnostic> Drain()
    {
        if (_diagnostics.Count == 0)
        {
            return [];
        }

        ImmutableArray<Diagnostic> found = [.. _diagnostics];
        _drained += _diagnostics.Count;
        _diagnostics.Clear();
        return found;
    }

    private void ClearRecords()
    {
        _records.Sources.Clear();
        _records.Actors.Clear();
        _records.Events.Clear();
        _records.Estimates.Clear();
        _records.Attributions.Clear();
        _records.Claims.Clear();
        _records.Ceasefires.Clear();
        _records.Mediations.Clear();
        _records.Agreements.Clear();
    }

    /// <summary>What one line held: its record's span (with the record, when it could be read), whether it was the header, and its diagnostics.</summary>
    internal readonly record struct StreamedLine(RecordSpan? Span, bool IsHeader, ImmutableArray<Diagnostic> Diagnostics);
}

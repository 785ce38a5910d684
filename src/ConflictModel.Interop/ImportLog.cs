using System.Collections.Generic;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>
/// What an import found while it streamed: the diagnostics, in the order of the rows, and how many rows were read
/// and imported. Every row read is either imported or named by an error diagnostic.
/// </summary>
public sealed class ImportLog
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly int _maxDiagnostics = 10_000;
    private long _inFile;
    private long _suppressedInFile;

    /// <summary>Gets the diagnostics reported so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// Gets how many diagnostics one file may add before the rest are only counted (CM6014 at the end of the file says
    /// how many); 10,000 by default, as the reader's limit.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxDiagnostics
    {
        get => _maxDiagnostics;
        init => _maxDiagnostics = value > 0 ? value : throw new System.ArgumentOutOfRangeException(nameof(MaxDiagnostics), value, "MaxDiagnostics must be positive.");
    }

    /// <summary>Gets how many diagnostics were counted but not kept because a file reached <see cref="MaxDiagnostics"/>.</summary>
    public long SuppressedDiagnostics { get; private set; }

    /// <summary>Gets the number of data rows read (a CSV record, a GeoJSON feature, an API result object).</summary>
    public long RowsRead { get; internal set; }

    /// <summary>Gets the number of rows that became records.</summary>
    public long RowsImported { get; internal set; }

    /// <summary>Gets the number of rows that were not imported (each has an error diagnostic).</summary>
    public long RowsRejected => RowsRead - RowsImported;

    /// <summary>Gets whether an error was reported: a row not imported, or a file that could not be read to its end.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Report(Diagnostic diagnostic)
    {
        System.ArgumentNullException.ThrowIfNull(diagnostic);
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
        if (_inFile >= _maxDiagnostics)
        {
            _suppressedInFile++;
            SuppressedDiagnostics++;
            return;
        }

        _inFile++;
        _diagnostics.Add(diagnostic);
    }

    /// <summary>Starts counting the diagnostics of a new file against <see cref="MaxDiagnostics"/>.</summary>
    internal void StartFile()
    {
        _inFile = 0;
        _suppressedInFile = 0;
    }

    /// <summary>Ends a file: when some of its diagnostics were only counted, one CM6014 says how many.</summary>
    internal void EndFile(string? filePath)
    {
        if (_suppressedInFile > 0)
        {
            _diagnostics.Add(Diagnostic.Create(ImportDiagnostics.TooManyDiagnostics, DiagnosticLocation.ForFile(filePath), _suppressedInFile, _maxDiagnostics));
        }

        _inFile = 0;
        _suppressedInFile = 0;
    }
}

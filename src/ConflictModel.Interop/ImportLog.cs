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

    /// <summary>Gets the diagnostics reported so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

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
        _diagnostics.Add(diagnostic);
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
    }
}

using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Every problem found in one dataset: the reader's and the rules' diagnostics with their effective severities,
/// suppressed ones kept and marked, sorted by file, line, column and id. Immutable.
/// </summary>
public sealed class ValidationResult
{
    internal ValidationResult(DatasetReadResult? read, ImmutableArray<Diagnostic> diagnostics, string? filePath, long recordCount)
    {
        Read = read;
        Diagnostics = diagnostics;
        FilePath = filePath;
        RecordCount = recordCount;
    }

    /// <summary>Gets what was read, or null when the input was validated as a stream (nothing of it is kept).</summary>
    public DatasetReadResult? Read { get; }

    /// <summary>Gets the file validated, or null for input without one.</summary>
    public string? FilePath { get; }

    /// <summary>Gets how many records were read and checked.</summary>
    public long RecordCount { get; }

    /// <summary>Gets every diagnostic, suppressed ones included, sorted by file, line, column and id.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets whether any diagnostic that is not suppressed is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Counts the diagnostics of a severity that are not suppressed.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity && !d.IsSuppressed);
}

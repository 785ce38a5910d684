using System.Collections.Immutable;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Columnar;

/// <summary>
/// The descriptors the Parquet import reports (CM7xxx), located by file, row (as the line) and column. An error
/// means a record was not imported; a warning means the import went on without something it expected.
/// </summary>
public static class ColumnarDiagnostics
{
    /// <summary>The category of every columnar diagnostic.</summary>
    public const string Category = "Columnar";

    /// <summary>The version that introduced the columnar diagnostics.</summary>
    public const string IntroducedIn = "1.0.0";

    private static readonly string[] Tags = [DiagnosticTags.NotConfigurable];

    /// <summary>CM7001: a file of the directory cannot be read as Parquet; none of its records was imported.</summary>
    public static DiagnosticDescriptor UnreadableFile { get; } = Create(
        "CM7001", "Unreadable Parquet file", "{0}; none of its records was imported", DiagnosticSeverity.Error,
        "The file is not Apache Parquet (a truncated copy, another format with the .parquet name), or its schema is not the columnar layout's (a field of another type where the layout has a struct, a list or a number). The other files are still read.");

    /// <summary>CM7002: a row that does not make a valid record; it was not imported.</summary>
    public static DiagnosticDescriptor InvalidRow { get; } = Create(
        "CM7002", "Invalid row", "row {0}: {1}; the record was not imported", DiagnosticSeverity.Error,
        "The row's columns do not make a record the model accepts: a required member is null (an id, a name, an event's kind), a value is not of its type, or an extensions column is not a JSON object. A file written by the export never has such rows; one edited or produced by another tool may.");

    /// <summary>CM7003: a record kind's file is missing from the directory.</summary>
    public static DiagnosticDescriptor MissingFile { get; } = Create(
        "CM7003", "Missing file", "no {0} in the directory; no {1} record was read", DiagnosticSeverity.Warning,
        "The export writes one file per record kind, empty or not, so that engines can query every kind. A missing file means the directory was not written by the export or lost a file since; the import reads the kinds it finds.");

    /// <summary>CM7004: a column that is not part of the layout; its values were not imported.</summary>
    public static DiagnosticDescriptor UnknownColumn { get; } = Create(
        "CM7004", "Unknown column", "column '{0}' is not part of the columnar layout of {1}; its values were not imported", DiagnosticSeverity.Warning,
        "A column added to the file after the export (by an engine's COPY, or by hand) has no member in the model. Members the model does not know belong in the record's 'extensions' JSON text column, which the import keeps.");

    /// <summary>CM7005: no file says what the dataset is (the header), so its description was made up from the directory's name.</summary>
    public static DiagnosticDescriptor MissingHeader { get; } = Create(
        "CM7005", "Missing dataset header", "no file holds the dataset's header (key-value metadata '{0}'); its title is taken from the directory's name", DiagnosticSeverity.Warning,
        "The export writes the dataset's header line (format version and info) into every file's key-value metadata. Files written by other tools lack it; the records are still imported.");

    /// <summary>Gets every columnar descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = [UnreadableFile, InvalidRow, MissingFile, UnknownColumn, MissingHeader];

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity, string description)
        => new(id, title, format, Category, severity, isEnabledByDefault: true, description, customTags: Tags);
}

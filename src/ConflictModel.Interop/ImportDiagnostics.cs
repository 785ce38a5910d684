using System.Collections.Immutable;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop;

/// <summary>
/// The descriptors the importers report (CM6xxx), located by file, line and column name. An error means the row was
/// not imported; a warning or an information means it was, and says what in it was odd or could not be mapped.
/// </summary>
public static class ImportDiagnostics
{
    /// <summary>The category of every import diagnostic.</summary>
    public const string Category = "Import";

    private static readonly string[] Tags = [DiagnosticTags.NotConfigurable];

    /// <summary>CM6001: the file cannot be read as its format (broken CSV quoting, malformed JSON); nothing after this point was read.</summary>
    public static DiagnosticDescriptor UnreadableInput { get; } = Create(
        "CM6001", "Unreadable input", "{0}; nothing after this point was read", DiagnosticSeverity.Error,
        "The file is not well-formed CSV or JSON, or is not the shape the importer reads (a GeoJSON FeatureCollection, an API page with a Result array, a CSV with a header). The rows before this point were imported; the rest of the file was not read.");

    /// <summary>CM6002: a column the mapping needs is missing.</summary>
    public static DiagnosticDescriptor MissingColumn { get; } = Create(
        "CM6002", "Missing column", "{0}: {1} missing; {2}", DiagnosticSeverity.Error,
        "The mapping needs these columns (an id, a date, a figure) to build a record; one diagnostic names every column missing. A CSV file whose header lacks one imports no row; a JSON object that lacks one is not imported. When the header looks separated by another character (';', a tab, '|') the message says so.");

    /// <summary>CM6003: a value that cannot be read; the row is not imported.</summary>
    public static DiagnosticDescriptor InvalidValue { get; } = Create(
        "CM6003", "Invalid value", "{0}: '{1}' in column '{2}' is not {3}; the row was not imported", DiagnosticSeverity.Error,
        "A value the mapping needs is not of its type: an id or a figure that is not a whole number, a date that is not a calendar date, a negative death count. Numbers are read as JSON writes them: '1e3', '5.0', '+5', ' 5', '05' and '0x10' are refused, as the JSON reader refuses them, rather than rounded or reinterpreted. The row is not imported, rather than imported with an invented value.");

    /// <summary>CM6004: GED's best estimate lies outside its low–high range.</summary>
    public static DiagnosticDescriptor BestOutsideRange { get; } = Create(
        "CM6004", "Best estimate outside its range", "{0}: best {1} lies outside [low {2}, high {3}]; imported as published", DiagnosticSeverity.Warning,
        "UCDP publishes a low, a best and a high estimate of deaths; about 1% of GED events have a best figure below low or above high, or low above high. The figures are imported as published, not corrected, and the validator's casualty rules (CM2001, CM2002) report them again on the imported dataset.");

    /// <summary>CM6005: the deaths by side do not add up to the best estimate.</summary>
    public static DiagnosticDescriptor DeathsDoNotAddUp { get; } = Create(
        "CM6005", "Deaths do not add up", "{0}: deaths_a + deaths_b + deaths_civilians + deaths_unknown = {1}, but best is {2}; imported as published", DiagnosticSeverity.Warning,
        "GED's best estimate is the sum of its four components. Where it is not, one of the figures was mistyped or the columns were shifted; the figures are imported as published.");

    /// <summary>CM6006: a code the importer has no mapping for; the member is left out and the value kept as extension data.</summary>
    public static DiagnosticDescriptor UnmappedValue { get; } = Create(
        "CM6006", "Value without a mapping", "{0}: '{1}' in column '{2}' has no mapping ({3}); left out, kept as extension data", DiagnosticSeverity.Warning,
        "The value is a code this importer does not know (a precision code outside the codebook's range, a country code missing from the conversion table, an event type ACLED added later). The record is imported without the member it would have filled; the value is kept, as written, in the record's extension data.");

    /// <summary>CM6007: a row repeats the id of an earlier row.</summary>
    public static DiagnosticDescriptor DuplicateRow { get; } = Create(
        "CM6007", "Duplicate id", "{0}: id '{1}' was already imported from row {2}; the row was not imported", DiagnosticSeverity.Error,
        "Two rows with the same source id would become two records with the same id. The first is imported; the repeat is not.");

    /// <summary>CM6008: GED's source lists have different lengths.</summary>
    public static DiagnosticDescriptor SourceListsDiffer { get; } = Create(
        "CM6008", "Source lists of different lengths", "{0}: source_office has {1} entries, source_date {2}, source_headline {3}; sources were paired by position", DiagnosticSeverity.Info,
        "GED writes one entry per source in each of source_office, source_date and source_headline, separated by ';'. Where the lists have different lengths the pairing of an office with its date and headline is uncertain; the importer pairs them by position and leaves missing parts out.");

    /// <summary>CM6009: a column the importer does not know; its values are kept as extension data.</summary>
    public static DiagnosticDescriptor UnknownColumn { get; } = Create(
        "CM6009", "Unknown column", "Column '{0}' is not part of the {1} mapping; its values are kept as extension data", DiagnosticSeverity.Info,
        "A column that is not in the codebook of the source (a column added by a later version, or by whoever prepared the file) is not mapped to a member; each row's value is kept in the record's extension data, so nothing is lost.");

    /// <summary>CM6010: a source actor id whose name or list differs between rows or columns.</summary>
    public static DiagnosticDescriptor InconsistentActor { get; } = Create(
        "CM6010", "Inconsistent actor", "{0}: {1}", DiagnosticSeverity.Warning,
        "The same actor id is given a different name than in an earlier row, or a list of actor ids and the list of their names have different lengths. The actor keeps the first name seen (or a name made from its id); the text as written is kept in the record's extension data.");

    /// <summary>CM6011: a CSV field with a stray quote, read as written.</summary>
    public static DiagnosticDescriptor MalformedField { get; } = Create(
        "CM6011", "Malformed CSV field", "{0}: a field is not quoted as RFC 4180 requires ({1}); read as written", DiagnosticSeverity.Warning,
        "A quote inside an unquoted field, or text after a closing quote, breaks RFC 4180. The field is read as written, which is usually what was meant; check the row.");

    /// <summary>CM6012: GED gives a low and a high figure but no best; the total is imported as the range alone.</summary>
    public static DiagnosticDescriptor NoBestEstimate { get; } = Create(
        "CM6012", "No best estimate", "{0}: best is {1}; imported as the range [low {2}, high {3}] without a best figure", DiagnosticSeverity.Warning,
        "GED-derived files (event–article alignment sets, for instance) often keep low and high but leave best out, as an empty value or without the column. The event's total is imported as a range with no best figure and the components are checked against nothing; no best figure is invented.");

    /// <summary>CM6013: a CSV header names a column twice.</summary>
    public static DiagnosticDescriptor DuplicateColumn { get; } = Create(
        "CM6013", "Duplicate column", "Column '{0}' appears at positions {1} and {2}; which of them a row means cannot be told, so no row was imported", DiagnosticSeverity.Error,
        "Two columns of one header have the same name (after trimming spaces). Reading either would silently drop the other's values, which may differ, so the file's rows are not imported; rename or remove one of the columns.");

    /// <summary>CM6014: more diagnostics about one file than the limit; the rest are counted, not listed.</summary>
    public static DiagnosticDescriptor TooManyDiagnostics { get; } = Create(
        "CM6014", "Too many diagnostics", "{0:N0} more diagnostic(s) about this file were not reported ({1:N0} per file at most); the rows were imported or rejected as usual", DiagnosticSeverity.Warning,
        "A file with a problem on every row (or a header of 100,000 unknown columns) would otherwise print millions of lines. Past ImportLog.MaxDiagnostics (10,000 unless set) per file the importer counts the diagnostics instead of keeping them and ends the file with this one; the row counts, and whether an error was reported, still count every row.");

    /// <summary>CM6015: text in a CSV or JSON input that is not valid UTF-8; read with replacement characters.</summary>
    public static DiagnosticDescriptor InvalidUtf8 { get; } = Create(
        "CM6015", "Text that is not UTF-8", "{0}: {1} is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD", DiagnosticSeverity.Warning,
        "A line of a CSV input, or a member name or string value of a JSON or GeoJSON input, holds bytes that are not UTF-8 (a file saved in Latin-1 or Windows-1252, or a damaged one). The row is imported, with every invalid byte sequence replaced by U+FFFD (the replacement character) and the text otherwise as written in the file (in JSON, escape sequences of such a text are not decoded), so that nothing is changed silently; fix the file's encoding and import it again to get the text itself.");

    /// <summary>Gets every import descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        [UnreadableInput, MissingColumn, InvalidValue, BestOutsideRange, DeathsDoNotAddUp, UnmappedValue, DuplicateRow, SourceListsDiffer, UnknownColumn, InconsistentActor, MalformedField, NoBestEstimate, DuplicateColumn, TooManyDiagnostics, InvalidUtf8];

    /// <summary>The version that introduced the import diagnostics.</summary>
    public const string IntroducedIn = "1.0.0";

    /// <summary>The version that introduced one import descriptor: <see cref="IntroducedIn"/>, or a later one for a descriptor added since.</summary>
    internal static string IntroducedInFor(string id) => id switch
    {
        "CM6015" => "1.1.0",
        _ => IntroducedIn,
    };

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity, string description)
        => new(id, title, format, Category, severity, isEnabledByDefault: true, description, customTags: Tags);
}

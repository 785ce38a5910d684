using System;
using ConflictModel.Diagnostics;
namespace ConflictModel.Serialization;

/// <summary>
/// The descriptors <see cref="DatasetReader"/> reports while reading: syntax (CM00xx), shape and values the model
/// cannot hold, and the casualty figures no model object can represent (CM2003–CM2005). Rules report the rest.
/// </summary>
public static class ReaderDiagnostics
{
    private static readonly string[] NotConfigurable = [DiagnosticTags.NotConfigurable, DiagnosticTags.Reader];
    private static readonly string[] Reader = [DiagnosticTags.Reader];

    /// <summary>CM0001: the text is not well-formed JSON (or is empty, or is truncated).</summary>
    public static DiagnosticDescriptor MalformedJson { get; } = Create(
        "CM0001", "Malformed JSON", "{0}", DiagnosticSeverity.Error, NotConfigurable,
        "The text is not well-formed JSON: a missing comma or quote, a truncated file, trailing text, a comment. In a JSON document nothing after this point could be read; in JSON Lines, only this line is lost.");

    /// <summary>CM0002: bytes that are not UTF-8.</summary>
    public static DiagnosticDescriptor InvalidUtf8 { get; } = Create(
        "CM0002", "Invalid UTF-8", "The bytes here are not valid UTF-8 (read as '?'); save the file as UTF-8", DiagnosticSeverity.Error, NotConfigurable,
        "Datasets are UTF-8. Bytes that are not (a file saved as Latin-1 or Windows-1252, or corrupted) are read as '?' so that the rest can be checked, but the text they stood for is lost.");

    /// <summary>CM0003: nesting deeper than the reader's limit.</summary>
    public static DiagnosticDescriptor NestingTooDeep { get; } = Create(
        "CM0003", "Nesting too deep", "JSON nesting is deeper than {0} levels; nothing after this point in the {1} could be read", DiagnosticSeverity.Error, NotConfigurable,
        "The reader stops at a fixed depth of nested arrays and objects so that hostile input cannot exhaust the stack. No valid dataset comes near the limit.");

    /// <summary>CM0004: a record (or JSON Lines line) larger than the limit.</summary>
    public static DiagnosticDescriptor RecordTooLarge { get; } = Create(
        "CM0004", "Record too large", "This {0} is {1:N0} bytes, more than the limit of {2:N0}; it was not read", DiagnosticSeverity.Error, NotConfigurable,
        "The reader limits the size of one record (one line in JSON Lines) so that a corrupted or hostile file cannot exhaust memory.");

    /// <summary>CM0005: a string longer than the limit.</summary>
    public static DiagnosticDescriptor StringTooLong { get; } = Create(
        "CM0005", "String too long", "This string is {0:N0} characters long, more than the limit of {1:N0}; its value was not read", DiagnosticSeverity.Error, NotConfigurable,
        "The reader limits the length of strings so that a corrupted or hostile file cannot exhaust memory.");

    /// <summary>CM0006: an object holds the same member twice.</summary>
    public static DiagnosticDescriptor DuplicateMember { get; } = Create(
        "CM0006", "Duplicate member", "Member '{0}' appears more than once in this object; only the first is read", DiagnosticSeverity.Error, Reader,
        "JSON parsers disagree about which of two members with the same name wins; the wire format forbids duplicates.");

    /// <summary>CM0007: a required member is missing.</summary>
    public static DiagnosticDescriptor MissingMember { get; } = Create(
        "CM0007", "Missing required member", "Required member '{1}' of {0} is missing", DiagnosticSeverity.Error, Reader,
        "The model cannot represent the object without this member, so the record (or the part of it) was not read.");

    /// <summary>CM0008: a value of the wrong JSON type.</summary>
    public static DiagnosticDescriptor WrongType { get; } = Create(
        "CM0008", "Wrong JSON type", "Expected {0} here, found {1}", DiagnosticSeverity.Error, Reader,
        "A value has the wrong JSON type: a number where a string is expected, null where a value or an array is required.");

    /// <summary>CM0009: a string that is not one of an enumeration's values.</summary>
    public static DiagnosticDescriptor UnknownEnumValue { get; } = Create(
        "CM0009", "Unknown value", "'{0}' is not a known {1}; expected one of: {2}", DiagnosticSeverity.Error, Reader,
        "The member takes one of a fixed list of camelCase values.");

    /// <summary>CM0010: a date that is not EDTF level 0 or 1.</summary>
    public static DiagnosticDescriptor InvalidDate { get; } = Create(
        "CM0010", "Invalid EDTF date", "'{0}' is not a valid EDTF date: {1}", DiagnosticSeverity.Error, Reader,
        "Dates are EDTF (ISO 8601-2) levels 0 and 1: 2025-10-11, 2025-04, 2025-10~, 2025-21 (spring), 201X, 2025-05/2025-08, ../2025-10-11. The day must exist.");

    /// <summary>CM0011: an id that breaks the id rules.</summary>
    public static DiagnosticDescriptor InvalidId { get; } = Create(
        "CM0011", "Invalid id", "'{0}' is not a valid id: {1}", DiagnosticSeverity.Error, Reader,
        "Ids are 1 to 256 characters with no white space at either end and no control characters.");

    /// <summary>CM0012: a text that is empty or white space.</summary>
    public static DiagnosticDescriptor BlankText { get; } = Create(
        "CM0012", "Blank text", "This text is empty or white space; leave the member out when there is nothing to say", DiagnosticSeverity.Error, Reader,
        "The model distinguishes 'not known' (the member is absent) from a value; an empty string is neither.");

    /// <summary>CM0013: a number out of range or not of the required kind.</summary>
    public static DiagnosticDescriptor InvalidNumber { get; } = Create(
        "CM0013", "Invalid number", "{0} is not {1}", DiagnosticSeverity.Error, Reader,
        "Counts are whole numbers from 0 to 9,223,372,036,854,775,807 written without a fraction or exponent; coordinates are finite degrees within range.");

    /// <summary>CM0014: a string value with the wrong form (country code, language tag, URL, timestamp, format version).</summary>
    public static DiagnosticDescriptor InvalidValue { get; } = Create(
        "CM0014", "Invalid value", "'{0}' is not {1}", DiagnosticSeverity.Error, Reader,
        "The value does not have the form the member requires: an ISO 3166-1 alpha-3 country code, a BCP 47 language tag, an absolute URL, an ISO 8601 UTC timestamp, or a format version such as 1.0.");

    /// <summary>CM0015: members that contradict each other, so the model cannot hold the object.</summary>
    public static DiagnosticDescriptor InconsistentMembers { get; } = Create(
        "CM0015", "Inconsistent members", "{0}", DiagnosticSeverity.Error, Reader,
        "Some members only make sense together: an attribution is for an event or a situation; a claim about an event names it; only a ceasefire provision links to a ceasefire.");

    /// <summary>CM0016: a JSON Lines file without its header line.</summary>
    public static DiagnosticDescriptor MissingHeader { get; } = Create(
        "CM0016", "Missing JSON Lines header", "A JSON Lines dataset begins with its header line {{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{{…}}}}; the first line is a record of type '{0}'", DiagnosticSeverity.Error, Reader,
        "The header line carries the dataset's title, licence and format version; without it the records have no dataset.");

    /// <summary>CM0017: a JSON Lines header that is not the first line, is repeated, or holds records.</summary>
    public static DiagnosticDescriptor MisplacedHeader { get; } = Create(
        "CM0017", "Misplaced JSON Lines header", "{0}", DiagnosticSeverity.Error, Reader,
        "The header is the first line and only the first, and holds no records: each record is a line of its own.");

    /// <summary>CM0018: a JSON Lines line whose type is not a record type.</summary>
    public static DiagnosticDescriptor UnknownRecordType { get; } = Create(
        "CM0018", "Unknown record type", "'{0}' is not a record type; expected one of: dataset, source, actor, event, casualtyEstimate, attribution, claim, ceasefire, mediation, agreement", DiagnosticSeverity.Error, Reader,
        "Each JSON Lines line begins with its type; a line of an unknown type cannot be read.");

    /// <summary>CM0019: an enumeration value spelled other than its camelCase name.</summary>
    public static DiagnosticDescriptor NonCanonicalValue { get; } = Create(
        "CM0019", "Non-canonical spelling", "'{0}' is read as '{1}'; write it as '{1}'", DiagnosticSeverity.Warning, Reader,
        "The wire format writes values in camelCase. Other spellings are accepted when they match ignoring case and surrounding spaces, but other tools may not accept them.");

    /// <summary>CM0020: a member the model does not know (off by default; reported when the reader is asked to).</summary>
    public static DiagnosticDescriptor UnknownMember { get; } = Create(
        "CM0020", "Unknown member", "'{0}' is not a member of {1}; it is kept as extension data", DiagnosticSeverity.Info, Reader,
        "Members the model does not know are kept and written back, so datasets can carry extra fields. Editors who use none can enable this rule to catch stray fields.",
        enabled: false);

    /// <summary>CM0021: an unknown member whose name is close to a known one.</summary>
    public static DiagnosticDescriptor MisspelledMember { get; } = Create(
        "CM0021", "Possibly misspelled member", "'{0}' is not a member of {1}; did you mean '{2}'? It is kept as extension data, not read", DiagnosticSeverity.Warning, Reader,
        "An unknown member whose name differs from a known member only by case or a letter or two is most likely a typo, and its value is not used.");

    /// <summary>CM0022: a format version newer than this library's.</summary>
    public static DiagnosticDescriptor UnsupportedFormatVersion { get; } = Create(
        "CM0022", "Unsupported format version", "Format version {0} is not supported: this library reads {1}.x; the records were read as {1}.x and may be misread", DiagnosticSeverity.Error, Reader,
        "A new major version of the format may change what members mean, so the serializer refuses it; the validator reads on as best it can. Minor versions only add optional members.");

    /// <summary>CM0023: more diagnostics than the limit.</summary>
    public static DiagnosticDescriptor TooManyDiagnostics { get; } = Create(
        "CM0023", "Too many diagnostics", "More than {0:N0} problems in this file; the rest are not reported", DiagnosticSeverity.Warning, NotConfigurable,
        "The reader stops reporting after a fixed number of problems in one file so that a wholly broken file gives a useful report.");

    /// <summary>CM0024: compressed input that cannot be decompressed.</summary>
    public static DiagnosticDescriptor DecompressionFailed { get; } = Create(
        "CM0024", "Unreadable compressed data", "The gzip data cannot be decompressed: {0}", DiagnosticSeverity.Error, NotConfigurable,
        "A .gz file is corrupted or truncated; what could be decompressed before the fault is read.");

    /// <summary>CM0025: input larger than the reader's limit.</summary>
    public static DiagnosticDescriptor InputTooLarge { get; } = Create(
        "CM0025", "Input too large", "The input is larger than the limit of {0:N0} bytes; only the first {0:N0} bytes were read", DiagnosticSeverity.Error, NotConfigurable,
        "The reader holds a file in memory; it stops at a fixed size.");

    /// <summary>CM0026: gzip input expands more than <see cref="DatasetReaderOptions.MaxCompressionRatio"/> times: a likely decompression bomb.</summary>
    public static DiagnosticDescriptor CompressionRatioTooHigh { get; } = Create(
        "CM0026", "Compression ratio too high", "The gzip data cannot be read whole: {0}", DiagnosticSeverity.Error, NotConfigurable,
        "Gzip input that expands far more than data does (a decompression bomb: a few megabytes that become gigabytes) is read no further once the expansion passes MaxCompressionRatio (200 by default, checked after 64 MiB of output); the records before that point are read. Raise the limit (DatasetReaderOptions.MaxCompressionRatio, or --max-compression-ratio) for a genuine file of very repetitive records.");

    /// <summary>CM0027: the file was truncated while streaming validation still had to read lines of it again.</summary>
    public static DiagnosticDescriptor InputChanged { get; } = Create(
        "CM0027", "Input changed while read", "The file changed while it was read: {0}; validation stopped there, and findings that needed those lines are missing", DiagnosticSeverity.Error, NotConfigurable,
        "Streaming validation of a JSON Lines file reads some lines again after it has passed them (to locate a finding, to look a record up). If the file is truncated meanwhile, those lines are gone: the validation ends with this diagnostic, keeping what it had found, instead of reporting from bytes that are no longer there. Validate a copy that does not change.");

    /// <summary>The CM0027 diagnostic for a line that could not be read again.</summary>
    internal static Diagnostic ForInputChanged(InputChangedException exception, string? path)
        => Diagnostic.Create(InputChanged, DiagnosticLocation.ForFile(path), $"{exception.Message}, {exception.Missing:N0} of its bytes are gone (the file is shorter than when it was read)");

    /// <summary>CM0024 for input named <c>.gz</c> whose content is not gzip: it is then read as plain text.</summary>
    internal static Diagnostic NotGzip(ReadOnlySpan<byte> start, string? path)
    {
        var text = new System.Text.StringBuilder();
        foreach (byte b in start[..Math.Min(start.Length, 10)])
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }

        return Diagnostic.Create(DecompressionFailed, DiagnosticLocation.ForFile(path), $"the name says gzip but this is not gzip data: it begins with '{text}', not the gzip signature 1F 8B; it was read as plain text (rename the file, or compress it)");
    }

    /// <summary>The diagnostic for gzip input that could not be read to its end (CM0024, or CM0026 for a bomb).</summary>
    internal static Diagnostic ForGzip(System.IO.InvalidDataException exception, string? path)
        => exception.InnerException is GzipLimitException { IsRatio: true }
            ? Diagnostic.Create(CompressionRatioTooHigh, DiagnosticLocation.ForFile(path), exception.Message)
            : Diagnostic.Create(DecompressionFailed, DiagnosticLocation.ForFile(path), exception.Message);

    /// <summary>CM2003: a negative count of people.</summary>
    public static DiagnosticDescriptor NegativeCount { get; } = Create(
        "CM2003", "Negative count", "'{0}' is {1}; a count of people cannot be negative", DiagnosticSeverity.Error, Reader,
        "Casualty figures count people. A negative number is a data-entry or import error (UCDP uses -1 for 'unknown' in some columns: leave the member out instead).",
        category: DiagnosticCategories.Casualties);

    /// <summary>CM2004: an exclusive flag without the bound it qualifies.</summary>
    public static DiagnosticDescriptor ExclusiveWithoutBound { get; } = Create(
        "CM2004", "Exclusive bound without its number", "'{0}' is true but '{1}' is not given", DiagnosticSeverity.Error, Reader,
        "lowExclusive says the low bound itself is excluded (\"over 200\"); without a low bound it says nothing, and likewise highExclusive without high.",
        category: DiagnosticCategories.Casualties);

    /// <summary>CM2005: "fewer than 0".</summary>
    public static DiagnosticDescriptor FewerThanZero { get; } = Create(
        "CM2005", "Impossible upper bound", "\"Fewer than 0\" (high 0, exclusive) is not a number of people", DiagnosticSeverity.Error, Reader,
        "An exclusive upper bound of 0 allows no count at all.",
        category: DiagnosticCategories.Casualties);

    /// <summary>Gets every descriptor of this class.</summary>
    internal static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = [MalformedJson, InvalidUtf8, NestingTooDeep, RecordTooLarge, StringTooLong, DuplicateMember, MissingMember, WrongType, UnknownEnumValue, InvalidDate, InvalidId, BlankText, InvalidNumber, InvalidValue, InconsistentMembers, MissingHeader, MisplacedHeader, UnknownRecordType, NonCanonicalValue, UnknownMember, MisspelledMember, UnsupportedFormatVersion, TooManyDiagnostics, DecompressionFailed, InputTooLarge, CompressionRatioTooHigh, InputChanged, NegativeCount, ExclusiveWithoutBound, FewerThanZero];

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity, string[] tags, string description, bool enabled = true, string category = DiagnosticCategories.Format)
        => new(id, title, format, category, severity, enabled, description, customTags: tags);
}

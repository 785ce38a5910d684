using ConflictModel.Diagnostics;

namespace ConflictModel.Reporting;

/// <summary>
/// One finding of a baseline, keyed by content, never by line: the rule, the record (its kind and id), the JSON Pointer
/// within the record and a hash of the offending value, so that reformatting a file or reordering its records keeps
/// the finding matched. Findings outside any record (a file's header, a broken line) have an empty kind and id.
/// </summary>
/// <param name="Id">The rule id, such as <c>CM1001</c>.</param>
/// <param name="RecordKind">The record's kind (<c>event</c>, <c>actor</c>…), or empty.</param>
/// <param name="RecordId">The record's id, or empty.</param>
/// <param name="JsonPointer">Where in the record (RFC 6901), or in the file when there is no record.</param>
/// <param name="ValueHash">A hash of the offending value, compact JSON (so whitespace does not count); empty when there is none.</param>
public sealed record BaselineEntry(string Id, string RecordKind, string RecordId, string JsonPointer, string ValueHash)
{
    /// <summary>Describes the entry on one line: <c>CM1001 in event 'e1' at /participants/0/actor</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => RecordKind.Length == 0 ? $"{Id} at '{JsonPointer}'" : $"{Id} in {RecordKind} '{RecordId}' at '{JsonPointer}'";
}

using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Where the records a <see cref="RuleEngine"/> walks come from, and everything about them the rules' contexts ask
/// for: the current record and its handle, lookups by id, locations, reading a record again, the dataset's
/// description. <see cref="LoadedRecords"/> answers from a <see cref="DatasetReadResult"/>; <see cref="StreamedRecords"/>
/// from a <see cref="DatasetRecordReader"/> as it reads. Not thread-safe.
/// </summary>
internal abstract class RecordSource
{
    /// <summary>Gets the record the engine is running actions on.</summary>
    public abstract ConflictRecord CurrentRecord { get; }

    /// <summary>Gets the current record's handle.</summary>
    public abstract RecordHandle CurrentHandle { get; }

    /// <summary>Gets whether the current record is the first of its kind with its id.</summary>
    public abstract bool CurrentIsFirstWithId { get; }

    /// <summary>Gets the records by kind and id.</summary>
    public abstract SymbolTable Symbols { get; }

    /// <summary>Gets the dataset's description.</summary>
    public abstract DatasetInfo Info { get; }

    /// <summary>Gets the location of the whole input.</summary>
    public abstract DiagnosticLocation FileLocation { get; }

    /// <summary>Gets whether a lookup by id found nothing since the last call (always false when every record is known).</summary>
    public abstract bool TakeMissed();

    public abstract DiagnosticLocation LocateCurrent(string? relativePointer);

    public abstract DiagnosticLocation Locate(RecordHandle handle, string? relativePointer);

    public abstract DiagnosticLocation Locate(ConflictRecord record, string? relativePointer);

    public abstract DiagnosticLocation LocateInfo(string? relativePointer);

    public abstract ConflictRecord? ReadAgain(RecordHandle handle);

    /// <summary>Gets the id of the record a location lies in, for suppressions scoped to a record.</summary>
    public abstract string? RecordIdAt(DiagnosticLocation location);
}

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

    /// <summary>
    /// Gets the current record's place: a number that gives its handle back (<see cref="HandleOfPlace"/>) and takes 4
    /// bytes to keep where a handle takes 16, for the states that keep one per record. The same for every call on the
    /// same record. Loaded, the record's index; streamed, the id table's index of the first record with an id (which
    /// the table keeps anyway), and for the rare other record a negative number for a handle kept aside.
    /// </summary>
    public abstract int CurrentPlace { get; }

    /// <summary>Gets the handle of a place <see cref="CurrentPlace"/> gave in this validation.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The place is not one this validation gave out.</exception>
    public abstract RecordHandle HandleOfPlace(int place);

    /// <summary>Gets the number (<see cref="IdNumber"/>) of the kind and id of the record at a place <see cref="CurrentPlace"/> gave.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The place is not one this validation gave out.</exception>
    public abstract int IdNumberOfPlace(int place);

    /// <summary>Gets the records by kind and id.</summary>
    public abstract SymbolTable Symbols { get; }

    /// <summary>Gets the dataset's description.</summary>
    public abstract DatasetInfo Info { get; }

    /// <summary>Gets the location of the whole input.</summary>
    public abstract DiagnosticLocation FileLocation { get; }

    /// <summary>
    /// Gets whether every record of the input was read so far: false once part of the input could not be read
    /// (malformed or truncated JSON, nesting past the limit, a record or input over a limit, compressed data that
    /// cannot be inflated, a file that changed) or a record in it could not be built. Final once the walk has ended.
    /// </summary>
    public bool IsComplete { get; private set; } = true;

    /// <summary>Notes one of the reader's diagnostics: those that say part of the input was not read make it incomplete.</summary>
    public void Note(Diagnostic readerDiagnostic)
    {
        if (ReaderDiagnostics.LeavesInputUnread(readerDiagnostic.Id))
        {
            IsComplete = false;
        }
    }

    /// <summary>Notes a record whose text was found but that could not be read: the input is incomplete.</summary>
    public void NoteUnreadRecord() => IsComplete = false;

    /// <summary>Gets whether a lookup by id found nothing since the last call (always false when every record is known).</summary>
    public abstract bool TakeMissed();

    /// <summary>Gets whether a lookup by id found nothing since <see cref="TakeMissed"/> was last called, without resetting it.</summary>
    public virtual bool HasMissed => false;

    /// <summary>Gets the file the records are read from, as locations name it.</summary>
    public virtual string? FilePath => FileLocation.FilePath;

    /// <summary>Gets the earliest line a location in the current record can start on; 0 when not known.</summary>
    public virtual int CurrentFirstLine => 0;

    /// <summary>Gets the earliest line a location in the record of a handle can start on; 0 when not known.</summary>
    public virtual int FirstLineOf(RecordHandle handle) => 0;

    public abstract DiagnosticLocation LocateCurrent(string? relativePointer);

    public abstract DiagnosticLocation Locate(RecordHandle handle, string? relativePointer);

    public abstract DiagnosticLocation Locate(ConflictRecord record, string? relativePointer);

    public abstract DiagnosticLocation LocateInfo(string? relativePointer);

    public abstract ConflictRecord? ReadAgain(RecordHandle handle);

    /// <summary>Gets the id of the record a location lies in, for suppressions scoped to a record.</summary>
    public abstract string? RecordIdAt(DiagnosticLocation location);

    /// <summary>
    /// Gets the number of a kind and id in this validation: dense from 0, the same for equal pairs (ids compared
    /// ordinally), given on first use whether or not a record has the pair, so that a rule can key its state on it
    /// instead of the id's text. Streamed, it is the pair's index in the id table, which holds the pair anyway.
    /// </summary>
    public abstract int IdNumber(RecordKind kind, string id);

    /// <summary>Gets the kind and id of a number <see cref="IdNumber"/> gave.</summary>
    public abstract (RecordKind Kind, string Id) IdOfNumber(int number);
}

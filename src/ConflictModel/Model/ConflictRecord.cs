namespace ConflictModel.Model;

/// <summary>
/// The base of every record kind a dataset holds. Records are immutable and compare by value: two records are
/// equal when every member, including <see cref="ExtensibleRecord.Extensions"/>, is equal.
/// </summary>
public abstract record ConflictRecord : ExtensibleRecord
{
    private protected ConflictRecord()
    {
    }

    /// <summary>Gets the kind of this record.</summary>
    public abstract RecordKind RecordKind { get; }

    /// <summary>Gets the text of this record's id, whatever its kind.</summary>
    public abstract string RecordId { get; }
}

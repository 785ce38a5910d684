namespace ConflictModel.Model;

/// <summary>
/// The base of every record kind a dataset holds. Records are immutable and compare by value: two records are
/// equal when every member, including <see cref="Extensions"/>, is equal.
/// </summary>
public abstract record ConflictRecord : IExtensible
{
    private ExtensionData _extensions = ExtensionData.Empty;

    private protected ConflictRecord()
    {
    }

    /// <summary>Gets the kind of this record.</summary>
    public abstract RecordKind RecordKind { get; }

    /// <summary>Gets the text of this record's id, whatever its kind.</summary>
    public abstract string RecordId { get; }

    /// <summary>
    /// Gets the members read from the wire that this version of the model does not know; never null. Set them on a
    /// copy with <see cref="ConflictRecordExtensions.WithExtensions{TRecord}"/>.
    /// </summary>
    public ExtensionData Extensions => _extensions;

    /// <summary>
    /// Lets a serializer attach extension data to a record it has just constructed, before the record is
    /// visible to anyone else. Not for use on published instances.
    /// </summary>
    void IExtensible.AttachExtensions(ExtensionData extensions) => _extensions = extensions ?? ExtensionData.Empty;
}

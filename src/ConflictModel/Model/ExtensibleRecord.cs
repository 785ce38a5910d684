namespace ConflictModel.Model;

/// <summary>
/// The base of every object of the model that appears on the wire as a JSON object: records, their parts
/// (citations, locations, figures, status changes, …), the dataset and its description. It keeps the members
/// that this version of the model does not know, so that reading and writing never drops data. Set them on a copy
/// with <see cref="ConflictRecordExtensions.WithExtensions{TRecord}"/>.
/// </summary>
public abstract record ExtensibleRecord : IExtensible
{
    private ExtensionData _extensions = ExtensionData.Empty;

    private protected ExtensibleRecord()
    {
    }

    /// <summary>Gets the members read from the wire that this version of the model does not know; never null.</summary>
    public ExtensionData Extensions => _extensions;

    void IExtensible.AttachExtensions(ExtensionData extensions) => _extensions = extensions ?? ExtensionData.Empty;
}

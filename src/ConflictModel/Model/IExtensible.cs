namespace ConflictModel.Model;

/// <summary>
/// Implemented by the model types that keep members this version does not know (<see cref="ExtensionData"/>):
/// every record, <see cref="DatasetInfo"/> and <see cref="Dataset"/>. Lets a serializer attach what it read.
/// </summary>
internal interface IExtensible
{
    ExtensionData Extensions { get; }

    void AttachExtensions(ExtensionData extensions);
}

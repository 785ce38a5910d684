using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>Operations on every record of the model.</summary>
public static class ConflictRecordExtensions
{
    /// <summary>Returns a copy of a record (or part of one) with other extension data; the record itself is unchanged.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="record">The record.</param>
    /// <param name="extensions">The members to keep beside the model's own.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static TRecord WithExtensions<TRecord>(this TRecord record, ExtensionData extensions)
        where TRecord : ExtensibleRecord
    {
        Guard.Against.Null(record);
        Guard.Against.Null(extensions);
        var copy = (TRecord)(record with { });
        ((IExtensible)copy).AttachExtensions(extensions);
        return copy;
    }
}

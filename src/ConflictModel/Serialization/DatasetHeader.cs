using System.Text.Json.Serialization;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// A JSON Lines header line as read on the fast path: the format version and the description only. Reading it
/// needs the metadata of <see cref="DatasetInfo"/> alone, where reading the line as a <see cref="Dataset"/> makes
/// System.Text.Json build the metadata of every record kind before the first record. Unknown members land in its
/// extension data; when one of them is a record array, or anything else is unusual, the line is read again as a
/// <see cref="Dataset"/>, so that every result and every error is the one that path gives.
/// </summary>
internal sealed record DatasetHeader : ExtensibleRecord
{
    [JsonConstructor]
    public DatasetHeader(DatasetInfo info, string formatVersion = Dataset.CurrentFormatVersion)
    {
        Info = info;
        FormatVersion = formatVersion;
    }

    public DatasetInfo Info { get; }

    public string FormatVersion { get; }
}

using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>The two wire forms of a dataset (see <see cref="Serialization.ConflictJsonSerializer"/>).</summary>
public enum DatasetFormat
{
    /// <summary>One JSON document with an array per record kind (<c>.json</c>).</summary>
    Document,

    /// <summary>A header line, then one record a line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    JsonLines,
}

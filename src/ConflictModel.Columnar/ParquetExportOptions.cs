using System;

namespace ConflictModel.Columnar;

/// <summary>How a dataset is written as Parquet. Immutable.</summary>
public sealed record ParquetExportOptions
{
    /// <summary>The default number of records in a row group.</summary>
    public const int DefaultRowGroupSize = 4_096;

    private readonly int _rowGroupSize = DefaultRowGroupSize;

    /// <summary>Gets the options used when none are given.</summary>
    public static ParquetExportOptions Default { get; } = new();

    /// <summary>
    /// Gets the number of records of one kind held before they are written as a row group (default 4,096). The
    /// export's memory grows with it (it holds up to one row group per kind), not with the dataset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int RowGroupSize
    {
        get => _rowGroupSize;
        init => _rowGroupSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A row group holds at least one record.");
    }
}

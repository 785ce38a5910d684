using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ConflictModel.Benchmarks.Data;

namespace ConflictModel.Benchmarks.Suite;

/// <summary>Rates that make sizes comparable: records per second, megabytes of input per second, bytes allocated per record.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly Kind _kind;

    private ThroughputColumn(Kind kind) => _kind = kind;

    private enum Kind
    {
        RecordsPerSecond,
        MegabytesPerSecond,
        AllocatedPerRecord,
    }

    public static IColumn RecordsPerSecond { get; } = new ThroughputColumn(Kind.RecordsPerSecond);

    public static IColumn MegabytesPerSecond { get; } = new ThroughputColumn(Kind.MegabytesPerSecond);

    public static IColumn AllocatedPerRecord { get; } = new ThroughputColumn(Kind.AllocatedPerRecord);

    public string Id => $"{nameof(ThroughputColumn)}.{_kind}";

    public string ColumnName => _kind switch
    {
        Kind.RecordsPerSecond => "Records/s",
        Kind.MegabytesPerSecond => "MB/s",
        _ => "Alloc/record",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)_kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _kind switch
    {
        Kind.RecordsPerSecond => "Records read per second (records after the header line; mean time)",
        Kind.MegabytesPerSecond => "Megabytes (10^6 bytes) of input read per second (mean time)",
        _ => "Bytes allocated per operation divided by the number of records",
    };

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["Records"] is not int records)
        {
            return "-";
        }

        double seconds = statistics.Mean / 1e9;
        switch (_kind)
        {
            case Kind.RecordsPerSecond:
                return (records / seconds).ToString("N0", CultureInfo.InvariantCulture);
            case Kind.MegabytesPerSecond:
                string path = benchmarkCase.Descriptor.Type == typeof(JsonDocumentReading) ? DataFiles.DocumentPath(records) : DataFiles.JsonLinesPath(records);
                return File.Exists(path) ? (new FileInfo(path).Length / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture) : "-";
            default:
                return report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } bytes
                    ? (bytes / (double)records).ToString("N0", CultureInfo.InvariantCulture) + " B"
                    : "-";
        }
    }

    public override string ToString() => ColumnName;
}

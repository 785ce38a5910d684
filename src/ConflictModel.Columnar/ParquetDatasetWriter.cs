using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Columnar.Layout;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Parquet;
using Parquet.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Columnar;

/// <summary>
/// Writes records as they come into a directory of Parquet files, one per record kind (<c>events.parquet</c>,
/// <c>claims.parquet</c>…), in the layout docs/columnar.md describes. Records are held until a kind has a row group's
/// worth (<see cref="ParquetExportOptions.RowGroupSize"/>), then written, so memory is bounded by the row-group size,
/// not the dataset. Files are written into a temporary directory beside the target and moved into place by
/// <see cref="CompleteAsync"/>: the target holds either the whole export or nothing. Disposing without completing
/// deletes the temporary directory. Not thread-safe.
/// </summary>
public sealed class ParquetDatasetWriter : IAsyncDisposable
{
    /// <summary>The key-value metadata key holding the dataset's header line (JSON Lines) in every file.</summary>
    public const string HeaderMetadataKey = "conflictmodel.header";

    /// <summary>The key-value metadata key holding the version of the columnar layout.</summary>
    public const string LayoutMetadataKey = "conflictmodel.layout";

    private readonly string _target;
    private readonly string _staging;
    private readonly ParquetExportOptions _options;
    private readonly Dictionary<string, string> _metadata;
    private readonly KindFile[] _files;
    private bool _completed;

    private ParquetDatasetWriter(string target, string staging, Dataset header, ParquetExportOptions options)
    {
        _target = target;
        _staging = staging;
        _options = options;
        _metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HeaderMetadataKey] = HeaderLine(header),
            [LayoutMetadataKey] = RecordLayouts.Version,
        };
        _files = [.. RecordLayouts.All.Select(l => new KindFile(l, Path.Combine(staging, l.FileName)))];
    }

    /// <summary>Gets the directory the files go to once completed.</summary>
    public string Directory => _target;

    /// <summary>Gets how many records have been written (or are held for the next row group), by kind.</summary>
    public IReadOnlyDictionary<RecordKind, long> Counts => _files.ToDictionary(f => f.Layout.Kind, f => f.Count);

    /// <summary>Starts an export to a directory that does not exist yet or is empty.</summary>
    /// <param name="directory">The target directory.</param>
    /// <param name="header">The dataset's format version, description and extension members; its records are not written (give them to <see cref="WriteAsync"/>).</param>
    /// <param name="options">Row-group size; <see cref="ParquetExportOptions.Default"/> when null.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="IOException">The directory exists and is not empty (nothing of it is replaced), or the temporary directory cannot be made.</exception>
    /// <exception cref="JsonException">The header has an extension member named <c>type</c>, which the header line reserves.</exception>
    public static ParquetDatasetWriter Create(string directory, Dataset header, ParquetExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(header);
        string target = Path.GetFullPath(directory);
        CheckTarget(target);
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"{directory}: a root directory cannot be the export's target");
        System.IO.Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            return new ParquetDatasetWriter(target, staging, header, options ?? ParquetExportOptions.Default);
        }
        catch
        {
            System.IO.Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Adds a record; its kind's pending records are written as a row group when there are enough of them.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is held or written.</returns>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    /// <exception cref="JsonException">The record has an extension member named <c>type</c>, which the layout reserves.</exception>
    public async ValueTask WriteAsync(ConflictRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_completed, this);
        KindFile file = _files[IndexOf(record.RecordKind)];
        byte[] json = Encoding.UTF8.GetBytes(ConflictJsonSerializer.SerializeRecord(record));
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            file.Pending.Add(file.Layout.Record.ToRow(document.RootElement, skip: "type")!);
        }

        file.Count++;
        if (file.Pending.Count >= _options.RowGroupSize)
        {
            await FlushAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the pending row groups, writes an empty file (schema only) for each kind without records, and moves the directory into place.</summary>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    /// <returns>A task that completes when the directory is in place.</returns>
    /// <exception cref="IOException">The target appeared (and is not empty) while writing; the export is left in the temporary directory's place and deleted.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        foreach (KindFile file in _files)
        {
            if (file.Pending.Count > 0 || !file.Started)
            {
                await FlushAsync(file, cancellationToken).ConfigureAwait(false);
            }

            await file.Stream!.DisposeAsync().ConfigureAwait(false);
            file.Stream = null;
        }

        CheckTarget(_target);
        if (System.IO.Directory.Exists(_target))
        {
            System.IO.Directory.Delete(_target); // empty, checked just above
        }

        System.IO.Directory.Move(_staging, _target);
        _completed = true;
    }

    /// <summary>Closes the files; when <see cref="CompleteAsync"/> was not called, deletes what was written.</summary>
    /// <returns>A task that completes when the files are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        foreach (KindFile file in _files)
        {
            if (file.Stream is not null)
            {
                await file.Stream.DisposeAsync().ConfigureAwait(false);
                file.Stream = null;
            }

            file.Pending.Clear();
        }

        if (!_completed && System.IO.Directory.Exists(_staging))
        {
            System.IO.Directory.Delete(_staging, recursive: true);
        }

        _completed = true;
    }

    private async Task FlushAsync(KindFile file, CancellationToken cancellationToken)
    {
        file.Stream ??= new FileStream(file.Path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        if (file.Pending.Count == 0)
        {
            // A kind without records: a file with the schema and no row group, so that engines can query it.
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(file.Layout.Schema, file.Stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = _metadata;
        }
        else
        {
            var options = new ParquetOptions { Append = file.Started, RowGroupSize = Math.Max(file.Pending.Count, 1) };
            await ParquetSerializer.SerializeUntypedAsync(file.Pending!, file.Layout.Schema, file.Stream, options, _metadata, cancellationToken).ConfigureAwait(false);
        }

        file.Started = true;
        file.Pending.Clear();
    }

    private static int IndexOf(RecordKind kind)
    {
        for (int i = 0; i < RecordLayouts.All.Length; i++)
        {
            if (RecordLayouts.All[i].Kind == kind)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a record kind of the layout.");
    }

    private static void CheckTarget(string target)
    {
        if (File.Exists(target))
        {
            throw new IOException($"{target}: a file of that name exists; the export writes a directory and does not replace it");
        }

        if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target}: the directory exists and is not empty; the export does not replace what is there");
        }
    }

    private static string HeaderLine(Dataset header)
    {
        Dataset empty = header with
        {
            Sources = [], Actors = [], Events = [], CasualtyEstimates = [], Attributions = [], Claims = [], Ceasefires = [], Mediations = [], Agreements = [],
        };
        return ConflictJsonSerializer.SerializeLines(empty).TrimEnd('\n');
    }

    private sealed class KindFile(RecordLayout layout, string path)
    {
        public RecordLayout Layout { get; } = layout;

        public string Path { get; } = path;

        public List<IDictionary<string, object?>> Pending { get; } = [];

        public FileStream? Stream { get; set; }

        public bool Started { get; set; }

        public long Count { get; set; }
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Columnar.Layout;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Parquet;
using Parquet.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Columnar;

/// <summary>
/// Reads a directory written by <see cref="ParquetExport"/> (or by any tool that keeps its layout) back into a
/// dataset: each row becomes the JSON its record is on the wire and is read by the serializer, so the dataset is
/// the one exported, member for member. Never throws because of the files' contents: what cannot be read is
/// reported (CM7xxx) with its file and row, and the rest is read.
/// </summary>
public static class ParquetImport
{
    /// <summary>Reads the directory.</summary>
    /// <param name="directory">The directory holding <c>sources.parquet</c>, <c>actors.parquet</c>, <c>events.parquet</c>….</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The dataset, and what was found wrong.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">A file cannot be opened (permissions, I/O error).</exception>
    public static async Task<ParquetImportResult> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{directory}: no such directory");
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var records = new List<ConflictRecord>();
        string? header = null;
        foreach (RecordLayout layout in RecordLayouts.All)
        {
            string path = Path.Combine(root, layout.FileName);
            if (!File.Exists(path))
            {
                diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.MissingFile, DiagnosticLocation.ForFile(path), layout.FileName, layout.Type));
                continue;
            }

            string? fileHeader = await ReadFileAsync(layout, path, records, diagnostics, cancellationToken).ConfigureAwait(false);
            header ??= fileHeader;
        }

        Dataset stored = HeaderOf(header, root, diagnostics);
        Dataset grouped = Dataset.Create(stored.Info, records);
        Dataset dataset = stored with
        {
            Sources = grouped.Sources, Actors = grouped.Actors, Events = grouped.Events, CasualtyEstimates = grouped.CasualtyEstimates, Attributions = grouped.Attributions,
            Claims = grouped.Claims, Ceasefires = grouped.Ceasefires, Mediations = grouped.Mediations, Agreements = grouped.Agreements,
        };
        return new ParquetImportResult(dataset, diagnostics.ToImmutable());
    }

    /// <summary>Reads one kind's file into <paramref name="records"/>; returns the header metadata it holds, if any.</summary>
    private static async Task<string?> ReadFileAsync(RecordLayout layout, string path, List<ConflictRecord> records, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        string? header;
        int rowGroups;
        try
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            header = reader.CustomMetadata.TryGetValue(ParquetDatasetWriter.HeaderMetadataKey, out string? line) ? line : null;
            rowGroups = reader.RowGroupCount;
            var known = new HashSet<string>(layout.Record.Fields.Select(f => f.Name), StringComparer.Ordinal);
            foreach (Parquet.Schema.Field field in reader.Schema.Fields.Where(f => !known.Contains(f.Name)))
            {
                diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.UnknownColumn, DiagnosticLocation.ForFile(path), field.Name, layout.FileName));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.UnreadableFile, DiagnosticLocation.ForFile(path), $"not a Parquet file: {ex.Message}"));
            return null;
        }

        var options = new ParquetOptions();
        long row = 0;
        var json = new ArrayBufferWriter<byte>(4096);
        for (int group = 0; group < rowGroups; group++)
        {
            IList<Dictionary<string, object>> rows;
            try
            {
                stream.Position = 0;
                rows = (await ParquetSerializer.DeserializeUntypedAsync(stream, options, group, cancellationToken).ConfigureAwait(false)).Data;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
            {
                diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.UnreadableFile, DiagnosticLocation.ForFile(path), $"row group {group} cannot be read: {ex.Message}"));
                return header;
            }

            foreach (Dictionary<string, object> fields in rows)
            {
                row++;
                json.Clear();
                try
                {
                    using (var writer = new Utf8JsonWriter(json))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("type", layout.Type);
                        layout.Record.WriteMembers(writer, fields);
                        writer.WriteEndObject();
                    }

                    records.Add(ConflictJsonSerializer.DeserializeRecord(json.WrittenSpan));
                }
                catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
                {
                    var location = new DiagnosticLocation(path, (int)Math.Min(row, int.MaxValue), 1);
                    diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.InvalidRow, location, row, ex.Message));
                }
            }
        }

        return header;
    }

    private static Dataset HeaderOf(string? header, string root, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (header is not null)
        {
            try
            {
                return ConflictJsonSerializer.DeserializeLines(header + "\n");
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
            {
                diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.UnreadableFile, DiagnosticLocation.ForFile(root), $"the header metadata '{ParquetDatasetWriter.HeaderMetadataKey}' is not a dataset header: {ex.Message}"));
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Create(ColumnarDiagnostics.MissingHeader, DiagnosticLocation.ForFile(root), ParquetDatasetWriter.HeaderMetadataKey));
        }

        string title = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        return new Dataset(new DatasetInfo(string.IsNullOrWhiteSpace(title) ? "Parquet import" : title));
    }
}

/// <summary>What an import read.</summary>
public sealed class ParquetImportResult
{
    internal ParquetImportResult(Dataset dataset, ImmutableArray<Diagnostic> diagnostics)
    {
        Dataset = dataset;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the dataset: every record that could be read.</summary>
    public Dataset Dataset { get; }

    /// <summary>Gets what could not be read or was missing, located by file and row.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets whether a record or a file could not be read.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

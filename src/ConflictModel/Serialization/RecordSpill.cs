using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// The written records of one kind that a JSON document cannot take yet: in memory while the writer's budget
/// allows, then in a temporary file. Read back once, in order, when the document reaches their kind.
/// </summary>
internal sealed class RecordSpill : IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly SpillBudget _budget;
    private readonly List<(byte[] Chunk, int Length)> _chunks = [];
    private FileStream? _file;
    private string? _path;
    private long _inMemory;

    public RecordSpill(SpillBudget budget) => _budget = budget;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Length += bytes.Length;
        if (_file is not null)
        {
            _file.Write(bytes);
            return;
        }

        while (!bytes.IsEmpty)
        {
            if (_chunks.Count == 0 || _chunks[^1].Length == _chunks[^1].Chunk.Length)
            {
                _chunks.Add((ArrayPool<byte>.Shared.Rent(ChunkSize), 0));
            }

            (byte[] chunk, int length) = _chunks[^1];
            int count = Math.Min(bytes.Length, chunk.Length - length);
            bytes[..count].CopyTo(chunk.AsSpan(length));
            _chunks[^1] = (chunk, length + count);
            bytes = bytes[count..];
            _inMemory += count;
            _budget.Used += count;
        }

        if (_budget.Used > _budget.Max)
        {
            MoveToFile();
        }
    }

    /// <summary>Yields the bytes written, in order, in pieces valid until the next is requested.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Read()
    {
        if (_file is null)
        {
            foreach ((byte[] chunk, int length) in _chunks)
            {
                yield return chunk.AsMemory(0, length);
            }

            yield break;
        }

        _file.Flush();
        _file.Position = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = _file.Read(buffer, 0, buffer.Length)) > 0)
            {
                yield return buffer.AsMemory(0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        ReleaseChunks();
        _file?.Dispose();
        _file = null;
        if (_path is not null)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            _path = null;
        }
    }

    private void MoveToFile()
    {
        // Named as the tool's other spools (conflictmodel-PID-GUID.spool), so that the tool's start-up clean-up
        // recognises one left by a process killed in the instant between its creation and its removal.
        string path = Path.Combine(_budget.Directory, $"conflictmodel-{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.spool");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize, OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        if (OperatingSystem.IsWindows())
        {
            _path = path; // deleted on close, or by Dispose
        }
        else
        {
            // Unlinked at once: the open handle keeps the data, and not even a crash can leave the file behind.
            File.Delete(path);
        }

        _file = file;
        foreach ((byte[] chunk, int length) in _chunks)
        {
            file.Write(chunk, 0, length);
        }

        ReleaseChunks();
    }

    private void ReleaseChunks()
    {
        foreach ((byte[] chunk, _) in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _budget.Used -= _inMemory;
        _inMemory = 0;
    }
}

/// <summary>The memory the spills of one writer share, and where their files go.</summary>
internal sealed class SpillBudget(long max, string directory)
{
    public long Max { get; } = max;

    public string Directory { get; } = directory;

    public long Used { get; set; }
}

using System;
using System.IO;
using Microsoft.Win32.SafeHandles;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Random access to the (decompressed) bytes a streaming read has already passed, so that checks made after a
/// record has left the buffer can still give exact positions: the input file itself when it is a plain seekable
/// file, otherwise a temporary file the consumed bytes are copied to (deleted on dispose). Not thread-safe.
/// </summary>
internal sealed class InputBytes : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly long _origin;
    private readonly bool _spooled;
    private long _written;

    private InputBytes(SafeFileHandle handle, long origin, bool spooled)
    {
        _handle = handle;
        _origin = origin;
        _spooled = spooled;
    }

    /// <summary>Opens the file a stream reads, from the stream's current position; null when it is not a plain file.</summary>
    public static InputBytes? OverFile(Stream stream)
    {
        if (stream is not FileStream { CanSeek: true } file || string.IsNullOrEmpty(file.Name) || !File.Exists(file.Name))
        {
            return null;
        }

        try
        {
            return new InputBytes(File.OpenHandle(file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), file.Position, spooled: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Creates a temporary file that keeps the bytes handed to <see cref="Append"/>. On Unix its name is removed as soon
    /// as it is open (the open handle keeps the data), so that nothing is left behind whatever ends the process, even
    /// SIGKILL; on Windows the system deletes it when the handle closes, also when the process is killed. The name
    /// carries the process id (<c>conflictmodel-PID-GUID.spool</c>) so that a leftover of a process that no longer
    /// runs can be recognised and removed (the tool does so at start-up).
    /// </summary>
    public static InputBytes Spool()
    {
        string path = Path.Combine(Path.GetTempPath(), $"conflictmodel-{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.spool");
        SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // DeleteOnClose still removes it when the handle closes normally.
            }
        }

        return new InputBytes(handle, 0, spooled: true);
    }

    /// <summary>Gets whether consumed bytes must be handed to <see cref="Append"/>.</summary>
    public bool IsSpool => _spooled;

    /// <summary>Keeps the next consumed bytes (a spool only).</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_spooled && !bytes.IsEmpty)
        {
            RandomAccess.Write(_handle, bytes, _written);
            _written += bytes.Length;
        }
    }

    /// <summary>Reads bytes at an input offset, bytes the reader has already passed.</summary>
    /// <exception cref="InputChangedException">The file is shorter now: it was truncated after the reader passed this point.</exception>
    public byte[] Read(long offset, int length)
    {
        byte[] bytes = new byte[length];
        int total = 0;
        while (total < length)
        {
            int read = RandomAccess.Read(_handle, bytes.AsSpan(total), _origin + offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total < length)
        {
            // Only a file read in place can shrink (a spool is ours); a short read means the bytes read are gone.
            long now = _origin + offset + total;
            throw new InputChangedException(_origin + offset, _origin + offset + length - now);
        }

        return bytes;
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>
/// A line the reader had passed could not be read again: the file was truncated while it was validated. Streaming
/// validation turns it into one CM0027 (<see cref="ReaderDiagnostics.InputChanged"/>) and ends there, keeping what it
/// found; rules never see it as their own failure (CM0900).
/// </summary>
internal sealed class InputChangedException(long offset, long missing)
    : Exception($"a line at byte {offset:N0} could not be read again")
{
    /// <summary>Gets the input offset of the line that could not be read again.</summary>
    public long Offset { get; } = offset;

    /// <summary>Gets how many bytes of that line were missing.</summary>
    public long Missing { get; } = missing;
}

using System;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one: the content goes to a
/// temporary file in the same folder, which replaces the target only when writing has finished. An interrupted
/// run (Ctrl-C, a crash, a full disk) never leaves a half-written SARIF or dataset behind.
/// </summary>
internal static class AtomicFile
{
    /// <exception cref="UsageException">The file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new UsageException($"{path}: cannot write: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

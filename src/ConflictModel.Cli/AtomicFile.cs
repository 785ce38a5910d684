using System;
using System.Collections.Generic;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one: the content goes to a
/// temporary file in the same folder, which replaces the target only when writing has finished. An interrupted
/// run (Ctrl-C, a crash, a full disk) never leaves a half-written SARIF or dataset behind; on Ctrl-C or SIGTERM
/// <see cref="AbandonAll"/> also removes the temporary file.
/// </summary>
internal static class AtomicFile
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal);
    private static bool s_abandoned;

    /// <exception cref="UsageException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The process is being interrupted; nothing was written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        lock (Gate)
        {
            if (s_abandoned)
            {
                throw new OperationCanceledException();
            }

            Pending.Add(temporary);
        }

        try
        {
            using (FileStream stream = CreateTemporary(temporary))
            {
                write(TestHooks.ObserveWrite(stream));
                stream.Flush(flushToDisk: true);
            }

            // The rename and AbandonAll exclude each other: the target is either replaced by the complete file before
            // an interruption, or not at all.
            lock (Gate)
            {
                if (s_abandoned)
                {
                    throw new OperationCanceledException();
                }

                File.Move(temporary, full, overwrite: true);
                Pending.Remove(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Forget(temporary);
            throw new UsageException($"{path}: cannot write: {ex.Message}", ex);
        }
        catch
        {
            Forget(temporary);
            throw;
        }
    }

    /// <summary>
    /// Creates the temporary file under the gate: <see cref="AbandonAll"/>, after which the process may end at once,
    /// either runs first and stops the file from being created, or runs after and deletes it. Created outside the gate,
    /// a file made just after AbandonAll had run would outlive the interrupted process.
    /// </summary>
    private static FileStream CreateTemporary(string temporary)
    {
        lock (Gate)
        {
            if (s_abandoned)
            {
                throw new OperationCanceledException();
            }

            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
    }

    /// <summary>
    /// Deletes the temporary files of every write in progress and makes sure none of them, nor any later one, replaces
    /// its target. Called from the signal handler when the run is interrupted, on another thread than the writes.
    /// </summary>
    public static void AbandonAll()
    {
        lock (Gate)
        {
            s_abandoned = true;
            foreach (string temporary in Pending)
            {
                TryDelete(temporary);
            }

            Pending.Clear();
        }
    }

    private static void Forget(string temporary)
    {
        lock (Gate)
        {
            TryDelete(temporary);
            Pending.Remove(temporary);
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

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>
/// Removes temporary files an earlier run of the tool left behind when it was killed (SIGKILL, a power cut, a crash
/// the runtime could not unwind): the <c>.NAME.PID.tmp</c> files beside an output (<see cref="AtomicFile"/>) and the
/// <c>conflictmodel-PID-….spool</c> and <c>conflictmodel-PID-….tmp</c> files in the temporary folder. A file is
/// removed only when it is ours to remove: its name carries the id of a process that no longer runs, and (on Linux)
/// it belongs to the user running the tool, so another user's files, even to root, and the files of a run still going
/// are never touched. A finalizer could not do this: a killed process runs none.
/// </summary>
internal static class TemporaryFiles
{
    /// <summary>
    /// Creates a temporary file for this run's own use, <c>conflictmodel-PID-GUID.spool</c> in the temporary folder
    /// (<c>TMPDIR</c>), as the reader's spool of standard input is made: on Unix its name is removed as soon as it is
    /// open (the handle keeps the data), so nothing is left behind whatever ends the process, SIGKILL included; on
    /// Windows the system deletes it when the handle closes. A leftover of the instant between creation and removal
    /// carries the process id, for <see cref="CleanStale"/>.
    /// </summary>
    /// <returns>The file, open for reading and writing; closing it removes it.</returns>
    public static FileStream CreateSpool()
    {
        string path = Path.Combine(Path.GetTempPath(), $"conflictmodel-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.spool");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
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

        return stream;
    }

    /// <summary>Removes stale spool and staging files of this tool from the temporary folder; never throws.</summary>
    public static void CleanStale()
    {
        try
        {
            foreach (string file in Directory.EnumerateFiles(Path.GetTempPath(), "conflictmodel-*"))
            {
                string name = Path.GetFileName(file);
                if (!name.EndsWith(".spool", StringComparison.Ordinal) && !name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue;
                }

                // conflictmodel-PID-GUID.spool (older versions wrote conflictmodel-GUID.spool, with no process to check: kept)
                string rest = name["conflictmodel-".Length..];
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    DeleteIfStale(file, pid);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder we cannot list: nothing of ours to clean there.
        }
    }

    /// <summary>Removes the stale <c>.NAME.PID.tmp</c> files of an output beside it; never throws.</summary>
    public static void CleanStaleOutputs(string directory, string fileName)
    {
        string prefix = $".{fileName}.";
        try
        {
            foreach (string file in Directory.EnumerateFiles(directory, ".*.tmp"))
            {
                string name = Path.GetFileName(file);
                if (name.Length > prefix.Length + 4 && name.StartsWith(prefix, StringComparison.Ordinal)
                    && int.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    DeleteIfStale(file, pid);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Gets whether a process with this id runs now.</summary>
    internal static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteIfStale(string file, int pid)
    {
        if (pid <= 0 || IsRunning(pid) || !IsMine(file))
        {
            return;
        }

        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>On Linux, whether the file belongs to this process's user; elsewhere (a per-user temporary folder on Windows) true only on Windows.</summary>
    private static bool IsMine(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            return UnixFileStatus.Of(file) is { } status && UnixFileStatus.EffectiveUserId is { } me && status.Owner == me;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

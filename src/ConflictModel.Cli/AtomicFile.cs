using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ConflictModel.Cli;

/// <summary>
/// Writes an output file (<c>--output</c>) without damaging what is already there, whatever it is:
/// <list type="bullet">
/// <item>A regular file (or a new one) is replaced atomically: the content goes to a temporary file in the same folder,
/// created with the target's permission bits and given its owner and group, which replaces the target only when
/// writing has finished. Readers see the old file or the complete new one; an interrupted run (Ctrl-C, a crash, a full
/// disk) never leaves a half-written report behind, and on Ctrl-C or SIGTERM <see cref="AbandonAll"/> removes the
/// temporary file.</item>
/// <item>A regular file with more than one hard link, or whose owner this process cannot give to a new file (a user
/// who is not root writing another user's file), or in a folder where no temporary file can be made, is written in
/// place, so that every link keeps seeing it and it keeps its owner: the complete content is first written to a
/// temporary file, then copied over the target under an exclusive lock (<c>flock</c>), during which Ctrl-C and
/// SIGTERM wait for the copy to finish. Only a SIGKILL or a power cut during that copy can leave it partial.</item>
/// <item>A device, a FIFO or a socket is opened and written directly, never replaced; <c>/dev/stdout</c>,
/// <c>/dev/stderr</c> and <c>/dev/fd/1</c>, <c>/dev/fd/2</c> write to the process's own standard streams.</item>
/// <item>A symbolic link is followed: its final target is written as above and the link is kept.</item>
/// </list>
/// The kind of file, its link count and its owner are read with <c>statx</c> on Linux (<see cref="UnixFileStatus"/>);
/// elsewhere every existing target is treated as a regular file with one link, keeping its Unix permission bits.
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
        if (StandardStream(full) is { } standard)
        {
            WriteStandard(standard, write);
            return;
        }

        try
        {
            string target = FinalTarget(full);
            UnixFileStatus? status = UnixFileStatus.Of(target);
            switch (status)
            {
                case { Kind: UnixFileKind.Directory }:
                    throw new UsageException($"{path}: cannot write: it is a directory");
                case { Kind: UnixFileKind.Special }:
                    WriteDirect(target, write);
                    return;
                case { Links: > 1 }:
                    WriteInPlace(target, write);
                    return;
                default:
                    Replace(target, status, write);
                    return;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // .NET ends some messages with " : 'path'", which the line already begins with.
            string message = ex.Message;
            int quoted = message.LastIndexOf(" : '", StringComparison.Ordinal);
            message = quoted > 0 && message.EndsWith('\'') ? message[..quoted] : message;
            throw new UsageException($"{path}: cannot write: {message}", ex);
        }
    }

    /// <summary>
    /// Deletes the temporary files of every write in progress and makes sure none of them, nor any later one, replaces
    /// or overwrites its target. Called from the signal handler when the run is interrupted, on another thread than
    /// the writes; it waits for a rename or an in-place copy under way to finish.
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

    /// <summary>The name of the temporary file for a target: hidden, beside it, with this process's id (see <see cref="TemporaryFiles"/>).</summary>
    internal static string TemporaryName(string directory, string fileName)
        => Path.Combine(directory, $".{fileName}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");

    /// <summary>The standard stream a path names (<c>/dev/stdout</c>, <c>/dev/fd/2</c>, …), or null.</summary>
    private static Func<Stream>? StandardStream(string full) => full switch
    {
        "/dev/stdout" or "/dev/fd/1" or "/proc/self/fd/1" => Console.OpenStandardOutput,
        "/dev/stderr" or "/dev/fd/2" or "/proc/self/fd/2" => Console.OpenStandardError,
        _ => null,
    };

    private static void WriteStandard(Func<Stream> open, Action<Stream> write)
    {
        try
        {
            using Stream stream = open();
            write(stream);
            stream.Flush();
        }
        catch (IOException ex)
        {
            throw new UsageException($"cannot write to the standard stream: {ex.Message}", ex);
        }
    }

    /// <summary>The file a path finally names, following symbolic links (which may point to a file not made yet).</summary>
    private static string FinalTarget(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        // ResolveLinkTarget follows every link of the chain, also to a target that does not exist yet.
        FileSystemInfo? final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is null ? full : Path.GetFullPath(final.FullName);
    }

    /// <summary>A device, FIFO or socket: opened for writing as it is (no creation, no truncation, no rename).</summary>
    private static void WriteDirect(string target, Action<Stream> write)
    {
        lock (Gate)
        {
            if (s_abandoned)
            {
                throw new OperationCanceledException();
            }
        }

        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
        write(stream);
        stream.Flush();
    }

    private static void Replace(string target, UnixFileStatus? status, Action<Stream> write)
    {
        string directory = Path.GetDirectoryName(target) ?? ".";
        TemporaryFiles.CleanStaleOutputs(directory, Path.GetFileName(target));
        string temporary = TemporaryName(directory, Path.GetFileName(target));
        FileStream stream;
        try
        {
            stream = CreateTemporary(temporary, status);
        }
        catch (UnauthorizedAccessException)
        {
            // No temporary file beside the target (a folder we may not write): the target itself may still be ours
            // to write.
            if (status is null)
            {
                throw;
            }

            WriteInPlace(target, write);
            return;
        }

        try
        {
            using (stream)
            {
                write(TestHooks.ObserveWrite(stream));
                stream.Flush(flushToDisk: true);
            }

            if (status is { } existing && !KeepOwner(temporary, existing))
            {
                // A new file would change hands (this process may not give it away): write the old one in place.
                using (var complete = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    CopyOver(complete, target);
                }

                Forget(temporary);
                return;
            }

            // The rename and AbandonAll exclude each other: the target is either replaced by the complete file before
            // an interruption, or not at all.
            lock (Gate)
            {
                if (s_abandoned)
                {
                    throw new OperationCanceledException();
                }

                File.Move(temporary, target, overwrite: true);
                Pending.Remove(temporary);
            }
        }
        catch
        {
            Forget(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes the complete content to a temporary file, then copies it over the target, which keeps its inode (so its
    /// hard links, owner, permissions and extended attributes), under an exclusive lock.
    /// </summary>
    private static void WriteInPlace(string target, Action<Stream> write)
    {
        string staging = StagingFile(target, out FileStream stream);
        try
        {
            using (stream)
            {
                write(stream);
                stream.Flush();
                stream.Position = 0;
                CopyOver(stream, target);
            }
        }
        finally
        {
            Forget(staging);
        }
    }

    /// <summary>Replaces the target's content in place with complete content, under an exclusive lock.</summary>
    private static void CopyOver(Stream complete, string target)
    {
        // Ctrl-C and SIGTERM wait (AbandonAll takes the same lock) so the target is the old or the new content.
        lock (Gate)
        {
            if (s_abandoned)
            {
                throw new OperationCanceledException();
            }

            // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Unix: while another conflictmodel writes the same file in
            // place, this one fails with "cannot write" instead of interleaving its bytes.
            using var destination = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16);
            destination.SetLength(0);
            complete.CopyTo(destination);
            destination.Flush(flushToDisk: true);
        }
    }

    /// <summary>A temporary file for the content: beside the target if possible, else in the temporary folder.</summary>
    private static string StagingFile(string target, out FileStream stream)
    {
        string beside = TemporaryName(Path.GetDirectoryName(target) ?? ".", Path.GetFileName(target));
        try
        {
            stream = CreateTemporary(beside, null);
            return beside;
        }
        catch (UnauthorizedAccessException)
        {
            string elsewhere = Path.Combine(Path.GetTempPath(), $"conflictmodel-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.tmp");
            stream = CreateTemporary(elsewhere, null);
            return elsewhere;
        }
    }

    /// <summary>Creates a temporary file (registered for <see cref="AbandonAll"/>), readable by nobody the target's mode does not let read it.</summary>
    private static FileStream CreateTemporary(string temporary, UnixFileStatus? status)
    {
        // Created under the gate (see Create): AbandonAll, after which the process may end at once, either runs first
        // and stops the file from being made, or runs after and deletes it; a file made just after it had run would
        // outlive the interrupted process.
        lock (Gate)
        {
            if (s_abandoned)
            {
                throw new OperationCanceledException();
            }

            Pending.Add(temporary);
            try
            {
                return Create(temporary, status);
            }
            catch
            {
                Pending.Remove(temporary);
                throw;
            }
        }
    }

    private static FileStream Create(string temporary, UnixFileStatus? status)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 16 };
        if (status is { } existing && !OperatingSystem.IsWindows())
        {
            // Owner-only from the start, then exactly the target's bits (chmod ignores the umask): the content is
            // never readable by someone the target's mode keeps out. A new file gets 0666 less the umask, as the
            // shell's ">" makes it (FileStream's default).
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var stream = new FileStream(temporary, options);
            File.SetUnixFileMode(stream.SafeFileHandle, existing.Mode);
            return stream;
        }

        return new FileStream(temporary, options);
    }

    /// <summary>Gives the temporary file the target's owner and group; false when this process may not.</summary>
    private static bool KeepOwner(string temporary, UnixFileStatus target)
    {
        UnixFileStatus? made = OperatingSystem.IsWindows() ? null : UnixFileStatus.Of(temporary);
        if (OperatingSystem.IsWindows() || made is not { } mine || (mine.Owner == target.Owner && mine.Group == target.Group))
        {
            return true;
        }

        if (!UnixFileStatus.TryChangeOwner(temporary, target.Owner, target.Group))
        {
            return false;
        }

        // chown clears the set-user-id and set-group-id bits: put the mode back.
        File.SetUnixFileMode(temporary, target.Mode);
        return true;
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

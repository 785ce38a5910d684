using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace ConflictModel.Cli;

/// <summary>The kind of a file system entry, as far as writing to it is concerned.</summary>
internal enum UnixFileKind
{
    /// <summary>A regular file: replaced atomically.</summary>
    Regular,

    /// <summary>A directory: not written.</summary>
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written directly, never replaced.</summary>
    Special,
}

/// <summary>
/// What <c>statx(2)</c> says about a file (following symbolic links): its kind, permission bits, owner and number of
/// hard links. .NET exposes neither the kind of a special file nor the link count nor the owner, so on Linux this asks
/// the C library; <c>struct statx</c> has the same layout on every Linux architecture. Elsewhere it is not available
/// (<see cref="Of"/> returns null and callers keep the portable behaviour).
/// </summary>
internal readonly record struct UnixFileStatus(UnixFileKind Kind, UnixFileMode Mode, uint Owner, uint Group, uint Links)
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;

    /// <summary>Gets the status of a file, following symbolic links; null when it does not exist or this is not Linux.</summary>
    /// <exception cref="IOException">The file exists but cannot be examined (a denied search permission, a loop of links).</exception>
    public static UnixFileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        byte[] buffer = new byte[256];
        if (NativeMethods.statx(AtFdCwd, NullTerminated(path), 0, StatxBasicStats, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == ENOENT)
            {
                return null;
            }

            throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }

        // The fields are in the machine's byte order.
        uint links = MemoryMarshal.Read<uint>(buffer.AsSpan(16));
        uint uid = MemoryMarshal.Read<uint>(buffer.AsSpan(20));
        uint gid = MemoryMarshal.Read<uint>(buffer.AsSpan(24));
        ushort mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28));
        UnixFileKind kind = (mode & 0xF000) switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            _ => UnixFileKind.Special,
        };
        return new UnixFileStatus(kind, (UnixFileMode)(mode & 0xFFF), uid, gid, links);
    }

    /// <summary>Gets the effective user id of this process; null where it is not known (not Linux).</summary>
    public static uint? EffectiveUserId => OperatingSystem.IsLinux() ? NativeMethods.geteuid() : null;

    /// <summary>Changes a file's owner and group (Linux); false when not permitted (a user who is not root giving a file away).</summary>
    public static bool TryChangeOwner(string path, uint owner, uint group)
        => OperatingSystem.IsLinux() && NativeMethods.chown(NullTerminated(path), owner, group) == 0;

    private static byte[] NullTerminated(string path)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int dirfd, byte[] path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int chown(byte[] path, uint owner, uint group);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint geteuid();
    }
}

using System;
using System.IO;
using System.Threading;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// A read-only file stream that observes a cancellation token on every read, so that the synchronous readers
/// (<see cref="DatasetRecordReader"/>, which refills its buffer between records) stop within one buffer of a cancel.
/// Still a <see cref="FileStream"/>, so that a streaming validation re-reads records from the file itself.
/// </summary>
internal sealed class CancellableFileStream(string path, CancellationToken cancellationToken)
    : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.Read(buffer);
    }

    public override int ReadByte()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadByte();
    }
}

using System;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// The asynchronous entry points of <see cref="DatasetValidator"/>: a stream that is not a file is first copied, with
/// asynchronous reads, to a temporary file (deleted afterwards, whatever happens), then validated by the streaming
/// validation over that file, with the token observed on every buffer the reader takes in — between records. The
/// result is the one the synchronous validation gives for the same bytes.
/// </summary>
internal static class AsyncValidation
{
    public static Task<ValidationResult> ValidateFileAsync(DatasetValidator validator, string path, string? displayPath, DatasetFormat? format, DatasetReader? reader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ValidateFile(validator, path, displayPath, format, gzip: null, reader ?? new DatasetReader(), cancellationToken));
    }

    public static async Task<ValidationResult> ValidateStreamAsync(DatasetValidator validator, Stream stream, string? path, DatasetFormat? format, DatasetReader? reader, string spoolDirectory, CancellationToken cancellationToken)
    {
        string spool = Path.Combine(spoolDirectory, $"conflictmodel-{Guid.NewGuid():N}.input");
        try
        {
            var target = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (target.ConfigureAwait(false))
            {
                await stream.CopyToAsync(target, 1 << 16, cancellationToken).ConfigureAwait(false);
            }

            // Neither the name nor the extension says the form: the reader tells it (and gzip) from the content.
            return ValidateFile(validator, spool, path, format, gzip: false, reader ?? new DatasetReader(), cancellationToken);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public static async Task<ValidationResult> ValidatePipeAsync(DatasetValidator validator, PipeReader pipe, string? path, DatasetFormat? format, DatasetReader? reader, string spoolDirectory, CancellationToken cancellationToken)
    {
        Stream stream = pipe.AsStream(leaveOpen: true);
        await using (stream.ConfigureAwait(false))
        {
            return await ValidateStreamAsync(validator, stream, path, format, reader, spoolDirectory, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ValidationResult ValidateFile(DatasetValidator validator, string file, string? displayPath, DatasetFormat? format, bool? gzip, DatasetReader reader, CancellationToken cancellationToken)
    {
        bool known = DatasetFormats.TryGetFromPath(displayPath ?? file, out DatasetFormat named, out bool namedGzip);
        format ??= known ? named : null;
        using var stream = new CancellableFileStream(file, cancellationToken);
        using DatasetRecordReader records = reader.OpenRecords(stream, displayPath, format, gzip ?? (known && namedGzip));
        return validator.Validate(records, _ => cancellationToken.ThrowIfCancellationRequested());
    }
}

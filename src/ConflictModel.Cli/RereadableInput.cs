using System;
using System.IO;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary>
/// An input a command reads more than once through the record reader (<c>convert</c> reads a broken input again for
/// validate's diagnostics; <c>export ucdp-ged</c> reads every input twice): the file itself, or for standard input, a
/// FIFO or a device a temporary copy (<see cref="TemporaryFiles.CreateSpool"/>); the form from the file's name, or from
/// the content when the name does not say.
/// </summary>
internal sealed class RereadableInput : IDisposable
{
    private readonly Stream _stream;
    private readonly InputFile _file;
    private readonly DatasetReader _reader;
    private readonly bool _known;
    private readonly DatasetFormat _named;
    private readonly bool _namedGzip;

    /// <summary>Opens the input (copying it first when it cannot be read twice).</summary>
    public RereadableInput(InputFile file, DatasetReader reader, CliConsole console)
    {
        _file = file;
        _reader = reader;
        _stream = file.IsStandardInput ? Spool(console.Input) : Seekable(ValidateCommand.OpenRaw(file));
        _known = !file.IsStandardInput && DatasetFormats.TryGetFromPath(file.FullPath, out _named, out _namedGzip);
    }

    /// <summary>Opens a record reader over the input from its start; readers leave the input open.</summary>
    public DatasetRecordReader Open()
    {
        _stream.Position = 0;
        return _known
            ? _reader.OpenRecords(_stream, _file.DisplayPath, _named, _file.IsGzip || _namedGzip)
            : _reader.OpenRecords(_stream, _file.DisplayPath, format: null, gzip: false);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    /// <summary>The file itself, or for a FIFO or a device a temporary copy of what it gives.</summary>
    private static FileStream Seekable(FileStream file)
    {
        if (file.CanSeek)
        {
            return file;
        }

        using (file)
        {
            return Spool(file);
        }
    }

    /// <summary>Copies an input that cannot be read twice (standard input, a FIFO) into a temporary file (<see cref="TemporaryFiles.CreateSpool"/>), positioned at its start.</summary>
    private static FileStream Spool(Stream source)
    {
        FileStream spool = TemporaryFiles.CreateSpool();
        try
        {
            source.CopyTo(spool, 1 << 16);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }
}

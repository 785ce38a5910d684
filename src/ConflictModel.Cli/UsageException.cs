using System;

namespace ConflictModel.Cli;

/// <summary>A problem with how the tool was called or with a file it must read or write: exit code 2, one line, no stack trace.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}

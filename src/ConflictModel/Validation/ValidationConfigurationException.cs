using System;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>A validation configuration file cannot be used: it is not JSON, or a setting has the wrong form.</summary>
public sealed class ValidationConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ValidationConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ValidationConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public ValidationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a configuration file.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="location">Where.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ValidationConfigurationException(string message, DiagnosticLocation location, Exception? innerException = null)
        : base($"{location}: {message}", innerException)
        => Location = location;

    /// <summary>Gets where in the configuration file the problem is, when known.</summary>
    public DiagnosticLocation? Location { get; }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace ConflictModel.Diagnostics;

/// <summary>
/// One problem found in a dataset: what kind (<see cref="Descriptor"/>), how serious as configured
/// (<see cref="Severity"/>), where (<see cref="Location"/> and any <see cref="AdditionalLocations"/>, such as the
/// first of two duplicate records), and the values that fill the message. A suppressed diagnostic is kept, marked
/// with the justification given, so that reports can show what was silenced and why. Immutable; equal by value.
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private Diagnostic(
        DiagnosticDescriptor descriptor,
        DiagnosticSeverity severity,
        DiagnosticLocation location,
        ImmutableArray<DiagnosticLocation> additionalLocations,
        ImmutableArray<object?> arguments,
        bool isSuppressed,
        string? justification)
    {
        Descriptor = descriptor;
        Severity = severity;
        Location = location;
        AdditionalLocations = additionalLocations;
        Arguments = arguments;
        IsSuppressed = isSuppressed;
        SuppressionJustification = justification;
    }

    /// <summary>Gets what kind of problem this is.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Gets the descriptor's id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets the effective severity: the descriptor's default until configuration is applied.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Gets where the problem is.</summary>
    public DiagnosticLocation Location { get; }

    /// <summary>Gets other places the problem involves (the record a duplicate repeats, the other end of a contradiction).</summary>
    public ImmutableArray<DiagnosticLocation> AdditionalLocations { get; }

    /// <summary>Gets the values that fill the message format.</summary>
    public ImmutableArray<object?> Arguments { get; }

    /// <summary>Gets whether a suppression with a justification silences this diagnostic.</summary>
    public bool IsSuppressed { get; }

    /// <summary>Gets the suppression's justification, when suppressed.</summary>
    public string? SuppressionJustification { get; }

    /// <summary>Gets whether this diagnostic counts as an error: severity error and not suppressed.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error && !IsSuppressed;

    /// <summary>Creates a diagnostic with the descriptor's default severity.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="location">Where.</param>
    /// <param name="args">The values that fill the message format.</param>
    /// <returns>The diagnostic.</returns>
    /// <exception cref="ArgumentNullException">The descriptor or location is null.</exception>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, DiagnosticLocation location, params object?[]? args)
        => Create(descriptor, location, [], args);

    /// <summary>Creates a diagnostic with the descriptor's default severity and other locations it involves.</summary>
    /// <param name="descriptor">What kind of problem.</param>
    /// <param name="location">Where.</param>
    /// <param name="additionalLocations">Other places involved.</param>
    /// <param name="args">The values that fill the message format.</param>
    /// <returns>The diagnostic.</returns>
    /// <exception cref="ArgumentNullException">The descriptor or location is null.</exception>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, DiagnosticLocation location, IEnumerable<DiagnosticLocation>? additionalLocations, params object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(location);
        ImmutableArray<DiagnosticLocation> additional = additionalLocations is null ? [] : [.. additionalLocations.Where(l => l is not null)];
        return new Diagnostic(descriptor, descriptor.DefaultSeverity, location, additional, args is null ? [] : [.. args], false, null);
    }

    /// <summary>Returns a copy with another effective severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The copy.</returns>
    public Diagnostic WithSeverity(DiagnosticSeverity severity)
        => severity == Severity ? this : new(Descriptor, severity, Location, AdditionalLocations, Arguments, IsSuppressed, SuppressionJustification);

    /// <summary>Returns a copy marked as suppressed.</summary>
    /// <param name="justification">Why it is suppressed.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">The justification is blank.</exception>
    public Diagnostic WithSuppression(string justification)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(justification);
        return new(Descriptor, Severity, Location, AdditionalLocations, Arguments, true, justification);
    }

    /// <summary>Formats the message with the arguments.</summary>
    /// <param name="formatProvider">The culture for numbers and dates; invariant by default.</param>
    /// <returns>The message.</returns>
    public string GetMessage(IFormatProvider? formatProvider = null)
    {
        try
        {
            return string.Format(formatProvider ?? CultureInfo.InvariantCulture, Descriptor.Format, [.. Arguments]);
        }
        catch (FormatException)
        {
            // A rule gave fewer arguments than its format names: show the format rather than fail.
            return Descriptor.MessageFormat;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Diagnostic? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Descriptor.Equals(other.Descriptor)
               && Severity == other.Severity
               && Location.Equals(other.Location)
               && AdditionalLocations.SequenceEqual(other.AdditionalLocations)
               && Arguments.SequenceEqual(other.Arguments)
               && IsSuppressed == other.IsSuppressed
               && string.Equals(SuppressionJustification, other.SuppressionJustification, StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Descriptor.Id, Severity, Location, IsSuppressed);

    /// <summary>Formats the diagnostic as compilers do: <c>path(line,col): error CM2001: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Location}: {SeverityText(Severity)} {Id}: {GetMessage(CultureInfo.InvariantCulture)}";

    /// <summary>Gets the lower-case word for a severity, as used in output (<c>error</c>, <c>warning</c>, <c>info</c>, <c>hidden</c>).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The word.</returns>
    public static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}

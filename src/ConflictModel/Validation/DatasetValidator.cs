using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Validation;

/// <summary>
/// Runs the rules over a read dataset and applies the configuration: effective severities (rules turned off are
/// neither run nor reported), suppressions with their justifications, warnings as errors. A rule that throws is
/// reported as CM0900 and the others still run. Thread-safe: one validator may validate many datasets at once.
/// </summary>
public sealed class DatasetValidator
{
    /// <summary>Creates a validator.</summary>
    /// <param name="options">How to validate; <see cref="ValidationOptions.Default"/> when null.</param>
    public DatasetValidator(ValidationOptions? options = null) => Options = options ?? ValidationOptions.Default;

    /// <summary>Gets how this validator validates.</summary>
    public ValidationOptions Options { get; }

    /// <summary>Validates what a reader read: its own diagnostics and every rule's.</summary>
    /// <param name="read">The read result.</param>
    /// <returns>Every diagnostic, sorted, with effective severities.</returns>
    public ValidationResult Validate(ReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var raw = new List<Diagnostic>(read.Diagnostics);
        var symbols = new SymbolTable(read.Dataset, read.WasDeclared);
        LocalDate today = Options.Today ?? SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        foreach (DatasetRule rule in Options.Rules)
        {
            if (rule is null || !rule.SupportedDiagnostics.Any(d => Options.GetEffectiveSeverity(d) is not null))
            {
                continue;
            }

            var found = new List<Diagnostic>();
            var context = new RuleContext(read, symbols, today, rule, found.Add);
            try
            {
                rule.Analyze(context);
            }
#pragma warning disable CA1031 // A failing rule must not take the other rules' findings with it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                found.Add(Diagnostic.Create(ValidationDiagnostics.InternalError, read.FileLocation, $"Rule {rule.Name}", $"{ex.GetType().Name}: {ex.Message}"));
            }

            raw.AddRange(found);
        }

        var result = new List<Diagnostic>(raw.Count);
        var used = new HashSet<Suppression>(ReferenceEqualityComparer.Instance);
        foreach (Diagnostic diagnostic in raw)
        {
            if (Options.GetEffectiveSeverity(diagnostic.Descriptor) is not { } severity)
            {
                continue;
            }

            Diagnostic effective = diagnostic.WithSeverity(severity);
            if (effective.Descriptor.IsConfigurable && FindSuppression(effective, read, used) is { } suppression)
            {
                effective = effective.WithSuppression(suppression.Justification!);
            }

            result.Add(effective);
        }

        AddSuppressionDiagnostics(read, used, result);
        foreach (Diagnostic diagnostic in Options.ConfigurationDiagnostics)
        {
            if (Options.GetEffectiveSeverity(diagnostic.Descriptor) is { } severity)
            {
                result.Add(diagnostic.WithSeverity(severity));
            }
        }

        return new ValidationResult(read, [.. result.Distinct().OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.StartLine)
            .ThenBy(d => d.Location.StartColumn)
            .ThenBy(d => d.Id, StringComparer.Ordinal)]);
    }

    private Suppression? FindSuppression(Diagnostic diagnostic, ReadResult read, HashSet<Suppression> used)
    {
        if (Options.Suppressions.IsEmpty)
        {
            return null;
        }

        string? recordId = string.Equals(diagnostic.Location.FilePath, read.FilePath, StringComparison.Ordinal)
            ? read.SpanAt(diagnostic.Location.ByteOffset)?.Id
            : null;
        Suppression? match = null;
        foreach (Suppression suppression in Options.Suppressions)
        {
            if (suppression.Justification is not null && suppression.Matches(diagnostic, recordId, Options.BaseDirectory))
            {
                used.Add(suppression);
                match ??= suppression;
            }
        }

        return match;
    }

    private void AddSuppressionDiagnostics(ReadResult read, HashSet<Suppression> used, List<Diagnostic> result)
    {
        foreach (Suppression suppression in Options.Suppressions)
        {
            DiagnosticLocation where = suppression.Source ?? read.FileLocation;
            if (suppression.Justification is null)
            {
                Add(ValidationDiagnostics.SuppressionWithoutJustification, where, suppression.Id);
            }
            else if (!used.Contains(suppression) && suppression.AppliesToFile(read.FilePath, Options.BaseDirectory))
            {
                Add(ValidationDiagnostics.UnusedSuppression, where, suppression.Id);
            }
        }

        void Add(DiagnosticDescriptor descriptor, DiagnosticLocation where, string id)
        {
            if (Options.GetEffectiveSeverity(descriptor) is { } severity)
            {
                result.Add(Diagnostic.Create(descriptor, where, id).WithSeverity(severity));
            }
        }
    }
}

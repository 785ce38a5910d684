using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Applies the configuration to raw diagnostics as they come (effective severity, suppressions) and keeps at most
/// what can be reported: past twice the maximum it drops the least serious, so that a streaming validation of a
/// file with a finding on every record keeps a bounded list. The loaded and the streaming validation both finish
/// here, so they report the same things in the same order. Not thread-safe.
/// </summary>
internal sealed class DiagnosticCollector
{
    /// <summary>The order in which diagnostics are reported: file, line, column, id, then message (for a total order).</summary>
    public static readonly Comparison<Diagnostic> ReportOrder = (a, b) =>
    {
        int c = string.CompareOrdinal(a.Location.FilePath, b.Location.FilePath);
        c = c != 0 ? c : a.Location.StartLine.CompareTo(b.Location.StartLine);
        c = c != 0 ? c : a.Location.StartColumn.CompareTo(b.Location.StartColumn);
        c = c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.GetMessage(CultureInfo.InvariantCulture), b.GetMessage(CultureInfo.InvariantCulture));
    };

    /// <summary>Which diagnostics are kept when there are too many: unsuppressed first, then the most severe, then in report order.</summary>
    private static readonly Comparison<Diagnostic> KeepOrder = (a, b) =>
    {
        int c = a.IsSuppressed.CompareTo(b.IsSuppressed);
        c = c != 0 ? c : b.Severity.CompareTo(a.Severity);
        return c != 0 ? c : ReportOrder(a, b);
    };

    private readonly ValidationOptions _options;
    private readonly int _max;
    private readonly HashSet<Suppression> _used = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DiagnosticDescriptor, DiagnosticSeverity?> _severities = new(ReferenceEqualityComparer.Instance);
    private List<Diagnostic> _kept = [];
    private long _count;

    // Once more than the maximum have been kept: the last that can still be reported. One after it in keep order
    // never will be (the maximum, all before it, are already known), so it is counted and not kept.
    private Diagnostic? _lastReportable;

    public DiagnosticCollector(ValidationOptions options, int max)
    {
        _options = options;
        _max = max;
    }

    /// <summary>Takes a raw diagnostic (with its default severity).</summary>
    public void Add(Diagnostic diagnostic, Func<DiagnosticLocation, string?> recordIdAt)
    {
        if (SeverityOf(diagnostic.Descriptor) is not { } severity)
        {
            return;
        }

        Diagnostic effective = diagnostic.WithSeverity(severity);
        if (effective.Descriptor.IsConfigurable && FindSuppression(effective, recordIdAt) is { } suppression)
        {
            effective = effective.WithSuppression(suppression.Justification!);
        }

        Keep(effective);
    }

    /// <summary>
    /// Tells, before it is made, whether a diagnostic can no longer be reported: more than the maximum are kept
    /// already, all before it in keep order (unsuppressed, more severe, or earlier in the file). Its location is then
    /// not worth computing. Only the descriptor and the first line it can be on are known, so the answer is
    /// conservative: false whenever the diagnostic might still be reported, or might be suppressed (a suppression that
    /// matches is used, which the report says).
    /// </summary>
    /// <param name="descriptor">What the diagnostic would be.</param>
    /// <param name="filePath">The file it would be in.</param>
    /// <param name="firstLine">The earliest line it can start on; 0 when not known.</param>
    /// <param name="counts">Whether, when true is returned, <see cref="Add"/> would have counted it (it is not disabled): then give it to <see cref="CountUnreported"/>.</param>
    /// <returns>Whether the diagnostic cannot be reported.</returns>
    public bool CannotReport(DiagnosticDescriptor descriptor, string? filePath, int firstLine, out bool counts)
    {
        counts = false;
        if (SeverityOf(descriptor) is not { } severity)
        {
            return true;
        }

        if (_lastReportable is not { } last || last.IsSuppressed || (descriptor.IsConfigurable && !_options.Suppressions.IsEmpty))
        {
            return false;
        }

        // KeepOrder(new, last) > 0, knowing only severity, file and a lower bound of the line.
        int c = last.Severity.CompareTo(severity);
        c = c != 0 ? c : string.CompareOrdinal(filePath, last.Location.FilePath);
        counts = c > 0 || (c == 0 && firstLine > last.Location.StartLine);
        return counts;
    }

    /// <summary>Counts diagnostics that <see cref="CannotReport"/> said cannot be reported, as <see cref="Add"/> would have.</summary>
    public void CountUnreported(int count) => _count += count;

    /// <summary>Adds the diagnostics about the configuration and the suppressions, and gives the result in report order.</summary>
    public ValidationResult Finish(DatasetReadResult? read, string? filePath, long records)
    {
        DiagnosticLocation fileLocation = DiagnosticLocation.ForFile(filePath);
        foreach (Suppression suppression in _options.Suppressions)
        {
            DiagnosticLocation where = suppression.Source ?? fileLocation;
            if (suppression.Justification is null)
            {
                AddOwn(ValidationDiagnostics.SuppressionWithoutJustification, where, suppression.Id);
            }
            else if (!_used.Contains(suppression) && suppression.AppliesToFile(filePath, _options.BaseDirectory))
            {
                AddOwn(ValidationDiagnostics.UnusedSuppression, where, suppression.Id);
            }
        }

        foreach (Diagnostic diagnostic in _options.ConfigurationDiagnostics)
        {
            if (SeverityOf(diagnostic.Descriptor) is { } severity)
            {
                Keep(diagnostic.WithSeverity(severity));
            }
        }

        List<Diagnostic> kept = _kept.Distinct().ToList();
        if (_count > _max)
        {
            kept.Sort(KeepOrder);
            kept = [.. kept.Take(_max), Diagnostic.Create(ReaderDiagnostics.TooManyDiagnostics, fileLocation, _max)];
        }

        kept.Sort(ReportOrder);
        return new ValidationResult(read, [.. kept], filePath, records);
    }

    private void AddOwn(DiagnosticDescriptor descriptor, DiagnosticLocation where, string id)
    {
        if (SeverityOf(descriptor) is { } severity)
        {
            Keep(Diagnostic.Create(descriptor, where, id).WithSeverity(severity));
        }
    }

    private DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor)
    {
        if (!_severities.TryGetValue(descriptor, out DiagnosticSeverity? severity))
        {
            severity = _options.GetEffectiveSeverity(descriptor);
            _severities.Add(descriptor, severity);
        }

        return severity;
    }

    private void Keep(Diagnostic diagnostic)
    {
        _count++;
        if (_lastReportable is not null && KeepOrder(diagnostic, _lastReportable) > 0)
        {
            return;
        }

        _kept.Add(diagnostic);
        if (_kept.Count > (2L * _max) + 1024)
        {
            // Those beyond the maximum in keep order can never be reported: forget them.
            List<Diagnostic> distinct = _kept.Distinct().ToList();
            distinct.Sort(KeepOrder);
            _kept = distinct.Count > _max ? distinct.GetRange(0, _max) : distinct;
            if (_kept.Count == _max && _max > 0)
            {
                _lastReportable = _kept[^1];
            }
        }
    }

    private Suppression? FindSuppression(Diagnostic diagnostic, Func<DiagnosticLocation, string?> recordIdAt)
    {
        if (_options.Suppressions.IsEmpty)
        {
            return null;
        }

        string? recordId = recordIdAt(diagnostic.Location);
        Suppression? match = null;
        foreach (Suppression suppression in _options.Suppressions)
        {
            if (suppression.Justification is not null && suppression.Matches(diagnostic, recordId, _options.BaseDirectory))
            {
                _used.Add(suppression);
                match ??= suppression;
            }
        }

        return match;
    }
}

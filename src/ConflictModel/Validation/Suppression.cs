using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Silences one rule for one record, one file (pattern), or one record in one file, with a justification that says
/// why the finding is acceptable. A suppressed diagnostic is still reported, marked as suppressed with the
/// justification. A suppression without a justification is not applied and is itself reported (CM0901).
/// </summary>
public sealed record Suppression
{
    private readonly Regex? _file;

    /// <summary>Creates a suppression.</summary>
    /// <param name="id">The rule id it silences.</param>
    /// <param name="justification">Why the finding is acceptable; a suppression without one is not applied.</param>
    /// <param name="record">The id of the record it applies to (any kind); null for every record.</param>
    /// <param name="file">
    /// A file pattern, relative to the configuration's directory, with <c>*</c> (within a folder), <c>**</c> (across
    /// folders) and <c>?</c>; a pattern without <c>/</c> matches file names in any folder. Null for every file.
    /// </param>
    /// <param name="source">Where the suppression is written (the configuration file), for diagnostics about it.</param>
    /// <exception cref="ArgumentException">The id is not a diagnostic id, or neither a record nor a file is given.</exception>
    public Suppression(string id, string? justification, string? record = null, string? file = null, DiagnosticLocation? source = null)
    {
        if (!DiagnosticDescriptor.IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not a diagnostic id such as CM2001.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(record) && string.IsNullOrWhiteSpace(file))
        {
            throw new ArgumentException("A suppression applies to a record, a file, or both: give 'record' or 'file'. To silence a rule everywhere, set its severity to none.", nameof(record));
        }

        Id = id;
        Justification = string.IsNullOrWhiteSpace(justification) ? null : justification;
        Record = string.IsNullOrWhiteSpace(record) ? null : record;
        File = string.IsNullOrWhiteSpace(file) ? null : file.Replace('\\', '/');
        Source = source;
        _file = File is null ? null : new Regex(GlobToRegex(File), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Gets the rule id it silences.</summary>
    public string Id { get; }

    /// <summary>Gets why the finding is acceptable; null when none was given (the suppression is then not applied).</summary>
    public string? Justification { get; }

    /// <summary>Gets the id of the record it applies to; null for every record.</summary>
    public string? Record { get; }

    /// <summary>Gets the file pattern it applies to; null for every file.</summary>
    public string? File { get; }

    /// <summary>Gets where the suppression is written, when it comes from a configuration file.</summary>
    public DiagnosticLocation? Source { get; }

    /// <summary>Gets whether the suppression applies to a file.</summary>
    /// <param name="filePath">The data file, or null for text without one.</param>
    /// <param name="baseDirectory">The directory patterns are relative to (the configuration's); null to use the path as given.</param>
    /// <returns>Whether it applies.</returns>
    public bool AppliesToFile(string? filePath, string? baseDirectory)
    {
        if (_file is null)
        {
            return true;
        }

        if (filePath is null)
        {
            return false;
        }

        string path = baseDirectory is null ? filePath : Path.GetRelativePath(baseDirectory, Path.GetFullPath(filePath));
        path = path.Replace('\\', '/');
        string candidate = File!.Contains('/', StringComparison.Ordinal) ? path.TrimStart('.', '/') : Path.GetFileName(path);
        return _file.IsMatch(candidate) || _file.IsMatch(path);
    }

    /// <summary>Gets whether the suppression silences a diagnostic about a record in a file.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="recordId">The id of the record the diagnostic is in, or null.</param>
    /// <param name="baseDirectory">The directory file patterns are relative to.</param>
    /// <returns>Whether it matches (regardless of the justification).</returns>
    public bool Matches(Diagnostic diagnostic, string? recordId, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return string.Equals(diagnostic.Id, Id, StringComparison.Ordinal)
               && (Record is null || string.Equals(Record, recordId, StringComparison.Ordinal))
               && AppliesToFile(diagnostic.Location.FilePath, baseDirectory);
    }

    private static string GlobToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    builder.Append("/?");
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.Append('$').ToString();
    }
}

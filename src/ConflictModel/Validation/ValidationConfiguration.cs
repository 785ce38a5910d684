using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Validation settings kept beside the data in a <c>.conflictmodel.json</c> file: a preset, severities per rule,
/// category and globally, warnings as errors, and suppressions with justifications. Found by
/// <see cref="Discover"/> from the data file's folder upward; command-line overrides are applied with
/// <see cref="WithSeverity"/> and <see cref="WithWarningsAsErrors"/>; <see cref="ToOptions"/> gives the validator's
/// options. The format is documented in docs/validation.md. Immutable.
/// </summary>
/// <example>
/// <code>
/// {
///   "preset": "default",
///   "severity": { "CM2001": "error", "category:Casualties": "warning", "*": "warning" },
///   "warningsAsErrors": false,
///   "suppressions": [
///     { "id": "CM2001", "record": "ged-36210", "file": "data/*.jsonl", "justification": "UCDP reports it so" }
///   ]
/// }
/// </code>
/// </example>
public sealed record ValidationConfiguration
{
    /// <summary>The configuration file's name.</summary>
    public const string FileName = ".conflictmodel.json";

    /// <summary>Gets the configuration with nothing set: the default preset.</summary>
    public static ValidationConfiguration Default { get; } = new();

    /// <summary>Gets the file the configuration was read from; null when it was not read from a file.</summary>
    public string? FilePath { get; init; }

    /// <summary>Gets the preset.</summary>
    public ValidationPreset Preset { get; init; }

    /// <summary>Gets the severity settings, keyed by rule id, <c>category:Name</c> or <c>*</c>.</summary>
    public ImmutableDictionary<string, ReportSeverity> Severities { get; init; } = ImmutableDictionary.Create<string, ReportSeverity>(StringComparer.Ordinal);

    /// <summary>Gets whether warnings are reported as errors.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Gets the suppressions.</summary>
    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>Gets problems in the configuration that do not stop it being used (unknown rule ids, settings that have no effect).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission to read the file is denied.</exception>
    /// <exception cref="ValidationConfigurationException">The file is not valid JSON or a setting is malformed; the message says where and why.</exception>
    public static ValidationConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), Path.GetFullPath(path));
    }

    /// <summary>Reads configuration text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="path">The file it comes from, for messages and as the base of file patterns; null for none.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ValidationConfigurationException">The text is not valid JSON or a setting is malformed.</exception>
    public static ValidationConfiguration Parse(string json, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), path);
    }

    /// <summary>
    /// Finds the configuration that applies to a data file: <c>.conflictmodel.json</c> in the file's folder or the
    /// nearest folder above it, stopping at the folder that holds <c>.git</c> (the repository root) or at the root
    /// of the file system.
    /// </summary>
    /// <param name="dataPath">The data file (or a folder of data).</param>
    /// <returns>The configuration, or null when there is none.</returns>
    /// <exception cref="IOException">A configuration file was found but cannot be read.</exception>
    /// <exception cref="ValidationConfigurationException">A configuration file was found but is malformed.</exception>
    public static ValidationConfiguration? Discover(string dataPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataPath);
        string full = Path.GetFullPath(dataPath);
        string? directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
        while (directory is not null)
        {
            string candidate = Path.Combine(directory, FileName);
            if (File.Exists(candidate))
            {
                return Load(candidate);
            }

            string git = Path.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return null;
            }

            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }

    /// <summary>Returns a copy with one severity setting changed, as a command-line override does.</summary>
    /// <param name="idOrCategory">A rule id, <c>category:Name</c> (or a bare category name), or <c>*</c>.</param>
    /// <param name="severity">The severity; <see cref="ReportSeverity.Default"/> removes the setting.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">The key is not a rule id, a category or <c>*</c>.</exception>
    public ValidationConfiguration WithSeverity(string idOrCategory, ReportSeverity severity)
    {
        string key = ValidationOptions.NormalizeKey(idOrCategory) ?? throw new ArgumentException($"'{idOrCategory}' is not a rule id (CM2001), a category (category:Casualties) or '*'.", nameof(idOrCategory));
        return this with { Severities = severity == ReportSeverity.Default ? Severities.Remove(key) : Severities.SetItem(key, severity) };
    }

    /// <summary>Returns a copy that does or does not report warnings as errors.</summary>
    /// <param name="value">Whether warnings are errors.</param>
    /// <returns>The copy.</returns>
    public ValidationConfiguration WithWarningsAsErrors(bool value) => this with { WarningsAsErrors = value };

    /// <summary>Returns a copy with another preset.</summary>
    /// <param name="preset">The preset.</param>
    /// <returns>The copy.</returns>
    public ValidationConfiguration WithPreset(ValidationPreset preset) => this with { Preset = preset };

    /// <summary>Gets the validator's options: every built-in rule with these settings.</summary>
    /// <returns>The options; file patterns in suppressions are relative to the configuration file's folder.</returns>
    public ValidationOptions ToOptions() => ValidationOptions.Default with
    {
        Preset = Preset,
        Severities = Severities,
        WarningsAsErrors = WarningsAsErrors,
        Suppressions = Suppressions,
        BaseDirectory = FilePath is null ? null : Path.GetDirectoryName(FilePath),
        ConfigurationFile = FilePath,
        ConfigurationDiagnostics = Diagnostics,
    };

    /// <summary>Gets reader options that report what this configuration enables (unknown members, CM0020).</summary>
    /// <param name="options">The options to start from; the defaults when null.</param>
    /// <returns>The reader options.</returns>
    public DatasetReaderOptions ToReaderOptions(DatasetReaderOptions? options = null)
        => (options ?? DatasetReaderOptions.Default) with { ReportUnknownMembers = ToOptions().GetEffectiveSeverity(ReaderDiagnostics.UnknownMember) is not null };

    private static ValidationConfiguration Parse(byte[] bytes, string? path)
    {
        var text = new SourceText(path, bytes);
        var reader = new ConfigurationReader(text);
        try
        {
            return reader.Read();
        }
        catch (JsonException ex)
        {
            long offset = text.BomLength + (ex.BytePositionInLine ?? 0);
            if (ex.LineNumber is > 0 and { } line)
            {
                int[] starts = text.LineStarts();
                offset = starts[(int)Math.Min(line, starts.Length - 1)] + (ex.BytePositionInLine ?? 0);
            }

            int at = (int)Math.Min(offset, bytes.Length);
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new ValidationConfigurationException($"The configuration is not valid JSON: {(cut < 0 ? message : message[..cut])}", text.GetLocation(at, at, string.Empty), ex);
        }
    }

    /// <summary>Reads the configuration format by hand, so that every problem can say where it is.</summary>
    private sealed class ConfigurationReader(SourceText text)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private int _base;

        public ValidationConfiguration Read()
        {
            ReadOnlySpan<byte> json = text.Bytes.Span[text.BomLength..];
            _base = text.BomLength;
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(ref reader, "The configuration is a JSON object such as {\"preset\":\"default\",\"severity\":{…},\"suppressions\":[…]}.", string.Empty);
            }

            var configuration = new ValidationConfiguration { FilePath = text.FilePath };
            var severities = ImmutableDictionary.CreateBuilder<string, ReportSeverity>(StringComparer.Ordinal);
            var suppressions = ImmutableArray.CreateBuilder<Suppression>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "preset":
                        configuration = configuration with { Preset = ReadPreset(ref reader) };
                        break;
                    case "severity":
                        ReadSeverities(ref reader, severities);
                        break;
                    case "warningsAsErrors":
                        configuration = configuration with
                        {
                            WarningsAsErrors = reader.TokenType switch
                            {
                                JsonTokenType.True => true,
                                JsonTokenType.False => false,
                                _ => throw Error(ref reader, "'warningsAsErrors' is true or false.", "/warningsAsErrors"),
                            },
                        };
                        break;
                    case "suppressions":
                        ReadSuppressions(ref reader, suppressions);
                        break;
                    case "$schema":
                    case "$comment":
                        reader.Skip();
                        break;
                    default:
                        throw Error(ref reader, $"'{name}' is not a setting; the settings are preset, severity, warningsAsErrors and suppressions.", "/" + DiagnosticLocation.EscapePointerToken(name));
                }
            }

            return configuration with { Severities = severities.ToImmutable(), Suppressions = suppressions.ToImmutable(), Diagnostics = [.. _diagnostics] };
        }

        private ValidationPreset ReadPreset(ref Utf8JsonReader reader)
        {
            string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return value?.ToUpperInvariant() switch
            {
                "DEFAULT" => ValidationPreset.Default,
                "STRICT" => ValidationPreset.Strict,
                "LENIENT" => ValidationPreset.Lenient,
                _ => throw Error(ref reader, $"'{value}' is not a preset; use default, strict or lenient.", "/preset"),
            };
        }

        private void ReadSeverities(ref Utf8JsonReader reader, ImmutableDictionary<string, ReportSeverity>.Builder severities)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(ref reader, "'severity' is an object such as {\"CM2001\":\"error\",\"category:Dates\":\"warning\",\"*\":\"info\"}.", "/severity");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                string pointer = "/severity/" + DiagnosticLocation.EscapePointerToken(key);
                long keyStart = _base + reader.TokenStartIndex;
                long keyEnd = keyStart + reader.ValueSpan.Length + 2;
                reader.Read();
                string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                ReportSeverity severity = ParseSeverity(value) ?? throw Error(ref reader, $"'{value}' is not a severity; use none, hidden, info, warning, error or default.", pointer);
                string? normalized = ValidationOptions.NormalizeKey(key);
                DiagnosticDescriptor? descriptor = normalized is not null && DiagnosticDescriptor.IsValidId(normalized) ? RuleCatalog.Find(normalized) : null;
                // An id of another prefix belongs to a rule loaded with the library's (conflictmodel validate --rules),
                // which the configuration cannot see: it is taken as given.
                if (normalized is null || (DiagnosticDescriptor.IsValidId(normalized) && descriptor is null && IsLibraryId(normalized)))
                {
                    _diagnostics.Add(Diagnostic.Create(ValidationDiagnostics.UnknownConfigurationKey, text.GetLocation(keyStart, keyEnd, pointer), key));
                    continue;
                }

                if (descriptor is { IsConfigurable: false })
                {
                    _diagnostics.Add(Diagnostic.Create(ValidationDiagnostics.NotConfigurable, text.GetLocation(keyStart, keyEnd, pointer), key));
                    continue;
                }

                severities[normalized] = severity;
            }
        }

        private void ReadSuppressions(ref Utf8JsonReader reader, ImmutableArray<Suppression>.Builder suppressions)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Error(ref reader, "'suppressions' is an array of objects such as {\"id\":\"CM2001\",\"record\":\"ged-36210\",\"justification\":\"…\"}.", "/suppressions");
            }

            int index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string pointer = $"/suppressions/{index}";
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error(ref reader, "A suppression is an object with id, justification, and record or file.", pointer);
                }

                long start = _base + reader.TokenStartIndex;
                string? id = null, record = null, file = null, justification = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    string? value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw Error(ref reader, $"'{name}' of a suppression is a string.", $"{pointer}/{DiagnosticLocation.EscapePointerToken(name)}"),
                    };
                    switch (name)
                    {
                        case "id": id = value; break;
                        case "record": record = value; break;
                        case "file": file = value; break;
                        case "justification": justification = value; break;
                        default: throw Error(ref reader, $"'{name}' is not a member of a suppression; use id, record, file and justification.", $"{pointer}/{DiagnosticLocation.EscapePointerToken(name)}");
                    }
                }

                long end = _base + reader.BytesConsumed;
                DiagnosticLocation where = text.GetLocation(start, end, pointer);
                if (!DiagnosticDescriptor.IsValidId(id))
                {
                    throw new ValidationConfigurationException($"A suppression needs the id of the rule it silences, such as \"CM2001\"; found '{id}'.", where);
                }

                if (record is null && file is null)
                {
                    throw new ValidationConfigurationException("A suppression applies to a record, a file, or both: give 'record' or 'file'. To silence a rule everywhere, set its severity to none.", where);
                }

                if (RuleCatalog.Find(id!) is not { } descriptor)
                {
                    if (IsLibraryId(id!))
                    {
                        _diagnostics.Add(Diagnostic.Create(ValidationDiagnostics.UnknownConfigurationKey, where, id));
                    }
                }
                else if (!descriptor.IsConfigurable)
                {
                    _diagnostics.Add(Diagnostic.Create(ValidationDiagnostics.NotConfigurable, where, id));
                }

                suppressions.Add(new Suppression(id!, justification, record, file, where));
                index++;
            }
        }

        /// <summary>Gets whether an id has the library's own prefix (then the catalog must know it).</summary>
        private static bool IsLibraryId(string id) => id.StartsWith(DiagnosticDescriptor.LibraryPrefix, StringComparison.Ordinal) && id.Length == 6;

        private static ReportSeverity? ParseSeverity(string? value) => value?.ToUpperInvariant() switch
        {
            "NONE" or "SUPPRESS" or "OFF" => ReportSeverity.Suppress,
            "HIDDEN" or "SILENT" => ReportSeverity.Hidden,
            "INFO" or "SUGGESTION" => ReportSeverity.Info,
            "WARNING" or "WARN" => ReportSeverity.Warning,
            "ERROR" => ReportSeverity.Error,
            "DEFAULT" => ReportSeverity.Default,
            _ => null,
        };

        private ValidationConfigurationException Error(ref Utf8JsonReader reader, string message, string pointer)
        {
            long start = _base + reader.TokenStartIndex;
            return new ValidationConfigurationException(message, text.GetLocation(start, start, pointer));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using ConflictModel.Validation;
using NodaTime;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// One rule's minimal examples: a JSON Lines dataset (the header line is added as line 1) that triggers the rule
/// exactly once at a line, at the column where <see cref="At"/> first occurs on that line, with a JSON Pointer;
/// and a clean variant that does not trigger it.
/// </summary>
public sealed record RuleCase(string Id, string[] Trigger, int Line, string At, string Pointer, string[] Clean)
{
    public override string ToString() => Id;
}

internal static class RuleHarness
{
    public const string Header = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"Test\"}}";

    /// <summary>The date rules treat as today in tests.</summary>
    public static readonly LocalDate Today = new(2026, 1, 1);

    public static string Lines(IEnumerable<string> records) => string.Join("\n", new[] { Header }.Concat(records)) + "\n";

    /// <summary>Validates with every rule on (those off by default too, at their default severity).</summary>
    public static ValidationResult Validate(string text, DatasetFormat format = DatasetFormat.JsonLines, ValidationOptions? options = null, DatasetReaderOptions? readerOptions = null)
    {
        ValidationOptions effective = options ?? AllRulesOn();
        DatasetReadResult read = new DatasetReader(readerOptions ?? new DatasetReaderOptions { ReportUnknownMembers = true }).ReadText(text, format, "test.jsonl");
        return new DatasetValidator(effective).Validate(read);
    }

    public static ValidationOptions AllRulesOn()
    {
        ValidationOptions options = ValidationOptions.Default with { Today = Today };
        foreach (DiagnosticDescriptor descriptor in RuleCatalog.Descriptors.Where(d => !d.IsEnabledByDefault))
        {
            options = options.WithSeverity(descriptor.Id, ToReport(descriptor.DefaultSeverity));
        }

        return options;
    }

    public static ReportSeverity ToReport(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportSeverity.Error,
        DiagnosticSeverity.Warning => ReportSeverity.Warning,
        DiagnosticSeverity.Info => ReportSeverity.Info,
        _ => ReportSeverity.Hidden,
    };

    public static void AssertTriggersOnce(RuleCase c)
    {
        string text = Lines(c.Trigger);
        ValidationResult result = Validate(text);
        Diagnostic[] found = [.. result.Diagnostics.Where(d => d.Id == c.Id)];
        Assert.True(found.Length == 1, $"{c.Id} reported {found.Length} times:\n{string.Join("\n", result.Diagnostics)}");
        Diagnostic diagnostic = found[0];
        string line = text.Split('\n')[c.Line - 1];
        int column = line.IndexOf(c.At, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{c.At}' is not on line {c.Line}");
        Assert.Equal((c.Line, column + 1, c.Pointer), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Location.JsonPointer));
        Assert.Equal("test.jsonl", diagnostic.Location.FilePath);
        Assert.Equal(RuleCatalog.Find(c.Id)!.DefaultSeverity, diagnostic.Severity);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
    }

    public static void AssertClean(RuleCase c)
    {
        ValidationResult result = Validate(Lines(c.Clean));
        Assert.True(result.Diagnostics.All(d => d.Id != c.Id), $"{c.Id} reported on the clean example:\n{string.Join("\n", result.Diagnostics)}");
    }
}

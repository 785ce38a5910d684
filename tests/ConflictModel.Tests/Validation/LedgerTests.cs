using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ConflictModel.Interop;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>The rules ledger and the rule pages stay in step with the code.</summary>
public class LedgerTests
{
    private static readonly string RulesDirectory = Path.Combine(Repository.Root, "docs", "rules");

    /// <summary>The validator's descriptors and the importers' (ConflictModel.Interop), which share the ledger and the id space.</summary>
    private static readonly DiagnosticDescriptor[] AllDescriptors = [.. RuleCatalog.Descriptors, .. ImportDiagnostics.All, .. ConflictModel.Columnar.ColumnarDiagnostics.All];

    [Fact]
    public void Ledger_ListsEveryDescriptorWithItsDefaults()
    {
        string[] rows = [.. File.ReadAllLines(Path.Combine(RulesDirectory, "README.md")).Where(l => l.StartsWith("| [CM", StringComparison.Ordinal))];
        var ledger = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string row in rows)
        {
            string[] cells = [.. row.Trim('|').Split('|').Select(c => c.Trim())];
            Match id = Regex.Match(cells[0], @"^\[(CM\d{4})\]\(\1\.md\)$");
            Assert.True(id.Success, $"Malformed ledger row: {row}");
            Assert.True(ledger.TryAdd(id.Groups[1].Value, cells), $"{id.Groups[1].Value} is listed twice");
        }

        Assert.Equal(AllDescriptors.Select(d => d.Id), ledger.Keys);
        Assert.Equal(AllDescriptors.Length, AllDescriptors.Select(d => d.Id).Distinct().Count());
        foreach (DiagnosticDescriptor d in AllDescriptors)
        {
            string[] cells = ledger[d.Id];
            Assert.Equal(
                [d.Title, d.Category, d.DefaultSeverity.ToString(), d.IsEnabledByDefault ? "yes" : "no", RuleCatalog.IntroducedIn(d.Id) ?? (d.Category == ConflictModel.Columnar.ColumnarDiagnostics.Category ? ConflictModel.Columnar.ColumnarDiagnostics.IntroducedIn : ImportDiagnostics.IntroducedInFor(d.Id))],
                cells[1..]);
        }
    }

    [Fact]
    public void RulePages_ExistForEveryDescriptorAndAgreeWithIt()
    {
        foreach (DiagnosticDescriptor d in AllDescriptors)
        {
            string path = Path.Combine(RulesDirectory, d.Id + ".md");
            Assert.True(File.Exists(path), $"{path} is missing");
            string[] lines = File.ReadAllLines(path);
            Assert.Equal($"# {d.Id}: {d.Title}", lines[0]);
            string text = string.Join("\n", lines);
            Assert.Contains($"| {d.Category} | {d.DefaultSeverity} | {(d.IsEnabledByDefault ? "yes" : "no")} | {(d.IsConfigurable ? "yes" : "no")} |", text, StringComparison.Ordinal);
            foreach (string section in new[] { "## What it finds", "## Example", "## How to fix", "## How to suppress" })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }

            Assert.EndsWith($"docs/rules/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal);
        }

        string[] pages = [.. Directory.GetFiles(RulesDirectory, "CM*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];
        Assert.Equal(AllDescriptors.Select(d => d.Id).Order(StringComparer.Ordinal), pages);
    }

    [Fact]
    public void RulePages_ExamplesMatchTheTestCases()
    {
        foreach (RuleCase c in AllCases())
        {
            string page = File.ReadAllText(Path.Combine(RulesDirectory, c.Id + ".md"));
            foreach (string line in c.Trigger)
            {
                Assert.Contains(line, page, StringComparison.Ordinal);
            }
        }
    }

    internal static IEnumerable<RuleCase> AllCases()
        => new[] { ReaderRuleTests.Cases(), ReferenceRuleTests.Cases(), CasualtyRuleTests.Cases(), DateRuleTests.Cases(), DiplomacyRuleTests.Cases(), ProvenanceRuleTests.Cases() }
            .SelectMany(data => ((IEnumerable<object[]>)data).Select(row => (RuleCase)row[0]));
}

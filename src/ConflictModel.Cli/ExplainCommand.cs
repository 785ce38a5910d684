using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using ConflictModel.Interop;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel explain CM2001</c>: a rule's documentation.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string?>("id") { Description = "The rule id, such as CM2001. Without it, every rule is listed.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("explain", "Print a rule's documentation: what it checks, why, an example, how to fix and how to suppress it.")
        {
            id,
        };
        command.SetAction(parsed =>
        {
            string? ruleId = parsed.GetValue(id);
            if (ruleId is null)
            {
                foreach (DiagnosticDescriptor rule in AllDescriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule.Id}  {Diagnostic.SeverityText(rule.DefaultSeverity),-7}  {rule.Category,-13}  {rule.Title}"));
                }

                return ExitCodes.Success;
            }

            string wanted = ruleId.ToUpperInvariant();
            DiagnosticDescriptor? descriptor = RuleCatalog.Find(wanted) ?? ImportDiagnostics.All.FirstOrDefault(d => d.Id == wanted) ?? ConflictModel.Columnar.ColumnarDiagnostics.All.FirstOrDefault(d => d.Id == wanted);
            if (descriptor is null)
            {
                throw new UsageException($"{ruleId}: no such rule; 'conflictmodel explain' lists them");
            }

            string? documentation = Documentation(descriptor.Id);
            if (documentation is not null)
            {
                console.Out.Write(documentation.EndsWith('\n') ? documentation : documentation + "\n");
            }
            else
            {
                console.Out.WriteLine($"{descriptor.Id}: {descriptor.Title}");
                console.Out.WriteLine();
                console.Out.WriteLine(descriptor.Description);
            }

            console.Out.WriteLine();
            console.Out.WriteLine($"Category: {descriptor.Category}. Default severity: {Diagnostic.SeverityText(descriptor.DefaultSeverity)}{(descriptor.IsEnabledByDefault ? string.Empty : " (off by default)")}.");
            console.Out.WriteLine($"More: {descriptor.HelpLinkUri}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The validator's diagnostics and the importers' (CM6xxx), which share the rules' documentation.</summary>
    private static System.Collections.Generic.IEnumerable<DiagnosticDescriptor> AllDescriptors
        => RuleCatalog.Descriptors.Concat(ImportDiagnostics.All.Where(d => RuleCatalog.Find(d.Id) is null)).Concat(ConflictModel.Columnar.ColumnarDiagnostics.All);

    /// <summary>The rule's page from docs/rules, embedded in the tool at build time.</summary>
    private static string? Documentation(string id)
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

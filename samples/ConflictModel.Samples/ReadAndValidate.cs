using System;
using System.Globalization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Samples;

/// <summary>
/// Reads a dataset with the reader that never throws on bad data, runs every rule, and prints each problem with
/// its exact place: what a CI step or an editor integration does.
/// </summary>
public static class ReadAndValidate
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: read-and-validate <dataset.json|dataset.jsonl>");
            return 2;
        }

        // Severities, suppressions and limits come from a .conflictmodel.json beside the data, when there is one.
        ValidationConfiguration? configuration = ValidationConfiguration.Discover(args[0]);
        var reader = new DatasetReader(configuration?.ToReaderOptions());
        var validator = new DatasetValidator(configuration?.ToOptions());

        DatasetReadResult read = reader.Read(args[0]);                 // never throws on bad data: problems are diagnostics
        ValidationResult result = validator.Validate(read);     // adds the rules' findings, severities applied

        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                continue;
            }

            DiagnosticLocation at = diagnostic.Location;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{at.FilePath}({at.StartLine},{at.StartColumn}) {at.JsonPointer}: {Diagnostic.SeverityText(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}"));
        }

        Console.WriteLine($"{read.Dataset.RecordCount} records read; {result.Count(DiagnosticSeverity.Error)} error(s), {result.Count(DiagnosticSeverity.Warning)} warning(s)");
        return result.HasErrors ? 1 : 0;
    }
}

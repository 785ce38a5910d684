using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Serialization;
using ConflictModel.Tests.Interop;
using ConflictModel.Validation;
using NodaTime;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// Every diagnostic the reader and the rules give, loaded and streamed, under the default and the strict preset, on
/// the examples, the imported UCDP GED and PAD extracts and the fuzz seed corpus, compared with golden files captured
/// before the reader and the rule engine were reworked (tests/ConflictModel.Tests/Validation/Golden/). A change of
/// id, severity, message, position, JSON Pointer or additional location fails here. To accept an intended change,
/// run with <c>CONFLICTMODEL_UPDATE_GOLDEN=1</c> and review the diff of the golden files.
/// </summary>
public class GoldenDiagnosticsTests
{
    private const string UpdateVariable = "CONFLICTMODEL_UPDATE_GOLDEN";

    /// <summary>The date every run treats as today, so that checks against the present do not drift.</summary>
    private static readonly LocalDate Today = new(2026, 12, 1);

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string name in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add("examples/" + name);
        }

        data.Add("import/ucdp-ged.jsonl");
        data.Add("import/ucdp-pad.jsonl");
        foreach (string name in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "fuzz", "corpus")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add("fuzz/corpus/" + name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Diagnostics_MatchTheGoldenFile(string input)
    {
        (byte[] bytes, string fileName) = Load(input);
        var text = new StringBuilder();
        foreach (ValidationPreset preset in new[] { ValidationPreset.Default, ValidationPreset.Strict })
        {
            var validator = new DatasetValidator(new ValidationOptions { Preset = preset, Today = Today });
            string loaded = Describe(validator.Validate(Read(bytes, fileName)));
            string streamed = Describe(Stream(validator, bytes, fileName));
            text.Append("## ").Append(preset).Append('\n').Append(loaded);
            Assert.Equal(loaded, streamed);
        }

        string golden = GoldenPath(input);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, text.ToString());
            return;
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run with {UpdateVariable}=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), text.ToString());
    }

    private static DatasetReadResult Read(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        bool known = DatasetFormats.TryGetFromPath(fileName, out DatasetFormat format, out bool gzip);
        return known
            ? new DatasetReader().Read(stream, fileName, format, gzip)
            : new DatasetReader().Read(stream, fileName, DatasetFormat.Document, gzip);
    }

    private static ValidationResult Stream(DatasetValidator validator, byte[] bytes, string fileName)
    {
        string folder = Path.Combine(Path.GetTempPath(), "conflictmodel-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // A file, as the tool streams it: lookups read lines again from the file.
            string path = Path.Combine(folder, fileName);
            File.WriteAllBytes(path, bytes);
            using DatasetRecordReader records = new DatasetReader().OpenRecords(path);
            ValidationResult result = validator.Validate(records);
            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (byte[] Bytes, string FileName) Load(string input)
    {
        switch (input)
        {
            case "import/ucdp-ged.jsonl":
                return (Lines(new UcdpGedImporter().Import(InteropData.Open(InteropData.GedFile), InteropData.GedFile, null)), "ucdp-ged.jsonl");
            case "import/ucdp-pad.jsonl":
                return (Lines(new UcdpPadImporter().Import(InteropData.Open(InteropData.PadFile), InteropData.PadFile, null)), "ucdp-pad.jsonl");
            default:
                string path = Path.Combine([AppContext.BaseDirectory, .. input.Split('/')]);
                return (File.ReadAllBytes(path), Path.GetFileName(path));
        }
    }

    private static byte[] Lines(ImportResult result)
    {
        using var memory = new MemoryStream();
        ConflictJsonSerializer.SerializeLines(memory, result.Dataset);
        return memory.ToArray();
    }

    /// <summary>One line a diagnostic: position, pointer, severity, id, message, suppression and additional locations (file names only).</summary>
    private static string Describe(ValidationResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"records: {result.RecordCount}\n");
        foreach (Diagnostic d in result.Diagnostics)
        {
            text.Append(Where(d.Location)).Append(' ').Append(Diagnostic.SeverityText(d.Severity)).Append(' ').Append(d.Id).Append(": ").Append(d.GetMessage(CultureInfo.InvariantCulture));
            if (d.IsSuppressed)
            {
                text.Append(" [suppressed: ").Append(d.SuppressionJustification).Append(']');
            }

            foreach (DiagnosticLocation also in d.AdditionalLocations)
            {
                text.Append(" | also ").Append(Where(also));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Where(DiagnosticLocation l)
        => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(l.FilePath)}({l.StartLine},{l.StartColumn}-{l.EndLine},{l.EndColumn}) @{l.ByteOffset} '{l.JsonPointer}'");

    private static string GoldenPath(string input)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ConflictModel.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "ConflictModel.Tests", "Validation", "Golden", input.Replace('/', '_') + ".txt");
            }
        }

        throw new InvalidOperationException($"No ConflictModel.sln above {AppContext.BaseDirectory}.");
    }
}

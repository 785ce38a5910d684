using System;
using System.IO;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using ConflictModel.Diagnostics;

// Reads each dataset named on the command line (JSON document or, by extension, JSON Lines), writes it back in
// both forms, checks the round trip, and prints one summary line per file. Exit 0 only if everything held.
int failures = 0;
foreach (string path in args)
{
    byte[] bytes = File.ReadAllBytes(path);
    Dataset dataset = path.EndsWith(".jsonl", StringComparison.Ordinal)
        ? ConflictJsonSerializer.DeserializeLines(new MemoryStream(bytes))
        : ConflictJsonSerializer.Deserialize(bytes);
    bool documentHolds = ConflictJsonSerializer.Deserialize(ConflictJsonSerializer.SerializeToUtf8Bytes(dataset)) == dataset;
    bool linesHold = ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(dataset)) == dataset;
    int contested = dataset.CasualtyEstimates
        .GroupBy(e => (e.Population, e.Side, e.Category, e.Event))
        .Count(g => g.Count() > 1 && g.All(e => e.CountsSamePopulationAs(g.First())) && CasualtyEnvelope.Of(g).IsContradictory);
    string edtf = EdtfDate.Parse("2025-05/2025-08").Latest?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
    ValidationResult validation = new DatasetValidator().Validate(new DatasetReader().Read(path));
    bool readerAgrees = validation.Read!.Dataset == dataset;
    Console.WriteLine($"{Path.GetFileName(path)}: {dataset.RecordCount} records, round trip {(documentHolds && linesHold ? "ok" : "FAILED")}, contested {contested}, edtf {edtf}, "
        + $"validation {validation.Count(DiagnosticSeverity.Error)} error(s) {validation.Count(DiagnosticSeverity.Warning)} warning(s) {validation.Count(DiagnosticSeverity.Info)} info(s), reader {(readerAgrees ? "agrees" : "DISAGREES")}");
    failures += documentHolds && linesHold && readerAgrees && !validation.HasErrors ? 0 : 1;
}

try
{
    ConflictJsonSerializer.Deserialize("{\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"},\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"date\":\"2023-02-30\"}]}");
    Console.WriteLine("bad date: NOT rejected");
    failures++;
}
catch (System.Text.Json.JsonException ex)
{
    Console.WriteLine($"bad date: rejected ({ex.Path})");
}

return failures == 0 ? 0 : 1;

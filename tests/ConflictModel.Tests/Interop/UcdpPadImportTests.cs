using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Interop;

/// <summary>UCDP PAD 22.1, 374 agreements; every expected figure is computed here from the raw CSV with a reader of its own.</summary>
public sealed class UcdpPadImportTests
{
    private static readonly Lazy<List<Dictionary<string, string>>> Raw = new(() => InteropData.ReadCsv(Encoding.UTF8.GetString(InteropData.Bytes(InteropData.PadFile))));
    private static readonly Lazy<ImportResult> Imported = new(() => new UcdpPadImporter().Import(InteropData.Open(InteropData.PadFile), InteropData.PadFile, null));

    private static List<Dictionary<string, string>> Rows => Raw.Value;

    [Fact]
    public void Import_Pad_ImportsEveryAgreementWithItsListsSplit()
    {
        ImportResult result = Imported.Value;
        Dataset dataset = result.Dataset;

        Assert.Equal(374, Rows.Count);
        Assert.Equal(Rows.Count, result.Log.RowsImported);
        Assert.False(result.Log.HasErrors);
        Assert.Equal(Rows.Count, dataset.Agreements.Length);
        Assert.Equal(Rows.Select(r => "ucdp-pad-" + r["paid"]), dataset.Agreements.Select(a => a.Id.Value));

        // Comma-separated id lists, one external id or signatory per id.
        Assert.Equal(Rows.Sum(r => Ids(r["dyad_id"]).Length), dataset.Agreements.Sum(a => a.ExternalIds.Count(x => x.Scheme == "ucdp-dyad")));
        Assert.Equal(Rows.Sum(r => Ids(r["conflict_id"]).Length), dataset.Agreements.Sum(a => a.ExternalIds.Count(x => x.Scheme == "ucdp-conflict")));
        Assert.Equal(Rows.Sum(r => Ids(r["actor_id"]).Distinct().Count()), dataset.Agreements.Sum(a => a.Signatories.Length));
        Assert.Equal(Rows.SelectMany(r => Ids(r["actor_id"])).Distinct().Order(StringComparer.Ordinal), dataset.Actors.SelectMany(a => a.ExternalIds).Where(x => x.Scheme == "ucdp-actor").Select(x => x.Value).Order(StringComparer.Ordinal));

        // The ceasefire provision as a ceasefire; pa_type as the kind; the end date.
        Assert.Equal(Rows.Count(r => r["cease"] == "1"), dataset.Ceasefires.Length);
        Assert.All(dataset.Ceasefires, c => Assert.Contains(dataset.Agreements, a => a.Id == c.Agreement && a.Provisions.Any(p => p.Ceasefire == c.Id)));
        Assert.Equal(
            Rows.GroupBy(r => r["pa_type"]).ToDictionary(g => g.Key, g => g.Count()),
            dataset.Agreements.GroupBy(a => a.Kind switch { AgreementKind.Full => "1", AgreementKind.Partial => "2", _ => "3" }).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(Rows.Count(r => r["duration"].Length > 0), dataset.Agreements.Count(a => a.Ended is not null));

        // Provisions: one per column set to 1, except that columns sharing a kind give it once.
        string[] shared = ["shagov", "intgov", "intciv", "shaloc", "regdev", "locgov"];
        int expected = Rows.Sum(r =>
            new[] { "cease", "intarmy", "ddr", "withd", "pp", "elections", "interim", "natalks", "aut", "fed", "ind", "ref", "cul", "demarcation", "amn", "pris", "recon", "return", "reaffirm", "outlin", "pko", "gender", "co_impl" }.Count(c => r[c] == "1")
            + (new[] { "shagov", "intgov", "intciv" }.Any(c => r[c] == "1") ? 1 : 0)
            + (new[] { "shaloc", "regdev", "locgov" }.Any(c => r[c] == "1") ? 1 : 0));
        Assert.Equal(expected, dataset.Agreements.Sum(a => a.Provisions.Length));

        // Third parties: every agreement that names one has one; the free text is kept as written.
        Assert.Equal(Rows.Count(r => r["pa_3rd"].Trim().Length > 0), dataset.Agreements.Count(a => !a.ThirdParties.IsEmpty));
        Assert.All(dataset.Agreements.Zip(Rows), pair => Assert.Equal(pair.Second["pa_3rd"], Kept(pair.First).GetValueOrDefault("pa_3rd") ?? string.Empty));
    }

    [Fact]
    public void Import_Pad_ReportsExactlyTheRowsWhoseActorListsDiffer()
    {
        string[] expected = [.. Rows.Where(r => Ids(r["actor_id"]).Length != Ids(r["actor_name"]).Length).Select(r => r["paid"])];
        Assert.NotEmpty(expected);
        IReadOnlyList<Diagnostic> diagnostics = Imported.Value.Log.Diagnostics;
        Assert.All(diagnostics, d => Assert.Equal("CM6010", d.Id));
        Assert.Equal(expected, diagnostics.Select(d => d.GetMessage()).Select(m => m[(m.IndexOf("PAD id ", StringComparison.Ordinal) + 7)..m.IndexOf(')', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Import_PadHeaderQuirks_AreHandled()
    {
        // "ref " and "return " end with a space; the header ends with an empty column.
        string header = Encoding.UTF8.GetString(InteropData.Bytes(InteropData.PadFile)).Split('\n')[0];
        Assert.Contains(",ref ,", header, StringComparison.Ordinal);
        Assert.EndsWith(",", header.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.DoesNotContain(Imported.Value.Log.Diagnostics, d => d.Id == "CM6009");
        Assert.Equal(Rows.Count(r => r["ref"] == "1"), Imported.Value.Dataset.Agreements.Count(a => a.Provisions.Any(p => p.Kind == ProvisionKind.Referendum)));
        Assert.Equal(Rows.Count(r => r["return"] == "1"), Imported.Value.Dataset.Agreements.Count(a => a.Provisions.Any(p => p.Kind == ProvisionKind.RefugeeReturn)));
    }

    [Fact]
    public void Validate_ImportedPad_ReportsTheAgreementThatEndsBeforeItIsSigned()
    {
        string jsonl = ConflictJsonSerializer.SerializeLines(Imported.Value.Dataset);
        DatasetReadResult read = new DatasetReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "pad.jsonl", DatasetFormat.JsonLines, gzip: false);
        Assert.Empty(read.Diagnostics);
        ValidationResult result = new DatasetValidator(ValidationOptions.Default with { Today = RuleHarness.Today }).Validate(read);

        string[] endsEarly = [.. Rows.Where(r => r["duration"].Length > 0 && string.CompareOrdinal(r["duration"], r["pa_date"]) < 0).Select(r => "ucdp-pad-" + r["paid"])];
        Assert.Equal(endsEarly, result.Diagnostics.Where(d => d.IsError).Select(d => read.SpanAt(d.Location.ByteOffset)!.Id!));
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Equal("CM3001", d.Id));
    }

    [Theory]
    [InlineData("The accord was brokered by Pakistan.", ThirdPartyRole.Mediator)]
    [InlineData("Tanzania was the facilitator of the talks.", ThirdPartyRole.Facilitator)]
    [InlineData("Norway and Cuba were guarantors.", ThirdPartyRole.Guarantor)]
    [InlineData("The UN witnessed the signing.", ThirdPartyRole.Witness)]
    [InlineData("Ethiopia hosted the talks.", ThirdPartyRole.Host)]
    [InlineData("The agreement was signed in Kenya.", ThirdPartyRole.Mediator)]
    public void RoleFrom_ReadsTheWording(string text, ThirdPartyRole role) => Assert.Equal(role, UcdpPadImporter.RoleFrom(text));

    [Fact]
    public void ThirdPartyNames_SplitsOutsideParentheses()
        => Assert.Equal(["South Africa", "Tanzania (Regional Initiative, Burundi)", "UN"], UcdpPadImporter.ThirdPartyNames("South Africa, Tanzania (Regional Initiative, Burundi);\nUN."));

    private static string[] Ids(string list) => [.. list.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)];

    private static Dictionary<string, string> Kept(Agreement a)
        => a.Extensions.TryGetValue(UcdpPadImporter.ExtensionMember, out string json) ? SourceExtension.Parse(json) : [];
}

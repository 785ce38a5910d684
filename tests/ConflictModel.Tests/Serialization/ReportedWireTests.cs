using System;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation;
using ConflictModel.Validation;
using NodaTime;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Serialization;

/// <summary>The wire form of dates, claimants, hedges and per-citation figures as reported.</summary>
public class ReportedWireTests
{
    private const string Header = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"Test\"}}";

    private static DatasetReadResult Read(params string[] records)
        => new DatasetReader().ReadText(string.Join("\n", new[] { Header }.Concat(records)) + "\n", DatasetFormat.JsonLines, "test.jsonl");

    [Fact]
    public void Read_EveryNewMember_IsReadIntoTheModel()
    {
        DatasetReadResult read = Read(
            "{\"type\":\"source\",\"id\":\"s\"}",
            "{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\",\"dateAsReported\":{\"phrase\":\"in April\",\"yearless\":\"XXXX-04\"},\"sources\":[{\"source\":\"s\",\"hedge\":\"reportedly\"}]}",
            "{\"type\":\"claim\",\"id\":\"c\",\"claimant\":\"x\",\"claimantAsReported\":{\"phrase\":\"officials said\",\"identity\":\"unnamed\"},\"stance\":\"asserts\",\"subject\":{\"kind\":\"position\"},"
                + "\"madeAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"earliestOffset\":\"-P1M\",\"latestOffset\":\"P0D\",\"duration\":\"P1W\"},"
                + "\"sources\":[{\"source\":\"s\",\"quote\":\"we won\",\"figure\":{\"low\":200,\"lowExclusive\":true,\"phrase\":\"over 200\"}}]}");

        Assert.Empty(read.Diagnostics);
        Event e = read.Dataset.Events.Single();
        Assert.Equal("in April", e.DateAsReported!.Phrase);
        Assert.Equal(YearlessDate.FromMonth(4), e.DateAsReported.Yearless);
        Assert.Equal(ReportingHedge.Reportedly, e.Sources[0].Hedge);
        Claim c = read.Dataset.Claims.Single();
        Assert.Equal(new ReportedClaimant("officials said", ClaimantIdentity.Unnamed), c.ClaimantAsReported);
        Assert.Equal(Period.FromMonths(-1), c.MadeAsReported!.EarliestOffset);
        Assert.Equal(Period.Zero, c.MadeAsReported.LatestOffset);
        Assert.Equal(Period.FromWeeks(1), c.MadeAsReported.Duration);
        Assert.Equal(new SourceId("s"), c.MadeAsReported.RelativeTo);
        Assert.Equal("we won", c.Sources[0].Quote);
        Assert.Equal(CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200"), c.Sources[0].Figure);
    }

    [Theory]
    [InlineData("{\"phrase\":\"in April\",\"yearless\":\"2025-04\"}", "CM0010", "/dateAsReported/yearless")]
    [InlineData("{\"phrase\":\"in April\",\"yearless\":\"XXXX-13\"}", "CM0010", "/dateAsReported/yearless")]
    [InlineData("{\"phrase\":\"in April\",\"date\":\"April\"}", "CM0010", "/dateAsReported/date")]
    [InlineData("{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"latestOffset\":\"3 months\"}", "CM0014", "/dateAsReported/latestOffset")]
    [InlineData("{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"latestOffset\":\"PT3H\"}", "CM0014", "/dateAsReported/latestOffset")]
    [InlineData("{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"latestOffset\":3}", "CM0008", "/dateAsReported/latestOffset")]
    [InlineData("{\"phrase\":\"\",\"yearless\":\"XXXX-04\"}", "CM0012", "/dateAsReported/phrase")]
    [InlineData("{\"yearless\":\"XXXX-04\"}", "CM0007", "/dateAsReported")]
    [InlineData("{\"phrase\":\"in April\",\"date\":\"2025-04\",\"yearless\":\"XXXX-04\"}", "CM0015", "/dateAsReported")]
    [InlineData("{\"phrase\":\"in April\",\"date\":\"2025-04\",\"yearInferred\":true}", "CM0015", "/dateAsReported")]
    [InlineData("{\"phrase\":\"recently\",\"latestOffset\":\"P0D\"}", "CM0015", "/dateAsReported")]
    [InlineData("{\"phrase\":\"in April\",\"yearless\":\"XXXX-04\",\"relativeTo\":\"s\",\"latestOffset\":\"P0D\"}", "CM0015", "/dateAsReported")]
    [InlineData("\"in April\"", "CM0008", "/dateAsReported")]
    public void Read_BadReportedDate_IsLocatedAndTheEventIsStillRead(string value, string id, string pointer)
    {
        DatasetReadResult read = Read("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\",\"dateAsReported\":" + value + ",\"title\":\"kept\"}");

        Diagnostic diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(pointer, diagnostic.Location.JsonPointer);
        Assert.Equal(2, diagnostic.Location.StartLine);
        Event e = Assert.Single(read.Dataset.Events);
        Assert.Equal("kept", e.Title);
        Assert.Null(e.DateAsReported);
    }

    [Theory]
    [InlineData("\"hedge\":\"rumoured\"", "CM0009", "/sources/0/hedge")]
    [InlineData("\"quote\":\" \"", "CM0012", "/sources/0/quote")]
    [InlineData("\"figure\":{\"best\":-1}", "CM2003", "/sources/0/figure/best")]
    [InlineData("\"figure\":\"200\"", "CM0008", "/sources/0/figure")]
    public void Read_BadCitationMember_IsLocated(string member, string id, string pointer)
    {
        DatasetReadResult read = Read("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\",\"sources\":[{\"source\":\"s\"," + member + "}]}");

        Diagnostic diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(pointer, diagnostic.Location.JsonPointer);
        Assert.Single(read.Dataset.Events);
    }

    [Theory]
    [InlineData("{\"phrase\":\"they said\",\"identity\":\"anonymous\"}", "CM0009", "/claimantAsReported/identity")]
    [InlineData("{\"identity\":\"unnamed\"}", "CM0007", "/claimantAsReported")]
    public void Read_BadReportedClaimant_IsLocatedAndTheClaimIsStillRead(string value, string id, string pointer)
    {
        DatasetReadResult read = Read("{\"type\":\"claim\",\"id\":\"c\",\"claimant\":\"x\",\"claimantAsReported\":" + value + ",\"stance\":\"asserts\",\"subject\":{\"kind\":\"position\"}}");

        Diagnostic diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(pointer, diagnostic.Location.JsonPointer);
        Assert.Null(Assert.Single(read.Dataset.Claims).ClaimantAsReported);
    }

    [Theory]
    [InlineData("P07D", "P7D")]
    [InlineData("P0Y", "P0D")]
    [InlineData("-P0D", "P0D")]
    public void Read_NonCanonicalOffset_IsReadWithAWarningNamingTheCanonicalForm(string text, string canonical)
    {
        DatasetReadResult read = Read("{\"type\":\"event\",\"id\":\"e\",\"kind\":\"visit\",\"dateAsReported\":{\"phrase\":\"recently\",\"relativeTo\":\"s\",\"latestOffset\":\"" + text + "\"}}");

        Diagnostic diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("CM0019", diagnostic.Id);
        Assert.Contains($"'{canonical}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(canonical, ReportedPeriod.Format(read.Dataset.Events.Single().DateAsReported!.LatestOffset!));
    }

    [Theory]
    [InlineData("seed-asif-geo-tv.json")]
    [InlineData("seed-dar-kabul-visit.json")]
    [InlineData("seed-merged.json")]
    public void Examples_ReadAndWrittenBack_AreByteIdentical(string name)
    {
        string path = Path.Combine(Repository.Root, "examples", name);
        byte[] bytes = File.ReadAllBytes(path);
        DatasetReadResult read = new DatasetReader().Read(path);

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(ConflictJsonSerializer.SerializeToUtf8Bytes(read.Dataset)));
        Assert.Equal(read.Dataset, ConflictJsonSerializer.Deserialize(bytes));
    }

    [Fact]
    public void Examples_CarryTheDatesAndHedgesTheArticlesGive()
    {
        Dataset merged = new DatasetReader().Read(Path.Combine(Repository.Root, "examples", "seed-merged.json")).Dataset;

        Assert.Equal("XXXX-04", merged.Events.Single(e => e.Id.Value == "dar-kabul-visit").DateAsReported!.Yearless.ToString());
        Assert.Equal(["XXXX-05", "XXXX-08"], merged.Mediations.Single(m => m.Id.Value == "mediation-china").Rounds.Select(r => r.DateAsReported!.Yearless.ToString()));
        ReportedDate visit = merged.Events.Single(e => e.Id.Value == "foreign-minister-visit-india").DateAsReported!;
        Assert.Equal("a recent week-long visit", visit.Phrase);
        Assert.Equal(Period.FromDays(7), visit.Duration);
        Claim claim = merged.Claims.Single(c => c.Id.Value == "claim-200-taliban");
        Assert.Equal(ClaimantIdentity.Unnamed, claim.ClaimantAsReported!.Identity);
        Assert.Equal([200L, 200L], claim.Sources.Select(c => c.Figure!.Best ?? c.Figure.Low!.Value));
        Assert.Contains(claim.Sources, c => c.Hedge == ReportingHedge.Reportedly);
    }
}

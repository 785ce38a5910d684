using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Validation;
using ConflictModel.Validation.Rules;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// The compact states keep hashes and handles, not keys: records whose hashes collide must be told apart on the
/// records read again. Each rule is run with its hashes narrowed through its test seam (every hash the same, or one of
/// two), loaded and streamed, and must report exactly what it reports with its real hashes. And the packed record
/// handle: its bounds, and records outside them (wide handles) located as the loaded validation locates them.
/// </summary>
public sealed class HashCollisionTests
{
    private static readonly Func<int, int>[] Narrowings = [static _ => 0, static h => h & 1];

    private const string A = "{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"state\"}";
    private const string B = "{\"type\":\"actor\",\"id\":\"b\",\"name\":\"B\",\"kind\":\"state\"}";
    private const string S = "{\"type\":\"source\",\"id\":\"s\"}";
    private const string Cite = "\"sources\":[{\"source\":\"s\"}]";
    private static readonly string E = Event("e");
    private static readonly string F = Event("f");

    private static string Event(string id, string extra = "")
        => $"{{\"type\":\"event\",\"id\":\"{id}\",\"kind\":\"other\"{extra}}}";

    private static string Estimate(string id, string figure, string @event = "e", string population = "killed")
        => $"{{\"type\":\"casualtyEstimate\",\"id\":\"{id}\",\"population\":\"{population}\",\"figure\":{figure},\"event\":\"{@event}\"}}";

    private static string Attribution(string id, string response, string claims = "")
        => $"{{\"type\":\"attribution\",\"id\":\"{id}\",\"accused\":\"a\",\"accuser\":\"b\",\"responsibility\":\"support\",\"situation\":\"x\",\"response\":\"{response}\",\"claims\":[{claims}],{Cite}}}";

    private static string Claim(string id, string claimant, string stance, string target)
        => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"{claimant}\",\"stance\":\"{stance}\",\"subject\":{{\"kind\":\"attribution\",\"target\":\"{target}\"}},\"statement\":\"x\",{Cite}}}";

    private static string ExternalIds(string id, params string[] values)
        => Event(id, $",\"externalIds\":[{string.Join(",", values.Select(v => $"{{\"scheme\":\"ucdp-ged\",\"value\":\"{v}\"}}"))}]");

    // ---- CM2008 ----------------------------------------------------------------------------------------------

    [Fact]
    public void ContradictoryEstimates_EveryHashCollides_ReportsWhatRealHashesReport()
    {
        // Three groups (killed at e, wounded at e, killed at f), each with one contradiction, and estimates alone in
        // their group whose figures contradict those of other groups: told apart by their keys, never by hashes.
        string[] records =
        [
            E, F,
            Estimate("k1", "{\"best\":200}"), Estimate("w1", "{\"best\":5}", population: "wounded"), Estimate("f1", "{\"best\":10}", "f"),
            Estimate("k2", "{\"low\":200,\"lowExclusive\":true}"), Estimate("w2", "{\"best\":50}", population: "wounded"), Estimate("f2", "{\"best\":99}", "f"),
            Estimate("lone", "{\"best\":7}", population: "displaced"),
        ];

        AssertCollisionsChangeNothing(records, n => new ContradictoryEstimatesRule(n), () => new ContradictoryEstimatesRule(), "CM2008", expected: 3);
    }

    // ---- CM1011 ----------------------------------------------------------------------------------------------

    [Fact]
    public void SharedExternalId_EveryHashCollides_ReportsWhatRealHashesReport()
    {
        string[] records =
        [
            ExternalIds("e1", "1", "2"), ExternalIds("e2", "3"), ExternalIds("e3", "4", "2"), ExternalIds("e4", "5"), ExternalIds("e5", "3"),
        ];

        AssertCollisionsChangeNothing(records, n => new DuplicateExternalIdRule(n), () => new DuplicateExternalIdRule(), "CM1011", expected: 2);
    }

    // ---- CM5007 / CM5008 ---------------------------------------------------------------------------------

    [Fact]
    public void AttributionResponse_EveryHashCollides_ReportsWhatRealHashesReport()
    {
        // t: denied, and the accused denies it (no finding); u: denied, but the accused acknowledges it (CM5007);
        // v: acknowledged with no claim about it (CM5008), though the claims about t and u share its hash here.
        string[] records =
        [
            A, B, S,
            Attribution("t", "denied"), Attribution("u", "denied"), Attribution("v", "acknowledged"), Attribution("w", "noResponse"),
            Claim("c1", "a", "denies", "t"), Claim("c2", "a", "acknowledges", "u"), Claim("c3", "b", "denies", "v"), Claim("c1", "a", "denies", "t"),
        ];

        AssertCollisionsChangeNothing(records, n => new AttributionRule(n), () => new AttributionRule(), "CM5007", expected: 1);
        AssertCollisionsChangeNothing(records, n => new AttributionRule(n), () => new AttributionRule(), "CM5008", expected: 1);
    }

    // ---- CM5003 / CM5005 ---------------------------------------------------------------------------------

    [Fact]
    public void ClaimsAtTheEnd_EveryHashCollides_ReportsWhatRealHashesReport()
    {
        // d1 denies k1, which no one asserts or claims (CM5003); d2 denies k2, which b asserts (no finding), though
        // here every assertion's hash is k1's too. s1 supersedes a later claim of b's (CM5005 at the end).
        static string About(string id, string claimant, string stance, string estimate, string extra = "")
            => $"{{\"type\":\"claim\",\"id\":\"{id}\",\"claimant\":\"{claimant}\",\"stance\":\"{stance}\",\"subject\":{{\"kind\":\"casualtyEstimate\",\"target\":\"{estimate}\"}},\"statement\":\"x\",{Cite}{extra}}}";
        string[] records =
        [
            A, B, S, E, Estimate("k1", "{\"best\":1}"), Estimate("k2", "{\"best\":2}"),
            About("d1", "a", "denies", "k1"), About("s1", "a", "asserts", "k2", ",\"supersedes\":\"c9\""), About("d2", "a", "denies", "k2"),
            About("c1", "b", "asserts", "k2"), About("c9", "b", "asserts", "k2"),
        ];

        AssertCollisionsChangeNothing(records, n => new ClaimRule(n), () => new ClaimRule(), "CM5003", expected: 1);
        AssertCollisionsChangeNothing(records, n => new ClaimRule(n), () => new ClaimRule(), "CM5005", expected: 1);
    }

    // ---- CM5010 ----------------------------------------------------------------------------------------------

    [Fact]
    public void EstimateWithoutSource_KeyedOnIdNumbers_ReportsOnlyTheUnsourced()
    {
        // k1 and k3 cite nothing; a claim with a citation asserts k1 (sourced), so k3 alone is reported. The rule keys
        // on the id table's exact numbers rather than hashes, so there is no hash to narrow: loaded and streamed must
        // still agree.
        string[] records =
        [
            A, S, E, Estimate("k1", "{\"best\":1}"), "{\"type\":\"casualtyEstimate\",\"id\":\"k2\",\"population\":\"killed\",\"figure\":{\"best\":2},\"event\":\"e\"," + Cite + "}", Estimate("k3", "{\"best\":3}"),
            $"{{\"type\":\"claim\",\"id\":\"c\",\"claimant\":\"a\",\"stance\":\"asserts\",\"subject\":{{\"kind\":\"casualtyEstimate\",\"target\":\"k1\"}},\"statement\":\"x\",{Cite}}}",
        ];

        AssertCollisionsChangeNothing(records, _ => new MissingSourceRule(), () => new MissingSourceRule(), "CM5010", expected: 1);
    }

    private static void AssertCollisionsChangeNothing(string[] records, Func<Func<int, int>, DatasetRule> narrowed, Func<DatasetRule> real, string id, int expected)
    {
        string[] reference = Describe(Loaded(records, real()));
        Assert.Equal(expected, reference.Count(d => d.Contains(id, StringComparison.Ordinal)));
        foreach (string[] order in new[] { records, [.. records.Reverse()] })
        {
            string[] expectedHere = Describe(Loaded(order, real()));
            Assert.Equal(expectedHere, Describe(Streamed(order, real())));
            foreach (Func<int, int> narrowing in Narrowings)
            {
                Assert.Equal(expectedHere, Describe(Loaded(order, narrowed(narrowing))));
                Assert.Equal(expectedHere, Describe(Streamed(order, narrowed(narrowing))));
            }
        }
    }

    // ---- PlacesByHash ---------------------------------------------------------------------------------------

    [Fact]
    public void PlacesByHash_OneBucketForAll_KeepsEachHashApartInInputOrder()
    {
        var all = new PlacesByHash(static _ => 0);
        int[] places = [.. Enumerable.Range(0, 100).Select(i => (i * 7) - 50)]; // negative places (kept aside) too
        for (int i = 0; i < 40; i++)
        {
            all.Add(i % 3, places[i]);
        }

        Assert.Equal(places.Take(40).Where((_, i) => i % 3 == 1), all.All(1)); // buckets made here
        for (int i = 40; i < 100; i++)
        {
            all.Add(i % 3, places[i]); // and grown from 64 to 128
        }

        Assert.Equal(places.Where((_, i) => i % 3 == 2), all.All(2));
        Assert.Empty(all.All(3));
        Assert.Equal(places[4], all.FirstMatch(1, p => p > -25 ? p : (int?)null));
        Assert.Equal(
            [.. Enumerable.Range(0, 3).Select(r => places.Where((_, i) => i % 3 == r).ToArray())],
            all.Several.Select(l => l.ToArray()).OrderBy(l => l[0]).ToArray());
        Assert.Equal(100, all.Count);
    }

    [Fact]
    public void PlacesByHash_Several_GroupsAcrossEveryPartOfTheHashRange()
    {
        // Hashes spread over the whole range (negative and positive, every top nibble), interleaved: each group whole
        // and in input order, whatever part of the range it is in.
        var set = new PlacesByHash();
        int[] hashes = [int.MinValue, -1, 0, 1, int.MaxValue, 0x10000000, 0x7000_0001, unchecked((int)0x9000_0000)];
        var expected = new Dictionary<int, List<int>>();
        for (int round = 0; round < 3; round++)
        {
            foreach (int hash in hashes)
            {
                int place = (round * 100) + Array.IndexOf(hashes, hash);
                set.Add(hash, place);
                (expected.TryGetValue(hash, out List<int>? list) ? list : expected[hash] = []).Add(place);
            }
        }

        set.Add(0x2000_0000, 999); // alone in its part: left out
        List<List<int>> several = [.. set.Several];
        Assert.Equal(hashes.Length, several.Count);
        Assert.Equal(
            expected.Values.Select(l => string.Join(",", l)).Order(),
            several.Select(l => string.Join(",", l)).Order());
    }

    [Fact]
    public void PlacesByHash_Several_LeavesSingleHashesOut()
    {
        var set = new PlacesByHash();
        set.Add(-5, 0);
        set.Add(int.MinValue, 1);
        set.Add(7, 2);
        set.Add(int.MinValue, -3);
        List<int> only = Assert.Single(set.Several);
        Assert.Equal([1, -3], only);
    }

    [Fact]
    public void ChunkedList_Clear_EmptiesAndCanBeFilledAgain()
    {
        var list = new ChunkedList<long>();
        for (int i = 0; i < 40_000; i++)
        {
            list.Add(i);
        }

        list.Clear();
        Assert.Equal(0, list.Count);
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => list[0]);
        list.Add(7);
        list.Add(8);
        Assert.Equal([7L, 8L], new[] { list[0], list[1] });
    }

    [Fact]
    public void ChunkedList_FirstChunkGrowing_KeepsWhatWasWrittenInPlace()
    {
        var list = new ChunkedList<int>();
        for (int i = 0; i < 20_000; i++)
        {
            list.Add(i);
            list.At(i / 2) += 1_000_000; // written in place (twice for each of the first 10,000), while the first chunk doubles
        }

        Assert.Equal(20_000, list.Count);
        Assert.Equal([2_000_000, 2_000_015, 2_009_999, 10_000, 16_383, 16_384, 19_999], new[] { 0, 15, 9_999, 10_000, 16_383, 16_384, 19_999 }.Select(i => list[i]));
    }

    // ---- RecordHandle ----------------------------------------------------------------------------------------

    [Fact]
    public void RecordHandle_Is16Bytes()
        => Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<RecordHandle>());

    [Theory]
    [InlineData(0L, 0, 0, 2, 2)] // the smallest record
    [InlineData(1L << 40, int.MaxValue, 16383, (1 << 26) - 1, 63)] // 1 TiB in, every field at its largest
    [InlineData((1L << 42) - (1 << 26) - 16384 - 64, 3, 16383, 1 << 24, 63)] // near 4 TiB, a 16 MiB record
    public void RecordHandle_WithinBounds_PacksAndUnpacksExactly(long windowOffset, int linesBefore, int lead, int length, int trail)
    {
        var mark = new RecordMark(RecordKind.CasualtyEstimate, "id", windowOffset, lead + length + trail, linesBefore, lead, lead + length, null);
        Assert.True(RecordHandle.TryPack(mark, out RecordHandle handle));
        Assert.False(handle.IsWide || handle.IsLoaded || handle.IsDefault || handle.HasRemaps);
        Assert.Equal(windowOffset + lead, handle.ByteOffset);
        Assert.Equal(RecordKind.CasualtyEstimate, handle.Kind);
        RecordMark back = handle.ToMark();
        Assert.Equal(
            (mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End, mark.Kind),
            (back.WindowOffset, back.WindowLength, back.LinesBefore, back.Start, back.End, back.Kind));
        Assert.True(RecordHandle.TryPack(mark, out RecordHandle again) && again == handle && again.GetHashCode() == handle.GetHashCode());
    }

    [Theory]
    [InlineData(16384, 10, 0)] // too much before it on its line
    [InlineData(0, 1 << 26, 0)] // a record of 64 MiB
    [InlineData(0, 10, 64)] // too much after it
    public void RecordHandle_OutsideBounds_IsWideWithItsOffset(int lead, int length, int trail)
    {
        var mark = new RecordMark(RecordKind.Claim, null, 1000, lead + length + trail, 7, lead, lead + length, new Dictionary<string, int[]>());
        Assert.False(RecordHandle.TryPack(mark, out RecordHandle handle));
        Assert.True(handle.IsWide && handle.HasRemaps && !handle.IsDefault);
        Assert.Equal((1000L + lead, RecordKind.Claim), (handle.ByteOffset, handle.Kind));
        Assert.Throws<InvalidOperationException>(() => handle.ToMark());
    }

    [Fact]
    public void RecordHandle_Distinguishes_LoadedStreamedAndDefault()
    {
        RecordHandle loaded = new(0, 0, RecordKind.Unspecified);
        Assert.True(loaded.IsLoaded && !loaded.IsDefault && loaded.Index == 0);
        Assert.True(default(RecordHandle).IsDefault);
        Assert.NotEqual(new RecordHandle(1, 50, RecordKind.Actor), new RecordHandle(2, 50, RecordKind.Actor));
        Assert.True(RecordHandle.TryPack(new RecordMark(RecordKind.Unspecified, null, 0, 2, 0, 0, 2, null), out RecordHandle streamed));
        Assert.NotEqual(loaded, streamed);
        Assert.False(streamed.IsDefault);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordHandle(0, RecordHandle.MaxOffset + 1, RecordKind.Actor));
    }

    [Theory]
    [InlineData(20_000, 0)] // a line that starts with 20,000 spaces
    [InlineData(0, 100)] // one that ends with 100
    public void WideRecords_AreLocatedAsLoaded(int spacesBefore, int spacesAfter)
    {
        // CM2008 reports at a handle and names another: both wide here, located from the marks the validation keeps.
        string Pad(string record) => new string(' ', spacesBefore) + record + new string(' ', spacesAfter);
        string[] records = [E, Pad(Estimate("k1", "{\"best\":200}")), Estimate("k0", "{\"best\":5}", "f"), Pad(Estimate("k2", "{\"high\":100}")), F];
        string[] loaded = Describe(Loaded(records, new ContradictoryEstimatesRule()));
        Assert.Single(loaded, d => d.Contains("CM2008", StringComparison.Ordinal));
        Assert.Equal(loaded, Describe(Streamed(records, new ContradictoryEstimatesRule())));
    }

    [Theory]
    [InlineData(20_000, 0)]
    [InlineData(0, 100)]
    public void WideRecords_ReportedAtTheEndByPlace_AreLocatedAsLoaded(int spacesBefore, int spacesAfter)
    {
        // CM5010 and CM1010 keep places and report by handle at the end: a wide record's place is kept aside, and
        // reporting at its handle needs no line number it does not keep.
        string Pad(string record) => new string(' ', spacesBefore) + record + new string(' ', spacesAfter);
        string[] records = [E, Pad(Estimate("k1", "{\"best\":200}")), Pad(S), Estimate("k2", "{\"best\":5}")];
        foreach (Func<DatasetRule> rule in new Func<DatasetRule>[] { () => new MissingSourceRule(), () => new UnreferencedRecordRule() })
        {
            string[] loaded = Describe(Loaded(records, rule()));
            Assert.NotEmpty(loaded);
            Assert.DoesNotContain(loaded, d => d.Contains("CM0900", StringComparison.Ordinal));
            Assert.Equal(loaded, Describe(Streamed(records, rule())));
        }
    }

    // ---- Harness ---------------------------------------------------------------------------------------------

    private static ValidationOptions Only(DatasetRule rule) => RuleHarness.AllRulesOn() with { Rules = [rule] };

    private static ValidationResult Loaded(IEnumerable<string> records, DatasetRule rule)
        => new DatasetValidator(Only(rule)).Validate(new DatasetReader().ReadText(RuleHarness.Lines(records), DatasetFormat.JsonLines, "test.jsonl"));

    private static ValidationResult Streamed(IEnumerable<string> records, DatasetRule rule)
    {
        using DatasetRecordReader reader = new DatasetReader().OpenRecords(new MemoryStream(Encoding.UTF8.GetBytes(RuleHarness.Lines(records))), "test.jsonl", DatasetFormat.JsonLines);
        return new DatasetValidator(Only(rule)).Validate(reader);
    }

    private static string[] Describe(ValidationResult result)
        => [.. result.Diagnostics.Select(d => $"{d} [{d.Severity}] {Where(d.Location)} also {string.Join(" ", d.AdditionalLocations.Select(Where))}")];

    private static string Where(DiagnosticLocation l) => $"{l.StartLine}:{l.StartColumn}-{l.EndLine}:{l.EndColumn} @{l.ByteOffset} {l.JsonPointer}";
}

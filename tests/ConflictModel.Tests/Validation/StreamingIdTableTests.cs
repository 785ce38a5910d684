using System;
using System.Collections.Generic;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Validation;

/// <summary>
/// The streaming validation's id table (<see cref="StreamingIdTable"/>) against a plain dictionary of the same pairs:
/// what it finds, where it says the record is, and what it does not find.
/// </summary>
public sealed class StreamingIdTableTests
{
    [Fact]
    public void TryAdd_ManyIds_FindsEachWithItsMarkAndOnlyTheFirst()
    {
        // More than one chunk of entries and several rehashes; kinds share ids; some ids repeat.
        var table = new StreamingIdTable();
        var expected = new Dictionary<(RecordKind, string), (long Offset, int Index)>();
        var random = new Random(7);
        RecordKind[] kinds = Enum.GetValues<RecordKind>();
        for (int i = 0; i < 60_000; i++)
        {
            RecordKind kind = kinds[random.Next(kinds.Length)];
            string id = $"id-{random.Next(40_000)}";
            RecordMark mark = Mark(kind, id, offset: i * 100L);
            bool added = table.TryAdd(kind, id, mark, out int index);
            Assert.Equal(!expected.ContainsKey((kind, id)), added);
            if (added)
            {
                expected[(kind, id)] = (i * 100L, index);
            }
            else
            {
                Assert.Equal(expected[(kind, id)].Index, index);
            }
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (((RecordKind kind, string id), (long offset, int index)) in expected)
        {
            Assert.True(table.Contains(kind, id));
            Assert.True(table.TryGetMark(kind, id, out RecordMark mark));
            Assert.Equal(offset, mark.WindowOffset);
            Assert.Equal(offset + 3, mark.Offset); // the record's start in its line: the span is kept
            Assert.Equal((3, 80, 90), (mark.Start, mark.End, mark.WindowLength));
            Assert.Equal((int)(offset % 1000), mark.LinesBefore);
            Assert.Equal(kind, mark.Kind);
            Assert.Equal(id, mark.Id);
            Assert.Equal(id, table.IdAt(index));
        }

        Assert.False(table.Contains(RecordKind.Actor, "id-40000"));
        Assert.False(table.TryGetMark(RecordKind.Actor, "id-40001", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bāmyān-ولسوالی-𝔘")]
    [InlineData("a\u0000b")]
    public void TryAdd_UnusualIds_RoundTrip(string id)
    {
        var table = new StreamingIdTable();
        Assert.True(table.TryAdd(RecordKind.Event, id, Mark(RecordKind.Event, id, 5), out int index));
        Assert.False(table.TryAdd(RecordKind.Event, id, Mark(RecordKind.Event, id, 50), out _));
        Assert.True(table.TryAdd(RecordKind.Actor, id, Mark(RecordKind.Actor, id, 9), out _));
        Assert.Equal(id, table.IdAt(index));
        Assert.True(table.TryGetMark(RecordKind.Event, id, out RecordMark mark));
        Assert.Equal(5, mark.WindowOffset);
        Assert.False(table.Contains(RecordKind.Event, id + "x"));
    }

    [Fact]
    public void TryAdd_LongIds_ShortAndLongMixed_AllFound()
    {
        // Ids longer than the stack buffer and than a quarter of a block, between short ones, so that the shared
        // block is still written after a long id took a block of its own.
        var table = new StreamingIdTable();
        string[] ids = ["a", new string('x', 300), "b", new string('y', 400_000), "c", new string('z', 2_000_000), "d"];
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryAdd(RecordKind.Source, ids[i], Mark(RecordKind.Source, ids[i], i), out _));
        }

        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryGetMark(RecordKind.Source, ids[i], out RecordMark mark));
            Assert.Equal(i, mark.WindowOffset);
        }

        Assert.False(table.Contains(RecordKind.Source, new string('y', 399_999)));
    }

    [Fact]
    public void TryAdd_ManyLargeIdsFillingBlocks_AllFound()
    {
        // Ids of 1,000 bytes: a block holds about a thousand, so the ids span several blocks.
        var table = new StreamingIdTable();
        for (int i = 0; i < 5_000; i++)
        {
            string id = i.ToString("D1000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(table.TryAdd(RecordKind.Claim, id, Mark(RecordKind.Claim, id, i), out int index));
            Assert.Equal(i, index);
        }

        foreach (int i in new[] { 0, 1_047, 1_048, 2_500, 4_999 })
        {
            string id = i.ToString("D1000", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(table.TryGetMark(RecordKind.Claim, id, out RecordMark mark));
            Assert.Equal(i, mark.WindowOffset);
            Assert.Equal(id, table.IdAt(i));
        }
    }

    [Fact]
    public void TryGetMark_GivesTheLineAndTheRecordsSpanInIt()
    {
        // The table keeps the line (offset, length, number) and, when the record is not the whole line, its span in
        // it; not its remapped pointers: those come from reading the line again.
        var table = new StreamingIdTable();
        var remaps = new Dictionary<string, int[]> { ["/sources"] = [0, 2] };
        table.TryAdd(RecordKind.Event, "e1", new RecordMark(RecordKind.Event, "e1", 10, 40, 3, 1, 39, remaps), out int e1);
        table.TryAdd(RecordKind.Event, "e2", new RecordMark(RecordKind.Event, "e2", 50, 300, 4, 0, 300, null), out int e2);
        Assert.True(table.TryGetMark(RecordKind.Event, "e1", out RecordMark found));
        Assert.Null(found.Remaps);
        Assert.Equal((10L, 40, 3, 1, 39), (found.WindowOffset, found.WindowLength, found.LinesBefore, found.Start, found.End));
        Assert.Equal((RecordKind.Event, "e1"), (found.Kind, found.Id));
        Assert.True(table.TryGetMarkAt(e2, out RecordMark whole));
        Assert.Equal((50L, 300, 4, 0, 300, RecordKind.Event), (whole.WindowOffset, whole.WindowLength, whole.LinesBefore, whole.Start, whole.End, whole.Kind));
        Assert.Null(whole.Id); // by index: no id string made
        Assert.Equal(e1, table.IndexOf(RecordKind.Event, "e1"));
        Assert.Equal(-1, table.IndexOf(RecordKind.Actor, "e1"));
        Assert.False(table.TryGetMarkAt(2, out _));
        Assert.False(table.TryGetMarkAt(-1, out _));
    }

    [Fact]
    public void TryGetMarkAt_NumberedBeforeItsRecord_FindsTheSpanWrittenInPlace()
    {
        // A pair numbered by a reference has fixed-width room for its line and span, filled when its record comes.
        var table = new StreamingIdTable();
        int early = table.Intern(RecordKind.Actor, "a1");
        Assert.False(table.TryGetMarkAt(early, out _));
        Assert.Equal(-1, table.IndexOf(RecordKind.Actor, "a1"));
        table.TryAdd(RecordKind.Actor, "a1", new RecordMark(RecordKind.Actor, "a1", 5_000_000_000, 70, 9, 2, 66, null), out _);
        Assert.True(table.TryGetMarkAt(early, out RecordMark mark));
        Assert.Equal((5_000_000_000L, 70, 9, 2, 66), (mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End));
        Assert.Equal(early, table.IndexOf(RecordKind.Actor, "a1"));
    }

    [Fact]
    public void Intern_BeforeAndAfterTheRecord_KeepsOneIndexAndFindsOnlyRecords()
    {
        // A reference numbers an id before its record comes: not found until the record is added, then with its line,
        // under the same index.
        var table = new StreamingIdTable();
        int early = table.Intern(RecordKind.Actor, "a1");
        Assert.Equal(0, early);
        Assert.Equal(early, table.Intern(RecordKind.Actor, "a1"));
        Assert.False(table.Contains(RecordKind.Actor, "a1"));
        Assert.False(table.TryGetMark(RecordKind.Actor, "a1", out _));
        Assert.Equal(1, table.Intern(RecordKind.Source, "a1")); // another kind, another pair
        Assert.True(table.TryAdd(RecordKind.Event, "e1", Mark(RecordKind.Event, "e1", 7), out int e1));
        Assert.Equal(2, e1);

        Assert.True(table.TryAdd(RecordKind.Actor, "a1", Mark(RecordKind.Actor, "a1", 123_456_789_012), out int added));
        Assert.Equal(early, added);
        Assert.True(table.TryGetMark(RecordKind.Actor, "a1", out RecordMark mark));
        Assert.Equal((123_456_789_012L, 90, 12), (mark.WindowOffset, mark.WindowLength, mark.LinesBefore));
        Assert.False(table.TryAdd(RecordKind.Actor, "a1", Mark(RecordKind.Actor, "a1", 5), out int again));
        Assert.Equal(early, again);
        Assert.Equal(early, table.Intern(RecordKind.Actor, "a1"));
        Assert.False(table.Contains(RecordKind.Source, "a1"));
        Assert.Equal((RecordKind.Source, "a1"), (table.KindAt(1), table.IdAt(1)));
        Assert.Equal((RecordKind.Event, "e1"), (table.KindAt(e1), table.IdAt(e1)));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Intern_MixedWithTryAdd_AgreesWithADictionary()
    {
        // Numbered and added pairs interleaved over many resizes and blocks, ids of every length class, lines with
        // large offsets: each pair keeps its first index, and only added pairs are found, with their first line.
        var table = new StreamingIdTable();
        var numbers = new Dictionary<(RecordKind, string), int>();
        var lines = new Dictionary<(RecordKind, string), long>();
        var random = new Random(11);
        RecordKind[] kinds = Enum.GetValues<RecordKind>();
        for (int i = 0; i < 120_000; i++)
        {
            RecordKind kind = kinds[random.Next(kinds.Length)];
            int n = random.Next(60_000);
            string id = n % 997 == 0 ? new string('é', 200 + (n % 300)) + n : $"x-{n}";
            if (random.Next(3) == 0)
            {
                int number = table.Intern(kind, id);
                Assert.Equal(numbers.TryGetValue((kind, id), out int known) ? known : numbers.Count, number);
                numbers.TryAdd((kind, id), number);
            }
            else
            {
                long offset = (long)i * 40_000_000;
                bool added = table.TryAdd(kind, id, Mark(kind, id, offset), out int number);
                Assert.Equal(!lines.ContainsKey((kind, id)), added);
                Assert.Equal(numbers.TryGetValue((kind, id), out int known) ? known : numbers.Count, number);
                numbers.TryAdd((kind, id), number);
                lines.TryAdd((kind, id), offset);
            }
        }

        Assert.Equal(numbers.Count, table.Count);
        foreach (((RecordKind kind, string id), int number) in numbers)
        {
            Assert.Equal((kind, id), (table.KindAt(number), table.IdAt(number)));
            Assert.Equal(lines.TryGetValue((kind, id), out long offset), table.TryGetMark(kind, id, out RecordMark? mark));
            Assert.Equal(lines.ContainsKey((kind, id)), table.Contains(kind, id));
            if (mark is not null)
            {
                Assert.Equal((offset, (int)(offset % 1000)), (mark.WindowOffset, mark.LinesBefore));
            }
        }
    }

    [Fact]
    public void IdBits_AddAndContains_AcrossGrowth()
    {
        var bits = new IdBits();
        Assert.False(bits.Contains(0));
        Assert.True(bits.Add(0));
        Assert.False(bits.Add(0));
        Assert.True(bits.Add(1_000_003));
        Assert.True(bits.Contains(1_000_003));
        Assert.False(bits.Contains(1_000_002));
        Assert.False(bits.Contains(-1));
        Assert.False(bits.Contains(int.MaxValue));
        Assert.True(bits.Contains(0));
    }

    [Fact]
    public void ChunkedList_AcrossChunks_KeepsOrder()
    {
        var list = new ChunkedList<long>();
        for (long i = 0; i < 40_000; i++)
        {
            list.Add(i * 3);
        }

        Assert.Equal(40_000, list.Count);
        Assert.Equal([0L, 49_149L, 49_152L, 119_997L], new[] { 0, 16_383, 16_384, 39_999 }.Select(i => list[i]));
    }

    private static RecordMark Mark(RecordKind kind, string id, long offset)
        => new(kind, id, offset, 90, (int)(offset % 1000), 3, 80, null);
}

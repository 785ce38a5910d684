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
            Assert.Equal(offset, mark.Offset); // the line's start: the span in it is found by reading the line again
            Assert.Equal((0, 90, 90), (mark.Start, mark.End, mark.WindowLength));
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
    public void TryGetMark_GivesTheWholeLine()
    {
        // The table keeps the line (offset, length, number), not the record's span in it or its remapped pointers:
        // those come from reading the line again.
        var table = new StreamingIdTable();
        var remaps = new Dictionary<string, int[]> { ["/sources"] = [0, 2] };
        table.TryAdd(RecordKind.Event, "e1", new RecordMark(RecordKind.Event, "e1", 10, 40, 3, 1, 39, remaps), out _);
        Assert.True(table.TryGetMark(RecordKind.Event, "e1", out RecordMark found));
        Assert.Null(found.Remaps);
        Assert.Equal((10L, 40, 3, 0, 40), (found.WindowOffset, found.WindowLength, found.LinesBefore, found.Start, found.End));
        Assert.Equal((RecordKind.Event, "e1"), (found.Kind, found.Id));
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

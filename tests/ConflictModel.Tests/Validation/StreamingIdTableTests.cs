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

    [Theory]
    [InlineData("ged-100000-s1", true)]
    [InlineData("ged-007", true)] // leading zeros: a run of 3 digits with the value 7
    [InlineData("000", true)]
    [InlineData("0", true)]
    [InlineData("12345", true)] // only digits
    [InlineData("ucdp-actor-1037", true)]
    [InlineData("1a2b3c", true)]
    [InlineData("x-999999999999999999", true)] // 18 digits: the largest run kept as one number
    [InlineData("x-000000000000000000", true)]
    [InlineData("x-1000000000000000000", true)] // 19 digits: cut into runs of 18 and 1
    [InlineData("x-99999999999999999999999999999999999999999-y", true)] // 41 digits
    [InlineData("0000000000000000000000000000000000001", true)]
    [InlineData("é-12-日本-034-🙂-5", true)] // digits between text that is not ASCII
    [InlineData("actor-abc", false)] // no digit: kept as text, no shape learnt
    [InlineData("", false)]
    [InlineData("é日本🙂", false)]
    [InlineData("x-٣٤", false)] // Arabic-Indic digits are not digits here
    [InlineData("x-１２", false)] // nor fullwidth ones
    public void TryAdd_IdsWithAndWithoutDigits_RoundTripAndAreShapedWhenTheyHaveDigits(string id, bool shaped)
    {
        var table = new StreamingIdTable();
        Assert.True(table.TryAdd(RecordKind.Claim, id, Mark(RecordKind.Claim, id, 77), out int index));
        Assert.Equal(id, table.IdAt(index));
        Assert.Equal(RecordKind.Claim, table.KindAt(index));
        Assert.Equal(shaped, table.IsShapedAt(index));
        Assert.Equal(shaped ? 1 : 0, table.ShapeCount);
        Assert.True(table.Contains(RecordKind.Claim, id));
        Assert.True(table.TryGetMark(RecordKind.Claim, id, out RecordMark mark));
        Assert.Equal((77L, id), (mark.WindowOffset, mark.Id));
        Assert.False(table.TryAdd(RecordKind.Claim, id, Mark(RecordKind.Claim, id, 78), out int again));
        Assert.Equal(index, again);
        Assert.Equal(index, table.Intern(RecordKind.Claim, id));
        Assert.False(table.Contains(RecordKind.Claim, id + "0"));
        Assert.False(table.Contains(RecordKind.Claim, "0" + id));
        Assert.False(table.Contains(RecordKind.Event, id));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void TryAdd_IdsThatDifferOnlyInDigits_AreDistinct()
    {
        // Same value, other number of digits; runs split differently; a run at either end; one digit more or less.
        string[] ids =
        [
            "a1", "a01", "a001", "a0001", "1", "01", "001", "0", "00", "a1b", "a01b", "a10b", "a1b0", "a1b00", "a0b1",
            "12", "1-2", "1.2", "x-123456789012345678", "x-0123456789012345678", "x-1234567890123456780",
            "x-123456789012345678-0", "x-12345678901234567", "x-1234567890123456789", "x-1234567890123456789-",
            "ged-100000-s1", "ged-100000-s01", "ged-10000-s10", "ged-1000000-s", "ged-100000-s10", "ged-100000-s",
        ];
        var table = new StreamingIdTable();
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryAdd(RecordKind.Actor, ids[i], Mark(RecordKind.Actor, ids[i], i), out int index));
            Assert.Equal(i, index);
        }

        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], table.IdAt(i));
            Assert.True(table.TryGetMark(RecordKind.Actor, ids[i], out RecordMark mark));
            Assert.Equal(i, mark.WindowOffset);
        }

        Assert.Equal(ids.Length, table.Count);
    }

    [Fact]
    public void TryAdd_SameIdUnderEveryKind_OnePairEach()
    {
        var table = new StreamingIdTable();
        RecordKind[] kinds = Enum.GetValues<RecordKind>();
        foreach (string id in new[] { "ged-100021-claim", "no-digits" })
        {
            var indexes = new List<int>();
            foreach (RecordKind kind in kinds)
            {
                Assert.True(table.TryAdd(kind, id, Mark(kind, id, (long)kind), out int index));
                indexes.Add(index);
            }

            Assert.Equal(kinds.Length, indexes.Distinct().Count());
            for (int k = 0; k < kinds.Length; k++)
            {
                Assert.Equal((kinds[k], id), (table.KindAt(indexes[k]), table.IdAt(indexes[k])));
                Assert.True(table.TryGetMark(kinds[k], id, out RecordMark mark));
                Assert.Equal((long)kinds[k], mark.WindowOffset);
            }
        }

        Assert.Equal(1, table.ShapeCount); // one shape for the id under every kind
    }

    [Fact]
    public void TryAdd_ShapeCapReached_NewShapesKeptAsTextAndFound()
    {
        var table = new StreamingIdTable(maxShapes: 2);
        Assert.False(table.Contains(RecordKind.Event, "zz-1")); // a look-up learns no shape
        Assert.False(table.TryGetMark(RecordKind.Event, "zz-2", out _));
        Assert.Equal(0, table.ShapeCount);

        Assert.True(table.TryAdd(RecordKind.Event, "a-1", Mark(RecordKind.Event, "a-1", 1), out int a1));
        int b1 = table.Intern(RecordKind.Event, "b-1"); // numbering learns too
        Assert.Equal(2, table.ShapeCount);
        Assert.True(table.TryAdd(RecordKind.Event, "c-1", Mark(RecordKind.Event, "c-1", 3), out int c1));
        int c2 = table.Intern(RecordKind.Event, "c-2");
        Assert.True(table.TryAdd(RecordKind.Event, "a-7", Mark(RecordKind.Event, "a-7", 4), out int a7));
        Assert.True(table.TryAdd(RecordKind.Event, "b-9", Mark(RecordKind.Event, "b-9", 5), out int b9));
        Assert.Equal(2, table.ShapeCount);

        Assert.Equal([true, true, false, false, true, true], new[] { a1, b1, c1, c2, a7, b9 }.Select(table.IsShapedAt));
        Assert.Equal(["a-1", "b-1", "c-1", "c-2", "a-7", "b-9"], new[] { a1, b1, c1, c2, a7, b9 }.Select(table.IdAt));
        Assert.True(table.TryGetMark(RecordKind.Event, "c-1", out RecordMark mark));
        Assert.Equal(3, mark.WindowOffset);
        Assert.Equal(c2, table.Intern(RecordKind.Event, "c-2"));
        Assert.False(table.Contains(RecordKind.Event, "c-2"));
        Assert.True(table.TryAdd(RecordKind.Event, "c-2", Mark(RecordKind.Event, "c-2", 6), out int c2Added));
        Assert.Equal(c2, c2Added);
        Assert.True(table.TryAdd(RecordKind.Event, "b-1", Mark(RecordKind.Event, "b-1", 7), out int b1Added)); // numbered first
        Assert.Equal(b1, b1Added);
        Assert.True(table.TryGetMark(RecordKind.Event, "b-1", out mark));
        Assert.Equal(7, mark.WindowOffset);
        Assert.False(table.Contains(RecordKind.Event, "c-3"));
        Assert.Equal(6, table.Count);
    }

    [Fact]
    public void TryAdd_NoShapesAllowed_EveryIdKeptAsText()
    {
        var table = new StreamingIdTable(maxShapes: 0);
        Assert.True(table.TryAdd(RecordKind.Source, "s-1", Mark(RecordKind.Source, "s-1", 1), out int index));
        Assert.False(table.IsShapedAt(index));
        Assert.Equal(0, table.ShapeCount);
        Assert.Equal("s-1", table.IdAt(index));
        Assert.True(table.Contains(RecordKind.Source, "s-1"));
    }

    [Fact]
    public void TryAdd_LongIdsWithDigits_ShapedUpToTheShapeLimitThenKeptAsText()
    {
        // 128 runs of 18 digits make a shape of 256 bytes, the most kept; one digit more makes a 129th run. An id over a
        // quarter of a block goes to an array of its own, as text.
        string[] ids =
        [
            new string('7', 18 * 128), new string('7', (18 * 128) + 1), "x" + new string('7', 18 * 128),
            new string('a', 254) + "1", new string('a', 254) + "12", new string('a', 255) + "1",
            new string('1', 400_000), new string('b', 300_000) + "-42", "short-1",
        ];
        bool[] shaped = [true, false, false, true, true, false, false, false, true];
        var table = new StreamingIdTable();
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryAdd(RecordKind.Source, ids[i], Mark(RecordKind.Source, ids[i], i), out int index));
            Assert.Equal(i, index);
        }

        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], table.IdAt(i));
            Assert.Equal(shaped[i], table.IsShapedAt(i));
            Assert.True(table.TryGetMark(RecordKind.Source, ids[i], out RecordMark mark));
            Assert.Equal(i, mark.WindowOffset);
        }

        Assert.False(table.Contains(RecordKind.Source, new string('1', 399_999)));
        Assert.False(table.Contains(RecordKind.Source, new string('7', (18 * 128) - 1)));
    }

    [Theory]
    [InlineData(4096, 32)]
    [InlineData(5, 32)]
    [InlineData(0, 32)]
    [InlineData(4096, 1)] // learning stops at the first shape whose home slot is taken
    public void TryAddInternAndLookUps_RandomIdsOfManyShapes_AgreeWithADictionary(int maxShapes, int maxShapeProbe)
    {
        // Ids of many shapes (numbers with and without leading zeros, long runs, text that is not ASCII, ids without
        // digits), under several kinds, numbered, added and looked up in a random order.
        var table = new StreamingIdTable(maxShapes, maxShapeProbe);
        var unbounded = new StreamingIdTable(); // learns every shape the bounded table is asked to
        var numbers = new Dictionary<(RecordKind, string), int>();
        var lines = new Dictionary<(RecordKind, string), long>();
        var random = new Random(20231);
        RecordKind[] kinds = [RecordKind.Actor, RecordKind.Event, RecordKind.Claim];
        for (int i = 0; i < 60_000; i++)
        {
            RecordKind kind = kinds[random.Next(kinds.Length)];
            string id = RandomId(random);
            switch (random.Next(4))
            {
                case 0:
                    {
                        int number = table.Intern(kind, id);
                        unbounded.Intern(kind, id);
                        Assert.Equal(numbers.TryGetValue((kind, id), out int known) ? known : numbers.Count, number);
                        numbers.TryAdd((kind, id), number);
                        break;
                    }

                case 1:
                    {
                        bool found = table.TryGetMark(kind, id, out RecordMark? mark);
                        Assert.Equal(lines.TryGetValue((kind, id), out long offset), found);
                        Assert.Equal(found, table.Contains(kind, id));
                        if (found)
                        {
                            Assert.Equal((offset, id, kind), (mark!.WindowOffset, mark.Id, mark.Kind));
                        }

                        break;
                    }

                default:
                    {
                        long offset = i * 1_000L;
                        bool added = table.TryAdd(kind, id, Mark(kind, id, offset), out int number);
                        unbounded.Intern(kind, id);
                        Assert.Equal(!lines.ContainsKey((kind, id)), added);
                        Assert.Equal(numbers.TryGetValue((kind, id), out int known) ? known : numbers.Count, number);
                        numbers.TryAdd((kind, id), number);
                        lines.TryAdd((kind, id), offset);
                        break;
                    }
            }
        }

        Assert.Equal(numbers.Count, table.Count);
        if (maxShapes < 4096)
        {
            Assert.Equal(maxShapes, table.ShapeCount); // the cap was reached: later shapes were kept as text
        }
        else if (maxShapeProbe == 1)
        {
            Assert.InRange(table.ShapeCount, 1, unbounded.ShapeCount - 1); // learning stopped before the last shape
        }
        else
        {
            Assert.Equal(unbounded.ShapeCount, table.ShapeCount);
        }

        Assert.InRange(unbounded.ShapeCount, 500, 4096);

        int shaped = Enumerable.Range(0, table.Count).Count(table.IsShapedAt);
        Assert.InRange(shaped, maxShapes == 0 ? 0 : 1, maxShapes == 0 ? 0 : table.Count - 1); // some ids have no digit
        foreach (((RecordKind kind, string id), int number) in numbers)
        {
            Assert.Equal((kind, id), (table.KindAt(number), table.IdAt(number)));
            Assert.Equal(lines.TryGetValue((kind, id), out long offset), table.TryGetMark(kind, id, out RecordMark? mark));
            Assert.Equal(lines.ContainsKey((kind, id)), table.Contains(kind, id));
            if (mark is not null)
            {
                Assert.Equal(offset, mark.WindowOffset);
            }
        }
    }

    private static string RandomId(Random random)
    {
        string[] texts = ["ged-", "-s", "-best", "-perpetrator", "ucdp-actor-", "-claim", "é", "日本-", "🙂", "x", "-", "٣", ""];
        var id = new System.Text.StringBuilder();
        int parts = random.Next(1, 5);
        for (int p = 0; p < parts; p++)
        {
            id.Append(texts[random.Next(texts.Length)]);
            switch (random.Next(6))
            {
                case 0:
                    break; // no number here
                case 1:
                    id.Append('0', random.Next(1, 3)).Append(random.Next(100)); // leading zeros
                    break;
                case 2:
                    for (int d = random.Next(17, 42); d > 0; d--)
                    {
                        id.Append((char)('0' + random.Next(10))); // around and past 18 digits
                    }

                    break;
                default:
                    id.Append(random.Next(3_000));
                    break;
            }
        }

        return id.ToString();
    }

    [Fact]
    public void LookUps_OfKnownAndUnknownShapes_AllocateNothing()
    {
        // The hot path: an id's shape and numbers are worked out on the stack, whether the shape is known or not.
        var table = new StreamingIdTable(maxShapes: 3);
        string[] ids = ["ged-100000-s1", "ged-100000-best", "ucdp-actor-1037", "no-digits", "x-12345678901234567890123", "é-7-日本"];
        string[] absent = ["ged-100001-s1", "zz-9", "no-digits-here", "é-8-日本"];
        foreach (string id in ids)
        {
            table.TryAdd(RecordKind.Actor, id, Mark(RecordKind.Actor, id, 1), out _);
        }

        long found = LookUpAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        found += LookUpAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(2 * 1_000 * ids.Length * 3, found);
        Assert.True(table.IsShapedAt(0));
        Assert.False(table.IsShapedAt(4)); // a fourth shape: past the cap

        long LookUpAll()
        {
            long count = 0;
            for (int round = 0; round < 1_000; round++)
            {
                foreach (string id in ids)
                {
                    count += (table.Contains(RecordKind.Actor, id) ? 1 : 0) + (table.IndexOf(RecordKind.Actor, id) >= 0 ? 1 : 0);
                    count += table.Intern(RecordKind.Actor, id) >= 0 ? 1 : 0;
                }

                foreach (string id in absent)
                {
                    count -= table.Contains(RecordKind.Actor, id) ? 1 : 0;
                    count -= table.IndexOf(RecordKind.Actor, id) >= 0 ? 1 : 0;
                }
            }

            return count;
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
    public void IdBits_Numbers_AreTheSetInIncreasingOrder()
    {
        var bits = new IdBits();
        Assert.Empty(bits.Numbers);
        int[] numbers = [1_000_003, 0, 63, 64, 65, 127, 4_095, 999_999, 1];
        foreach (int number in numbers)
        {
            bits.Add(number);
        }

        Assert.Equal(numbers.Order(), bits.Numbers);
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

    [Fact]
    public void TryAdd_PastAMillionPairs_GivesTheIndexMoreBitsAndFindsEveryPair()
    {
        // Past 2^20 - 1 pairs the slots keep fewer bits of hash beside the index (retagged in place), while the 64
        // segments keep growing on their own: every pair is still found under its index, and no other.
        var table = new StreamingIdTable();
        const int Pairs = 1_100_000;
        for (int i = 0; i < Pairs; i++)
        {
            Assert.True(table.TryAdd(i % 3 == 0 ? RecordKind.Source : RecordKind.Event, $"p{i}", Mark(RecordKind.Event, "x", i * 10L), out int index));
            Assert.Equal(i, index);
        }

        Assert.Equal(Pairs, table.Count);
        for (int i = 0; i < Pairs; i += 991)
        {
            RecordKind kind = i % 3 == 0 ? RecordKind.Source : RecordKind.Event;
            Assert.Equal(i, table.IndexOf(kind, $"p{i}"));
            Assert.Equal(-1, table.IndexOf(kind == RecordKind.Source ? RecordKind.Event : RecordKind.Source, $"p{i}"));
            Assert.True(table.TryGetMarkAt(i, out RecordMark mark));
            Assert.Equal(i * 10L, mark.WindowOffset);
            Assert.Equal($"p{i}", table.IdAt(i));
        }

        Assert.False(table.TryAdd(RecordKind.Event, "p1", Mark(RecordKind.Event, "p1", 5), out int again));
        Assert.Equal(1, again);
        Assert.Equal(Pairs, table.Intern(RecordKind.Actor, "p1"));
    }

    private static RecordMark Mark(RecordKind kind, string id, long offset)
        => new(kind, id, offset, 90, (int)(offset % 1000), 3, 80, null);
}

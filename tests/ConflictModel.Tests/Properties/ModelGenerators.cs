using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ConflictModel.Model;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace ConflictModel.Tests.Properties;

/// <summary>
/// FsCheck generators for whole, valid datasets: sources, actors, events, casualty estimates with bounds, claims and
/// ceasefires whose references all resolve, with partial and interval dates, awkward text (quotes, escapes, NUL,
/// right-to-left scripts, astral characters) and extension members. Every value respects the model's guard clauses,
/// so construction never throws; ids are unique per kind.
/// </summary>
public static class ModelGenerators
{
    private static readonly string[] Words =
    [
        "Kabul", "Pakistan", "پاکستان", "طالبان", "Doha talks", "quote \" and \\ backslash", "emoji 😀 𝄞", "line\nbreak", "tab\there",
        "NUL\u0000inside", "<b>&amp;</b>", "über ñ ç", "  padded  ", "/slash~tilde", "$type", "{\"json\":1}", "Ω≈ç√",
    ];

    private static readonly string[] IdSuffixes = ["", "-x", " é", "/~1", "_0", "🙂"];

    private static readonly string[] Countries = ["PAK", "AFG", "IND", "IRN", "QAT"];

    private static readonly (string Name, string Raw)[] Extensions =
    [
        ("x-note", "\"kept\""), ("x-count", "12"), ("x-list", "[1,\"two\",null,true]"), ("x-object", "{\"a\":{\"b\":[]}}"),
        ("$type", "\"System.IO.FileInfo, System.IO.FileSystem\""), ("$id", "\"1\""), ("x-big", "12345678901234567890"),
    ];

    /// <summary>Gets the arbitrary FsCheck uses for <see cref="Dataset"/> parameters.</summary>
    /// <returns>Valid datasets, without shrinking (a failing case prints its seed for replay).</returns>
    public static Arbitrary<Dataset> Dataset() => Arb.From(DatasetGen);

    /// <summary>Gets valid datasets of a few dozen records at most.</summary>
    public static Gen<Dataset> DatasetGen =>
        from title in Text
        from sourceCount in Gen.Choose(1, 3)
        from actorCount in Gen.Choose(2, 5)
        from eventCount in Gen.Choose(1, 4)
        from estimateCount in Gen.Choose(1, 4)
        from claimCount in Gen.Choose(0, 3)
        from ceasefireCount in Gen.Choose(0, 1)
        from suffix in Gen.Elements(IdSuffixes)
        let ids = new Ids(suffix, sourceCount, actorCount, eventCount, estimateCount, claimCount)
        from sources in Gen.CollectToArray(Enumerable.Range(0, sourceCount), i => Source(ids, i))
        from actors in Gen.CollectToArray(Enumerable.Range(0, actorCount), i => Actor(ids, i))
        from events in Gen.CollectToArray(Enumerable.Range(0, eventCount), i => Event(ids, i))
        from estimates in Gen.CollectToArray(Enumerable.Range(0, estimateCount), i => Estimate(ids, i))
        from claims in Gen.CollectToArray(Enumerable.Range(0, claimCount), i => Claim(ids, i))
        from ceasefires in Gen.CollectToArray(Enumerable.Range(0, ceasefireCount), i => Ceasefire(ids, i))
        from info in Info(title)
        from extended in WithExtensions(global::ConflictModel.Model.Dataset.Create(info, [.. sources, .. actors, .. events, .. estimates, .. claims, .. ceasefires]))
        select extended;

    private static Gen<string> Text => Gen.OneOf(
        Gen.Elements(Words),
        from length in Gen.Choose(1, 24)
        from chars in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz ABC0123456789.,-'éשَ".ToCharArray()), length)
        let text = new string(chars)
        where !string.IsNullOrWhiteSpace(text)
        select text);

    private static Gen<string?> OptionalText => Gen.Frequency((2, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)));

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : struct
        => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    /// <summary>Any member a record can hold: every named value but <c>Unspecified</c>, which the model rejects.</summary>
    private static Gen<T> Enum<T>()
        where T : struct, Enum
        => Gen.Elements(System.Array.FindAll(System.Enum.GetValues<T>(), v => System.Enum.GetName(v) != "Unspecified"));

    private static Gen<ImmutableArray<T>> SubsetOf<T>(T[] items, int max)
        => from subset in Gen.SubListOf(items)
           select subset.Take(max).ToImmutableArray();

    /// <summary>EDTF levels 0 and 1: days, months, seasons, years, decades, qualified, closed and open intervals.</summary>
    private static Gen<EdtfDate> Date => Gen.OneOf(
        Partial.Select(EdtfDate.FromDate),
        from a in Day
        from days in Gen.Choose(0, 400)
        select EdtfDate.Between(PartialDate.FromDay(a), PartialDate.FromDay(a.PlusDays(days))),
        from a in Partial
        from open in Gen.Elements(true, false)
        select open ? EdtfDate.Since(a, IntervalBound.Open) : EdtfDate.Until(IntervalBound.Unknown, a));

    private static Gen<LocalDate> Day =>
        from year in Gen.Choose(1990, 2025)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        select new LocalDate(year, month, day);

    private static Gen<PartialDate> Partial =>
        from shape in Gen.Choose(0, 4)
        from day in Day
        from season in Gen.Elements(Season.Spring, Season.Summer, Season.Autumn, Season.Winter)
        from qualification in Gen.Elements(DateQualification.None, DateQualification.None, DateQualification.Approximate, DateQualification.Uncertain, DateQualification.Approximate | DateQualification.Uncertain)
        select shape switch
        {
            0 => PartialDate.FromDay(day, qualification),
            1 => PartialDate.FromMonth(day.Year, day.Month, qualification),
            2 => PartialDate.FromSeason(day.Year, season, qualification),
            3 => PartialDate.FromYear(day.Year, qualification),
            _ => PartialDate.FromDecade(day.Year / 10 * 10, qualification),
        };

    /// <summary>Counts with bounds in order: exact, ranges with a best figure inside, open-ended and unknown figures.</summary>
    private static Gen<CasualtyFigure> Figure =>
        from shape in Gen.Choose(0, 4)
        from low in Gen.Choose(0, 5000)
        from width in Gen.Choose(1, 500)
        from offset in Gen.Choose(0, 500)
        from exclusive in Gen.Elements(true, false)
        from approximate in Gen.Elements(true, false)
        from phrase in OptionalText
        select shape switch
        {
            0 => new CasualtyFigure(best: low, isApproximate: approximate, phrase: phrase),
            1 => new CasualtyFigure(best: low + Math.Min(offset, width), low: low, high: low + width, isApproximate: approximate, phrase: phrase),
            2 => new CasualtyFigure(low: low, high: low + width, lowExclusive: exclusive, highExclusive: exclusive, phrase: phrase),
            3 => CasualtyFigure.AtLeast(low, exclusive, phrase),
            _ => CasualtyFigure.AtMost(low + 1, exclusive, phrase),
        };

    private static Gen<Location?> Location => Gen.Frequency(
        (2, Gen.Constant<Location?>(null)),
        (1, from name in OptionalText
            from country in Optional(Gen.Elements(Countries).Select(c => new CountryCode(c)))
            from lat in Gen.Choose(-89_000, 89_000)
            from lon in Gen.Choose(-179_000, 179_000)
            from point in Gen.Elements(true, false)
            from precision in Optional(Enum<LocationPrecision>())
            select (Location?)new Location(name ?? "somewhere", country, [], point ? new GeoPoint(lat / 1000.0, lon / 1000.0) : null, precision)));

    private static Gen<ImmutableArray<Citation>> Citations(Ids ids)
        => from picked in SubsetOf(ids.Sources, 2)
           from excerpt in OptionalText
           select picked.Select(s => new Citation(s, excerpt)).ToImmutableArray();

    private static Gen<DatasetInfo> Info(string title)
        => from description in OptionalText
           from license in Gen.Elements<string?>(null, "CC0-1.0", "CC-BY-4.0")
           from seconds in Gen.Choose(0, 1_000_000_000)
           from created in Gen.Elements(true, false)
           select new DatasetInfo(title, description, license, created: created ? Instant.FromUnixTimeSeconds(seconds) : null);

    private static Gen<ConflictRecord> Source(Ids ids, int i)
        => from kind in Optional(Enum<SourceKind>())
           from title in OptionalText
           from language in Gen.Elements<string?>(null, "en", "ur", "ps-AF")
           from url in Gen.Elements<Uri?>(null, new Uri("https://example.org/a?b=c&d=é"), new Uri("http://example.com/"))
           from seconds in Gen.Choose(0, 1_000_000_000)
           from outlet in Gen.Elements(true, false)
           from record in WithExtensions(new Source(ids.Sources[i], kind, title, outlet ? ids.Actors[0] : null, url: url, published: Instant.FromUnixTimeSeconds(seconds), language: language, basedOn: i > 0 ? [ids.Sources[0]] : default))
           select (ConflictRecord)record;

    private static Gen<ConflictRecord> Actor(Ids ids, int i)
        => from name in Text
           from kind in Enum<ActorKind>()
           from aliases in Gen.ListOf(Text, 2)
           from country in Optional(Gen.Elements(Countries).Select(c => new CountryCode(c)))
           from affiliated in Gen.Elements(true, false)
           from description in OptionalText
           from record in WithExtensions(new Actor(ids.Actors[i], name, kind, [.. aliases.Distinct(StringComparer.Ordinal).Where(a => a != name)], country, affiliated && i > 0 ? ids.Actors[0] : null, description: description))
           select (ConflictRecord)record;

    private static Gen<ConflictRecord> Event(Ids ids, int i)
        => from kind in Enum<EventKind>()
           from title in OptionalText
           from date in Optional(Date)
           from location in Location
           from actors in SubsetOf(ids.Actors, 3)
           from roles in Gen.ArrayOf(Enum<ParticipantRole>(), actors.Length)
           from sources in Citations(ids)
           from responds in Gen.Elements(true, false)
           from record in WithExtensions(new Event(ids.Events[i], kind, title, null, date, location, [.. actors.Select((a, n) => new Participant(a, roles[n]))], responds && i > 0 ? [ids.Events[i - 1]] : default, sources))
           select (ConflictRecord)record;

    private static Gen<ConflictRecord> Estimate(Ids ids, int i)
        => from population in Enum<CasualtyPopulation>()
           from figure in Figure
           from side in Optional(Gen.Elements(ids.Actors))
           from category in Optional(Enum<CasualtyCategory>())
           from ofEvent in Optional(Gen.Elements(ids.Events))
           from period in Optional(Date)
           from claimedBy in Optional(Gen.Elements(ids.Actors))
           from sources in Citations(ids)
           from record in WithExtensions(new CasualtyEstimate(ids.Estimates[i], population, figure, side, category, ofEvent, period, null, claimedBy, default, sources))
           select (ConflictRecord)record;

    private static Gen<ConflictRecord> Claim(Ids ids, int i)
        => from claimant in Gen.Elements(ids.Actors)
           from stance in Enum<ClaimStance>()
           from subject in Gen.Elements(ClaimSubject.About(ids.Estimates[0]), ClaimSubject.About(ids.Events[0]), ClaimSubject.Position())
           from statement in OptionalText
           from made in Optional(Date)
           from sources in Citations(ids)
           from record in WithExtensions(new Claim(ids.Claims[i], claimant, stance, subject, statement, null, made, sources, i > 0 ? ids.Claims[0] : null))
           select (ConflictRecord)record;

    private static Gen<ConflictRecord> Ceasefire(Ids ids, int i)
        => from scope in Optional(Enum<CeasefireScope>())
           from name in OptionalText
           from sources in Citations(ids)
           select (ConflictRecord)new Ceasefire(new CeasefireId("ceasefire-" + i.ToString(CultureInfo.InvariantCulture) + ids.Suffix), [ids.Actors[0], ids.Actors[1]], name, scope: scope, sources: sources);

    private static Gen<T> WithExtensions<T>(T record)
        where T : ExtensibleRecord
        => from members in Gen.SubListOf(Extensions)
           select members.Count == 0 || members.Count > 2 ? record : record.WithExtensions(ExtensionData.Create(members.Select(m => new KeyValuePair<string, string>(m.Name, m.Raw))));

    /// <summary>The ids of one generated dataset, so that every reference resolves.</summary>
    private sealed class Ids(string suffix, int sources, int actors, int events, int estimates, int claims)
    {
        public string Suffix { get; } = suffix;

        public SourceId[] Sources { get; } = Make(sources, i => new SourceId($"source-{i}{suffix}"));

        public ActorId[] Actors { get; } = Make(actors, i => new ActorId($"actor-{i}{suffix}"));

        public EventId[] Events { get; } = Make(events, i => new EventId($"event-{i}{suffix}"));

        public CasualtyEstimateId[] Estimates { get; } = Make(estimates, i => new CasualtyEstimateId($"estimate-{i}{suffix}"));

        public ClaimId[] Claims { get; } = Make(claims, i => new ClaimId($"claim-{i}{suffix}"));

        private static T[] Make<T>(int count, Func<int, T> create) => [.. Enumerable.Range(0, count).Select(create)];
    }
}

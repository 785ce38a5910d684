using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using NodaTime;
using NodaTime.Text;

namespace ConflictModel.Benchmarks.Data;

/// <summary>
/// The UCDP GED 23.1 extract (shared/data/ucdp-ged-23.1-car, CC BY 4.0, Sundberg &amp; Melander 2013) encoded by the
/// codebook (docs/vocabulary.md, section 7.2), for calibrating <see cref="DataGenerator"/> against real data. Not an
/// importer: it only needs to be faithful enough to measure record kinds and sizes.
/// </summary>
public static class GedExtract
{
    public const string RelativePath = "ucdp-ged-23.1-car/GEDEvent_v23_1.geojson";

    /// <summary>The extract's file, looked for in shared/data beside or above the repository.</summary>
    public static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("CONFLICTMODEL_SHARED_DATA");
        if (env is not null && File.Exists(Path.Combine(env, RelativePath)))
        {
            return Path.Combine(env, RelativePath);
        }

        for (DirectoryInfo? directory = new(Repository.Root); directory is not null; directory = directory.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(directory.FullName, "shared", "data", RelativePath), Path.Combine(directory.FullName, "data", RelativePath) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static DatasetInfo Info => new(
        "UCDP GED 23.1, Central African Republic",
        license: "CC-BY-4.0",
        attribution: "UCDP Georeferenced Event Dataset (GED) Global version 23.1; Sundberg & Melander (2013), Journal of Peace Research 50(4)",
        publisher: "Uppsala Conflict Data Program",
        version: "23.1");

    /// <summary>The records, in the order an importer streams them: actors first, then each event with its sources, estimates and attribution.</summary>
    public static List<ConflictRecord> Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var actors = new Dictionary<string, Actor>(StringComparer.Ordinal);
        var records = new List<ConflictRecord>();
        foreach (JsonElement feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            JsonElement p = feature.GetProperty("properties");
            string ged = Number(p, "id");
            var eventId = new EventId($"ged-{ged}");
            int tov = p.GetProperty("type_of_violence").GetInt32();
            ActorId sideA = Side(actors, p, "a");
            ActorId sideB = Side(actors, p, "b");

            string[] offices = Split(Text(p, "source_office"));
            string[] dates = Split(Text(p, "source_date"));
            string[] headlines = Split(Text(p, "source_headline"));
            int count = Math.Max(1, Math.Max(offices.Length, Math.Max(dates.Length, headlines.Length)));
            var citations = ImmutableArray.CreateBuilder<Citation>(count);
            for (int k = 0; k < count; k++)
            {
                var sourceId = new SourceId($"ged-{ged}-s{k + 1}");
                string? office = At(offices, k);
                ActorId? outlet = null;
                if (office is not null)
                {
                    outlet = new ActorId($"outlet-{Slug(office)}");
                    actors.TryAdd(outlet.Value.Value, new Actor(outlet.Value, office, ActorKind.MediaOutlet));
                }

                Instant? published = At(dates, k) is { } d && LocalDatePattern.Iso.Parse(d[..Math.Min(10, d.Length)]) is { Success: true } parsed
                    ? parsed.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
                    : null;
                records.Add(new Source(sourceId, title: At(headlines, k), outlet: outlet, published: published));
                citations.Add(new Citation(sourceId));
            }

            string where = Text(p, "where_description") is { Length: > 0 } w ? w : Text(p, "where_coordinates");
            ImmutableArray<string> admin = new[] { Text(p, "adm_1"), Text(p, "adm_2") }.Where(s => s.Length > 0).ToImmutableArray();
            JsonElement point = feature.GetProperty("geometry").GetProperty("coordinates");
            records.Add(new Event(
                eventId,
                tov == 3 ? EventKind.AttackOnCivilians : EventKind.ArmedClash,
                date: Date(p),
                location: new Location(where.Trim(), new CountryCode("CAF"), admin, new GeoPoint(point[1].GetDouble(), point[0].GetDouble()), (LocationPrecision)p.GetProperty("where_prec").GetInt32()),
                participants: tov == 3
                    ? [new Participant(sideA, ParticipantRole.Initiator), new Participant(sideB, ParticipantRole.Target)]
                    : [new Participant(sideA, ParticipantRole.Participant), new Participant(sideB, ParticipantRole.Participant)],
                sources: citations.MoveToImmutable(),
                externalIds: [new ExternalIdentifier("ucdp-ged", ged), new ExternalIdentifier("ucdp-conflict", Number(p, "conflict_new_id")), new ExternalIdentifier("ucdp-dyad", Number(p, "dyad_new_id"))]));

            string prefix = $"ged-{ged}";
            var a = new CasualtyEstimateId($"{prefix}-deaths-a");
            var b = new CasualtyEstimateId($"{prefix}-deaths-b");
            var c = new CasualtyEstimateId($"{prefix}-deaths-civilians");
            var u = new CasualtyEstimateId($"{prefix}-deaths-unknown");
            records.Add(new CasualtyEstimate(new CasualtyEstimateId($"{prefix}-best"), CasualtyPopulation.Killed, new CasualtyFigure(Long(p, "best"), Long(p, "low"), Long(p, "high")), category: CasualtyCategory.All, @event: eventId, components: [a, b, c, u]));
            records.Add(new CasualtyEstimate(a, CasualtyPopulation.Killed, CasualtyFigure.Exactly(Long(p, "deaths_a")), sideA, CasualtyCategory.Combatants, eventId));
            records.Add(new CasualtyEstimate(b, CasualtyPopulation.Killed, CasualtyFigure.Exactly(Long(p, "deaths_b")), sideB, CasualtyCategory.Combatants, eventId));
            records.Add(new CasualtyEstimate(c, CasualtyPopulation.Killed, CasualtyFigure.Exactly(Long(p, "deaths_civilians")), category: CasualtyCategory.Civilians, @event: eventId));
            records.Add(new CasualtyEstimate(u, CasualtyPopulation.Killed, CasualtyFigure.Exactly(Long(p, "deaths_unknown")), category: CasualtyCategory.Unknown, @event: eventId));
            if (tov == 3)
            {
                records.Add(new Attribution(new AttributionId($"{prefix}-perpetrator"), sideA, ResponsibilityKind.Perpetration, eventId, date: Date(p)));
            }
        }

        return [.. actors.Values, .. records];
    }

    private static ActorId Side(Dictionary<string, Actor> actors, JsonElement p, string side)
    {
        string newId = Number(p, $"side_{side}_new_id");
        var id = new ActorId($"ucdp-actor-{newId}");
        if (!actors.ContainsKey(id.Value))
        {
            string name = Text(p, $"side_{side}");
            string gwno = Text(p, $"gwno{side}");
            ActorKind kind = newId == "1" ? ActorKind.CivilSociety : gwno.Length > 0 ? ActorKind.Government : ActorKind.NonStateArmedGroup;
            actors.Add(id.Value, new Actor(id, name, kind, externalIds: [new ExternalIdentifier("ucdp-actor", newId)]));
        }

        return id;
    }

    /// <summary>Codebook 7.2.2: a day, a calendar month, a calendar year, else the interval of days.</summary>
    private static EdtfDate Date(JsonElement p)
    {
        LocalDate s = LocalDatePattern.Iso.Parse(Text(p, "date_start")[..10]).Value;
        LocalDate e = LocalDatePattern.Iso.Parse(Text(p, "date_end")[..10]).Value;
        if (s == e)
        {
            return EdtfDate.FromDate(s);
        }

        if (s.Day == 1 && s.Year == e.Year && s.Month == e.Month && e.PlusDays(1).Month != e.Month)
        {
            return EdtfDate.FromDate(PartialDate.FromMonth(s.Year, s.Month));
        }

        if (s.Month == 1 && s.Day == 1 && e.Month == 12 && e.Day == 31 && s.Year == e.Year)
        {
            return EdtfDate.FromDate(PartialDate.FromYear(s.Year));
        }

        return EdtfDate.Between(PartialDate.FromDay(s), PartialDate.FromDay(e));
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split(';').Select(s => s.Trim()).ToArray();

    private static string? At(string[] parts, int index) => index < parts.Length && parts[index].Length > 0 ? parts[index] : null;

    private static string Text(JsonElement p, string name) => p.GetProperty(name).GetString() ?? string.Empty;

    private static string Number(JsonElement p, string name)
        => p.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetInt64().ToString(CultureInfo.InvariantCulture) : Text(p, name);

    private static long Long(JsonElement p, string name) => p.GetProperty(name).GetInt64();

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return slug.ToString();
    }
}

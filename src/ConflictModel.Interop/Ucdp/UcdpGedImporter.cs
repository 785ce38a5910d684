using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Validation;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop.Ucdp;

/// <summary>
/// Imports the UCDP Georeferenced Event Dataset (GED) as the CSV download, a GeoJSON FeatureCollection or pages of
/// the UCDP API (<c>{"Result":[…]}</c>), following docs/vocabulary.md section 7.2: an event per row, its two sides
/// as actors with their UCDP ids, a source per entry of the source lists, and five casualty estimates (the total with
/// low, best and high, and the four <c>deaths_*</c> components). Columns without a member, and values a member
/// cannot carry exactly, are kept in the event's <c>ucdpGed</c> extension member, so that
/// <see cref="UcdpGedExporter"/> gives every column back.
/// </summary>
public sealed class UcdpGedImporter : DatasetImporter
{
    private static readonly string[] Required =
    [
        "id", "type_of_violence", "side_a_new_id", "side_a", "side_b_new_id", "side_b", "date_start", "date_end",
        "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "high",
    ];

    /// <inheritdoc />
    public override string Name => "UCDP GED";

    /// <inheritdoc />
    public override DatasetInfo DefaultInfo => new(
        "UCDP Georeferenced Event Dataset (GED)",
        license: "CC-BY-4.0",
        attribution: "UCDP Georeferenced Event Dataset (GED); Sundberg, Ralph and Erik Melander (2013), Introducing the UCDP Georeferenced Event Dataset, Journal of Peace Research 50(4)",
        publisher: "Uppsala Conflict Data Program");

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => GedColumns.All;

    private protected override IReadOnlyList<string> RequiredColumns => Required;

    private protected override bool ReadsJson => true;

    private protected override RowMapper CreateMapper(ImportLog log) => new Mapper(this, log);

    private sealed class Mapper(UcdpGedImporter importer, ImportLog log) : RowMapper
    {
        private readonly Dictionary<long, (Actor Actor, long Row)> _sides = [];
        private readonly Dictionary<string, Actor> _outlets = new(StringComparer.Ordinal);
        private readonly HashSet<string> _outletIds = new(StringComparer.Ordinal);
        private readonly Dictionary<long, long> _seen = [];
        private readonly SourceId _dataset = new(GedColumns.DatasetSourceId);

        public override IEnumerable<ConflictRecord> Start()
        {
            yield return new Source(_dataset, SourceKind.Dataset, importer.DefaultInfo.Title, url: new Uri("https://ucdp.uu.se/downloads/"));
        }

        public override List<ConflictRecord> Map(SourceRow row)
        {
            var records = new List<ConflictRecord>();
            if (!Whole(row, "id", Where(row), out long gedId))
            {
                return records;
            }

            string ged = gedId.ToString(CultureInfo.InvariantCulture);
            string where = Where(row, $"GED id {ged}");
            if (_seen.TryGetValue(gedId, out long first))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.DuplicateRow, row.Location("id"), where, ged, first));
                return records;
            }

            if (!Whole(row, "side_a_new_id", where, out long sideAId) || !Whole(row, "side_b_new_id", where, out long sideBId)
                || !Day(row, "date_start", where, out LocalDate start) || !Day(row, "date_end", where, out LocalDate end))
            {
                return records;
            }

            if (end < start)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("date_end"), where, row.Text("date_end"), "date_end", "on or after date_start"));
                return records;
            }

            if (!Count(row, "low", where, out long low) || !Count(row, "high", where, out long high)
                || !Count(row, "deaths_a", where, out long deathsA) || !Count(row, "deaths_b", where, out long deathsB)
                || !Count(row, "deaths_civilians", where, out long deathsCivilians) || !Count(row, "deaths_unknown", where, out long deathsUnknown))
            {
                return records;
            }

            // GED-derived sets often keep low and high but not best: the total is then the range alone, never an invented best.
            long? best = null;
            if (row.Text("best").Length == 0)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.NoBestEstimate, row.Location(row.Has("best") ? "best" : null), where, row.Has("best") ? "empty" : "not given (no column 'best')", low, high));
            }
            else if (Count(row, "best", where, out long bestValue))
            {
                best = bestValue;
            }
            else
            {
                return records;
            }

            _seen.Add(gedId, row.Number);
            Actor sideA = Side(row, "a", sideAId, where, records);
            Actor sideB = Side(row, "b", sideBId, where, records);

            EventKind kind = EventKind.ArmedClash;
            ImmutableArray<Participant> participants = [new(sideA.Id, ParticipantRole.Participant), new(sideB.Id, ParticipantRole.Participant)];
            if (row.TryLong("type_of_violence", out long violence) && violence is >= 1 and <= 3)
            {
                if (violence == 3)
                {
                    // One-sided violence: side A is the perpetrator, side B the civilians it attacked.
                    kind = EventKind.AttackOnCivilians;
                    participants = [new(sideA.Id, ParticipantRole.Initiator), new(sideB.Id, ParticipantRole.Target)];
                }
            }
            else
            {
                kind = EventKind.Other;
                Unmapped(row, "type_of_violence", where, "GED codes 1 state-based, 2 non-state, 3 one-sided");
            }

            var eventId = new EventId("ged-" + ged);
            var sources = new Dictionary<SourceId, Source>();
            ImmutableArray<Citation> citations = Sources(row, ged, where, records, sources);
            if (citations.IsEmpty)
            {
                citations = [new Citation(_dataset)];
            }

            ImmutableArray<ExternalIdentifier>.Builder externalIds = ImmutableArray.CreateBuilder<ExternalIdentifier>(3);
            externalIds.Add(new ExternalIdentifier("ucdp-ged", ged));
            foreach ((string column, string scheme) in new[] { ("conflict_new_id", "ucdp-conflict"), ("dyad_new_id", "ucdp-dyad") })
            {
                if (row.OptionalText(column) is { } value)
                {
                    externalIds.Add(new ExternalIdentifier(scheme, value));
                }
            }

            var @event = new Event(eventId, kind, date: Date(start, end), location: Location(row, where), participants: participants, sources: citations, externalIds: externalIds.ToImmutable());

            string prefix = "ged-" + ged;
            ImmutableArray<Citation> ucdp = [new Citation(_dataset)];
            var a = new CasualtyEstimate(new($"{prefix}-deaths-a"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(deathsA), sideA.Id, CasualtyCategory.Combatants, eventId, sources: ucdp);
            var b = new CasualtyEstimate(new($"{prefix}-deaths-b"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(deathsB), sideB.Id, CasualtyCategory.Combatants, eventId, sources: ucdp);
            var civilians = new CasualtyEstimate(new($"{prefix}-deaths-civilians"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(deathsCivilians), category: CasualtyCategory.Civilians, @event: eventId, sources: ucdp);
            var unknown = new CasualtyEstimate(new($"{prefix}-deaths-unknown"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(deathsUnknown), category: CasualtyCategory.Unknown, @event: eventId, sources: ucdp);
            var total = new CasualtyEstimate(new($"{prefix}-best"), CasualtyPopulation.Killed, new CasualtyFigure(best, low, high), category: CasualtyCategory.All, @event: eventId, components: [a.Id, b.Id, civilians.Id, unknown.Id], sources: ucdp);

            if (best is { } given && (given < low || given > high))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.BestOutsideRange, row.Location("best"), where, given, low, high));
            }

            long sum = deathsA + deathsB + deathsCivilians + deathsUnknown;
            if (best is not null && sum != best)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.DeathsDoNotAddUp, row.Location("best"), where, sum, best));
            }

            // What the members cannot give back is kept as written, so that the export is exact.
            Dictionary<string, string> derived = GedColumns.Derive(
                @event,
                id => id == sideA.Id ? sideA : id == sideB.Id ? sideB : _outlets.Values.FirstOrDefault(o => o.Id == id),
                id => sources.GetValueOrDefault(id),
                total,
                [a, b, civilians, unknown]);
            var extension = new SourceExtension(GedColumns.Numeric);
            foreach (KeyValuePair<string, string?> field in row.Fields)
            {
                if (field.Key is "date_start" or "date_end")
                {
                    // The time GED writes after the day (T00:00:00) is not a time of day: the day alone is given back.
                    extension.KeepUnless(field.Key, TryDay(field.Value ?? string.Empty, out LocalDate kept) ? GedColumns.Day(kept) : field.Value, derived[field.Key]);
                }
                else if (field.Key is "latitude" or "longitude" && double.TryParse(field.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double degrees))
                {
                    // "7.0" and "7" are the same coordinate: the number is given back, not its spelling.
                    extension.KeepUnless(field.Key, GedColumns.Number(degrees), derived[field.Key]);
                }
                else if (GedColumns.Mapped.Contains(field.Key))
                {
                    extension.KeepUnless(field.Key, field.Value, derived[field.Key]);
                }
                else
                {
                    extension.Keep(field.Key, field.Value);
                }
            }

            if (extension.ToJson() is { } json)
            {
                @event = @event.WithExtensions(ExtensionData.Create([new(GedColumns.ExtensionMember, json)]));
            }

            records.Add(@event);
            records.Add(total);
            records.Add(a);
            records.Add(b);
            records.Add(civilians);
            records.Add(unknown);
            return records;
        }

        private Actor Side(SourceRow row, string side, long ucdpId, string where, List<ConflictRecord> records)
        {
            string name = row.OptionalText("side_" + side) ?? $"UCDP actor {ucdpId}";
            if (_sides.TryGetValue(ucdpId, out (Actor Actor, long Row) known))
            {
                if (!string.Equals(known.Actor.Name, name, StringComparison.Ordinal))
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.InconsistentActor, row.Location("side_" + side), where, $"UCDP actor {ucdpId} is named '{name}' here but '{known.Actor.Name}' in row {known.Row}; the first name is kept"));
                }

                return known.Actor;
            }

            string gwno = row.Text("gwno" + side);
            CountryCode? country = null;
            if (gwno.Length > 0 && long.TryParse(gwno, NumberStyles.None, CultureInfo.InvariantCulture, out long code))
            {
                if (CountryCodes.FromGleditschWard(code) is { } alpha3)
                {
                    country = new CountryCode(alpha3);
                }
                else
                {
                    Unmapped(row, "gwno" + side, where, "not in the Gleditsch–Ward table");
                }
            }

            // A side with a state code, or named as UCDP names states' governments ("Government of Chad"), is a government:
            // GED-derived files often drop gwnoa/gwnob, and the name alone still says it.
            ActorKind kind = ucdpId == 1 ? ActorKind.CivilSociety
                : gwno.Length > 0 || IsGovernmentName(name) ? ActorKind.Government
                : ActorKind.NonStateArmedGroup;
            string id = ucdpId.ToString(CultureInfo.InvariantCulture);
            var actor = new Actor(new ActorId("ucdp-actor-" + id), name, kind, country: country, externalIds: [new ExternalIdentifier("ucdp-actor", id)]);
            _sides.Add(ucdpId, (actor, row.Number));
            records.Add(actor);
            return actor;
        }

        private ImmutableArray<Citation> Sources(SourceRow row, string ged, string where, List<ConflictRecord> records, Dictionary<SourceId, Source> sources)
        {
            string[] offices = Split(row.Raw("source_office"));
            string[] dates = Split(row.Raw("source_date"));
            string[] headlines = Split(row.Raw("source_headline"));
            int[] lengths = [.. new[] { offices, dates, headlines }.Select(l => l.Length).Where(n => n > 0)];
            if (lengths.Distinct().Count() > 1)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.SourceListsDiffer, row.Location("source_office"), where, offices.Length, dates.Length, headlines.Length));
            }

            int count = lengths.Length == 0 ? 0 : lengths.Max();
            ImmutableArray<Citation>.Builder citations = ImmutableArray.CreateBuilder<Citation>(count);
            for (int k = 0; k < count; k++)
            {
                // Office names are trimmed so that "X" and "X  " are one actor; the column as written is kept if that changes it.
                string? office = At(offices, k)?.Trim();
                string? date = At(dates, k);
                string? headline = At(headlines, k);
                ActorId? outlet = office is null ? null : Outlet(office, records);
                Instant? published = date is not null && LocalDatePattern.Iso.Parse(date.Trim()) is { Success: true } parsed
                    ? parsed.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
                    : null;
                var source = new Source(new SourceId($"ged-{ged}-s{k + 1}"), title: headline, outlet: outlet, published: published);
                sources.Add(source.Id, source);
                records.Add(source);
                citations.Add(new Citation(source.Id));
            }

            return citations.MoveToImmutable();
        }

        private ActorId Outlet(string office, List<ConflictRecord> records)
        {
            if (_outlets.TryGetValue(office, out Actor? known))
            {
                return known.Id;
            }

            // GED does not say what kind of body an office is (a news agency, a UN situation report, an NGO): "other".
            string slug = "ged-outlet-" + Names.Slug(office);
            string id = slug;
            for (int n = 2; !_outletIds.Add(id); n++)
            {
                id = $"{slug}-{n}";
            }

            var actor = new Actor(new ActorId(id), office, ActorKind.Other);
            _outlets.Add(office, actor);
            records.Add(actor);
            return actor.Id;
        }

        private Location? Location(SourceRow row, string where)
        {
            LocationPrecision? precision = null;
            if (row.TryLong("where_prec", out long code) && code is >= 1 and <= 7)
            {
                // Named, not computed from the enum's numbers: those are not part of any contract.
                precision = code switch
                {
                    1 => LocationPrecision.Exact,
                    2 => LocationPrecision.Near,
                    3 => LocationPrecision.AdminLevel2,
                    4 => LocationPrecision.AdminLevel1,
                    5 => LocationPrecision.Region,
                    6 => LocationPrecision.Country,
                    _ => LocationPrecision.WaterOrAirspace,
                };
            }
            else if (row.Text("where_prec").Length > 0)
            {
                Unmapped(row, "where_prec", where, "GED codes 1 to 7");
            }

            GeoPoint? point = null;
            if (row.TryDouble("latitude", out double latitude) && row.TryDouble("longitude", out double longitude) && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180)
            {
                point = new GeoPoint(latitude, longitude);
            }
            else if (row.Text("latitude").Length > 0 || row.Text("longitude").Length > 0)
            {
                Unmapped(row, "latitude", where, "not WGS 84 degrees");
            }

            CountryCode? country = null;
            if (row.TryLong("country_id", out long gw))
            {
                if (CountryCodes.FromGleditschWard(gw) is { } alpha3)
                {
                    country = new CountryCode(alpha3);
                }
                else
                {
                    Unmapped(row, "country_id", where, "not in the Gleditsch–Ward table");
                }
            }

            string? name = row.OptionalText("where_description") ?? row.OptionalText("where_coordinates");
            ImmutableArray<string> admin = row.OptionalText("adm_1") is { } adm1
                ? row.OptionalText("adm_2") is { } adm2 ? [adm1, adm2] : [adm1]
                : [];
            return name is null && country is null && admin.IsEmpty && point is null && precision is null
                ? null
                : new Location(name, country, admin, point, precision);
        }

        private void Unmapped(SourceRow row, string column, string where, string why)
            => log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location(column), where, row.Text(column), column, why));

        private bool Whole(SourceRow row, string column, string where, out long value)
        {
            if (row.TryLong(column, out value))
            {
                return true;
            }

            log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location(column), where, row.Raw(column) ?? string.Empty, column, WholeNumber));
            return false;
        }

        private bool Count(SourceRow row, string column, string where, out long value)
        {
            if (row.TryLong(column, out value) && value >= 0)
            {
                return true;
            }

            log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location(column), where, row.Raw(column) ?? string.Empty, column, CountOfPeople));
            return false;
        }

        private bool Day(SourceRow row, string column, string where, out LocalDate day)
        {
            if (TryDay(row.Text(column), out day))
            {
                return true;
            }

            log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location(column), where, row.Text(column), column, "a date (YYYY-MM-DD)"));
            return false;
        }
    }

    /// <summary>What an integer column must hold, as the CM6003 message says it.</summary>
    internal const string WholeNumber = "a whole number written as JSON writes one (digits and an optional minus; no '+', spaces, leading zero, fraction, exponent or hex)";

    /// <summary>What a figure column must hold, as the CM6003 message says it.</summary>
    internal const string CountOfPeople = "a count of people written in digits only (0 or more; no sign, spaces, leading zero, fraction, exponent or hex)";

    /// <summary>Whether a UCDP side name names a state's government: "Government of Chad", also in lists ("Government of Chad, Government of Sudan").</summary>
    internal static bool IsGovernmentName(string name) => name.StartsWith("Government of ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A GED date: <c>YYYY-MM-DD</c>, optionally followed by a midnight time (<c>T00:00:00</c>, <c> 00:00:00.000</c>).</summary>
    internal static bool TryDay(string text, out LocalDate day)
    {
        day = default;
        if (text.Length < 10)
        {
            return false;
        }

        string rest = text[10..].TrimStart('T', ' ');
        if (rest.Length > 0 && rest.TrimEnd('0', ':', '.', 'Z').Length > 0)
        {
            return false;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text[..10]);
        day = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    /// <summary>Codebook 7.2.2: a day, a calendar month, a calendar year, else the interval of days.</summary>
    internal static EdtfDate Date(LocalDate start, LocalDate end)
    {
        if (start == end)
        {
            return EdtfDate.FromDate(start);
        }

        if (start.Day == 1 && start.Year == end.Year && start.Month == end.Month && end.PlusDays(1).Month != end.Month)
        {
            return EdtfDate.FromDate(PartialDate.FromMonth(start.Year, start.Month));
        }

        if (start.Month == 1 && start.Day == 1 && end.Month == 12 && end.Day == 31 && start.Year == end.Year)
        {
            return EdtfDate.FromDate(PartialDate.FromYear(start.Year));
        }

        return EdtfDate.Between(PartialDate.FromDay(start), PartialDate.FromDay(end));
    }

    private static string[] Split(string? text) => string.IsNullOrEmpty(text) ? [] : text.Split(';');

    private static string? At(string[] parts, int index) => index < parts.Length && !string.IsNullOrWhiteSpace(parts[index]) ? parts[index] : null;
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Validation;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop.Acled;

/// <summary>
/// Imports an ACLED CSV export (the column set ACLED has used since March 2023), following docs/vocabulary.md
/// section 7.3: an event per row typed from <c>event_type</c> and <c>sub_event_type</c>, its actors (with kinds from
/// the inter codes, given as numbers or as labels), a source per name in <c>source</c>, and the fatalities as a
/// casualty estimate. ACLED's terms forbid redistributing its data: this library ships no ACLED rows.
/// </summary>
public sealed class AcledImporter : DatasetImporter
{
    /// <summary>The extension member of an event that holds the columns without a member.</summary>
    public const string ExtensionMember = "acled";

    private static readonly ImmutableArray<string> AllColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
        "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    private static readonly HashSet<string> MappedColumns = new(StringComparer.Ordinal)
    {
        "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "admin1", "admin2",
        "admin3", "location", "latitude", "longitude", "source", "notes", "fatalities",
    };

    private static readonly HashSet<string> NumericColumns = new(StringComparer.Ordinal)
    {
        "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "timestamp",
    };

    private static readonly Dictionary<string, int> InterLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["State forces"] = 1, ["Rebel group"] = 2, ["Rebel groups"] = 2, ["Political militia"] = 3, ["Political militias"] = 3,
        ["Identity militia"] = 4, ["Identity militias"] = 4, ["Rioters"] = 5, ["Protesters"] = 6, ["Civilians"] = 7,
        ["External/Other forces"] = 8, ["External/other forces"] = 8,
    };

    private static readonly HashSet<string> OneSidedTypes = new(StringComparer.OrdinalIgnoreCase) { "Violence against civilians", "Explosions/Remote violence" };

    private static readonly LocalDatePattern LongDate = LocalDatePattern.CreateWithInvariantCulture("d MMMM uuuu");

    /// <inheritdoc />
    public override string Name => "ACLED";

    /// <inheritdoc />
    public override DatasetInfo DefaultInfo => new(
        "ACLED export",
        attribution: "Armed Conflict Location & Event Data (ACLED); acleddata.com. ACLED's terms of use apply and forbid redistributing its data.",
        publisher: "ACLED");

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => AllColumns;

    private protected override IReadOnlyList<string> RequiredColumns => ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "fatalities"];

    private protected override RowMapper CreateMapper(ImportLog log) => new Mapper(log);

    /// <summary>Codebook 7.3.4: the kind of actor an inter code (1–8) stands for, or null for 0 (no actor).</summary>
    internal static ActorKind? KindOf(int inter) => inter switch
    {
        1 => ActorKind.ArmedForces,
        2 or 3 or 4 => ActorKind.NonStateArmedGroup,
        5 or 6 => ActorKind.Group,
        7 => ActorKind.CivilSociety,
        8 => ActorKind.InternationalOrganisation,
        _ => null,
    };

    /// <summary>An ACLED date: <c>YYYY-MM-DD</c> or a day, an English month name and a year (<c>9 October 2025</c>).</summary>
    internal static bool TryDate(string text, out LocalDate date)
    {
        if (UcdpGedImporter.TryDay(text, out date))
        {
            return true;
        }

        ParseResult<LocalDate> parsed = LongDate.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private sealed class Mapper(ImportLog log) : RowMapper
    {
        private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Actor> _outlets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private readonly HashSet<string> _actorIds = new(StringComparer.Ordinal);

        public override List<ConflictRecord> Map(SourceRow row)
        {
            var records = new List<ConflictRecord>();
            string acledId = row.Text("event_id_cnty");
            if (acledId.Length is 0 or > 200 || acledId.Any(char.IsControl))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("event_id_cnty"), Where(row), acledId, "event_id_cnty", "an event id"));
                return records;
            }

            string where = Where(row, $"ACLED id {acledId}");
            if (_seen.TryGetValue(acledId, out long first))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.DuplicateRow, row.Location("event_id_cnty"), where, acledId, first));
                return records;
            }

            if (!TryDate(row.Text("event_date"), out LocalDate day))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("event_date"), where, row.Text("event_date"), "event_date", "a date (YYYY-MM-DD or '9 October 2025')"));
                return records;
            }

            if (!row.TryLong("fatalities", out long fatalities) || fatalities < 0)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("fatalities"), where, row.Text("fatalities"), "fatalities", "a count of people (a whole number, 0 or more)"));
                return records;
            }

            _seen.Add(acledId, row.Number);
            var extension = new SourceExtension(NumericColumns);
            string eventType = row.Text("event_type");
            string subEventType = row.Text("sub_event_type");
            if (!EventTypology.TryFromAcled(eventType, subEventType, out EventKind kind))
            {
                kind = EventKind.Other;
                log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location("sub_event_type"), where, $"{eventType} / {subEventType}", "event_type, sub_event_type", "not in the event typology"));
                extension.Keep("event_type", row.Raw("event_type"));
                extension.Keep("sub_event_type", row.Raw("sub_event_type"));
            }

            bool oneSided = OneSidedTypes.Contains(eventType) || kind is EventKind.ExcessiveForceAgainstProtesters or EventKind.Arrest;
            var participants = new List<Participant>();
            foreach ((string actorColumn, string assocColumn, string interColumn, ParticipantRole directed) in new[]
            {
                ("actor1", "assoc_actor_1", "inter1", ParticipantRole.Initiator),
                ("actor2", "assoc_actor_2", "inter2", ParticipantRole.Target),
            })
            {
                ActorKind? actorKind = Inter(row, interColumn, where);
                ParticipantRole role = oneSided ? directed : ParticipantRole.Participant;
                var names = new List<string>();
                if (row.OptionalText(actorColumn) is { } main)
                {
                    names.Add(main);
                }

                names.AddRange(row.Text(assocColumn).Split(';').Select(n => n.Trim()).Where(n => n.Length > 0));
                foreach (string name in names)
                {
                    ActorId id = Actor(name, actorKind ?? ActorKind.Other, records);
                    if (!participants.Exists(p => p.Actor == id))
                    {
                        participants.Add(new Participant(id, role));
                    }
                }
            }

            ImmutableArray<Citation>.Builder citations = ImmutableArray.CreateBuilder<Citation>();
            string[] sourceNames = [.. row.Text("source").Split(';').Select(n => n.Trim()).Where(n => n.Length > 0)];
            for (int k = 0; k < sourceNames.Length; k++)
            {
                var source = new Source(new SourceId($"acled-{acledId}-s{k + 1}"), outlet: Outlet(sourceNames[k], records));
                records.Add(source);
                citations.Add(new Citation(source.Id));
            }

            var eventId = new EventId("acled-" + acledId);
            var @event = new Event(
                eventId,
                kind,
                description: row.OptionalText("notes"),
                date: Date(row, day, where),
                location: Location(row, where),
                participants: [.. participants],
                sources: citations.ToImmutable(),
                externalIds: [new ExternalIdentifier("acled", acledId)]);
            foreach (KeyValuePair<string, string?> field in row.Fields)
            {
                if (field.Key.Length > 0 && !MappedColumns.Contains(field.Key))
                {
                    extension.Keep(field.Key, field.Value);
                }
            }

            if (extension.ToJson() is { } json)
            {
                @event = @event.WithExtensions(ExtensionData.Create([new(ExtensionMember, json)]));
            }

            records.Add(@event);
            records.Add(new CasualtyEstimate(new CasualtyEstimateId($"acled-{acledId}-fatalities"), CasualtyPopulation.Killed, CasualtyFigure.Exactly(fatalities), category: CasualtyCategory.All, @event: eventId, sources: citations.ToImmutable()));
            return records;
        }

        private ActorKind? Inter(SourceRow row, string column, string where)
        {
            string text = row.Text(column);
            if (text.Length == 0 || text == "0")
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && KindOf(code) is { } kind)
            {
                return kind;
            }

            if (InterLabels.TryGetValue(text, out int labelled))
            {
                return KindOf(labelled);
            }

            log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location(column), where, text, column, "ACLED inter codes are 0 to 8 or their labels"));
            return null;
        }

        private EdtfDate Date(SourceRow row, LocalDate day, string where)
        {
            switch (row.Text("time_precision"))
            {
                case "" or "1":
                    return EdtfDate.FromDate(day);
                case "2":
                    // The export does not say which period the source gave: the 7-day interval centred on the coded day (7.3.2).
                    return EdtfDate.Between(PartialDate.FromDay(day.PlusDays(-3)), PartialDate.FromDay(day.PlusDays(3)));
                case "3":
                    return EdtfDate.FromDate(PartialDate.FromMonth(day.Year, day.Month));
                default:
                    log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location("time_precision"), where, row.Text("time_precision"), "time_precision", "ACLED codes 1 to 3; the day is written"));
                    return EdtfDate.FromDate(day);
            }
        }

        private Location? Location(SourceRow row, string where)
        {
            LocationPrecision? precision = row.Text("geo_precision") switch
            {
                "1" => LocationPrecision.Exact,
                "2" => LocationPrecision.Near,
                "3" => LocationPrecision.AdminLevel1,
                "" => null,
                _ => Unmapped(row, "geo_precision", where, "ACLED codes 1 to 3"),
            };
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
            if (row.TryLong("iso", out long iso) && CountryCodes.FromIsoNumeric(iso) is { } alpha3)
            {
                country = new CountryCode(alpha3);
            }
            else if (row.Text("iso").Length > 0)
            {
                Unmapped(row, "iso", where, "not in the ISO 3166-1 numeric table");
            }

            var admin = new List<string>();
            foreach (string column in new[] { "admin1", "admin2", "admin3" })
            {
                if (row.OptionalText(column) is not { } area)
                {
                    break;
                }

                admin.Add(area);
            }

            string? name = row.OptionalText("location");
            return name is null && country is null && admin.Count == 0 && point is null && precision is null
                ? null
                : new Location(name, country, [.. admin], point, precision);
        }

        private ActorId Actor(string name, ActorKind kind, List<ConflictRecord> records)
        {
            if (_actors.TryGetValue(name, out Actor? known))
            {
                return known.Id;
            }

            string slug = "acled-" + Names.Slug(name);
            string id = slug;
            for (int n = 2; !_actorIds.Add(id); n++)
            {
                id = $"{slug}-{n}";
            }

            var actor = new Actor(new ActorId(id), name, kind);
            _actors.Add(name, actor);
            records.Add(actor);
            return actor.Id;
        }

        private ActorId Outlet(string name, List<ConflictRecord> records)
        {
            if (_outlets.TryGetValue(name, out Actor? known))
            {
                return known.Id;
            }

            string slug = "acled-outlet-" + Names.Slug(name);
            string id = slug;
            for (int n = 2; !_actorIds.Add(id); n++)
            {
                id = $"{slug}-{n}";
            }

            var actor = new Actor(new ActorId(id), name, ActorKind.MediaOutlet);
            _outlets.Add(name, actor);
            records.Add(actor);
            return actor.Id;
        }

        private LocationPrecision? Unmapped(SourceRow row, string column, string where, string why)
        {
            log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location(column), where, row.Text(column), column, why));
            return null;
        }
    }
}

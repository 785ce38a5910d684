using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Interop.Ucdp;

/// <summary>
/// The columns of UCDP GED (the codebook's CSV column set) and how each mapped column is given back by the records an
/// event became. The importer and the exporter use the same derivation, so that what the importer keeps as extension
/// data is exactly what the members cannot give back.
/// </summary>
internal static class GedColumns
{
    /// <summary>The extension member of an event that holds the columns the members do not carry.</summary>
    public const string ExtensionMember = "ucdpGed";

    /// <summary>The scheme of the dataset-level source every GED estimate cites.</summary>
    public const string DatasetSourceId = "ucdp-ged";

    /// <summary>The GED CSV columns, in the codebook's order.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
        "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
        "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
        "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
        "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
        "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
    ];

    /// <summary>The columns the members carry (the rest are always kept as extension data).</summary>
    public static FrozenSet<string> Mapped { get; } = new[]
    {
        "id", "year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id", "side_a", "side_b_new_id", "side_b",
        "source_office", "source_date", "source_headline", "where_prec", "where_description", "adm_1", "adm_2", "latitude", "longitude",
        "country_id", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The columns whose values are whole numbers (kept as JSON numbers in the extension data).</summary>
    public static FrozenSet<string> Numeric { get; } = new[]
    {
        "id", "relid", "year", "active_year", "type_of_violence", "conflict_dset_id", "conflict_new_id", "dyad_dset_id", "dyad_new_id",
        "side_a_dset_id", "side_a_new_id", "side_b_dset_id", "side_b_new_id", "number_of_sources", "where_prec", "priogrid_gid",
        "country_id", "event_clarity", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The mapped columns as the records give them back.</summary>
    /// <param name="event">The event.</param>
    /// <param name="actor">Looks an actor up by id.</param>
    /// <param name="source">Looks a source up by id.</param>
    /// <param name="total">The total estimate (best, low, high).</param>
    /// <param name="components">The four components, in GED's order (side A, side B, civilians, unknown).</param>
    public static Dictionary<string, string> Derive(Event @event, Func<ActorId, Actor?> actor, Func<SourceId, Source?> source, CasualtyEstimate? total, IReadOnlyList<CasualtyEstimate?> components)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = External(@event.ExternalIds, "ucdp-ged"),
            ["conflict_new_id"] = External(@event.ExternalIds, "ucdp-conflict"),
            ["dyad_new_id"] = External(@event.ExternalIds, "ucdp-dyad"),
        };

        Actor? a = @event.Participants.Length > 0 ? actor(@event.Participants[0].Actor) : null;
        Actor? b = @event.Participants.Length > 1 ? actor(@event.Participants[1].Actor) : null;
        values["side_a_new_id"] = a is null ? string.Empty : External(a.ExternalIds, "ucdp-actor");
        values["side_a"] = a?.Name ?? string.Empty;
        values["side_b_new_id"] = b is null ? string.Empty : External(b.ExternalIds, "ucdp-actor");
        values["side_b"] = b?.Name ?? string.Empty;
        values["gwnoa"] = Gw(a?.Country);
        values["gwnob"] = Gw(b?.Country);
        values["type_of_violence"] = @event.Kind == EventKind.AttackOnCivilians ? "3" : a?.Kind == ActorKind.Government ? "1" : "2";

        LocalDate? start = @event.Date?.Earliest, end = @event.Date?.Latest;
        values["year"] = start is { } s ? s.Year.ToString(CultureInfo.InvariantCulture) : string.Empty;
        values["date_start"] = start is { } s2 ? Day(s2) : string.Empty;
        values["date_end"] = end is { } e ? Day(e) : string.Empty;

        Location? location = @event.Location;
        values["where_prec"] = location?.Precision is { } precision ? WherePrecision(precision) : string.Empty;
        values["where_description"] = location?.Name ?? string.Empty;
        values["adm_1"] = location is { AdminAreas.Length: > 0 } ? location.AdminAreas[0] : string.Empty;
        values["adm_2"] = location is { AdminAreas.Length: > 1 } ? location.AdminAreas[1] : string.Empty;
        values["latitude"] = location?.Coordinates is { } point ? Number(point.Latitude) : string.Empty;
        values["longitude"] = location?.Coordinates is { } point2 ? Number(point2.Longitude) : string.Empty;
        values["country_id"] = Gw(location?.Country);

        values["best"] = Count(total?.Figure.Best);
        values["low"] = Count(total?.Figure.Low);
        values["high"] = Count(total?.Figure.High);
        string[] parts = ["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"];
        for (int i = 0; i < parts.Length; i++)
        {
            values[parts[i]] = Count(i < components.Count ? components[i]?.Figure.Best : null);
        }

        var offices = new List<string>();
        var dates = new List<string>();
        var headlines = new List<string>();
        foreach (Citation citation in @event.Sources)
        {
            if (citation.Source.Value == DatasetSourceId || source(citation.Source) is not { } cited)
            {
                continue;
            }

            offices.Add(cited.Outlet is { } outlet && actor(outlet) is { } office ? office.Name : string.Empty);
            dates.Add(cited.Published is { } published ? Day(published.InUtc().Date) : string.Empty);
            headlines.Add(cited.Title ?? string.Empty);
        }

        values["source_office"] = Join(offices);
        values["source_date"] = Join(dates);
        values["source_headline"] = Join(headlines);
        return values;
    }

    /// <summary>A day as GED's CSV writes it (<c>YYYY-MM-DD</c>).</summary>
    public static string Day(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A coordinate as the shortest text that reads back as the same number.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Join(List<string> parts) => parts.All(p => p.Length == 0) ? string.Empty : string.Join(";", parts);

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Gw(CountryCode? country)
        => country is { } c && CountryCodes.ToGleditschWard(c.Value) is { } gw ? gw.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string External(ImmutableArray<ExternalIdentifier> ids, string scheme)
        => ids.FirstOrDefault(i => i.Scheme == scheme)?.Value ?? string.Empty;

    /// <summary>GED's <c>where_prec</c> code (1 to 7) of a precision, named rather than computed from the enum's numbers.</summary>
    private static string WherePrecision(LocationPrecision precision) => precision switch
    {
        LocationPrecision.Exact => "1",
        LocationPrecision.Near => "2",
        LocationPrecision.AdminLevel2 => "3",
        LocationPrecision.AdminLevel1 => "4",
        LocationPrecision.Region => "5",
        LocationPrecision.Country => "6",
        LocationPrecision.WaterOrAirspace => "7",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Not a location precision GED has a code for."),
    };
}

using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Where something happened, as precisely as the sources say: a place name, administrative areas, a country,
/// coordinates and how precise they are. Maps to UCDP GED's <c>where_description</c>, <c>adm_1</c>, <c>adm_2</c>,
/// <c>latitude</c>, <c>longitude</c>, <c>where_prec</c> and ACLED's <c>location</c>, <c>admin1..3</c>, <c>geo_precision</c>.
/// </summary>
public sealed record Location : ExtensibleRecord
{
    private readonly string? _name;
    private readonly ValueArray<string> _adminAreas;
    private readonly CountryCode? _country;
    private readonly LocationPrecision? _precision;

    /// <summary>Creates a location.</summary>
    /// <param name="name">The place as reported ("near Kabul", "Kandahar").</param>
    /// <param name="country">The country.</param>
    /// <param name="adminAreas">Administrative areas from the first order down (province, district, ...).</param>
    /// <param name="coordinates">A representative point.</param>
    /// <param name="precision">How precise the location is.</param>
    /// <exception cref="System.ArgumentException">A text is empty, the country is the default value, or the precision is undefined.</exception>
    public Location(string? name = null, CountryCode? country = null, ImmutableArray<string> adminAreas = default, GeoPoint? coordinates = null, LocationPrecision? precision = null)
    {
        Name = name;
        Country = country;
        AdminAreas = adminAreas;
        Coordinates = coordinates;
        Precision = precision;
    }

    /// <summary>Gets the place as reported.</summary>
    public string? Name { get => _name; init => _name = Guard.Against.Blank(value, nameof(Name)); }

    /// <summary>Gets the country.</summary>
    public CountryCode? Country { get => _country; init => _country = ModelGuards.NotDefault(value, nameof(Country)); }

    /// <summary>Gets the administrative areas, from the first order (province) down.</summary>
    public ImmutableArray<string> AdminAreas { get => _adminAreas.Items; init => _adminAreas = new(Guard.Against.BlankItems(value, nameof(AdminAreas))); }

    /// <summary>Gets a representative point.</summary>
    public GeoPoint? Coordinates { get; init; }

    /// <summary>Gets how precise the location is.</summary>
    public LocationPrecision? Precision { get => _precision; init => _precision = Guard.Against.Undefined(value, nameof(Precision)); }
}

namespace ConflictModel.Model;

/// <summary>How precisely a <see cref="Location"/> is known. Maps to UCDP <c>where_prec</c> and ACLED <c>geo_precision</c>.</summary>
public enum LocationPrecision
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>The exact place (UCDP 1; ACLED 1).</summary>
    Exact,

    /// <summary>Within about 25 km of the point (UCDP 2; ACLED 2).</summary>
    Near,

    /// <summary>Only the second-order administrative unit, a district (UCDP 3).</summary>
    AdminLevel2,

    /// <summary>Only the first-order administrative unit, a province (UCDP 4; ACLED 3).</summary>
    AdminLevel1,

    /// <summary>A region wider than a province: a border area, a linear feature, several provinces (UCDP 5).</summary>
    Region,

    /// <summary>Only the country (UCDP 6).</summary>
    Country,

    /// <summary>International waters or airspace (UCDP 7).</summary>
    WaterOrAirspace,
}

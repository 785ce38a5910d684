using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>A WGS 84 position in decimal degrees. Immutable; equal when both coordinates are equal.</summary>
public sealed record GeoPoint : ExtensibleRecord
{
    /// <summary>Creates a position.</summary>
    /// <param name="latitude">Latitude in degrees, -90 to 90.</param>
    /// <param name="longitude">Longitude in degrees, -180 to 180.</param>
    /// <exception cref="ArgumentException">A coordinate is out of range or not a finite number.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude))
        {
            throw new ArgumentException("Coordinates must be finite numbers.", double.IsFinite(latitude) ? nameof(longitude) : nameof(latitude));
        }

        Latitude = Guard.Against.OutOfRange(latitude, nameof(latitude), -90d, 90d);
        Longitude = Guard.Against.OutOfRange(longitude, nameof(longitude), -180d, 180d);
    }

    /// <summary>Gets the latitude in degrees, positive north.</summary>
    public double Latitude { get; }

    /// <summary>Gets the longitude in degrees, positive east.</summary>
    public double Longitude { get; }

    /// <summary>Formats the position as <c>latitude,longitude</c> with invariant digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}

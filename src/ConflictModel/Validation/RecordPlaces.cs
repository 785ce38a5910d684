using System;
using System.Collections.Generic;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Where each streamed record is in the input and which id it has, kept only when suppressions may be scoped to a
/// record: a flat list in input order, searched by offset, with ids as indices into the id table (or, below -1, into
/// the ids of records that could not be read).
/// </summary>
internal sealed class RecordPlaces(StreamingIdTable ids, string? filePath)
{
    private readonly ChunkedList<Place> _places = new();
    private readonly List<string> _unreadIds = [];

    /// <summary>Adds a record that was read, with its index in the id table.</summary>
    public void Add(RecordMark mark, int idIndex) => _places.Add(new Place(mark.Offset, mark.End - mark.Start, idIndex));

    /// <summary>Adds a record that could not be read, with its id when that could be.</summary>
    public void AddUnread(RecordMark mark, string? id)
    {
        int idRef = -1;
        if (id is not null)
        {
            _unreadIds.Add(id);
            idRef = -1 - _unreadIds.Count;
        }

        _places.Add(new Place(mark.Offset, mark.End - mark.Start, idRef));
    }

    /// <summary>Gets the id of the record a location lies in.</summary>
    public string? IdAt(DiagnosticLocation location)
    {
        if (!string.Equals(location.FilePath, filePath, StringComparison.Ordinal))
        {
            return null;
        }

        long offset = location.ByteOffset;
        int lo = 0, hi = _places.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_places[mid].Offset <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        Place place = _places[found];
        long end = place.Offset + place.Length;
        if (!(offset < end || (offset == place.Offset && place.Length == 0)))
        {
            return null;
        }

        return place.IdRef >= 0 ? ids.IdAt(place.IdRef) : place.IdRef < -1 ? _unreadIds[-2 - place.IdRef] : null;
    }

    private readonly record struct Place(long Offset, int Length, int IdRef);
}

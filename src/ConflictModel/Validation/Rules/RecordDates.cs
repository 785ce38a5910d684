using System.Collections.Generic;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>Every EDTF date a record holds, with its pointer, and comparisons that respect partial dates.</summary>
internal static class RecordDates
{
    [System.ThreadStatic]
    private static List<(string, EdtfDate)>? _list;

    /// <summary>
    /// Gets the record's dates: a list reused by the next call on the same thread (the rules run on every record, and
    /// none calls this again while going through the list), so that no list is made per record.
    /// </summary>
    public static List<(string Pointer, EdtfDate Date)> Of(ConflictRecord record)
    {
        List<(string, EdtfDate)> list = _list ??= new List<(string, EdtfDate)>(8);
        list.Clear();
        switch (record)
        {
            case Actor r:
                for (int i = 0; i < r.Roles.Length; i++)
                {
                    Add(list, $"/roles/{i}/period", r.Roles[i].Period);
                }

                break;
            case Event r:
                Add(list, "/date", r.Date);
                break;
            case CasualtyEstimate r:
                Add(list, "/period", r.Period);
                break;
            case Attribution r:
                Add(list, "/date", r.Date);
                break;
            case Claim r:
                Add(list, "/made", r.Made);
                break;
            case Ceasefire r:
                Add(list, "/declared", r.Declared);
                Add(list, "/effective", r.Effective);
                for (int i = 0; i < r.History.Length; i++)
                {
                    Add(list, $"/history/{i}/date", r.History[i].Date);
                }

                break;
            case Mediation r:
                for (int i = 0; i < r.History.Length; i++)
                {
                    Add(list, $"/history/{i}/date", r.History[i].Date);
                }

                for (int i = 0; i < r.Rounds.Length; i++)
                {
                    Add(list, $"/rounds/{i}/date", r.Rounds[i].Date);
                }

                break;
            case Agreement r:
                Add(list, "/signed", r.Signed);
                Add(list, "/ended", r.Ended);
                break;
        }

        return list;
    }

    /// <summary>Gets whether every day <paramref name="first"/> may denote comes before every day <paramref name="second"/> may.</summary>
    public static bool EntirelyBefore(EdtfDate? first, EdtfDate? second)
        => first?.Latest is { } last && second?.Earliest is { } start && last < start;

    /// <summary>Gets whether two dates cannot denote any common day.</summary>
    public static bool Disjoint(EdtfDate? a, EdtfDate? b) => EntirelyBefore(a, b) || EntirelyBefore(b, a);

    private static void Add(List<(string, EdtfDate)> list, string pointer, EdtfDate? date)
    {
        if (date is { } value)
        {
            list.Add((pointer, value));
        }
    }
}

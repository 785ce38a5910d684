using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>One reference from a record to another record: the target's kind and id, and where it is written.</summary>
/// <param name="Kind">The kind of record referred to.</param>
/// <param name="Id">The id referred to.</param>
/// <param name="PointerBase">The JSON Pointer of the reference relative to the referring record, or of the list it is in.</param>
/// <param name="Index">The reference's index in that list (then followed by <paramref name="Suffix"/>); -1 when it is not in one.</param>
/// <param name="Suffix">What follows the index in the pointer (<c>/source</c>), if anything.</param>
/// <param name="Member">The member holding the reference, for messages (<c>participants</c>, <c>outlet</c>).</param>
internal readonly record struct RecordReference(RecordKind Kind, string Id, string PointerBase, int Index, string? Suffix, string Member)
{
    /// <summary>Gets the reference's JSON Pointer within its record, made only when asked for (most references are fine and never reported).</summary>
    public string Pointer => Index < 0 ? PointerBase : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PointerBase}/{Index}{Suffix}");
}

/// <summary>Lists every reference a record makes, with the pointer of each, in wire order.</summary>
internal static class RecordReferences
{
    [System.ThreadStatic]
    private static List<RecordReference>? _list;

    /// <summary>
    /// Gets the record's references: a list reused by the next call on the same thread (the rules run on every record,
    /// and none calls this again while going through the list), so that no list is made per record.
    /// </summary>
    public static List<RecordReference> Of(ConflictRecord record)
    {
        List<RecordReference> list = _list ??= new List<RecordReference>(16);
        list.Clear();
        switch (record)
        {
            case Source r:
                Add(list, RecordKind.Actor, r.Outlet?.Value, "/outlet", "outlet");
                AddAll(list, RecordKind.Source, r.BasedOn, "/basedOn", "basedOn");
                break;
            case Actor r:
                Add(list, RecordKind.Actor, r.AffiliatedWith?.Value, "/affiliatedWith", "affiliatedWith");
                for (int i = 0; i < r.Roles.Length; i++)
                {
                    Add(list, RecordKind.Actor, r.Roles[i].Of?.Value, "/roles", i, "/of", "of");
                    Citations(list, r.Roles[i].Sources, $"/roles/{i}/sources");
                }

                break;
            case Event r:
                for (int i = 0; i < r.Participants.Length; i++)
                {
                    Add(list, RecordKind.Actor, r.Participants[i].Actor.Value, "/participants", i, "/actor", "participants");
                }

                AddAll(list, RecordKind.Event, r.InResponseTo, "/inResponseTo", "inResponseTo");
                Citations(list, r.Sources, "/sources");
                break;
            case CasualtyEstimate r:
                Add(list, RecordKind.Actor, r.Side?.Value, "/side", "side");
                Add(list, RecordKind.Event, r.Event?.Value, "/event", "event");
                Add(list, RecordKind.Actor, r.ClaimedBy?.Value, "/claimedBy", "claimedBy");
                AddAll(list, RecordKind.CasualtyEstimate, r.Components, "/components", "components");
                Citations(list, r.Sources, "/sources");
                break;
            case Attribution r:
                Add(list, RecordKind.Actor, r.Accused.Value, "/accused", "accused");
                Add(list, RecordKind.Event, r.Event?.Value, "/event", "event");
                Add(list, RecordKind.Actor, r.Accuser?.Value, "/accuser", "accuser");
                Add(list, RecordKind.Actor, r.Beneficiary?.Value, "/beneficiary", "beneficiary");
                AddAll(list, RecordKind.Claim, r.Claims, "/claims", "claims");
                Citations(list, r.Sources, "/sources");
                break;
            case Claim r:
                Add(list, RecordKind.Actor, r.Claimant.Value, "/claimant", "claimant");
                if (r.Subject.Target is { } target && r.Subject.TargetKind is { } targetKind)
                {
                    Add(list, targetKind, target, "/subject/target", "subject");
                }

                Citations(list, r.Sources, "/sources");
                Add(list, RecordKind.Claim, r.InResponseTo?.Value, "/inResponseTo", "inResponseTo");
                Add(list, RecordKind.Claim, r.Supersedes?.Value, "/supersedes", "supersedes");
                break;
            case Ceasefire r:
                AddAll(list, RecordKind.Actor, r.Parties, "/parties", "parties");
                AddAll(list, RecordKind.Actor, r.Brokers, "/brokers", "brokers");
                History(list, r.History);
                Add(list, RecordKind.Agreement, r.Agreement?.Value, "/agreement", "agreement");
                Citations(list, r.Sources, "/sources");
                break;
            case Mediation r:
                AddAll(list, RecordKind.Actor, r.Parties, "/parties", "parties");
                for (int i = 0; i < r.Mediators.Length; i++)
                {
                    Add(list, RecordKind.Actor, r.Mediators[i].Actor.Value, "/mediators", i, "/actor", "mediators");
                    Add(list, RecordKind.Actor, r.Mediators[i].OnBehalfOf?.Value, "/mediators", i, "/onBehalfOf", "onBehalfOf");
                }

                AddAll(list, RecordKind.Actor, r.RequestedBy, "/requestedBy", "requestedBy");
                History(list, r.History);
                for (int i = 0; i < r.Rounds.Length; i++)
                {
                    MediationRound round = r.Rounds[i];
                    AddAll(list, RecordKind.Actor, round.Facilitators, $"/rounds/{i}/facilitators", "facilitators");
                    AddAll(list, RecordKind.Actor, round.Participants, $"/rounds/{i}/participants", "participants");
                    Add(list, RecordKind.Event, round.Event?.Value, "/rounds", i, "/event", "event");
                    Citations(list, round.Sources, $"/rounds/{i}/sources");
                }

                Citations(list, r.Sources, "/sources");
                break;
            case Agreement r:
                AddAll(list, RecordKind.Actor, r.Signatories, "/signatories", "signatories");
                for (int i = 0; i < r.ThirdParties.Length; i++)
                {
                    Add(list, RecordKind.Actor, r.ThirdParties[i].Actor.Value, "/thirdParties", i, "/actor", "thirdParties");
                }

                for (int i = 0; i < r.Provisions.Length; i++)
                {
                    Add(list, RecordKind.Ceasefire, r.Provisions[i].Ceasefire?.Value, "/provisions", i, "/ceasefire", "ceasefire");
                }

                Citations(list, r.Sources, "/sources");
                break;
        }

        return list;
    }

    private static void Add(List<RecordReference> list, RecordKind kind, string? id, string pointer, string member)
        => Add(list, kind, id, pointer, -1, null, member);

    private static void Add(List<RecordReference> list, RecordKind kind, string? id, string pointer, int index, string? suffix, string member)
    {
        if (id is not null)
        {
            list.Add(new RecordReference(kind, id, pointer, index, suffix, member));
        }
    }

    private static void AddAll<TId>(List<RecordReference> list, RecordKind kind, ImmutableArray<TId> ids, string pointer, string member)
        where TId : struct, IRecordId<TId>
    {
        for (int i = 0; i < ids.Length; i++)
        {
            Add(list, kind, ids[i].Value, pointer, i, null, member);
        }
    }

    private static void Citations(List<RecordReference> list, ImmutableArray<Citation> citations, string pointer)
    {
        for (int i = 0; i < citations.Length; i++)
        {
            Add(list, RecordKind.Source, citations[i].Source.Value, pointer, i, "/source", "sources");
        }
    }

    private static void History<TStatus>(List<RecordReference> list, ImmutableArray<StatusChange<TStatus>> history)
        where TStatus : struct, System.Enum
    {
        for (int i = 0; i < history.Length; i++)
        {
            StatusChange<TStatus> change = history[i];
            Add(list, RecordKind.Actor, change.By?.Value, "/history", i, "/by", "by");
            AddAll(list, RecordKind.Event, change.Events, $"/history/{i}/events", "events");
            AddAll(list, RecordKind.Claim, change.Claims, $"/history/{i}/claims", "claims");
            Citations(list, change.Sources, $"/history/{i}/sources");
        }
    }
}

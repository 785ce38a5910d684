using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reading the parts of records: citations, locations, figures, status changes and the rest.</summary>
internal sealed partial class DatasetParser
{
    private static readonly MemberTable CitationMembers = new("a citation", "source", "excerpt", "locator");
    private static readonly MemberTable ExternalIdMembers = new("an external identifier", "scheme", "value");
    private static readonly MemberTable LocationMembers = new("a location", "name", "country", "adminAreas", "coordinates", "precision");
    private static readonly MemberTable GeoPointMembers = new("coordinates", "latitude", "longitude");
    private static readonly MemberTable RoleMembers = new("an actor's role", "title", "of", "period", "isFormer", "sources");
    private static readonly MemberTable ParticipantMembers = new("a participant", "actor", "role");
    private static readonly MemberTable ThirdPartyMembers = new("a third party", "actor", "role");
    private static readonly MemberTable ProvisionMembers = new("a provision", "kind", "text", "ceasefire");
    private static readonly MemberTable StatusChangeMembers = new("a status change", "status", "date", "by", "events", "claims", "sources", "note");
    private static readonly MemberTable MediatorMembers = new("a mediator", "actor", "role", "onBehalfOf");
    private static readonly MemberTable RoundMembers = new("a mediation round", "date", "venue", "facilitators", "participants", "event", "sources", "note");
    private static readonly MemberTable SubjectMembers = new("a claim subject", "kind", "target", "targetKind");
    private static readonly MemberTable FigureMembers = new("a casualty figure", "best", "low", "high", "lowExclusive", "highExclusive", "isApproximate", "phrase");

    private static readonly ValueReader<Citation> CitationReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Citation v) => p.TryReadCitation(ref r, out v);
    private static readonly ValueReader<ExternalIdentifier> ExternalIdReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out ExternalIdentifier v) => p.TryReadExternalId(ref r, out v);
    private static readonly ValueReader<string> TextReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out string v) => p.TryReadTextElement(ref r, out v);
    private static readonly ValueReader<ActorRole> RoleReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out ActorRole v) => p.TryReadRole(ref r, out v);
    private static readonly ValueReader<Participant> ParticipantReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Participant v) => p.TryReadParticipant(ref r, out v);
    private static readonly ValueReader<ThirdParty> ThirdPartyReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out ThirdParty v) => p.TryReadThirdParty(ref r, out v);
    private static readonly ValueReader<Provision> ProvisionReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Provision v) => p.TryReadProvision(ref r, out v);
    private static readonly ValueReader<Mediator> MediatorReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Mediator v) => p.TryReadMediator(ref r, out v);
    private static readonly ValueReader<MediationRound> RoundReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out MediationRound v) => p.TryReadRound(ref r, out v);
    private static readonly ValueReader<StatusChange<CeasefireStatus>> CeasefireChangeReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out StatusChange<CeasefireStatus> v) => p.TryReadStatusChange(ref r, out v);
    private static readonly ValueReader<StatusChange<MediationStatus>> MediationChangeReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out StatusChange<MediationStatus> v) => p.TryReadStatusChange(ref r, out v);

    private ImmutableArray<TId> ReadIds<TId>(ref Utf8JsonReader reader)
        where TId : struct, IRecordId<TId>
        => ReadArray(ref reader, IdReader<TId>.Instance, "an id (a string)");

    private bool TryReadCitation(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Citation value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        SourceId? source = null;
        string? excerpt = null, locator = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, CitationMembers, ref seen))
            {
                case 0: ok &= TryReadId(ref reader, false, out source); break;
                case 1: TryReadText(ref reader, true, out excerpt); break;
                case 2: TryReadText(ref reader, true, out locator); break;
                case UnknownMember: ReadUnknown(ref reader, CitationMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, CitationMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Citation(source!.Value, excerpt, locator), extensions);
        return true;
    }

    private bool TryReadExternalId(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out ExternalIdentifier value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        string? scheme = null, text = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, ExternalIdMembers, ref seen))
            {
                case 0: ok &= TryReadText(ref reader, false, out scheme); break;
                case 1: ok &= TryReadText(ref reader, false, out text); break;
                case UnknownMember: ReadUnknown(ref reader, ExternalIdMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, ExternalIdMembers) & Require(seen, 1, start, ref reader, ExternalIdMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new ExternalIdentifier(scheme!, text!), extensions);
        return true;
    }

    /// <summary>Reads an optional location; JSON null is absent. False when the value is not usable.</summary>
    private bool TryReadLocation(ref Utf8JsonReader reader, out Location? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!ExpectObject(ref reader))
        {
            return false;
        }

        ulong seen = 0;
        List<KeyValuePair<string, string>>? extensions = null;
        string? name = null;
        CountryCode? country = null;
        ImmutableArray<string> adminAreas = [];
        GeoPoint? coordinates = null;
        LocationPrecision? precision = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, LocationMembers, ref seen))
            {
                case 0: TryReadText(ref reader, true, out name); break;
                case 1: TryReadCountry(ref reader, out country); break;
                case 2: adminAreas = ReadArray(ref reader, TextReader, "a string"); break;
                case 3: TryReadGeoPoint(ref reader, out coordinates); break;
                case 4: TryReadEnum(ref reader, true, out precision); break;
                case UnknownMember: ReadUnknown(ref reader, LocationMembers, ref extensions); break;
            }

            Pop();
        }

        value = Attach(new Location(name, country, adminAreas, coordinates, precision), extensions);
        return true;
    }

    private bool TryReadGeoPoint(ref Utf8JsonReader reader, out GeoPoint? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        double latitude = 0, longitude = 0;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, GeoPointMembers, ref seen))
            {
                case 0: ok &= TryReadCoordinate(ref reader, 90, out latitude); break;
                case 1: ok &= TryReadCoordinate(ref reader, 180, out longitude); break;
                case UnknownMember: ReadUnknown(ref reader, GeoPointMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, GeoPointMembers) & Require(seen, 1, start, ref reader, GeoPointMembers);
        if (ok)
        {
            value = Attach(new GeoPoint(latitude, longitude), extensions);
        }

        return ok;
    }

    private bool TryReadRole(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out ActorRole value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        string? title = null;
        ActorId? of = null;
        EdtfDate? period = null;
        bool? isFormer = null;
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, RoleMembers, ref seen))
            {
                case 0: ok &= TryReadText(ref reader, false, out title); break;
                case 1: TryReadId(ref reader, true, out of); break;
                case 2: TryReadDate(ref reader, out period); break;
                case 3: TryReadBool(ref reader, false, out isFormer); break;
                case 4: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, RoleMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, RoleMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new ActorRole(title!, of, period, isFormer ?? false, sources), extensions);
        return true;
    }

    private bool TryReadParticipant(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Participant value)
    {
        value = null;
        if (!TryReadActorAndRole(ref reader, ParticipantMembers, out ActorId actor, out ParticipantRole role, out List<KeyValuePair<string, string>>? extensions))
        {
            return false;
        }

        value = Attach(new Participant(actor, role), extensions);
        return true;
    }

    private bool TryReadThirdParty(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out ThirdParty value)
    {
        value = null;
        if (!TryReadActorAndRole(ref reader, ThirdPartyMembers, out ActorId actor, out ThirdPartyRole role, out List<KeyValuePair<string, string>>? extensions))
        {
            return false;
        }

        value = Attach(new ThirdParty(actor, role), extensions);
        return true;
    }

    private bool TryReadActorAndRole<TRole>(ref Utf8JsonReader reader, MemberTable table, out ActorId actor, out TRole role, out List<KeyValuePair<string, string>>? extensions)
        where TRole : struct, Enum
    {
        actor = default;
        role = default;
        extensions = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        ActorId? actorId = null;
        TRole? roleValue = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, table, ref seen))
            {
                case 0: ok &= TryReadId(ref reader, false, out actorId); break;
                case 1: ok &= TryReadEnum(ref reader, false, out roleValue); break;
                case UnknownMember: ReadUnknown(ref reader, table, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, table) & Require(seen, 1, start, ref reader, table);
        if (!ok)
        {
            return false;
        }

        actor = actorId!.Value;
        role = roleValue!.Value;
        return true;
    }

    private bool TryReadProvision(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Provision value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        ProvisionKind? kind = null;
        string? text = null;
        CeasefireId? ceasefire = null;
        long ceasefireStart = 0, ceasefireEnd = 0;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, ProvisionMembers, ref seen))
            {
                case 0: ok &= TryReadEnum(ref reader, false, out kind); break;
                case 1: TryReadText(ref reader, true, out text); break;
                case 2:
                    ceasefireStart = TokenStart(ref reader);
                    ceasefireEnd = TokenEnd(ref reader);
                    TryReadId(ref reader, true, out ceasefire);
                    break;
                case UnknownMember: ReadUnknown(ref reader, ProvisionMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, ProvisionMembers);
        if (!ok)
        {
            return false;
        }

        if (ceasefire is not null && kind != ProvisionKind.Ceasefire)
        {
            Push("ceasefire");
            Report(ReaderDiagnostics.InconsistentMembers, ceasefireStart, ceasefireEnd, $"Only a ceasefire provision links to a ceasefire; this provision is '{EnumNames<ProvisionKind>.NameOf(kind!.Value)}', so the link is not read");
            Pop();
            ceasefire = null;
        }

        value = Attach(new Provision(kind!.Value, text, ceasefire), extensions);
        return true;
    }

    private bool TryReadStatusChange<TStatus>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out StatusChange<TStatus> value)
        where TStatus : struct, Enum
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        TStatus? status = null;
        EdtfDate? date = null;
        ActorId? by = null;
        ImmutableArray<EventId> events = [];
        ImmutableArray<ClaimId> claims = [];
        ImmutableArray<Citation> sources = [];
        string? note = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, StatusChangeMembers, ref seen))
            {
                case 0: ok &= TryReadEnum(ref reader, false, out status); break;
                case 1: TryReadDate(ref reader, out date); break;
                case 2: TryReadId(ref reader, true, out by); break;
                case 3: events = ReadIds<EventId>(ref reader); break;
                case 4: claims = ReadIds<ClaimId>(ref reader); break;
                case 5: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case 6: TryReadText(ref reader, true, out note); break;
                case UnknownMember: ReadUnknown(ref reader, StatusChangeMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, StatusChangeMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new StatusChange<TStatus>(status!.Value, date, by, events, claims, sources, note), extensions);
        return true;
    }

    private bool TryReadMediator(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Mediator value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        ActorId? actor = null, onBehalfOf = null;
        MediatorRole? role = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, MediatorMembers, ref seen))
            {
                case 0: ok &= TryReadId(ref reader, false, out actor); break;
                case 1: TryReadEnum(ref reader, false, out role); break;
                case 2: TryReadId(ref reader, true, out onBehalfOf); break;
                case UnknownMember: ReadUnknown(ref reader, MediatorMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, MediatorMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Mediator(actor!.Value, role ?? MediatorRole.Mediator, onBehalfOf), extensions);
        return true;
    }

    private bool TryReadRound(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out MediationRound value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        ulong seen = 0;
        List<KeyValuePair<string, string>>? extensions = null;
        EdtfDate? date = null;
        Location? venue = null;
        ImmutableArray<ActorId> facilitators = [], participants = [];
        EventId? @event = null;
        ImmutableArray<Citation> sources = [];
        string? note = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, RoundMembers, ref seen))
            {
                case 0: TryReadDate(ref reader, out date); break;
                case 1: TryReadLocation(ref reader, out venue); break;
                case 2: facilitators = ReadIds<ActorId>(ref reader); break;
                case 3: participants = ReadIds<ActorId>(ref reader); break;
                case 4: TryReadId(ref reader, true, out @event); break;
                case 5: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case 6: TryReadText(ref reader, true, out note); break;
                case UnknownMember: ReadUnknown(ref reader, RoundMembers, ref extensions); break;
            }

            Pop();
        }

        value = Attach(new MediationRound(date, venue, facilitators, participants, @event, sources, note), extensions);
        return true;
    }

    private bool TryReadSubject(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out ClaimSubject value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        ClaimSubjectKind? kind = null;
        string? target = null;
        RecordKind? targetKind = null;
        long targetKindStart = 0, targetKindEnd = 0;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, SubjectMembers, ref seen))
            {
                case 0: ok &= TryReadEnum(ref reader, false, out kind); break;
                case 1: ok &= TryReadTarget(ref reader, out target); break;
                case 2:
                    targetKindStart = TokenStart(ref reader);
                    targetKindEnd = TokenEnd(ref reader);
                    ok &= TryReadEnum(ref reader, true, out targetKind);
                    break;
                case UnknownMember: ReadUnknown(ref reader, SubjectMembers, ref extensions); break;
            }

            Pop();
        }

        long end = _base + reader.BytesConsumed;
        ok &= Require(seen, 0, start, ref reader, SubjectMembers);
        if (!ok)
        {
            return false;
        }

        RecordKind? implied = kind switch
        {
            ClaimSubjectKind.CasualtyEstimate => RecordKind.CasualtyEstimate,
            ClaimSubjectKind.Attribution => RecordKind.Attribution,
            ClaimSubjectKind.Event => RecordKind.Event,
            _ => null,
        };
        if (implied is not null)
        {
            if (target is null)
            {
                Missing(start, end, SubjectMembers, "target");
                return false;
            }

            if (targetKind is not null && targetKind != implied)
            {
                Push("targetKind");
                Report(ReaderDiagnostics.InconsistentMembers, targetKindStart, targetKindEnd, $"A claim about a {EnumNames<ClaimSubjectKind>.NameOf(kind!.Value)} refers to a {EnumNames<RecordKind>.NameOf(implied.Value)}, not a {EnumNames<RecordKind>.NameOf(targetKind.Value)}");
                Pop();
                return false;
            }
        }
        else if (targetKind is not null && target is null)
        {
            Push("targetKind");
            Report(ReaderDiagnostics.InconsistentMembers, targetKindStart, targetKindEnd, "A target kind needs a target: name the record the position is about, or leave targetKind out");
            Pop();
            return false;
        }
        else if (target is not null && targetKind is null)
        {
            Missing(start, end, SubjectMembers, "targetKind");
            return false;
        }

        value = Attach(new ClaimSubject(kind!.Value, target, targetKind), extensions);
        return true;
    }

    private bool TryReadTarget(ref Utf8JsonReader reader, out string? target)
    {
        target = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a record id (a string)");
        }

        if (!TryReadIdText(ref reader, out string? text))
        {
            return false;
        }

        target = text;
        return true;
    }

    private bool TryReadFigure(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out CasualtyFigure value)
    {
        value = null;
        if (!ExpectObject(ref reader))
        {
            return false;
        }

        ulong seen = 0;
        List<KeyValuePair<string, string>>? extensions = null;
        long? best = null, low = null, high = null;
        bool lowGiven = true, highGiven = true;
        bool? lowExclusive = null, highExclusive = null, isApproximate = null;
        long lowExclusiveStart = 0, lowExclusiveEnd = 0, highExclusiveStart = 0, highExclusiveEnd = 0;
        string? phrase = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, FigureMembers, ref seen))
            {
                case 0: TryReadCount(ref reader, out best); break;
                case 1: lowGiven = TryReadCount(ref reader, out low); break;
                case 2: highGiven = TryReadCount(ref reader, out high); break;
                case 3:
                    lowExclusiveStart = TokenStart(ref reader);
                    lowExclusiveEnd = TokenEnd(ref reader);
                    TryReadBool(ref reader, false, out lowExclusive);
                    break;
                case 4:
                    highExclusiveStart = TokenStart(ref reader);
                    highExclusiveEnd = TokenEnd(ref reader);
                    TryReadBool(ref reader, false, out highExclusive);
                    break;
                case 5: TryReadBool(ref reader, false, out isApproximate); break;
                case 6: TryReadText(ref reader, true, out phrase); break;
                case UnknownMember: ReadUnknown(ref reader, FigureMembers, ref extensions); break;
            }

            Pop();
        }

        // A bound that was given but could not be read has been reported; its flag goes with it silently.
        if (lowExclusive == true && low is null)
        {
            if (lowGiven)
            {
                Push("lowExclusive");
                Report(ReaderDiagnostics.ExclusiveWithoutBound, lowExclusiveStart, lowExclusiveEnd, "lowExclusive", "low");
                Pop();
            }

            lowExclusive = false;
        }

        if (highExclusive == true && high is null)
        {
            if (highGiven)
            {
                Push("highExclusive");
                Report(ReaderDiagnostics.ExclusiveWithoutBound, highExclusiveStart, highExclusiveEnd, "highExclusive", "high");
                Pop();
            }

            highExclusive = false;
        }
        else if (highExclusive == true && high == 0)
        {
            Push("highExclusive");
            Report(ReaderDiagnostics.FewerThanZero, highExclusiveStart, highExclusiveEnd);
            Pop();
            highExclusive = false;
        }

        if (best is { } count and >= 0 and < SharedFigureLimit && low is null && high is null && lowExclusive != true && highExclusive != true
            && isApproximate != true && phrase is null && extensions is null)
        {
            // A bare count ({"best":3}) is the commonest figure by far (GED's component estimates): immutable and
            // equal by value, so one instance per count serves every record.
            value = _bareFigures[count] ??= new CasualtyFigure(count);
            return true;
        }

        value = Attach(new CasualtyFigure(best, low, high, lowExclusive ?? false, highExclusive ?? false, isApproximate ?? false, phrase), extensions);
        return true;
    }

    private const int SharedFigureLimit = 1024;

    private readonly CasualtyFigure?[] _bareFigures = new CasualtyFigure?[SharedFigureLimit];

    /// <summary>Reports a required member that was not seen; true when it was.</summary>
    private bool Require(ulong seen, int member, long start, ref Utf8JsonReader reader, MemberTable table)
    {
        if ((seen & (1UL << member)) != 0)
        {
            return true;
        }

        Missing(start, _base + reader.BytesConsumed, table, table.Names[member]);
        return false;
    }

    /// <summary>Cached element readers for ids of each kind.</summary>
    private static class IdReader<TId>
        where TId : struct, IRecordId<TId>
    {
        public static readonly ValueReader<TId> Instance = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out TId v) => p.TryReadIdElement(ref r, out v);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ConflictModel.Model;
using NodaTime;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>Reading records and the dataset's description.</summary>
internal sealed partial class DatasetParser
{
    private static readonly MemberTable SourceMembers = new("a source", "id", "kind", "title", "outlet", "author", "url", "published", "accessed", "language", "basedOn");
    private static readonly MemberTable ActorMembers = new("an actor", "id", "name", "kind", "aliases", "country", "affiliatedWith", "roles", "externalIds", "description");
    private static readonly MemberTable EventMembers = new("an event", "id", "kind", "title", "description", "date", "location", "participants", "inResponseTo", "sources", "externalIds");
    private static readonly MemberTable EstimateMembers = new("a casualty estimate", "id", "population", "figure", "side", "category", "event", "period", "location", "claimedBy", "components", "sources");
    private static readonly MemberTable AttributionMembers = new("an attribution", "id", "accused", "responsibility", "event", "situation", "accuser", "beneficiary", "response", "date", "claims", "sources");
    private static readonly MemberTable ClaimMembers = new("a claim", "id", "claimant", "stance", "subject", "statement", "quote", "made", "sources", "inResponseTo", "supersedes");
    private static readonly MemberTable CeasefireMembers = new("a ceasefire", "id", "parties", "name", "brokers", "scope", "purpose", "isWritten", "declared", "effective", "history", "location", "agreement", "sources");
    private static readonly MemberTable MediationMembers = new("a mediation", "id", "parties", "mediators", "requestedBy", "subject", "history", "rounds", "sources");
    private static readonly MemberTable AgreementMembers = new("an agreement", "id", "name", "signed", "signatories", "thirdParties", "provisions", "kind", "ended", "externalIds", "sources");
    private static readonly MemberTable InfoMembers = new("the dataset description", "title", "description", "license", "attribution", "publisher", "version", "created");

    private static readonly ValueReader<Source> SourceReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Source v) => p.TryReadSource(ref r, out v);
    private static readonly ValueReader<Actor> ActorReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Actor v) => p.TryReadActor(ref r, out v);
    private static readonly ValueReader<Event> EventReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Event v) => p.TryReadEvent(ref r, out v);
    private static readonly ValueReader<CasualtyEstimate> EstimateReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out CasualtyEstimate v) => p.TryReadEstimate(ref r, out v);
    private static readonly ValueReader<Attribution> AttributionReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Attribution v) => p.TryReadAttribution(ref r, out v);
    private static readonly ValueReader<Claim> ClaimReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Claim v) => p.TryReadClaim(ref r, out v);
    private static readonly ValueReader<Ceasefire> CeasefireReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Ceasefire v) => p.TryReadCeasefire(ref r, out v);
    private static readonly ValueReader<Mediation> MediationReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Mediation v) => p.TryReadMediation(ref r, out v);
    private static readonly ValueReader<Agreement> AgreementReader = static (DatasetParser p, ref Utf8JsonReader r, [MaybeNullWhen(false)] out Agreement v) => p.TryReadAgreement(ref r, out v);

    /// <summary>Reads a record's id, remembering its text for the record's span even if the record is dropped.</summary>
    private bool TryReadRecordId<TId>(ref Utf8JsonReader reader, out TId? id)
        where TId : struct, IRecordId<TId>
    {
        bool ok = TryReadId(ref reader, false, out id);
        if (ok)
        {
            _recordId = id!.Value.Value;
        }

        return ok;
    }

    private bool TryReadSource(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Source value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        SourceId? id = null;
        SourceKind? kind = null;
        string? title = null, author = null, language = null;
        ActorId? outlet = null;
        Uri? url = null;
        Instant? published = null, accessed = null;
        ImmutableArray<SourceId> basedOn = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, SourceMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: TryReadEnum(ref reader, true, out kind); break;
                case 2: TryReadText(ref reader, true, out title); break;
                case 3: TryReadId(ref reader, true, out outlet); break;
                case 4: TryReadText(ref reader, true, out author); break;
                case 5: TryReadUrl(ref reader, out url); break;
                case 6: TryReadInstant(ref reader, out published); break;
                case 7: TryReadInstant(ref reader, out accessed); break;
                case 8: TryReadLanguage(ref reader, out language); break;
                case 9: basedOn = ReadIds<SourceId>(ref reader); break;
                case UnknownMember: ReadUnknown(ref reader, SourceMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, SourceMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Source(id!.Value, kind, title, outlet, author, url, published, accessed, language, basedOn), extensions);
        return true;
    }

    private bool TryReadActor(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Actor value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        ActorId? id = null, affiliatedWith = null;
        string? name = null, description = null;
        ActorKind? kind = null;
        ImmutableArray<string> aliases = [];
        CountryCode? country = null;
        ImmutableArray<ActorRole> roles = [];
        ImmutableArray<ExternalIdentifier> externalIds = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, ActorMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadText(ref reader, false, out name); break;
                case 2: ok &= TryReadEnum(ref reader, false, out kind); break;
                case 3: aliases = ReadArray(ref reader, TextReader, "a string"); break;
                case 4: TryReadCountry(ref reader, out country); break;
                case 5: TryReadId(ref reader, true, out affiliatedWith); break;
                case 6: roles = ReadArray(ref reader, RoleReader, "a role"); break;
                case 7: externalIds = ReadArray(ref reader, ExternalIdReader, "an external identifier"); break;
                case 8: TryReadText(ref reader, true, out description); break;
                case UnknownMember: ReadUnknown(ref reader, ActorMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, ActorMembers) & Require(seen, 1, start, ref reader, ActorMembers) & Require(seen, 2, start, ref reader, ActorMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Actor(id!.Value, name!, kind!.Value, aliases, country, affiliatedWith, roles, externalIds, description), extensions);
        return true;
    }

    private bool TryReadEvent(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Event value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        EventId? id = null;
        EventKind? kind = null;
        string? title = null, description = null;
        EdtfDate? date = null;
        Location? location = null;
        ImmutableArray<Participant> participants = [];
        ImmutableArray<EventId> inResponseTo = [];
        ImmutableArray<Citation> sources = [];
        ImmutableArray<ExternalIdentifier> externalIds = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, EventMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadEnum(ref reader, false, out kind); break;
                case 2: TryReadText(ref reader, true, out title); break;
                case 3: TryReadText(ref reader, true, out description); break;
                case 4: TryReadDate(ref reader, out date); break;
                case 5: TryReadLocation(ref reader, out location); break;
                case 6: participants = ReadArray(ref reader, ParticipantReader, "a participant"); break;
                case 7: inResponseTo = ReadIds<EventId>(ref reader); break;
                case 8: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case 9: externalIds = ReadArray(ref reader, ExternalIdReader, "an external identifier"); break;
                case UnknownMember: ReadUnknown(ref reader, EventMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, EventMembers) & Require(seen, 1, start, ref reader, EventMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Event(id!.Value, kind!.Value, title, description, date, location, participants, inResponseTo, sources, externalIds), extensions);
        return true;
    }

    private bool TryReadEstimate(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out CasualtyEstimate value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        CasualtyEstimateId? id = null;
        CasualtyPopulation? population = null;
        CasualtyFigure? figure = null;
        ActorId? side = null, claimedBy = null;
        CasualtyCategory? category = null;
        EventId? @event = null;
        EdtfDate? period = null;
        Location? location = null;
        ImmutableArray<CasualtyEstimateId> components = [];
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, EstimateMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadEnum(ref reader, false, out population); break;
                case 2: ok &= TryReadFigure(ref reader, out figure); break;
                case 3: TryReadId(ref reader, true, out side); break;
                case 4: TryReadEnum(ref reader, true, out category); break;
                case 5: TryReadId(ref reader, true, out @event); break;
                case 6: TryReadDate(ref reader, out period); break;
                case 7: TryReadLocation(ref reader, out location); break;
                case 8: TryReadId(ref reader, true, out claimedBy); break;
                case 9: components = ReadIds<CasualtyEstimateId>(ref reader); break;
                case 10: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, EstimateMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, EstimateMembers) & Require(seen, 1, start, ref reader, EstimateMembers) & Require(seen, 2, start, ref reader, EstimateMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new CasualtyEstimate(id!.Value, population!.Value, figure!, side, category, @event, period, location, claimedBy, components, sources), extensions);
        return true;
    }

    private bool TryReadAttribution(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Attribution value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        AttributionId? id = null;
        ActorId? accused = null, accuser = null, beneficiary = null;
        ResponsibilityKind? responsibility = null;
        EventId? @event = null;
        string? situation = null;
        AccusedResponse? response = null;
        EdtfDate? date = null;
        ImmutableArray<ClaimId> claims = [];
        ImmutableArray<Citation> sources = [];
        bool eventRead = true, situationRead = true;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, AttributionMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadId(ref reader, false, out accused); break;
                case 2: ok &= TryReadEnum(ref reader, false, out responsibility); break;
                case 3: eventRead = TryReadId(ref reader, true, out @event); break;
                case 4: situationRead = TryReadText(ref reader, true, out situation); break;
                case 5: TryReadId(ref reader, true, out accuser); break;
                case 6: TryReadId(ref reader, true, out beneficiary); break;
                case 7: TryReadEnum(ref reader, false, out response); break;
                case 8: TryReadDate(ref reader, out date); break;
                case 9: claims = ReadIds<ClaimId>(ref reader); break;
                case 10: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, AttributionMembers, ref extensions); break;
            }

            Pop();
        }

        long end = _base + reader.BytesConsumed;
        ok &= Require(seen, 0, start, ref reader, AttributionMembers) & Require(seen, 1, start, ref reader, AttributionMembers) & Require(seen, 2, start, ref reader, AttributionMembers);
        if (ok && @event is null && situation is null && eventRead && situationRead)
        {
            Report(ReaderDiagnostics.InconsistentMembers, start, end, "An attribution is for an event or a situation: give 'event' or 'situation'");
            ok = false;
        }

        if (!ok || (@event is null && situation is null))
        {
            // An event or situation that was given but could not be read has been reported already.
            return false;
        }

        value = Attach(new Attribution(id!.Value, accused!.Value, responsibility!.Value, @event, situation, accuser, beneficiary, response ?? AccusedResponse.NoResponse, date, claims, sources), extensions);
        return true;
    }

    private bool TryReadClaim(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Claim value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        ClaimId? id = null, inResponseTo = null, supersedes = null;
        ActorId? claimant = null;
        ClaimStance? stance = null;
        ClaimSubject? subject = null;
        string? statement = null, quote = null;
        EdtfDate? made = null;
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, ClaimMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadId(ref reader, false, out claimant); break;
                case 2: ok &= TryReadEnum(ref reader, false, out stance); break;
                case 3: ok &= TryReadSubject(ref reader, out subject); break;
                case 4: TryReadText(ref reader, true, out statement); break;
                case 5: TryReadText(ref reader, true, out quote); break;
                case 6: TryReadDate(ref reader, out made); break;
                case 7: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case 8: TryReadId(ref reader, true, out inResponseTo); break;
                case 9: TryReadId(ref reader, true, out supersedes); break;
                case UnknownMember: ReadUnknown(ref reader, ClaimMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, ClaimMembers) & Require(seen, 1, start, ref reader, ClaimMembers)
            & Require(seen, 2, start, ref reader, ClaimMembers) & Require(seen, 3, start, ref reader, ClaimMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Claim(id!.Value, claimant!.Value, stance!.Value, subject!, statement, quote, made, sources, inResponseTo, supersedes), extensions);
        return true;
    }

    private bool TryReadCeasefire(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Ceasefire value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        CeasefireId? id = null;
        ImmutableArray<ActorId> parties = [], brokers = [];
        string? name = null;
        CeasefireScope? scope = null;
        CeasefirePurpose? purpose = null;
        bool? isWritten = null;
        EdtfDate? declared = null, effective = null;
        ImmutableArray<StatusChange<CeasefireStatus>> history = [];
        Location? location = null;
        AgreementId? agreement = null;
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, CeasefireMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: parties = ReadIds<ActorId>(ref reader); break;
                case 2: TryReadText(ref reader, true, out name); break;
                case 3: brokers = ReadIds<ActorId>(ref reader); break;
                case 4: TryReadEnum(ref reader, true, out scope); break;
                case 5: TryReadEnum(ref reader, true, out purpose); break;
                case 6: TryReadBool(ref reader, true, out isWritten); break;
                case 7: TryReadDate(ref reader, out declared); break;
                case 8: TryReadDate(ref reader, out effective); break;
                case 9: history = ReadArray(ref reader, CeasefireChangeReader, "a status change"); break;
                case 10: TryReadLocation(ref reader, out location); break;
                case 11: TryReadId(ref reader, true, out agreement); break;
                case 12: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, CeasefireMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, CeasefireMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Ceasefire(id!.Value, parties, name, brokers, scope, purpose, isWritten, declared, effective, history, location, agreement, sources), extensions);
        return true;
    }

    private bool TryReadMediation(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Mediation value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        MediationId? id = null;
        ImmutableArray<ActorId> parties = [], requestedBy = [];
        ImmutableArray<Mediator> mediators = [];
        string? subject = null;
        ImmutableArray<StatusChange<MediationStatus>> history = [];
        ImmutableArray<MediationRound> rounds = [];
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, MediationMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: parties = ReadIds<ActorId>(ref reader); break;
                case 2: mediators = ReadArray(ref reader, MediatorReader, "a mediator"); break;
                case 3: requestedBy = ReadIds<ActorId>(ref reader); break;
                case 4: TryReadText(ref reader, true, out subject); break;
                case 5: history = ReadArray(ref reader, MediationChangeReader, "a status change"); break;
                case 6: rounds = ReadArray(ref reader, RoundReader, "a round"); break;
                case 7: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, MediationMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, MediationMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Mediation(id!.Value, parties, mediators, requestedBy, subject, history, rounds, sources), extensions);
        return true;
    }

    private bool TryReadAgreement(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out Agreement value)
    {
        value = null;
        long start = TokenStart(ref reader);
        ulong seen = 0;
        bool ok = true;
        List<KeyValuePair<string, string>>? extensions = null;
        AgreementId? id = null;
        string? name = null;
        EdtfDate? signed = null, ended = null;
        ImmutableArray<ActorId> signatories = [];
        ImmutableArray<ThirdParty> thirdParties = [];
        ImmutableArray<Provision> provisions = [];
        AgreementKind? kind = null;
        ImmutableArray<ExternalIdentifier> externalIds = [];
        ImmutableArray<Citation> sources = [];
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, AgreementMembers, ref seen))
            {
                case 0: ok &= TryReadRecordId(ref reader, out id); break;
                case 1: ok &= TryReadText(ref reader, false, out name); break;
                case 2: TryReadDate(ref reader, out signed); break;
                case 3: signatories = ReadIds<ActorId>(ref reader); break;
                case 4: thirdParties = ReadArray(ref reader, ThirdPartyReader, "a third party"); break;
                case 5: provisions = ReadArray(ref reader, ProvisionReader, "a provision"); break;
                case 6: TryReadEnum(ref reader, true, out kind); break;
                case 7: TryReadDate(ref reader, out ended); break;
                case 8: externalIds = ReadArray(ref reader, ExternalIdReader, "an external identifier"); break;
                case 9: sources = ReadArray(ref reader, CitationReader, "a citation"); break;
                case UnknownMember: ReadUnknown(ref reader, AgreementMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, AgreementMembers) & Require(seen, 1, start, ref reader, AgreementMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new Agreement(id!.Value, name!, signed, signatories, thirdParties, provisions, kind, ended, externalIds, sources), extensions);
        return true;
    }

    private bool TryReadInfo(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out DatasetInfo value)
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
        string? title = null, description = null, license = null, attribution = null, publisher = null, version = null;
        Instant? created = null;
        while (NextMember(ref reader))
        {
            switch (Match(ref reader, InfoMembers, ref seen))
            {
                case 0: ok &= TryReadText(ref reader, false, out title); break;
                case 1: TryReadText(ref reader, true, out description); break;
                case 2: TryReadText(ref reader, true, out license); break;
                case 3: TryReadText(ref reader, true, out attribution); break;
                case 4: TryReadText(ref reader, true, out publisher); break;
                case 5: TryReadText(ref reader, true, out version); break;
                case 6: TryReadInstant(ref reader, out created); break;
                case UnknownMember: ReadUnknown(ref reader, InfoMembers, ref extensions); break;
            }

            Pop();
        }

        ok &= Require(seen, 0, start, ref reader, InfoMembers);
        if (!ok)
        {
            return false;
        }

        value = Attach(new DatasetInfo(title!, description, license, attribution, publisher, version, created), extensions);
        return true;
    }
}

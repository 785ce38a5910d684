using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// Every record of a dataset by kind and id, so that rules can follow references across records. Ids are
/// case-sensitive and unique per kind; when a dataset repeats an id, lookups give the first record and
/// <see cref="FindAll"/> gives them all. Ids of records that were in the file but could not be read are known too
/// (<see cref="IsDeclared"/>), so that references to them are not reported as dangling. Immutable and thread-safe.
/// </summary>
public sealed class SymbolTable
{
    private readonly Dictionary<(RecordKind Kind, string Id), ImmutableArray<ConflictRecord>> _records = [];
    private readonly Func<RecordKind, string, bool> _declaredElsewhere;
    private readonly IStreamingSymbols? _streaming;

    /// <summary>Creates the table of a dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    public SymbolTable(Dataset dataset)
        : this(dataset, static (_, _) => false)
    {
    }

    internal SymbolTable(Dataset dataset, Func<RecordKind, string, bool> declaredElsewhere)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _declaredElsewhere = declaredElsewhere;
        foreach (ConflictRecord record in dataset.Records)
        {
            var key = (record.RecordKind, record.RecordId);
            _records[key] = _records.TryGetValue(key, out ImmutableArray<ConflictRecord> existing) ? existing.Add(record) : [record];
        }
    }

    /// <summary>Creates a table over the ids a streaming validation has met (see <see cref="IStreamingSymbols"/>).</summary>
    internal SymbolTable(IStreamingSymbols streaming)
    {
        _streaming = streaming;
        _declaredElsewhere = streaming.WasDeclared;
    }

    /// <summary>Finds the (first) record of a kind with an id.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="id">The id's text.</param>
    /// <returns>The record, or null when there is none.</returns>
    public ConflictRecord? Find(RecordKind kind, string id)
    {
        if (id is null)
        {
            return null;
        }

        if (_streaming is not null)
        {
            return _streaming.Find(kind, id);
        }

        return _records.TryGetValue((kind, id), out ImmutableArray<ConflictRecord> found) ? found[0] : null;
    }

    /// <summary>Finds every record of a kind with an id; more than one when the id is repeated.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="id">The id's text.</param>
    /// <returns>The records, in dataset order; empty when there are none.</returns>
    public ImmutableArray<ConflictRecord> FindAll(RecordKind kind, string id)
    {
        if (id is null)
        {
            return [];
        }

        if (_streaming is not null)
        {
            return _streaming.FindAll(kind, id);
        }

        return _records.TryGetValue((kind, id), out ImmutableArray<ConflictRecord> found) ? found : [];
    }

    /// <summary>Gets whether a record of a kind with an id exists, or was in the file but could not be read.</summary>
    /// <param name="kind">The record kind.</param>
    /// <param name="id">The id's text.</param>
    /// <returns>Whether the id is declared.</returns>
    public bool IsDeclared(RecordKind kind, string id)
    {
        if (id is null)
        {
            return false;
        }

        // Streaming, the id table answers without reading the record again.
        bool read = _streaming is not null ? _streaming.Contains(kind, id) : Find(kind, id) is not null;
        return read || _declaredElsewhere(kind, id);
    }

    /// <summary>Finds an actor.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The actor, or null.</returns>
    public Actor? Find(ActorId id) => Find(RecordKind.Actor, id.Value) as Actor;

    /// <summary>Finds an event.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The event, or null.</returns>
    public Event? Find(EventId id) => Find(RecordKind.Event, id.Value) as Event;

    /// <summary>Finds a claim.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The claim, or null.</returns>
    public Claim? Find(ClaimId id) => Find(RecordKind.Claim, id.Value) as Claim;

    /// <summary>Finds an attribution.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The attribution, or null.</returns>
    public Attribution? Find(AttributionId id) => Find(RecordKind.Attribution, id.Value) as Attribution;

    /// <summary>Finds a ceasefire.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The ceasefire, or null.</returns>
    public Ceasefire? Find(CeasefireId id) => Find(RecordKind.Ceasefire, id.Value) as Ceasefire;

    /// <summary>Finds a mediation.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The mediation, or null.</returns>
    public Mediation? Find(MediationId id) => Find(RecordKind.Mediation, id.Value) as Mediation;

    /// <summary>Finds an agreement.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The agreement, or null.</returns>
    public Agreement? Find(AgreementId id) => Find(RecordKind.Agreement, id.Value) as Agreement;

    /// <summary>Finds a casualty estimate.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The estimate, or null.</returns>
    public CasualtyEstimate? Find(CasualtyEstimateId id) => Find(RecordKind.CasualtyEstimate, id.Value) as CasualtyEstimate;

    /// <summary>Finds a source.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The source, or null.</returns>
    public Source? Find(SourceId id) => Find(RecordKind.Source, id.Value) as Source;
}

/// <summary>
/// The ids a streaming validation has met so far, with a way to get a record back by re-reading it. While records are
/// still arriving, a lookup that finds nothing may find something later; the validator notes such misses and checks
/// the record again at the end. <see cref="FindAll"/> gives the first record with the id and, when the record being
/// checked repeats it, that record too.
/// </summary>
internal interface IStreamingSymbols
{
    ConflictRecord? Find(RecordKind kind, string id);

    ImmutableArray<ConflictRecord> FindAll(RecordKind kind, string id);

    bool WasDeclared(RecordKind kind, string id);

    /// <summary>Gets whether a record with the kind and id has been read, without reading it again.</summary>
    bool Contains(RecordKind kind, string id);
}

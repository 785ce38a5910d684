using System;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// What a <see cref="Claim"/> is about: a casualty figure, an attribution of responsibility, that an event took
/// place, or a statement of position (optionally about a record such as a mediation or ceasefire). Create one
/// with the factory methods; <see cref="Target"/> is the referenced record's id text.
/// </summary>
public sealed record ClaimSubject : ExtensibleRecord
{
    private readonly ClaimSubjectKind _kind;
    private readonly string? _target;
    private readonly RecordKind? _targetKind;

    /// <summary>Creates a subject. Prefer the factory methods, which type the reference.</summary>
    /// <param name="kind">What the claim is about.</param>
    /// <param name="target">The id of the record the claim is about; required except for a position.</param>
    /// <param name="targetKind">For a position about a record, that record's kind; otherwise implied by <paramref name="kind"/>.</param>
    /// <exception cref="ArgumentException">The kind is undefined, a required target is missing, or the target kind contradicts the kind.</exception>
    public ClaimSubject(ClaimSubjectKind kind, string? target = null, RecordKind? targetKind = null)
    {
        _kind = Guard.Against.Undefined(kind, nameof(kind));
        _targetKind = Guard.Against.Undefined(targetKind, nameof(targetKind));
        if (target is not null && !RecordIds.IsValid(target))
        {
            throw new ArgumentException($"'{target}' is not a valid id.", nameof(target));
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
                throw new ArgumentException($"A claim about a {kind} must name it.", nameof(target));
            }

            if (targetKind is not null && targetKind != implied)
            {
                throw new ArgumentException($"A claim about a {kind} refers to a {implied}, not a {targetKind}.", nameof(targetKind));
            }

            _targetKind = implied;
        }
        else if (targetKind is not null && target is null)
        {
            throw new ArgumentException("A target kind needs a target.", nameof(targetKind));
        }
        else if (target is not null && targetKind is null)
        {
            throw new ArgumentException("A position about a record must say what kind of record it is.", nameof(targetKind));
        }

        _target = target;
    }

    /// <summary>Gets what the claim is about.</summary>
    public ClaimSubjectKind Kind => _kind;

    /// <summary>Gets the id of the record the claim is about; null for a position about no record.</summary>
    public string? Target => _target;

    /// <summary>Gets the kind of the record <see cref="Target"/> identifies; null when there is none.</summary>
    public RecordKind? TargetKind => _targetKind;

    /// <summary>Gets the casualty estimate claimed, when that is the subject.</summary>
    public CasualtyEstimateId? CasualtyEstimate => _kind == ClaimSubjectKind.CasualtyEstimate ? new CasualtyEstimateId(_target!) : null;

    /// <summary>Gets the attribution claimed, when that is the subject.</summary>
    public AttributionId? Attribution => _kind == ClaimSubjectKind.Attribution ? new AttributionId(_target!) : null;

    /// <summary>Gets the event whose occurrence is claimed, when that is the subject.</summary>
    public EventId? Event => _kind == ClaimSubjectKind.Event ? new EventId(_target!) : null;

    /// <summary>Creates the subject "this casualty figure".</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The subject.</returns>
    public static ClaimSubject About(CasualtyEstimateId estimate) => new(ClaimSubjectKind.CasualtyEstimate, Guard.Against.DefaultId(estimate, nameof(estimate)).Value);

    /// <summary>Creates the subject "this attribution of responsibility".</summary>
    /// <param name="attribution">The attribution.</param>
    /// <returns>The subject.</returns>
    public static ClaimSubject About(AttributionId attribution) => new(ClaimSubjectKind.Attribution, Guard.Against.DefaultId(attribution, nameof(attribution)).Value);

    /// <summary>Creates the subject "this event took place".</summary>
    /// <param name="occurrence">The event.</param>
    /// <returns>The subject.</returns>
    public static ClaimSubject About(EventId occurrence) => new(ClaimSubjectKind.Event, Guard.Against.DefaultId(occurrence, nameof(occurrence)).Value);

    /// <summary>Creates a statement of position about no particular record.</summary>
    /// <returns>The subject.</returns>
    public static ClaimSubject Position() => new(ClaimSubjectKind.Position);

    /// <summary>Creates a statement of position about a record (a mediation, a ceasefire, an actor).</summary>
    /// <typeparam name="TId">The id type of the record.</typeparam>
    /// <param name="record">The record.</param>
    /// <returns>The subject.</returns>
    public static ClaimSubject PositionOn<TId>(TId record)
        where TId : struct, IRecordId<TId>
        => new(ClaimSubjectKind.Position, Guard.Against.DefaultId(record, nameof(record)).Value, TId.Kind);
}

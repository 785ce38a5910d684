using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A dataset: its description and its records, grouped by kind. Immutable; equal when the description and every
/// record, in order, are equal. Build one from a mixed list of records with <see cref="Create"/>.
/// </summary>
public sealed record Dataset : ExtensibleRecord
{
    /// <summary>The wire format version this library writes.</summary>
    public const string CurrentFormatVersion = "1.0";

    private readonly string _formatVersion = CurrentFormatVersion;
    private readonly DatasetInfo _info = new("Untitled");
    private readonly ValueArray<Source> _sources;
    private readonly ValueArray<Actor> _actors;
    private readonly ValueArray<Event> _events;
    private readonly ValueArray<CasualtyEstimate> _casualtyEstimates;
    private readonly ValueArray<Attribution> _attributions;
    private readonly ValueArray<Claim> _claims;
    private readonly ValueArray<Ceasefire> _ceasefires;
    private readonly ValueArray<Mediation> _mediations;
    private readonly ValueArray<Agreement> _agreements;

    /// <summary>Creates a dataset.</summary>
    /// <param name="info">The dataset's description.</param>
    /// <param name="formatVersion">The wire format version, "major.minor".</param>
    /// <param name="sources">Its sources.</param>
    /// <param name="actors">Its actors.</param>
    /// <param name="events">Its events.</param>
    /// <param name="casualtyEstimates">Its casualty estimates.</param>
    /// <param name="attributions">Its attributions.</param>
    /// <param name="claims">Its claims.</param>
    /// <param name="ceasefires">Its ceasefires.</param>
    /// <param name="mediations">Its mediations.</param>
    /// <param name="agreements">Its agreements.</param>
    /// <exception cref="ArgumentException">The description is null, the version is malformed, or an element is null.</exception>
    public Dataset(
        DatasetInfo info,
        string formatVersion = CurrentFormatVersion,
        ImmutableArray<Source> sources = default,
        ImmutableArray<Actor> actors = default,
        ImmutableArray<Event> events = default,
        ImmutableArray<CasualtyEstimate> casualtyEstimates = default,
        ImmutableArray<Attribution> attributions = default,
        ImmutableArray<Claim> claims = default,
        ImmutableArray<Ceasefire> ceasefires = default,
        ImmutableArray<Mediation> mediations = default,
        ImmutableArray<Agreement> agreements = default)
    {
        FormatVersion = formatVersion;
        Info = info;
        Sources = sources;
        Actors = actors;
        Events = events;
        CasualtyEstimates = casualtyEstimates;
        Attributions = attributions;
        Claims = claims;
        Ceasefires = ceasefires;
        Mediations = mediations;
        Agreements = agreements;
    }

    /// <summary>Gets the wire format version, "major.minor".</summary>
    public string FormatVersion
    {
        get => _formatVersion;
        init => _formatVersion = IsFormatVersion(Guard.Against.Null(value, nameof(FormatVersion)))
            ? value
            : throw new ArgumentException($"'{value}' is not a format version such as \"1.0\".", nameof(FormatVersion));
    }

    /// <summary>Gets the dataset's description.</summary>
    public DatasetInfo Info { get => _info; init => _info = Guard.Against.Null(value, nameof(Info)); }

    /// <summary>Gets its sources.</summary>
    public ImmutableArray<Source> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets its actors.</summary>
    public ImmutableArray<Actor> Actors { get => _actors.Items; init => _actors = new(Guard.Against.NullItems(value, nameof(Actors))); }

    /// <summary>Gets its events.</summary>
    public ImmutableArray<Event> Events { get => _events.Items; init => _events = new(Guard.Against.NullItems(value, nameof(Events))); }

    /// <summary>Gets its casualty estimates.</summary>
    public ImmutableArray<CasualtyEstimate> CasualtyEstimates { get => _casualtyEstimates.Items; init => _casualtyEstimates = new(Guard.Against.NullItems(value, nameof(CasualtyEstimates))); }

    /// <summary>Gets its attributions.</summary>
    public ImmutableArray<Attribution> Attributions { get => _attributions.Items; init => _attributions = new(Guard.Against.NullItems(value, nameof(Attributions))); }

    /// <summary>Gets its claims.</summary>
    public ImmutableArray<Claim> Claims { get => _claims.Items; init => _claims = new(Guard.Against.NullItems(value, nameof(Claims))); }

    /// <summary>Gets its ceasefires.</summary>
    public ImmutableArray<Ceasefire> Ceasefires { get => _ceasefires.Items; init => _ceasefires = new(Guard.Against.NullItems(value, nameof(Ceasefires))); }

    /// <summary>Gets its mediations.</summary>
    public ImmutableArray<Mediation> Mediations { get => _mediations.Items; init => _mediations = new(Guard.Against.NullItems(value, nameof(Mediations))); }

    /// <summary>Gets its agreements.</summary>
    public ImmutableArray<Agreement> Agreements { get => _agreements.Items; init => _agreements = new(Guard.Against.NullItems(value, nameof(Agreements))); }

    /// <summary>Gets the number of records of every kind.</summary>
    public int RecordCount => Sources.Length + Actors.Length + Events.Length + CasualtyEstimates.Length + Attributions.Length
        + Claims.Length + Ceasefires.Length + Mediations.Length + Agreements.Length;

    /// <summary>
    /// Gets every record, kind by kind in the wire order (sources, actors, events, casualty estimates, attributions,
    /// claims, ceasefires, mediations, agreements), each kind in its own order.
    /// </summary>
    public IEnumerable<ConflictRecord> Records
    {
        get
        {
            foreach (Source r in Sources) { yield return r; }
            foreach (Actor r in Actors) { yield return r; }
            foreach (Event r in Events) { yield return r; }
            foreach (CasualtyEstimate r in CasualtyEstimates) { yield return r; }
            foreach (Attribution r in Attributions) { yield return r; }
            foreach (Claim r in Claims) { yield return r; }
            foreach (Ceasefire r in Ceasefires) { yield return r; }
            foreach (Mediation r in Mediations) { yield return r; }
            foreach (Agreement r in Agreements) { yield return r; }
        }
    }

    /// <summary>Creates a dataset from records of any kinds, keeping each kind's records in the order given.</summary>
    /// <param name="info">The dataset's description.</param>
    /// <param name="records">The records.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">An argument or record is null.</exception>
    public static Dataset Create(DatasetInfo info, IEnumerable<ConflictRecord> records)
    {
        Guard.Against.Null(info);
        Guard.Against.Null(records);
        var sources = ImmutableArray.CreateBuilder<Source>();
        var actors = ImmutableArray.CreateBuilder<Actor>();
        var events = ImmutableArray.CreateBuilder<Event>();
        var estimates = ImmutableArray.CreateBuilder<CasualtyEstimate>();
        var attributions = ImmutableArray.CreateBuilder<Attribution>();
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var ceasefires = ImmutableArray.CreateBuilder<Ceasefire>();
        var mediations = ImmutableArray.CreateBuilder<Mediation>();
        var agreements = ImmutableArray.CreateBuilder<Agreement>();
        foreach (ConflictRecord record in records)
        {
            switch (record)
            {
                case Source r: sources.Add(r); break;
                case Actor r: actors.Add(r); break;
                case Event r: events.Add(r); break;
                case CasualtyEstimate r: estimates.Add(r); break;
                case Attribution r: attributions.Add(r); break;
                case Claim r: claims.Add(r); break;
                case Ceasefire r: ceasefires.Add(r); break;
                case Mediation r: mediations.Add(r); break;
                case Agreement r: agreements.Add(r); break;
                case null: throw new ArgumentException("A record is null.", nameof(records));
                default: throw new ArgumentException($"Unknown record type {record.GetType()}.", nameof(records));
            }
        }

        return new Dataset(
            info,
            CurrentFormatVersion,
            sources.ToImmutable(),
            actors.ToImmutable(),
            events.ToImmutable(),
            estimates.ToImmutable(),
            attributions.ToImmutable(),
            claims.ToImmutable(),
            ceasefires.ToImmutable(),
            mediations.ToImmutable(),
            agreements.ToImmutable());
    }

    /// <summary>Returns whether a text is a format version: digits, a dot, digits.</summary>
    /// <param name="version">The candidate.</param>
    /// <returns>Whether it is well formed.</returns>
    public static bool IsFormatVersion(string? version)
    {
        if (string.IsNullOrEmpty(version) || version.Length > 16)
        {
            return false;
        }

        int dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < version.Length - 1 && IsDigits(version.AsSpan(0, dot)) && IsDigits(version.AsSpan(dot + 1));
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}

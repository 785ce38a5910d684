using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// A peace agreement or accord: its signatories, third parties, provisions and dates, so that the UCDP Peace
/// Agreement Dataset maps onto it (see docs/vocabulary.md for the column mapping).
/// </summary>
public sealed record Agreement : ConflictRecord
{
    private readonly AgreementId _id;
    private readonly string _name = string.Empty;
    private readonly EdtfDate? _signed;
    private readonly ValueArray<ActorId> _signatories;
    private readonly ValueArray<ThirdParty> _thirdParties;
    private readonly ValueArray<Provision> _provisions;
    private readonly AgreementKind? _kind;
    private readonly EdtfDate? _ended;
    private readonly ValueArray<ExternalIdentifier> _externalIds;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates an agreement.</summary>
    /// <param name="id">The agreement's id.</param>
    /// <param name="name">Its name ("Peshawar Accord").</param>
    /// <param name="signed">When it was signed.</param>
    /// <param name="signatories">Who signed it.</param>
    /// <param name="thirdParties">Non-signatories involved: mediators, guarantors, witnesses.</param>
    /// <param name="provisions">Its provisions.</param>
    /// <param name="kind">Its scope: full, partial, or part of a process.</param>
    /// <param name="ended">When it ended, if it has.</param>
    /// <param name="externalIds">Identifiers in other datasets (UCDP PAD's <c>paid</c>).</param>
    /// <param name="sources">Where it was reported.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, a text is empty, or an element is null.</exception>
    public Agreement(
        AgreementId id,
        string name,
        EdtfDate? signed = null,
        ImmutableArray<ActorId> signatories = default,
        ImmutableArray<ThirdParty> thirdParties = default,
        ImmutableArray<Provision> provisions = default,
        AgreementKind? kind = null,
        EdtfDate? ended = null,
        ImmutableArray<ExternalIdentifier> externalIds = default,
        ImmutableArray<Citation> sources = default)
    {
        Id = id;
        Name = name;
        Signed = signed;
        Signatories = signatories;
        ThirdParties = thirdParties;
        Provisions = provisions;
        Kind = kind;
        Ended = ended;
        ExternalIds = externalIds;
        Sources = sources;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Agreement;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the agreement's id.</summary>
    public AgreementId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets its name.</summary>
    public string Name { get => _name; init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name)); }

    /// <summary>Gets when it was signed.</summary>
    public EdtfDate? Signed { get => _signed; init => _signed = ModelGuards.NotDefault(value, nameof(Signed)); }

    /// <summary>Gets who signed it.</summary>
    public ImmutableArray<ActorId> Signatories { get => _signatories.Items; init => _signatories = new(Guard.Against.DefaultIds(value, nameof(Signatories))); }

    /// <summary>Gets the non-signatories involved.</summary>
    public ImmutableArray<ThirdParty> ThirdParties { get => _thirdParties.Items; init => _thirdParties = new(Guard.Against.NullItems(value, nameof(ThirdParties))); }

    /// <summary>Gets its provisions.</summary>
    public ImmutableArray<Provision> Provisions { get => _provisions.Items; init => _provisions = new(Guard.Against.NullItems(value, nameof(Provisions))); }

    /// <summary>Gets its scope.</summary>
    public AgreementKind? Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets when it ended.</summary>
    public EdtfDate? Ended { get => _ended; init => _ended = ModelGuards.NotDefault(value, nameof(Ended)); }

    /// <summary>Gets identifiers in other datasets.</summary>
    public ImmutableArray<ExternalIdentifier> ExternalIds { get => _externalIds.Items; init => _externalIds = new(Guard.Against.NullItems(value, nameof(ExternalIds))); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }
}

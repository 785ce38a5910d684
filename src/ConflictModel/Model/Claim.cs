using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// An assertion by someone: who said what, when, where it was reported, in whose words, and whether they assert,
/// deny, decline to confirm or retract it. Claims answer other claims (<see cref="InResponseTo"/>) and replace the
/// same claimant's earlier ones (<see cref="Supersedes"/>). Maps to PLOVER's communicative events (ACCUSE,
/// REJECT, ...); UCDP and ACLED keep no claims, only the figures they settle on.
/// </summary>
public sealed record Claim : ConflictRecord
{
    private readonly ClaimId _id;
    private readonly ActorId _claimant;
    private readonly ClaimStance _stance;
    private readonly ClaimSubject _subject = ClaimSubject.Position();
    private readonly string? _statement;
    private readonly string? _quote;
    private readonly EdtfDate? _made;
    private readonly ValueArray<Citation> _sources;
    private readonly ClaimId? _inResponseTo;
    private readonly ClaimId? _supersedes;

    /// <summary>Creates a claim.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="claimant">Who makes the claim.</param>
    /// <param name="stance">What the claimant does with the subject.</param>
    /// <param name="subject">What the claim is about.</param>
    /// <param name="statement">What is claimed, in the editor's words.</param>
    /// <param name="quote">The claimant's own words, verbatim, where the sources give them.</param>
    /// <param name="made">When the claim was made.</param>
    /// <param name="sources">Where the claim was reported.</param>
    /// <param name="inResponseTo">The claim this one answers (a denial answers an accusation).</param>
    /// <param name="supersedes">The same claimant's earlier claim that this one replaces.</param>
    /// <exception cref="System.ArgumentException">A required value is missing or default, a text is empty, or an element is null.</exception>
    public Claim(
        ClaimId id,
        ActorId claimant,
        ClaimStance stance,
        ClaimSubject subject,
        string? statement = null,
        string? quote = null,
        EdtfDate? made = null,
        ImmutableArray<Citation> sources = default,
        ClaimId? inResponseTo = null,
        ClaimId? supersedes = null)
    {
        Id = id;
        Claimant = claimant;
        Stance = stance;
        Subject = subject;
        Statement = statement;
        Quote = quote;
        Made = made;
        Sources = sources;
        InResponseTo = inResponseTo;
        Supersedes = supersedes;
    }

    /// <inheritdoc/>
    public override RecordKind RecordKind => RecordKind.Claim;

    /// <inheritdoc/>
    public override string RecordId => _id.Value;

    /// <summary>Gets the claim's id.</summary>
    public ClaimId Id { get => _id; init => _id = Guard.Against.DefaultId(value, nameof(Id)); }

    /// <summary>Gets who makes the claim.</summary>
    public ActorId Claimant { get => _claimant; init => _claimant = Guard.Against.DefaultId(value, nameof(Claimant)); }

    /// <summary>
    /// Gets who makes the claim as the report words it ("according to Pakistani sources", "officials said") and how
    /// far that identifies the claimant; null when the report simply names <see cref="Claimant"/>.
    /// </summary>
    public ReportedClaimant? ClaimantAsReported { get; init; }

    /// <summary>Gets what the claimant does with the subject.</summary>
    public ClaimStance Stance { get => _stance; init => _stance = Guard.Against.Undefined(value, nameof(Stance)); }

    /// <summary>Gets what the claim is about.</summary>
    public ClaimSubject Subject { get => _subject; init => _subject = Guard.Against.Null(value, nameof(Subject)); }

    /// <summary>Gets what is claimed, in the editor's words.</summary>
    public string? Statement { get => _statement; init => _statement = Guard.Against.Blank(value, nameof(Statement)); }

    /// <summary>Gets the claimant's own words, verbatim.</summary>
    public string? Quote { get => _quote; init => _quote = Guard.Against.Blank(value, nameof(Quote)); }

    /// <summary>Gets when the claim was made.</summary>
    public EdtfDate? Made { get => _made; init => _made = ModelGuards.NotDefault(value, nameof(Made)); }

    /// <summary>Gets when the claim was made as the report words it ("on Tuesday", "last week"), with what can be said of it.</summary>
    public ReportedDate? MadeAsReported { get; init; }

    /// <summary>Gets where the claim was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }

    /// <summary>Gets the claim this one answers.</summary>
    public ClaimId? InResponseTo { get => _inResponseTo; init => _inResponseTo = Guard.Against.DefaultId(value, nameof(InResponseTo)); }

    /// <summary>Gets the same claimant's earlier claim that this one replaces.</summary>
    public ClaimId? Supersedes { get => _supersedes; init => _supersedes = Guard.Against.DefaultId(value, nameof(Supersedes)); }
}

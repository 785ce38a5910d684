using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// What a round of talks or a <see cref="Mediation"/> produced: a ceasefire or agreement (linked to its record), an
/// understanding, or nothing. The link says which ceasefire the talks brokered, so the two records need not repeat
/// each other's dates and parties.
/// </summary>
public sealed record MediationOutcome : ExtensibleRecord
{
    private readonly MediationOutcomeKind _kind;
    private readonly CeasefireId? _ceasefire;
    private readonly AgreementId? _agreement;
    private readonly string? _note;
    private readonly ValueArray<Citation> _sources;

    /// <summary>Creates an outcome.</summary>
    /// <param name="kind">What was produced.</param>
    /// <param name="ceasefire">The ceasefire produced; only with <see cref="MediationOutcomeKind.Ceasefire"/>.</param>
    /// <param name="agreement">The agreement produced; only with <see cref="MediationOutcomeKind.Agreement"/>.</param>
    /// <param name="note">What was produced, in the editor's words.</param>
    /// <param name="sources">Where it was reported.</param>
    /// <exception cref="System.ArgumentException">The kind is undefined, an id is default, a link does not fit the kind, a text is empty, or a citation is null.</exception>
    public MediationOutcome(
        MediationOutcomeKind kind,
        CeasefireId? ceasefire = null,
        AgreementId? agreement = null,
        string? note = null,
        ImmutableArray<Citation> sources = default)
    {
        if (ceasefire is not null && kind != MediationOutcomeKind.Ceasefire)
        {
            throw new System.ArgumentException("Only a ceasefire outcome links to a ceasefire.", nameof(ceasefire));
        }

        if (agreement is not null && kind != MediationOutcomeKind.Agreement)
        {
            throw new System.ArgumentException("Only an agreement outcome links to an agreement.", nameof(agreement));
        }

        Kind = kind;
        Ceasefire = ceasefire;
        Agreement = agreement;
        Note = note;
        Sources = sources;
    }

    /// <summary>Gets what was produced.</summary>
    public MediationOutcomeKind Kind { get => _kind; init => _kind = Guard.Against.Undefined(value, nameof(Kind)); }

    /// <summary>Gets the ceasefire produced.</summary>
    public CeasefireId? Ceasefire { get => _ceasefire; init => _ceasefire = Guard.Against.DefaultId(value, nameof(Ceasefire)); }

    /// <summary>Gets the agreement produced.</summary>
    public AgreementId? Agreement { get => _agreement; init => _agreement = Guard.Against.DefaultId(value, nameof(Agreement)); }

    /// <summary>Gets what was produced, in the editor's words.</summary>
    public string? Note { get => _note; init => _note = Guard.Against.Blank(value, nameof(Note)); }

    /// <summary>Gets where it was reported.</summary>
    public ImmutableArray<Citation> Sources { get => _sources.Items; init => _sources = new(Guard.Against.NullItems(value, nameof(Sources))); }
}

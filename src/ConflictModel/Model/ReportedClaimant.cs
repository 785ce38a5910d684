using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// Who makes a claim, as the report puts it: its verbatim words ("according to Pakistani sources", "officials
/// said") and how far they identify the claimant. Immutable and thread-safe.
/// </summary>
public sealed record ReportedClaimant : ExtensibleRecord
{
    private readonly string _phrase = "?";
    private readonly ClaimantIdentity _identity;

    /// <summary>Creates a reported claimant.</summary>
    /// <param name="phrase">The report's words for the claimant, verbatim.</param>
    /// <param name="identity">How far the words identify the claimant.</param>
    /// <exception cref="System.ArgumentException">The phrase is missing or blank, or the identity is undefined.</exception>
    public ReportedClaimant(string phrase, ClaimantIdentity identity = ClaimantIdentity.Named)
    {
        Phrase = phrase;
        Identity = identity;
    }

    /// <summary>Gets the report's words for the claimant, verbatim.</summary>
    public string Phrase { get => _phrase; init => _phrase = Guard.Against.NullOrWhiteSpace(value, nameof(Phrase)); }

    /// <summary>Gets how far the words identify the claimant.</summary>
    public ClaimantIdentity Identity { get => _identity; init => _identity = Guard.Against.Undefined(value, nameof(Identity)); }
}

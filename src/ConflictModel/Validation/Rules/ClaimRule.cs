using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM5003–CM5005, CM5011, CM5013 and CM5015: claims that answer nothing, retract nothing, or say nothing.</summary>
internal sealed class ClaimRule : DatasetRule
{
    public static DiagnosticDescriptor DenialAnswersNothing { get; } = RuleDescriptors.Create(
        "CM5003", "Denial answering nothing", "The claim {0}, but nothing it answers is recorded", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A denial, rejection or refusal to confirm answers something: an accusation (an attribution with an accuser), someone else's figure or assertion, an offer. Link it with inResponseTo, or record what it answers.");

    public static DiagnosticDescriptor RetractionWithoutTarget { get; } = RuleDescriptors.Create(
        "CM5004", "Retraction of nothing", "The claim retracts, but does not say which earlier claim it withdraws", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A retraction withdraws the claimant's own earlier claim; name it with supersedes.");

    public static DiagnosticDescriptor SupersedesOtherClaimant { get; } = RuleDescriptors.Create(
        "CM5005", "Supersedes another claimant's claim", "The claim supersedes '{0}', which '{1}' made, not '{2}'", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A claim supersedes the same claimant's earlier claim (a revised figure, a retraction). To answer someone else's claim, use inResponseTo.");

    public static DiagnosticDescriptor ClaimWithoutContent { get; } = RuleDescriptors.Create(
        "CM5011", "Claim without content", "The claim has neither a statement nor a quote", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A claim records what was said: in the editor's words (statement), in the claimant's own (quote), or both.");

    public static DiagnosticDescriptor AcknowledgedByOther { get; } = RuleDescriptors.Create(
        "CM5013", "Acknowledged by someone other than the accused", "'{0}' acknowledges attribution '{1}', which holds '{2}' responsible", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Acknowledging responsibility is the accused's act (or that of someone affiliated with it). A third party agreeing with the accusation asserts it.");

    public static DiagnosticDescriptor QuoteNotInSources { get; } = RuleDescriptors.Create(
        "CM5015", "Quote not found in the cited excerpts", "The quote does not appear in any excerpt the claim cites", DiagnosticCategories.Provenance, DiagnosticSeverity.Info,
        "A quote is the claimant's words verbatim; when the claim cites excerpts, the quote is expected in one of them (ignoring case, typographic quotes and spacing). A quote missing from them may be paraphrased or mistyped.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DenialAnswersNothing, RetractionWithoutTarget, SupersedesOtherClaimant, ClaimWithoutContent, AcknowledgedByOther, QuoteNotInSources];

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.Claim];

    public override void Analyze(RuleContext context)
    {
        ImmutableArray<Claim> claims = context.Dataset.Claims;
        foreach (Claim claim in claims)
        {
            if (claim.Stance is ClaimStance.Denies or ClaimStance.Rejects or ClaimStance.DeclinesToConfirm && claim.InResponseTo is null && !Answers(context, claim))
            {
                context.Report(DenialAnswersNothing, claim, "/stance", Verb(claim.Stance));
            }

            if (claim.Stance == ClaimStance.Retracts && claim.Supersedes is null)
            {
                context.Report(RetractionWithoutTarget, claim, "/stance");
            }

            if (claim.Supersedes is { } replaced && context.Symbols.Find(replaced) is { } earlier && earlier.Claimant != claim.Claimant)
            {
                context.Report(SupersedesOtherClaimant, claim, "/supersedes", replaced.Value, earlier.Claimant.Value, claim.Claimant.Value);
            }

            if (claim.Statement is null && claim.Quote is null)
            {
                context.Report(ClaimWithoutContent, claim, null);
            }

            if (claim.Stance == ClaimStance.Acknowledges && claim.Subject.Attribution is { } attributionId && context.Symbols.Find(attributionId) is { } attribution
                && attribution.Accused != claim.Claimant && context.Symbols.Find(claim.Claimant)?.AffiliatedWith != attribution.Accused)
            {
                context.Report(AcknowledgedByOther, claim, "/claimant", claim.Claimant.Value, attribution.RecordId, attribution.Accused.Value);
            }

            if (claim.Quote is { } quote && claim.Sources.Any(s => s.Excerpt is not null)
                && !claim.Sources.Any(s => s.Excerpt is { } excerpt && Normalize(excerpt).Contains(Normalize(quote), StringComparison.Ordinal)))
            {
                context.Report(QuoteNotInSources, claim, "/quote");
            }
        }
    }

    /// <summary>Gets whether a denial has something to answer besides an explicit inResponseTo.</summary>
    private static bool Answers(RuleContext context, Claim claim)
    {
        ClaimSubject subject = claim.Subject;
        if (subject.Target is not { } target || subject.TargetKind is not { } kind)
        {
            return false;
        }

        bool assertedByOther = context.Dataset.Claims.Any(c => c.Claimant != claim.Claimant && c.Stance == ClaimStance.Asserts && c.Subject.Target == target && c.Subject.TargetKind == kind);
        return assertedByOther || context.Symbols.Find(kind, target) switch
        {
            Attribution a => a.Accuser is { } accuser && accuser != claim.Claimant,
            CasualtyEstimate e => e.ClaimedBy is { } by && by != claim.Claimant,
            null => true, // a dangling target is reported by CM1001
            _ => true, // an event, or a position about a mediation, ceasefire or actor, is what the claim answers
        };
    }

    private static string Verb(ClaimStance stance) => stance switch
    {
        ClaimStance.Denies => "denies",
        ClaimStance.Rejects => "rejects",
        _ => "declines to confirm",
    };

    /// <summary>Lower-cases, straightens typographic quotes and collapses white space, for comparing quotes with excerpts.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            char mapped = c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(mapped))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(mapped);
        }

        return builder.ToString();
    }
}

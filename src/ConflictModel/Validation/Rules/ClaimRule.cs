using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

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

    /// <summary>What is wrong with a claim on its own (a retraction of nothing, no content, a quote not in its excerpts); reported as the record is read.</summary>
    private static IEnumerable<(DiagnosticDescriptor Descriptor, string? Pointer)> OwnFindings(Claim claim)
    {
        if (claim.Stance == ClaimStance.Retracts && claim.Supersedes is null)
        {
            yield return (RetractionWithoutTarget, "/stance");
        }

        if (claim.Statement is null && claim.Quote is null)
        {
            yield return (ClaimWithoutContent, null);
        }

        if (claim.Quote is { } quote && claim.Sources.Any(s => s.Excerpt is not null)
            && !claim.Sources.Any(s => s.Excerpt is { } excerpt && Normalize(excerpt).Contains(Normalize(quote), StringComparison.Ordinal)))
        {
            yield return (QuoteNotInSources, "/quote");
        }
    }

    /// <summary>
    /// Streaming: what depends on the claim alone is reported as it is read, and so is what it looks up when the
    /// record looked up was read before it. Kept for the end: per denial that may answer nothing its target, claimant,
    /// stance and handle; per target of a claim that asserts, its first two claimants; per claim whose superseded
    /// claim, or acknowledged attribution, comes later, the ids it needs and its handle.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<Claim>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly Dictionary<(RecordKind Kind, string Target), (ActorId First, ActorId? Second)> _asserted = [];
        private readonly List<Denial> _denials = [];
        private readonly List<(ClaimId Replaced, ActorId Claimant, RecordHandle Handle)> _supersessions = [];
        private readonly List<(AttributionId Attribution, ActorId Claimant, RecordHandle Handle)> _acknowledgements = [];

        public void Record(RecordContext<Claim> context)
        {
            Claim claim = context.Record;
            ClaimSubject subject = claim.Subject;
            if (claim.Stance == ClaimStance.Asserts && subject.Target is { } asserted && subject.TargetKind is { } assertedKind and (RecordKind.Attribution or RecordKind.CasualtyEstimate))
            {
                // Two distinct claimants are enough to tell whether anyone but a given claimant asserts it.
                if (!_asserted.TryGetValue((assertedKind, asserted), out (ActorId First, ActorId? Second) claimants))
                {
                    _asserted[(assertedKind, asserted)] = (claim.Claimant, null);
                }
                else if (claimants.Second is null && claimants.First != claim.Claimant)
                {
                    _asserted[(assertedKind, asserted)] = (claimants.First, claim.Claimant);
                }
            }

            if (claim.Stance is ClaimStance.Denies or ClaimStance.Rejects or ClaimStance.DeclinesToConfirm && claim.InResponseTo is null)
            {
                if (subject.Target is not { } target || subject.TargetKind is not { } kind)
                {
                    context.Report(Diagnostic.Create(DenialAnswersNothing, context.LocationOf("/stance"), Verb(claim.Stance)));
                }
                else if (kind is RecordKind.Attribution or RecordKind.CasualtyEstimate)
                {
                    // Any other target (or none recorded) is something the denial answers.
                    _denials.Add(new Denial(kind, target, claim.Claimant, claim.Stance, context.Handle));
                }
            }

            foreach ((DiagnosticDescriptor descriptor, string? pointer) in OwnFindings(claim))
            {
                context.Report(Diagnostic.Create(descriptor, context.LocationOf(pointer)));
            }

            if (claim.Supersedes is { } replaced)
            {
                // The first claim with an id, once read, stays the first: what is found now is what the end would find.
                if (context.Symbols.Find(replaced) is { } earlier)
                {
                    if (earlier.Claimant != claim.Claimant)
                    {
                        context.Report(Diagnostic.Create(SupersedesOtherClaimant, context.LocationOf("/supersedes"), replaced.Value, earlier.Claimant.Value, claim.Claimant.Value));
                    }
                }
                else
                {
                    _supersessions.Add((replaced, claim.Claimant, context.Handle));
                }
            }

            if (claim.Stance == ClaimStance.Acknowledges && subject.Attribution is { } attributionId)
            {
                if (context.Symbols.Find(attributionId) is { } attribution && (attribution.Accused == claim.Claimant || context.Symbols.Find(claim.Claimant) is not null))
                {
                    if (ByOther(context.Symbols, attribution, claim.Claimant))
                    {
                        context.Report(Diagnostic.Create(AcknowledgedByOther, context.LocationOf("/claimant"), claim.Claimant.Value, attribution.RecordId, attribution.Accused.Value));
                    }
                }
                else
                {
                    _acknowledgements.Add((attributionId, claim.Claimant, context.Handle));
                }
            }

        }

        public void End(RuleEndContext context)
        {
            foreach (Denial denial in _denials)
            {
                bool assertedByOther = _asserted.TryGetValue((denial.Kind, denial.Target), out (ActorId First, ActorId? Second) claimants)
                    && (claimants.First != denial.Claimant || claimants.Second is not null);
                bool answers = assertedByOther || context.Symbols.Find(denial.Kind, denial.Target) switch
                {
                    Attribution a => a.Accuser is { } accuser && accuser != denial.Claimant,
                    CasualtyEstimate e => e.ClaimedBy is { } by && by != denial.Claimant,
                    _ => true,
                };
                if (!answers)
                {
                    context.Report(Diagnostic.Create(DenialAnswersNothing, context.LocationOf(denial.Handle, "/stance"), Verb(denial.Stance)));
                }
            }

            foreach ((ClaimId replaced, ActorId claimant, RecordHandle handle) in _supersessions)
            {
                if (context.Symbols.Find(replaced) is { } earlier && earlier.Claimant != claimant)
                {
                    context.Report(Diagnostic.Create(SupersedesOtherClaimant, context.LocationOf(handle, "/supersedes"), replaced.Value, earlier.Claimant.Value, claimant.Value));
                }
            }

            foreach ((AttributionId attributionId, ActorId claimant, RecordHandle handle) in _acknowledgements)
            {
                if (context.Symbols.Find(attributionId) is { } attribution && ByOther(context.Symbols, attribution, claimant))
                {
                    context.Report(Diagnostic.Create(AcknowledgedByOther, context.LocationOf(handle, "/claimant"), claimant.Value, attribution.RecordId, attribution.Accused.Value));
                }
            }
        }
    }

    /// <summary>Gets whether an acknowledgement by <paramref name="claimant"/> comes from someone other than the accused or an actor affiliated with it.</summary>
    private static bool ByOther(SymbolTable symbols, Attribution attribution, ActorId claimant)
        => attribution.Accused != claimant && symbols.Find(claimant)?.AffiliatedWith != attribution.Accused;

    private readonly record struct Denial(RecordKind Kind, string Target, ActorId Claimant, ClaimStance Stance, RecordHandle Handle);

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

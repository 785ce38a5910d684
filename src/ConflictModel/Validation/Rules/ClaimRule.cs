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
        "A denial, rejection or refusal to confirm answers something: an accusation (an attribution with an accuser), someone else's figure or assertion, an offer. Link it with inResponseTo, or record what it answers. When the denial names an attribution or estimate, it is not reported if part of the input could not be read: what it answers may be there.");

    public static DiagnosticDescriptor RetractionWithoutTarget { get; } = RuleDescriptors.Create(
        "CM5004", "Retraction of nothing", "The claim retracts, but does not say which earlier claim it withdraws", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A retraction withdraws the claimant's own earlier claim; name it with supersedes.");

    public static DiagnosticDescriptor SupersedesOtherClaimant { get; } = RuleDescriptors.Create(
        "CM5005", "Supersedes another claimant's claim", "The claim supersedes '{0}', which '{1}' made, not '{2}'", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A claim supersedes the same claimant's earlier claim (a revised figure, a retraction). To answer someone else's claim, use inResponseTo.");

    public static DiagnosticDescriptor ClaimWithoutContent { get; } = RuleDescriptors.Create(
        "CM5011", "Claim without content", "The claim has neither a statement nor a quote", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A claim records what was said: in the editor's words (statement), in the claimant's own (quote), or in a cited excerpt; a claim about a casualty figure may also leave it to the figure's phrase (\"over 200\").");

    public static DiagnosticDescriptor AcknowledgedByOther { get; } = RuleDescriptors.Create(
        "CM5013", "Acknowledged by someone other than the accused", "'{0}' acknowledges attribution '{1}', which holds '{2}' responsible", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "Acknowledging responsibility is the accused's act (or that of someone affiliated with it). A third party agreeing with the accusation asserts it.");

    public static DiagnosticDescriptor QuoteNotInSources { get; } = RuleDescriptors.Create(
        "CM5015", "Quote not found in the cited excerpts", "The quote does not appear in any excerpt the claim cites", DiagnosticCategories.Provenance, DiagnosticSeverity.Info,
        "A quote is the claimant's words verbatim; when the claim cites excerpts, the quote is expected in one of them (ignoring case, typographic quotes and spacing). A quote missing from them may be paraphrased or mistyped.");

    private readonly Func<int, int> _narrow;

    /// <summary>Creates the rule.</summary>
    public ClaimRule()
        : this(static hash => hash)
    {
    }

    /// <summary>Creates the rule with the hashes it keeps narrowed (a test seam: a constant makes every target's hash collide).</summary>
    internal ClaimRule(Func<int, int> narrow) => _narrow = narrow;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DenialAnswersNothing, RetractionWithoutTarget, SupersedesOtherClaimant, ClaimWithoutContent, AcknowledgedByOther, QuoteNotInSources];

    /// <summary>What is wrong with a claim on its own (a retraction of nothing, a quote not in its excerpts); reported as the record is read.</summary>
    private static IEnumerable<(DiagnosticDescriptor Descriptor, string? Pointer)> OwnFindings(Claim claim)
    {
        if (claim.Stance == ClaimStance.Retracts && claim.Supersedes is null)
        {
            yield return (RetractionWithoutTarget, "/stance");
        }

        if (claim.Quote is { } quote && claim.Sources.Any(s => s.Excerpt is not null)
            && !claim.Sources.Any(s => s.Excerpt is { } excerpt && Normalize(excerpt).Contains(Normalize(quote), StringComparison.Ordinal)))
        {
            yield return (QuoteNotInSources, "/quote");
        }
    }

    /// <summary>
    /// Streaming: what depends on the claim alone is reported as it is read, and so is what it looks up when the
    /// record looked up was read before it. Kept for the end, as handles (16 bytes, no strings; the claims are read
    /// again there): each denial that may answer nothing; each claim that asserts an attribution or an estimate, under
    /// the hash of its target (claims whose targets share a hash are told apart on the records); each claim whose
    /// superseded claim, or acknowledged attribution, comes later; each claim without words of its own about an
    /// estimate that comes later. Denials found to answer nothing are reported only when the input was read whole (a
    /// record never read may be what they answer).
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(start =>
        {
            var state = new State(_narrow);
            start.RegisterRecordAction<Claim>(state.Record);
            start.RegisterEndAction(state.End);
        });

    private sealed class State(Func<int, int> narrow)
    {
        private readonly PlacesByHash _asserting = new();
        private readonly ChunkedList<RecordHandle> _denials = new();
        private readonly ChunkedList<RecordHandle> _supersessions = new();
        private readonly ChunkedList<RecordHandle> _acknowledgements = new();
        private readonly ChunkedList<RecordHandle> _wordless = new();

        private int HashOf(RecordKind kind, string target) => narrow(HashCode.Combine(kind, StringComparer.Ordinal.GetHashCode(target)));

        public void Record(RecordContext<Claim> context)
        {
            Claim claim = context.Record;
            ClaimSubject subject = claim.Subject;
            if (claim.Stance == ClaimStance.Asserts && subject.Target is { } asserted && subject.TargetKind is { } assertedKind and (RecordKind.Attribution or RecordKind.CasualtyEstimate))
            {
                _asserting.Add(HashOf(assertedKind, asserted), context.Place);
            }

            if (claim.Stance is ClaimStance.Denies or ClaimStance.Rejects or ClaimStance.DeclinesToConfirm && claim.InResponseTo is null)
            {
                if (subject.Target is null || subject.TargetKind is not { } kind)
                {
                    context.Report(Diagnostic.Create(DenialAnswersNothing, context.LocationOf("/stance"), Verb(claim.Stance)));
                }
                else if (kind is RecordKind.Attribution or RecordKind.CasualtyEstimate)
                {
                    // Any other target (or none recorded) is something the denial answers.
                    _denials.Add(context.Handle);
                }
            }

            foreach ((DiagnosticDescriptor descriptor, string? pointer) in OwnFindings(claim))
            {
                context.Report(Diagnostic.Create(descriptor, context.LocationOf(pointer)));
            }

            if (IsWordless(claim))
            {
                // A claim about a casualty figure says what the figure's phrase says ("over 200"), when it has one.
                if (subject.CasualtyEstimate is not { } estimateId)
                {
                    context.Report(Diagnostic.Create(ClaimWithoutContent, context.LocationOf(null)));
                }
                else if (context.Symbols.Find(estimateId) is { } estimate)
                {
                    if (estimate.Figure.Phrase is null)
                    {
                        context.Report(Diagnostic.Create(ClaimWithoutContent, context.LocationOf(null)));
                    }
                }
                else
                {
                    _wordless.Add(context.Handle);
                }
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
                    _supersessions.Add(context.Handle);
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
                    _acknowledgements.Add(context.Handle);
                }
            }
        }

        public void End(RuleEndContext context)
        {
            for (int i = 0; i < _denials.Count; i++)
            {
                RecordHandle handle = _denials[i];
                if (context.ReadAgain(handle) is not Claim denial || denial.Subject.Target is not { } target || denial.Subject.TargetKind is not { } kind)
                {
                    continue;
                }

                bool answers = AssertedByOther(context, kind, target, denial.Claimant) || context.Symbols.Find(kind, target) switch
                {
                    Attribution a => a.Accuser is { } accuser && accuser != denial.Claimant,
                    CasualtyEstimate e => e.ClaimedBy is { } by && by != denial.Claimant,
                    _ => true,
                };
                if (!answers && context.IsInputComplete)
                {
                    context.Report(Diagnostic.Create(DenialAnswersNothing, context.LocationOf(handle, "/stance"), Verb(denial.Stance)));
                }
            }

            for (int i = 0; i < _supersessions.Count; i++)
            {
                RecordHandle handle = _supersessions[i];
                if (context.ReadAgain(handle) is Claim { Supersedes: { } replaced } claim && context.Symbols.Find(replaced) is { } earlier && earlier.Claimant != claim.Claimant)
                {
                    context.Report(Diagnostic.Create(SupersedesOtherClaimant, context.LocationOf(handle, "/supersedes"), replaced.Value, earlier.Claimant.Value, claim.Claimant.Value));
                }
            }

            for (int i = 0; i < _wordless.Count; i++)
            {
                RecordHandle handle = _wordless[i];
                if (context.ReadAgain(handle) is Claim { Subject.CasualtyEstimate: { } estimateId } && context.Symbols.Find(estimateId)?.Figure.Phrase is null)
                {
                    context.Report(Diagnostic.Create(ClaimWithoutContent, context.LocationOf(handle, null)));
                }
            }

            for (int i = 0; i < _acknowledgements.Count; i++)
            {
                RecordHandle handle = _acknowledgements[i];
                if (context.ReadAgain(handle) is Claim { Subject.Attribution: { } attributionId } claim
                    && context.Symbols.Find(attributionId) is { } attribution && ByOther(context.Symbols, attribution, claim.Claimant))
                {
                    context.Report(Diagnostic.Create(AcknowledgedByOther, context.LocationOf(handle, "/claimant"), claim.Claimant.Value, attribution.RecordId, attribution.Accused.Value));
                }
            }
        }

        /// <summary>
        /// Gets whether a claimant other than <paramref name="claimant"/> asserts the target: the asserting claims
        /// under its hash are read again, in input order, until one by someone else is found (those about another
        /// target sharing the hash are left out).
        /// </summary>
        private bool AssertedByOther(RuleEndContext context, RecordKind kind, string target, ActorId claimant)
        {
            foreach (int place in _asserting.All(HashOf(kind, target)))
            {
                RecordHandle handle = context.HandleOf(place);
                if (context.ReadAgain(handle) is Claim { Stance: ClaimStance.Asserts } claim && claim.Subject.TargetKind == kind
                    && string.Equals(claim.Subject.Target, target, StringComparison.Ordinal) && claim.Claimant != claimant)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsWordless(Claim claim) => claim.Statement is null && claim.Quote is null && !claim.Sources.Any(s => s.Excerpt is not null);

    /// <summary>Gets whether an acknowledgement by <paramref name="claimant"/> comes from someone other than the accused or an actor affiliated with it.</summary>
    private static bool ByOther(SymbolTable symbols, Attribution attribution, ActorId claimant)
        => attribution.Accused != claimant && symbols.Find(claimant)?.AffiliatedWith != attribution.Accused;

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

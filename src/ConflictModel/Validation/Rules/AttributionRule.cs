using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM5002, CM5006–CM5008 and CM5012: who accuses whom, and how the accused answered.</summary>
internal sealed class AttributionRule : DatasetRule
{
    public static DiagnosticDescriptor NoAccuser { get; } = RuleDescriptors.Create(
        "CM5002", "Attribution without an accuser", "The attribution does not say who holds '{0}' responsible", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "An accusation is someone's: name the accuser. When the attribution is the dataset's own finding (a perpetrator as UCDP codes it), suppress this rule for the file with a justification saying so.");

    public static DiagnosticDescriptor AccuserIsAccused { get; } = RuleDescriptors.Create(
        "CM5006", "Accuser is the accused", "'{0}' is both the accuser and the accused", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "An actor that assigns responsibility to itself acknowledges it: record the accused's acknowledging claim and set the response to acknowledged, and name who made the accusation, if anyone did.");

    public static DiagnosticDescriptor ResponseContradicted { get; } = RuleDescriptors.Create(
        "CM5007", "Response contradicts the accused's claim", "The response is '{0}', but the accused's claim '{1}' {2}", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "An attribution's response summarises how the accused answered; it should agree with the accused's own claims about it (a denial means 'denied', an acknowledgement 'acknowledged', declining to confirm 'declinedToComment'). A claim the attribution lists that asserts something else than the attribution (the accused's counter-accusation, its own account) is not an answer to it.");

    public static DiagnosticDescriptor ResponseUnsupported { get; } = RuleDescriptors.Create(
        "CM5008", "Response without the accused's claim", "The response is '{0}', but no claim by '{1}' records it", DiagnosticCategories.Provenance, DiagnosticSeverity.Info,
        "When the accused denied, acknowledged or declined to comment, the claim in which it did so is the evidence; add it and list it among the attribution's claims. Not reported when part of the input could not be read: the claim may be there.");

    public static DiagnosticDescriptor BeneficiaryForPerpetration { get; } = RuleDescriptors.Create(
        "CM5012", "Beneficiary of a perpetration", "The attribution names a beneficiary, '{0}', but the responsibility is perpetration", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A beneficiary is the actor the accused instigated, supported or harboured. Someone who carried an act out directly has no beneficiary: the responsibility kind or the beneficiary is wrong.");

    private readonly System.Func<int, int> _narrow;

    /// <summary>Creates the rule.</summary>
    public AttributionRule()
        : this(static hash => hash)
    {
    }

    /// <summary>Creates the rule with the hashes it keeps narrowed (a test seam: a constant makes every attribution id's hash collide).</summary>
    internal AttributionRule(System.Func<int, int> narrow) => _narrow = narrow;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [NoAccuser, AccuserIsAccused, ResponseContradicted, ResponseUnsupported, BeneficiaryForPerpetration];

    /// <summary>What is wrong with an attribution on its own (no accuser, accusing itself, a beneficiary of a perpetration); reported as the record is read.</summary>
    private static IEnumerable<(DiagnosticDescriptor Descriptor, string Pointer, string Argument)> OwnFindings(Attribution attribution)
    {
        if (attribution.Accuser is null)
        {
            yield return (NoAccuser, "/accused", attribution.Accused.Value);
        }
        else if (attribution.Accuser == attribution.Accused)
        {
            yield return (AccuserIsAccused, "/accuser", attribution.Accused.Value);
        }

        if (attribution.Beneficiary is { } beneficiary && attribution.Responsibility == ResponsibilityKind.Perpetration)
        {
            yield return (BeneficiaryForPerpetration, "/beneficiary", beneficiary.Value);
        }
    }

    /// <summary>
    /// Per validation: the checks of one attribution are reported as it is read. For the response, per attribution the
    /// hash of its id, its response, whether it lists claims and its handle, and per claim about an attribution with a
    /// stance that implies a response its handle under the hash of the attribution's id, in input order (no strings
    /// kept). At the end an attribution that could have an answer is read again, with the claims under its id's hash
    /// (those about another attribution whose id shares the hash are told apart on the records). The accused's answer
    /// is the last of the accused's claims that implies a response: among the claims the attribution lists (the first
    /// claim with each id) that answer it (see <see cref="Answers"/>), then among the claims about the attribution that
    /// are not one of those, a claim equal to an earlier one about it (a repeated line) counted once.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(start =>
        {
            var state = new State(_narrow);
            start.RegisterRecordAction<Attribution>(state.Attribution);
            start.RegisterRecordAction<Claim>(state.Claim);
            start.RegisterEndAction(state.End);
        });

    private sealed class State(System.Func<int, int> narrow)
    {
        private readonly ChunkedList<Accusation> _attributions = new();
        private readonly PlacesByHash _about = new();

        /// <summary>The hash an attribution's id is kept by (equal ids share it; different ids may too).</summary>
        private int HashOf(string attributionId) => narrow(System.StringComparer.Ordinal.GetHashCode(attributionId));

        public void Attribution(RecordContext<Attribution> context)
        {
            Attribution attribution = context.Record;
            foreach ((DiagnosticDescriptor descriptor, string pointer, string argument) in OwnFindings(attribution))
            {
                context.Report(Diagnostic.Create(descriptor, context.LocationOf(pointer), argument));
            }

            _attributions.Add(new Accusation(HashOf(attribution.Id.Value), attribution.Response, !attribution.Claims.IsEmpty, context.Place));
        }

        public void Claim(RecordContext<Claim> context)
        {
            Claim claim = context.Record;
            if (claim.Subject.Kind == ClaimSubjectKind.Attribution && Implied(claim.Stance) is not null)
            {
                // Claims that imply no response can never be the answer, nor hide one that does (they differ from it).
                _about.Add(HashOf(claim.Subject.Target!), context.Place);
            }
        }

        public void End(RuleEndContext context)
        {
            for (int i = 0; i < _attributions.Count; i++)
            {
                Accusation kept = _attributions[i];
                int[] about = _about.All(kept.IdHash);
                if (kept.Response == AccusedResponse.NoResponse && !kept.ListsClaims && about.Length == 0)
                {
                    continue; // no answer to find, and none needed
                }

                RecordHandle keptHandle = context.HandleOf(kept.Place);
                if (context.ReadAgain(keptHandle) is not Attribution attribution)
                {
                    continue;
                }

                (ClaimId Id, ClaimStance Stance)? answer = LastAnswer(context, attribution, AnswersAbout(context, attribution, about));
                if (answer is { } found && Implied(found.Stance) != attribution.Response)
                {
                    context.Report(Diagnostic.Create(ResponseContradicted, context.LocationOf(keptHandle, "/response"), Names.Of(attribution.Response), found.Id.Value, Says(found.Stance)));
                }
                else if (answer is null && attribution.Response != AccusedResponse.NoResponse && context.IsInputComplete)
                {
                    context.Report(Diagnostic.Create(ResponseUnsupported, context.LocationOf(keptHandle, "/response"), Names.Of(attribution.Response), attribution.Accused.Value));
                }
            }
        }

        /// <summary>
        /// The claims about an attribution that imply a response, read again from the places under its id's hash, in
        /// input order: a claim about another attribution (a hash collision) is left out, and so is a claim equal to an
        /// earlier one (a repeated line): the answer finds it already among the accused's claims.
        /// </summary>
        private static List<(Claim Claim, RecordHandle Handle)> AnswersAbout(RuleEndContext context, Attribution attribution, int[] places)
        {
            var answers = new List<(Claim Claim, RecordHandle Handle)>(places.Length);
            foreach (int place in places)
            {
                RecordHandle handle = context.HandleOf(place);
                if (context.ReadAgain(handle) is not Claim claim
                    || claim.Subject.Kind != ClaimSubjectKind.Attribution
                    || !string.Equals(claim.Subject.Target, attribution.Id.Value, System.StringComparison.Ordinal)
                    || Implied(claim.Stance) is null
                    || answers.Exists(earlier => earlier.Claim.Id == claim.Id && earlier.Claim.Equals(claim)))
                {
                    continue;
                }

                answers.Add((claim, handle));
            }

            return answers;
        }

        /// <summary>
        /// The last of the accused's claims that implies a response, in the order described on <see cref="Initialize"/>: the listed
        /// claims (the first claim with each id), then the claims about the attribution that are not one of those.
        /// </summary>
        private static (ClaimId Id, ClaimStance Stance)? LastAnswer(RuleEndContext context, Attribution attribution, List<(Claim Claim, RecordHandle Handle)> answers)
        {
            for (int i = answers.Count - 1; i >= 0; i--)
            {
                Claim about = answers[i].Claim;
                if (about.Claimant != attribution.Accused)
                {
                    continue;
                }

                // A listed claim by the accused is the first claim with its id; a claim about the attribution equal
                // to it is that claim (or a repeat of it), already counted.
                if (attribution.Claims.Contains(about.Id) && context.Symbols.Find(about.Id) is { } listed && listed.Equals(about))
                {
                    continue;
                }

                return (about.Id, about.Stance);
            }

            for (int i = attribution.Claims.Length - 1; i >= 0; i--)
            {
                if (context.Symbols.Find(attribution.Claims[i]) is { } claim && claim.Claimant == attribution.Accused && Implied(claim.Stance) is not null && Answers(claim, attribution.Id))
                {
                    return (claim.Id, claim.Stance);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Gets whether a claim the attribution lists, made by the accused, answers it: a claim about this attribution
    /// does; one about another attribution answers that one; one about anything else (its event, a position) answers
    /// it when it denies, rejects, declines to confirm or acknowledges, but not when it asserts, for the accused's
    /// assertion about something else (its counter-accusation, its own account) acknowledges nothing.
    /// </summary>
    private static bool Answers(Claim claim, AttributionId attribution)
        => claim.Subject.Attribution is { } about ? about == attribution : claim.Stance != ClaimStance.Asserts;

    /// <summary>What is kept of an attribution until the end: 24 bytes, no string.</summary>
    private readonly record struct Accusation(int IdHash, AccusedResponse Response, bool ListsClaims, int Place);

    private static AccusedResponse? Implied(ClaimStance stance) => stance switch
    {
        ClaimStance.Denies or ClaimStance.Rejects => AccusedResponse.Denied,
        ClaimStance.Acknowledges or ClaimStance.Asserts => AccusedResponse.Acknowledged,
        ClaimStance.DeclinesToConfirm => AccusedResponse.DeclinedToComment,
        _ => null,
    };

    private static string Says(ClaimStance stance) => stance switch
    {
        ClaimStance.Denies or ClaimStance.Rejects => "denies it",
        ClaimStance.DeclinesToConfirm => "declines to confirm it",
        _ => "acknowledges it",
    };
}

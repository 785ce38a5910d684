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
        "An attribution's response summarises how the accused answered; it should agree with the accused's own claims about it (a denial means 'denied', an acknowledgement 'acknowledged', declining to confirm 'declinedToComment').");

    public static DiagnosticDescriptor ResponseUnsupported { get; } = RuleDescriptors.Create(
        "CM5008", "Response without the accused's claim", "The response is '{0}', but no claim by '{1}' records it", DiagnosticCategories.Provenance, DiagnosticSeverity.Info,
        "When the accused denied, acknowledged or declined to comment, the claim in which it did so is the evidence; add it and list it among the attribution's claims.");

    public static DiagnosticDescriptor BeneficiaryForPerpetration { get; } = RuleDescriptors.Create(
        "CM5012", "Beneficiary of a perpetration", "The attribution names a beneficiary, '{0}', but the responsibility is perpetration", DiagnosticCategories.Provenance, DiagnosticSeverity.Warning,
        "A beneficiary is the actor the accused instigated, supported or harboured. Someone who carried an act out directly has no beneficiary: the responsibility kind or the beneficiary is wrong.");

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
    /// Per validation: the checks of one attribution are reported as it is read; for the response, per attribution its
    /// id, accused, response, listed claim ids and handle, and per claim about an attribution with a stance that implies
    /// a response its id, claimant, stance and handle, in input order. At the end the accused's answer is the last of
    /// the accused's claims that implies a response: among the claims the attribution lists (the first claim with each
    /// id), then among the claims about the attribution that are not one of those.
    /// </summary>
    public override void Initialize(RuleRegistration context)
        => context.RegisterStartAction(static start =>
        {
            var state = new State();
            start.RegisterRecordAction<Attribution>(state.Attribution);
            start.RegisterRecordAction<Claim>(state.Claim);
            start.RegisterEndAction(state.End);
        });

    private sealed class State
    {
        private readonly List<Accusation> _attributions = [];
        private readonly Dictionary<string, List<Answer>> _about = new(System.StringComparer.Ordinal);

        public void Attribution(RecordContext<Attribution> context)
        {
            Attribution attribution = context.Record;
            foreach ((DiagnosticDescriptor descriptor, string pointer, string argument) in OwnFindings(attribution))
            {
                context.Report(Diagnostic.Create(descriptor, context.LocationOf(pointer), argument));
            }

            _attributions.Add(new Accusation(attribution.Id, attribution.Accused, attribution.Response, attribution.Claims, context.Handle));
        }

        public void Claim(RecordContext<Claim> context)
        {
            Claim claim = context.Record;
            if (claim.Subject.Kind == ClaimSubjectKind.Attribution && Implied(claim.Stance) is not null)
            {
                // Claims that imply no response can never be the answer, nor hide one that does (they differ from it).
                if (!_about.TryGetValue(claim.Subject.Target!, out List<Answer>? answers))
                {
                    _about[claim.Subject.Target!] = answers = [];
                }

                answers.Add(new Answer(claim.Id, claim.Claimant, claim.Stance, context.Handle));
            }
        }

        public void End(RuleEndContext context)
        {
            foreach (List<Answer> answers in _about.Values)
            {
                DropRepeats(context, answers);
            }

            foreach (Accusation attribution in _attributions)
            {
                (ClaimId Id, ClaimStance Stance)? answer = LastAnswer(context, attribution);
                if (answer is { } found && Implied(found.Stance) != attribution.Response)
                {
                    context.Report(Diagnostic.Create(ResponseContradicted, context.LocationOf(attribution.Handle, "/response"), Names.Of(attribution.Response), found.Id.Value, Says(found.Stance)));
                }
                else if (answer is null && attribution.Response != AccusedResponse.NoResponse)
                {
                    context.Report(Diagnostic.Create(ResponseUnsupported, context.LocationOf(attribution.Handle, "/response"), Names.Of(attribution.Response), attribution.Accused.Value));
                }
            }
        }

        /// <summary>
        /// Removes the claims equal to an earlier one about the same attribution (a repeated line): the answer
        /// finds them already among the accused's claims and skips them. Only claims sharing an id are read again.
        /// </summary>
        private static void DropRepeats(RuleEndContext context, List<Answer> answers)
        {
            if (answers.Count < 2)
            {
                return;
            }

            var seen = new HashSet<ClaimId>();
            for (int i = 0; i < answers.Count; i++)
            {
                if (seen.Add(answers[i].Id))
                {
                    continue;
                }

                ConflictRecord? claim = context.ReadAgain(answers[i].Handle);
                for (int j = 0; j < i; j++)
                {
                    if (answers[j].Id == answers[i].Id && claim is not null && claim.Equals(context.ReadAgain(answers[j].Handle)))
                    {
                        answers.RemoveAt(i--);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// The last of the accused's claims that implies a response, in the order described on <see cref="Initialize"/>: the listed
        /// claims (the first claim with each id), then the claims about the attribution that are not one of those.
        /// </summary>
        private (ClaimId Id, ClaimStance Stance)? LastAnswer(RuleEndContext context, Accusation attribution)
        {
            if (_about.TryGetValue(attribution.Id.Value, out List<Answer>? answers))
            {
                for (int i = answers.Count - 1; i >= 0; i--)
                {
                    Answer about = answers[i];
                    if (about.Claimant != attribution.Accused)
                    {
                        continue;
                    }

                    // A listed claim by the accused is the first claim with its id; a claim about the attribution equal
                    // to it is that claim (or a repeat of it), already counted.
                    if (attribution.Claims.Contains(about.Id) && context.Symbols.Find(about.Id) is { } listed && listed.Equals(context.ReadAgain(about.Handle)))
                    {
                        continue;
                    }

                    return (about.Id, about.Stance);
                }
            }

            for (int i = attribution.Claims.Length - 1; i >= 0; i--)
            {
                if (context.Symbols.Find(attribution.Claims[i]) is { } claim && claim.Claimant == attribution.Accused && Implied(claim.Stance) is not null)
                {
                    return (claim.Id, claim.Stance);
                }
            }

            return null;
        }
    }

    private readonly record struct Accusation(AttributionId Id, ActorId Accused, AccusedResponse Response, ImmutableArray<ClaimId> Claims, RecordHandle Handle);

    private readonly record struct Answer(ClaimId Id, ActorId Claimant, ClaimStance Stance, RecordHandle Handle);

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

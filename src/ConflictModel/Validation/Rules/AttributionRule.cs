using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

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

    public override ImmutableArray<RecordKind> RetainedKinds { get; } = [RecordKind.Attribution, RecordKind.Claim];

    public override void Analyze(RuleContext context)
    {
        ILookup<string, Claim> claimsAbout = context.Dataset.Claims
            .Where(c => c.Subject.Kind == ClaimSubjectKind.Attribution)
            .ToLookup(c => c.Subject.Target!, System.StringComparer.Ordinal);
        foreach (Attribution attribution in context.Dataset.Attributions)
        {
            if (attribution.Accuser is null)
            {
                context.Report(NoAccuser, attribution, "/accused", attribution.Accused.Value);
            }
            else if (attribution.Accuser == attribution.Accused)
            {
                context.Report(AccuserIsAccused, attribution, "/accuser", attribution.Accused.Value);
            }

            if (attribution.Beneficiary is { } beneficiary && attribution.Responsibility == ResponsibilityKind.Perpetration)
            {
                context.Report(BeneficiaryForPerpetration, attribution, "/beneficiary", beneficiary.Value);
            }

            CheckResponse(context, attribution, claimsAbout[attribution.RecordId]);
        }
    }

    private static void CheckResponse(RuleContext context, Attribution attribution, IEnumerable<Claim> about)
    {
        var byAccused = new List<Claim>();
        foreach (ClaimId id in attribution.Claims)
        {
            if (context.Symbols.Find(id) is { } claim && claim.Claimant == attribution.Accused)
            {
                byAccused.Add(claim);
            }
        }

        foreach (Claim claim in about)
        {
            if (claim.Claimant == attribution.Accused && !byAccused.Contains(claim))
            {
                byAccused.Add(claim);
            }
        }

        Claim? answer = byAccused.LastOrDefault(c => Implied(c.Stance) is not null);
        if (answer is not null && Implied(answer.Stance) != attribution.Response)
        {
            context.Report(ResponseContradicted, attribution, "/response", Names.Of(attribution.Response), answer.RecordId, Says(answer.Stance));
        }
        else if (answer is null && attribution.Response != AccusedResponse.NoResponse)
        {
            context.Report(ResponseUnsupported, attribution, "/response", Names.Of(attribution.Response), attribution.Accused.Value);
        }
    }

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

using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4003, CM4005 and CM4011: parties and signatories that do not fit the record.</summary>
internal sealed class PartiesRule : DatasetRule
{
    public static DiagnosticDescriptor ScopeMismatch { get; } = RuleDescriptors.Create(
        "CM4003", "Ceasefire scope does not match its parties", "A {0} ceasefire has {1} {2}", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A unilateral ceasefire binds one party, a bilateral one two, a multilateral one more than two. A bilateral ceasefire with one party is missing the other party, or is really unilateral.");

    public static DiagnosticDescriptor NoParties { get; } = RuleDescriptors.Create(
        "CM4005", "No parties", "This {0} has no {1}", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A ceasefire binds parties, a mediation mediates between parties, an agreement has signatories. Without them the record cannot be linked to the conflict it belongs to.");

    public static DiagnosticDescriptor SingleSignatory { get; } = RuleDescriptors.Create(
        "CM4011", "Agreement with one signatory", "The agreement has only one signatory, '{0}'", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "An agreement is between at least two parties; a commitment by one party alone is a declaration (a unilateral ceasefire, a statement). The other signatory is probably missing.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [ScopeMismatch, NoParties, SingleSignatory];

    public override void Initialize(RuleRegistration context)
    {
        context.RegisterRecordAction<Ceasefire>(CheckCeasefire);
        context.RegisterRecordAction<Mediation>(static c =>
        {
            if (c.Record.Parties.IsEmpty)
            {
                c.Report(NoParties, null, "mediation", "parties");
            }
        });
        context.RegisterRecordAction<Agreement>(static c =>
        {
            Agreement agreement = c.Record;
            if (agreement.Signatories.IsEmpty)
            {
                c.Report(NoParties, null, "agreement", "signatories");
            }
            else if (agreement.Signatories.Length == 1)
            {
                c.Report(SingleSignatory, "/signatories", agreement.Signatories[0].Value);
            }
        });
    }

    private static void CheckCeasefire(RecordContext<Ceasefire> context)
    {
        Ceasefire ceasefire = context.Record;
        {
            int count = ceasefire.Parties.Length;
            if (count == 0)
            {
                context.Report(NoParties, null, "ceasefire", "parties");
                return;
            }

            bool fits = ceasefire.Scope switch
            {
                CeasefireScope.Unilateral => count == 1,
                CeasefireScope.Bilateral => count == 2,
                CeasefireScope.Multilateral => count > 2,
                _ => true,
            };
            if (!fits)
            {
                context.Report(ScopeMismatch, "/scope", Names.Of(ceasefire.Scope!.Value), count, count == 1 ? "party" : "parties");
            }
        }
    }
}

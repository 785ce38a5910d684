using System.Collections.Immutable;
using ConflictModel.Diagnostics;
using ConflictModel.Model;

namespace ConflictModel.Validation.Rules;

/// <summary>CM4024: a round of talks credited with a ceasefire declared before it took place.</summary>
internal sealed class MediationOutcomeRule : DatasetRule
{
    public static DiagnosticDescriptor OutcomeBeforeTalks { get; } = RuleDescriptors.Create(
        "CM4024", "Outcome before the talks", "The ceasefire '{0}' was declared ({1}) before this round of talks ({2})", DiagnosticCategories.Diplomacy, DiagnosticSeverity.Warning,
        "A round of talks produces what is declared at or after it. A ceasefire declared entirely before the round was brokered elsewhere, or one of the dates is wrong; a round that confirmed or extended an earlier ceasefire records that as the ceasefire's 'extended' or 'renewed' status change instead. Partial dates are compared by the days they may denote.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [OutcomeBeforeTalks];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<Mediation>(Check);

    private static void Check(RecordContext<Mediation> context)
    {
        ImmutableArray<MediationRound> rounds = context.Record.Rounds;
        for (int i = 0; i < rounds.Length; i++)
        {
            if (rounds[i].Date is not { } date)
            {
                continue;
            }

            ImmutableArray<MediationOutcome> outcomes = rounds[i].Outcomes;
            for (int j = 0; j < outcomes.Length; j++)
            {
                if (outcomes[j].Ceasefire is { } id && context.Symbols.Find(id) is { Declared: { } declared } && RecordDates.EntirelyBefore(declared, date))
                {
                    context.Report(OutcomeBeforeTalks, $"/rounds/{i}/outcomes/{j}/ceasefire", id.Value, declared.ToString(), date.ToString());
                }
            }
        }
    }
}

using System;
using System.Linq;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Samples;

/// <summary>
/// Finds the casualty figures in a dataset that count the same people (<see cref="CasualtyEnvelope.GroupsOf"/>), and says
/// for each group whether the claims agree (and on what range) or contradict each other, and who makes each claim.
/// </summary>
public static class ReconcileFigures
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: reconcile-figures <dataset.json>");
            return 2;
        }

        Dataset dataset = ConflictJsonSerializer.Deserialize(System.IO.File.ReadAllBytes(args[0]));
        ILookup<CasualtyEstimateId, Claim> claims = dataset.Claims
            .Where(c => c.Subject.CasualtyEstimate is not null)
            .ToLookup(c => c.Subject.CasualtyEstimate!.Value);

        // Every population that two or more estimates count, with what the estimates say together.
        foreach (CasualtyEstimateGroup group in CasualtyEnvelope.GroupsOf(dataset))
        {
            CasualtyEnvelope envelope = group.Envelope;
            string verdict = envelope.IsContradictory
                ? $"CONTRADICTORY ({envelope.Conflicts.Length} pair(s))"
                : envelope.AgreedMinimum is { } min ? $"agree on {min} to {Bound(envelope.AgreedMaximum)}" : "nothing known";
            Console.WriteLine($"{group.Population} of {group.Side?.ToString() ?? "?"}: {group.Estimates.Length} estimate(s), {verdict}");
            foreach (CasualtyEstimate estimate in group.Estimates)
            {
                string who = string.Join(", ", claims[estimate.Id].Select(c => $"{c.Claimant} {c.Stance}"));
                Console.WriteLine($"  {estimate.Id}: {estimate.Figure} [{(who.Length > 0 ? who : estimate.ClaimedBy?.ToString() ?? "unattributed")}]");
            }

            Console.WriteLine($"  together: {envelope}");
        }

        return 0;
    }

    private static string Bound(long? value) => value is long.MaxValue or null ? "no upper bound" : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

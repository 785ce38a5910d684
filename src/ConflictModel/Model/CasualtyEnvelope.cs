using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace ConflictModel.Model;

/// <summary>
/// What several estimates of the same population say together: the envelope from the smallest count any allows to
/// the largest, the range all of them allow (their intersection) when there is one, and the pairs that cannot both
/// be true. "Over 200" and "200" contradict each other; "at least 58" and "about 60" do not. Immutable.
/// </summary>
public sealed record CasualtyEnvelope
{
    private readonly ValueArray<CasualtyEstimateId> _estimates;
    private readonly ValueArray<CasualtyEstimateId> _unknown;
    private readonly ValueArray<CasualtyConflict> _conflicts;

    private CasualtyEnvelope(
        ImmutableArray<CasualtyEstimateId> estimates,
        ImmutableArray<CasualtyEstimateId> unknown,
        long? minimum,
        long? maximum,
        long? agreedMinimum,
        long? agreedMaximum,
        ImmutableArray<CasualtyConflict> conflicts)
    {
        _estimates = new(estimates);
        _unknown = new(unknown);
        Minimum = minimum;
        Maximum = maximum;
        AgreedMinimum = agreedMinimum;
        AgreedMaximum = agreedMaximum;
        _conflicts = new(conflicts);
    }

    /// <summary>Gets the estimates with a known figure that the envelope covers, in the order given.</summary>
    public ImmutableArray<CasualtyEstimateId> Estimates => _estimates.Items;

    /// <summary>Gets the estimates whose figure is unknown; they neither widen nor contradict anything.</summary>
    public ImmutableArray<CasualtyEstimateId> Unknown => _unknown.Items;

    /// <summary>Gets the smallest count any estimate allows; null when none has a known figure.</summary>
    public long? Minimum { get; }

    /// <summary>Gets the largest count any estimate allows; <see cref="long.MaxValue"/> when one is open-ended; null when none is known.</summary>
    public long? Maximum { get; }

    /// <summary>Gets the smallest count every estimate allows; null when they contradict each other or none is known.</summary>
    public long? AgreedMinimum { get; }

    /// <summary>Gets the largest count every estimate allows; null when they contradict each other or none is known.</summary>
    public long? AgreedMaximum { get; }

    /// <summary>Gets whether no single count satisfies every estimate.</summary>
    public bool IsContradictory => !_conflicts.Items.IsEmpty;

    /// <summary>Gets each pair of estimates that cannot both be true.</summary>
    public ImmutableArray<CasualtyConflict> Conflicts => _conflicts.Items;

    /// <summary>
    /// Groups a dataset's casualty estimates by the people they count (<see cref="CasualtyEstimate.CountsSamePopulationAs"/>:
    /// the same population, side, category, event, period and location) and returns each population that two or more
    /// estimates count — the contested figures — with its envelope, in the order of each group's first estimate. The
    /// groups whose <see cref="CasualtyEstimateGroup.IsContradictory"/> is true are those whose figures cannot all be
    /// true (what <c>conflictmodel stats</c> lists). The estimates the dataset's claims supersede
    /// (<see cref="SupersededEstimates"/>) are left out: a figure its claimant replaced is no one's figure any more.
    /// One pass over the estimates, however many there are.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="approximateTolerance">The relative margin allowed around an approximate best figure, 0 to 1 (default 10%).</param>
    /// <returns>The groups of two or more estimates, each in the dataset's order.</returns>
    /// <exception cref="ArgumentException">The dataset is null or the tolerance is outside 0 to 1.</exception>
    public static ImmutableArray<CasualtyEstimateGroup> GroupsOf(Dataset dataset, double approximateTolerance = 0.1)
    {
        Guard.Against.Null(dataset);
        Guard.Against.OutOfRange(approximateTolerance, nameof(approximateTolerance), 0d, 1d);

        // Keyed by the members CountsSamePopulationAs compares, so that grouping is one pass, not a search per estimate.
        var groups = new Dictionary<(CasualtyPopulation, ActorId?, CasualtyCategory?, EventId?, EdtfDate?, Location?), ImmutableArray<CasualtyEstimate>.Builder>();
        var order = new List<ImmutableArray<CasualtyEstimate>.Builder>();
        SupersededEstimates superseded = SupersededEstimates.Of(dataset.Claims);
        foreach (CasualtyEstimate estimate in dataset.CasualtyEstimates)
        {
            if (superseded.Contains(estimate.Id))
            {
                continue;
            }

            var key = (estimate.Population, estimate.Side, estimate.Category, estimate.Event, estimate.Period, estimate.Location);
            if (!groups.TryGetValue(key, out ImmutableArray<CasualtyEstimate>.Builder? group))
            {
                groups[key] = group = ImmutableArray.CreateBuilder<CasualtyEstimate>();
                order.Add(group);
            }

            group.Add(estimate);
        }

        var result = ImmutableArray.CreateBuilder<CasualtyEstimateGroup>();
        foreach (ImmutableArray<CasualtyEstimate>.Builder group in order)
        {
            if (group.Count > 1)
            {
                ImmutableArray<CasualtyEstimate> estimates = group.ToImmutable();
                result.Add(new CasualtyEstimateGroup(estimates, Of(estimates, approximateTolerance)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Returns the envelope in words: <c>200 to no upper bound; contradictory: 'a' contradicts 'b'</c>, or
    /// <c>50 to 70; all allow 55 to 60</c>, then the estimates it covers (and those with no known figure).
    /// </summary>
    /// <returns>The envelope in words.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        if (Minimum is { } minimum && Maximum is { } maximum)
        {
            text.Append(CasualtyText.Range(minimum, maximum));
            if (IsContradictory)
            {
                text.Append("; contradictory: ").AppendJoin(", ", Conflicts);
            }
            else if (AgreedMinimum is { } agreedMinimum && AgreedMaximum is { } agreedMaximum)
            {
                text.Append("; all allow ").Append(CasualtyText.Range(agreedMinimum, agreedMaximum));
            }
        }
        else
        {
            text.Append("no known figure");
        }

        if (!Estimates.IsEmpty)
        {
            text.Append(" (").AppendJoin(", ", Estimates).Append(')');
        }

        if (!Unknown.IsEmpty)
        {
            text.Append(" (unknown: ").AppendJoin(", ", Unknown).Append(')');
        }

        return text.ToString();
    }

    /// <summary>Computes the envelope of estimates of one population.</summary>
    /// <param name="estimates">The estimates; all must count the same people (<see cref="CasualtyEstimate.CountsSamePopulationAs"/>).</param>
    /// <param name="approximateTolerance">The relative margin allowed around an approximate best figure, 0 to 1 (default 10%).</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ArgumentException">The estimates are empty, contain null, or count different people.</exception>
    public static CasualtyEnvelope Of(IEnumerable<CasualtyEstimate> estimates, double approximateTolerance = 0.1)
    {
        Guard.Against.Null(estimates);
        Guard.Against.OutOfRange(approximateTolerance, nameof(approximateTolerance), 0d, 1d);
        ImmutableArray<CasualtyEstimate> all = [.. estimates];
        Guard.Against.NullOrEmpty(all, nameof(estimates));
        Guard.Against.NullItems(all, nameof(estimates));
        for (int i = 1; i < all.Length; i++)
        {
            if (!all[i].CountsSamePopulationAs(all[0]))
            {
                throw new ArgumentException($"Estimates {all[0].Id} and {all[i].Id} count different people; an envelope compares estimates of one population.", nameof(estimates));
            }
        }

        var known = ImmutableArray.CreateBuilder<CasualtyEstimateId>();
        var unknown = ImmutableArray.CreateBuilder<CasualtyEstimateId>();
        var ranges = new List<(CasualtyEstimateId Id, long Min, long Max)>();
        foreach (CasualtyEstimate estimate in all)
        {
            if (estimate.Figure.Minimum(approximateTolerance) is { } min && estimate.Figure.Maximum(approximateTolerance) is { } max)
            {
                known.Add(estimate.Id);
                ranges.Add((estimate.Id, min, max));
            }
            else
            {
                unknown.Add(estimate.Id);
            }
        }

        if (ranges.Count == 0)
        {
            return new CasualtyEnvelope(known.ToImmutable(), unknown.ToImmutable(), null, null, null, null, ImmutableArray<CasualtyConflict>.Empty);
        }

        long minimum = long.MaxValue, maximum = long.MinValue, agreedMin = long.MinValue, agreedMax = long.MaxValue;
        foreach ((_, long min, long max) in ranges)
        {
            minimum = Math.Min(minimum, min);
            maximum = Math.Max(maximum, max);
            agreedMin = Math.Max(agreedMin, min);
            agreedMax = Math.Min(agreedMax, max);
        }

        var conflicts = ImmutableArray.CreateBuilder<CasualtyConflict>();
        for (int i = 0; i < ranges.Count; i++)
        {
            for (int j = i + 1; j < ranges.Count; j++)
            {
                if (ranges[i].Max < ranges[j].Min || ranges[j].Max < ranges[i].Min)
                {
                    conflicts.Add(new CasualtyConflict(ranges[i].Id, ranges[j].Id));
                }
            }
        }

        // Intervals on a line that overlap pairwise share a common point (Helly), so no pairwise conflict
        // means the intersection is non-empty, and any conflict means it is empty.
        bool agreed = conflicts.Count == 0;
        return new CasualtyEnvelope(
            known.ToImmutable(),
            unknown.ToImmutable(),
            minimum,
            maximum,
            agreed ? agreedMin : null,
            agreed ? agreedMax : null,
            conflicts.ToImmutable());
    }
}

/// <summary>Two casualty estimates of one population that cannot both be true.</summary>
/// <param name="First">The first estimate.</param>
/// <param name="Second">The second estimate.</param>
public sealed record CasualtyConflict(CasualtyEstimateId First, CasualtyEstimateId Second)
{
    /// <summary>Returns the pair in words: <c>'a' contradicts 'b'</c>.</summary>
    /// <returns>The pair in words.</returns>
    public override string ToString() => $"'{First}' contradicts '{Second}'";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ConflictModel.Model;
using CsvHelper;

namespace ConflictModel.Interop.Ucdp;

/// <summary>
/// Writes the events of a dataset as UCDP GED CSV (the codebook's 49 columns), one row per event: the mapped columns
/// from the event, its two participants, its sources and its GED casualty estimates; the other columns from the
/// event's <c>ucdpGed</c> extension member when the event was imported from GED. An event imported by
/// <see cref="UcdpGedImporter"/> comes back as the row it was read from.
/// </summary>
public static class UcdpGedExporter
{
    /// <summary>Writes the events as GED CSV (UTF-8, RFC 4180, with a header).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <returns>The number of rows written (one per event).</returns>
    public static int Write(Dataset dataset, Stream output)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(output);
        Dictionary<ActorId, Actor> actors = dataset.Actors.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        Dictionary<SourceId, Source> sources = dataset.Sources.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        Dictionary<CasualtyEstimateId, CasualtyEstimate> estimates = dataset.CasualtyEstimates.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        ILookup<EventId, CasualtyEstimate> byEvent = dataset.CasualtyEstimates.Where(e => e.Event is not null).ToLookup(e => e.Event!.Value);
        return Write(dataset.Events, id => actors.GetValueOrDefault(id), id => sources.GetValueOrDefault(id), id => byEvent[id], id => estimates.GetValueOrDefault(id), output);
    }

    /// <summary>
    /// Writes events as GED CSV (UTF-8, RFC 4180, with a header), finding the records each row joins through lookups,
    /// so that the dataset need not be in memory: a store, an index over a file read again, a database. Gives the
    /// same rows as <see cref="Write(Dataset, Stream)"/> when the lookups answer as the dataset would.
    /// </summary>
    /// <param name="events">The events, in the order of the rows.</param>
    /// <param name="actorOf">The first actor with an id, or null.</param>
    /// <param name="sourceOf">The first source with an id, or null.</param>
    /// <param name="estimatesOf">Every casualty estimate of an event, in input order.</param>
    /// <param name="estimateOf">The first casualty estimate with an id, or null.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <returns>The number of rows written (one per event).</returns>
    public static int Write(
        IEnumerable<Event> events,
        Func<ActorId, Actor?> actorOf,
        Func<SourceId, Source?> sourceOf,
        Func<EventId, IEnumerable<CasualtyEstimate>> estimatesOf,
        Func<CasualtyEstimateId, CasualtyEstimate?> estimateOf,
        Stream output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(actorOf);
        ArgumentNullException.ThrowIfNull(sourceOf);
        ArgumentNullException.ThrowIfNull(estimatesOf);
        ArgumentNullException.ThrowIfNull(estimateOf);
        ArgumentNullException.ThrowIfNull(output);
        using CsvWriter writer = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        string[] columns = [.. GedColumns.All];
        writer.WriteHeader(columns);
        int rows = 0;
        var values = new string[columns.Length];
        foreach (Event @event in events)
        {
            (CasualtyEstimate? total, CasualtyEstimate?[] parts) = Figures(@event, estimatesOf(@event.Id), estimateOf);
            Dictionary<string, string> derived = GedColumns.Derive(@event, actorOf, sourceOf, total, parts);
            Dictionary<string, string> kept = @event.Extensions.TryGetValue(GedColumns.ExtensionMember, out string json)
                ? SourceExtension.Parse(json)
                : [];
            for (int i = 0; i < columns.Length; i++)
            {
                values[i] = kept.TryGetValue(columns[i], out string? value) ? value : derived.GetValueOrDefault(columns[i]) ?? string.Empty;
            }

            writer.WriteRecord(values);
            rows++;
        }

        writer.Flush();
        return rows;
    }

    /// <summary>The event's total (category all, with components if any) and its deaths by side A, side B, civilians and unknown.</summary>
    private static (CasualtyEstimate? Total, CasualtyEstimate?[] Parts) Figures(Event @event, IEnumerable<CasualtyEstimate> forEvent, Func<CasualtyEstimateId, CasualtyEstimate?> estimateOf)
    {
        CasualtyEstimate[] candidates = [.. forEvent.Where(e => e.Population == CasualtyPopulation.Killed && e.ClaimedBy is null)];
        CasualtyEstimate? total = candidates.Where(e => e.Category == CasualtyCategory.All).OrderByDescending(e => e.Components.Length).FirstOrDefault();
        var parts = new CasualtyEstimate?[4];
        if (total is { Components.Length: 4 })
        {
            for (int i = 0; i < 4; i++)
            {
                parts[i] = estimateOf(total.Components[i]);
            }

            return (total, parts);
        }

        ActorId? sideA = @event.Participants.Length > 0 ? @event.Participants[0].Actor : null;
        ActorId? sideB = @event.Participants.Length > 1 ? @event.Participants[1].Actor : null;
        parts[0] = candidates.FirstOrDefault(e => e.Category == CasualtyCategory.Combatants && e.Side == sideA);
        parts[1] = candidates.FirstOrDefault(e => e.Category == CasualtyCategory.Combatants && e.Side == sideB);
        parts[2] = candidates.FirstOrDefault(e => e.Category == CasualtyCategory.Civilians);
        parts[3] = candidates.FirstOrDefault(e => e.Category == CasualtyCategory.Unknown);
        return (total, parts);
    }
}

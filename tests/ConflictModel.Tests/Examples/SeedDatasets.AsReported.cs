using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;
using NodaTime;

namespace ConflictModel.Tests.Examples;

/// <summary>
/// What the articles say of their records in their own words: the dates they give without a year or relative to the
/// article ("in April", "a recent week-long visit", "previously"), the hedges of their reporting ("reportedly",
/// "alleged"), Pakistan's unnamed sources, and, where both articles cite Pakistan's claim, the figure each gives.
/// </summary>
internal static partial class SeedDatasets
{
    private static ConflictRecord AsReported(Seeds seeds, ConflictRecord record)
    {
        bool asif = seeds.HasFlag(Seeds.Asif);
        bool dar = seeds.HasFlag(Seeds.Dar);
        switch (record)
        {
            case Event e when asif && e.Id.Value == "foreign-minister-visit-india":
                return e with { DateAsReported = new ReportedDate("a recent week-long visit", relativeTo: AsifArticle, latestOffset: Period.Zero, duration: Period.FromDays(7)) };
            case Event e when asif && e.Id.Value == "bagram-refusal":
                return e with { DateAsReported = new ReportedDate("previously", relativeTo: AsifArticle, latestOffset: Period.Zero) };
            case Event e when e.Id.Value == "border-clashes":
                return e with
                {
                    Sources = asif ? Hedge(e.Sources, AsifArticle, "reportedly retaliated", ReportingHedge.Reportedly) : e.Sources,
                    DateAsReported = dar ? new ReportedDate("a recent and severe escalation", relativeTo: DarArticle, latestOffset: Period.Zero) : null,
                };
            case Event e when asif && e.Id.Value == "t-55-tank-seized":
                return e with { Sources = Hedge(e.Sources, AsifArticle, "reportedly seizing", ReportingHedge.Reportedly) };
            case Event e when dar && e.Id.Value == "dar-kabul-visit":
                return e with { DateAsReported = new ReportedDate("in April", yearless: YearlessDate.FromMonth(4)) };
            case CasualtyEstimate k when k.Id.Value == "casualties-58-pakistani-soldiers" && asif:
                return k with { Sources = Hedge(k.Sources, AsifArticle, "claiming the deaths", ReportingHedge.Reportedly) };
            case CasualtyEstimate k when k.Id.Value == "casualties-over-200-taliban" && dar:
                return k with { Sources = Hedge(k.Sources, DarArticle, "According to Pakistani sources", ReportingHedge.Reportedly) };
            case Claim c when c.Id.Value == "claim-58-soldiers" && asif:
                return c with { Sources = Hedge(c.Sources, AsifArticle, "claiming the deaths", ReportingHedge.Reportedly) };
            case Claim c when c.Id.Value == "claim-trump-in-due-course" && asif:
                return c with { Sources = Hedge(c.Sources, AsifArticle, "According to reports", ReportingHedge.Reportedly) };
            case Claim c when c.Id.Value == "claim-200-taliban" && dar:
                ImmutableArray<Citation> sources = Hedge(c.Sources, DarArticle, "According to Pakistani sources", ReportingHedge.Reportedly);
                if (asif)
                {
                    // Both articles cite this one claim, each with its own figure: "200" and "over 200".
                    sources = [.. sources.Select(s => s with
                    {
                        Figure = s.Source == AsifArticle ? CasualtyFigure.Exactly(200, "200") : CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200"),
                    })];
                }

                return c with { ClaimantAsReported = new ReportedClaimant("According to Pakistani sources", ClaimantIdentity.Unnamed), Sources = sources };
            case Attribution a when asif && a.Id.Value == "attribution-india-instigation":
                return a with { Sources = a.Sources.Add(new Citation(AsifArticle, "India’s alleged influence over Taliban movements") { Hedge = ReportingHedge.Allegedly }) };
            case Mediation m when dar && m.Id.Value == "mediation-china":
                return m with
                {
                    Rounds = [.. m.Rounds.Select((round, i) => round with { DateAsReported = new ReportedDate("in May and August", yearless: YearlessDate.FromMonth(i == 0 ? 5 : 8)) })],
                };
            default:
                return record;
        }
    }

    /// <summary>Sets the hedge of the first citation of <paramref name="source"/> whose excerpt contains <paramref name="words"/>.</summary>
    private static ImmutableArray<Citation> Hedge(ImmutableArray<Citation> citations, SourceId source, string words, ReportingHedge hedge)
    {
        int index = citations.IndexOf(citations.First(c => c.Source == source && c.Excerpt is { } excerpt && excerpt.Contains(words, StringComparison.Ordinal)));
        return citations.SetItem(index, citations[index] with { Hedge = hedge });
    }
}

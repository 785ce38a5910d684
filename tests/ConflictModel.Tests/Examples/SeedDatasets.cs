using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>
/// The two seed articles encoded as datasets, written as code so that the files in <c>examples/</c> are exactly what
/// the serializer writes for them (<see cref="ExampleFilesTests"/>). Each record is defined once, with the articles
/// that report it; a dataset of one article keeps that article's records and citations, and the merged dataset keeps
/// both, so a record both articles report has one citation from each. Verbatim text (claims' quotes, citations'
/// excerpts) is copied from the articles, typographic quotes and apostrophes included; everything else is the
/// editors' words. The articles give no years, so no record has an EDTF date: the dates they give are kept as reported (SeedDatasets.AsReported.cs).
/// </summary>
internal static partial class SeedDatasets
{
    /// <summary>The file of article 000 as a JSON document.</summary>
    public const string AsifGeoTvFile = "seed-asif-geo-tv.json";

    /// <summary>The file of article 002 as a JSON document.</summary>
    public const string DarKabulVisitFile = "seed-dar-kabul-visit.json";

    /// <summary>The file of both articles as a JSON document.</summary>
    public const string MergedFile = "seed-merged.json";

    /// <summary>The file of both articles as JSON Lines.</summary>
    public const string MergedLinesFile = "seed-merged.jsonl";

    private const string License = "CC0-1.0";
    private const string Publisher = "ConflictModel contributors";

    private static readonly SourceId AsifArticle = new("article-asif-geo-tv");
    private static readonly SourceId AsifInterview = new("interview-asif-geo-tv");
    private static readonly SourceId DarArticle = new("article-dar-kabul-visit");

    /// <summary>Which seed articles a dataset encodes, or which report a record.</summary>
    [Flags]
    private enum Seeds
    {
        /// <summary>Article 000_5d0fb9f8725c5f18: Khawaja Asif's Geo TV interview.</summary>
        Asif = 1,

        /// <summary>Article 002_31a2731cc48daa93: Ishaq Dar's visit to Kabul and what followed.</summary>
        Dar = 2,

        /// <summary>Both articles.</summary>
        Both = Asif | Dar,
    }

    /// <summary>Gets article 000 (Khawaja Asif's Geo TV interview) as a dataset.</summary>
    /// <returns>The dataset.</returns>
    public static Dataset AsifGeoTv() => Build(
        Seeds.Asif,
        new DatasetInfo(
            "Seed article 000: Khawaja Asif's Geo TV interview on India, the Taliban and Trump",
            description: "Every actor, event, claim, attribution, ceasefire, mediation, casualty figure and source reported in seed "
                + "article 000_5d0fb9f8725c5f18: Pakistan's Defense Minister Khawaja Asif, interviewed by Geo TV, accuses India of "
                + "stirring up the Taliban and asks Donald Trump to mediate; the Taliban and Pakistan give rival casualty figures; a "
                + "ceasefire brokered after Saudi and Qatari intervention breaks down with a Pakistani airstrike in Kandahar. The "
                + "article gives no headline, outlet, author, URL, publication date or year, so the sources carry none and no record has a calendar date: the dates it gives (\"a recent week-long visit\", \"previously\") are kept as reported (dateAsReported), bounded relative to the article, and its hedges (\"reportedly\", \"alleged\") on the citations.",
            license: License,
            attribution: "Encoding by the ConflictModel contributors, dedicated to the public domain (CC0-1.0). Source material: seed "
                + "news article 000_5d0fb9f8725c5f18, whose headline, outlet, author, date and licence are not given. The quotes and "
                + "excerpts are copied verbatim from it; they remain its authors' work and are not covered by CC0.",
            publisher: Publisher));

    /// <summary>Gets article 002 (Ishaq Dar's visit to Kabul) as a dataset.</summary>
    /// <returns>The dataset.</returns>
    public static Dataset DarKabulVisit() => Build(
        Seeds.Dar,
        new DatasetInfo(
            "Seed article 002: Ishaq Dar's visit to Kabul and the border escalation",
            description: "Every actor, event, claim, attribution, mediation, casualty figure and source reported in seed article "
                + "002_31a2731cc48daa93: Pakistan's Foreign Minister Ishaq Dar visits Kabul in April to meet Amir Khan Muttaqi, with "
                + "follow-up talks in May and August facilitated by China; a severe escalation on the border with rival casualty "
                + "figures; accusations of harbouring and instigation between Pakistan and the Taliban, and between India and "
                + "Pakistan; calls on the Taliban to act against the TTP. The article gives no headline, outlet, author, URL, "
                + "publication date or year, so the sources carry none and no record has a calendar date: the months it names (\"in April\", \"in May and August\") are kept as reported, with the year unspecified (XXXX-04), \"a recent and severe escalation\" relative to the article, and Pakistan's unnamed sources and the hedge \"reportedly\" on the claim they make.",
            license: License,
            attribution: "Encoding by the ConflictModel contributors, dedicated to the public domain (CC0-1.0). Source material: seed "
                + "news article 002_31a2731cc48daa93, whose headline, outlet, author, date and licence are not given. The quotes and "
                + "excerpts are copied verbatim from it; they remain its authors' work and are not covered by CC0.",
            publisher: Publisher));

    /// <summary>Gets both articles as one dataset: one record per real-world actor, event and claim, citing each article that reports it.</summary>
    /// <returns>The dataset.</returns>
    public static Dataset Merged() => Build(
        Seeds.Both,
        new DatasetInfo(
            "Seed articles 000 and 002 merged: Pakistan, the Taliban and their mediators",
            description: "Seed articles 000_5d0fb9f8725c5f18 (Khawaja Asif's Geo TV interview) and 002_31a2731cc48daa93 (Ishaq Dar's "
                + "visit to Kabul) in one dataset. Each real-world actor is one record, with the spellings of both articles as "
                + "aliases (article 000's \"Muttahida Qadri\" is Amir Khan Muttaqi, the Taliban's foreign minister in both). Both "
                + "articles report the same rival casualty claims, the Taliban's 58 Pakistani soldiers and Pakistan's 200 (000) or "
                + "over 200 (002) Taliban: each is one claim citing both articles, and the two renderings of Pakistan's figure are "
                + "kept as two estimates that contradict each other. The articles give no headline, outlet, author, URL, "
                + "publication date or year, so the sources carry none and no record has a calendar date: the dates they give are kept as reported (dateAsReported: months with the year unspecified, \"recent\" and \"previously\" relative to the article), and Pakistan's claim cites each article with the figure that article gives (200, over 200).",
            license: License,
            attribution: "Encoding by the ConflictModel contributors, dedicated to the public domain (CC0-1.0). Source material: seed "
                + "news articles 000_5d0fb9f8725c5f18 and 002_31a2731cc48daa93, whose headlines, outlets, authors, dates and licences "
                + "are not given. The quotes and excerpts are copied verbatim from them; they remain their authors' work and are not "
                + "covered by CC0.",
            publisher: Publisher));

    /// <summary>Every record of both articles, in the order each kind is written, with the articles that report it.</summary>
    private static IEnumerable<(Seeds ReportedIn, Func<Seeds, ConflictRecord> Create)> Catalogue()
        => Sources().Concat(Actors()).Concat(Events()).Concat(CasualtyEstimates()).Concat(Attributions()).Concat(Claims())
            .Concat(Ceasefires()).Concat(Mediations());

    private static Dataset Build(Seeds seeds, DatasetInfo info)
        => Dataset.Create(info, Catalogue().Where(entry => (entry.ReportedIn & seeds) != 0).Select(entry => AsReported(seeds, entry.Create(seeds))));

    /// <summary>Cites each article of <paramref name="seeds"/> for which a verbatim excerpt is given.</summary>
    private static ImmutableArray<Citation> Cite(Seeds seeds, string? asif = null, string? dar = null)
    {
        ImmutableArray<Citation>.Builder citations = ImmutableArray.CreateBuilder<Citation>();
        if (asif is not null && seeds.HasFlag(Seeds.Asif))
        {
            citations.Add(new Citation(AsifArticle, asif));
        }

        if (dar is not null && seeds.HasFlag(Seeds.Dar))
        {
            citations.Add(new Citation(DarArticle, dar));
        }

        return citations.ToImmutable();
    }

    /// <summary>Cites article 000 and, as where the words were said, Khawaja Asif's Geo TV interview, which the article reports from.</summary>
    private static ImmutableArray<Citation> CiteInterview(Seeds seeds, string asif)
        => seeds.HasFlag(Seeds.Asif) ? [new Citation(AsifArticle, asif), new Citation(AsifInterview)] : [];

    private static ImmutableArray<T> When<T>(bool condition, params T[] items) => condition ? [.. items] : [];
}

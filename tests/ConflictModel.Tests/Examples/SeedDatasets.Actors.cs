using System;
using System.Collections.Generic;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>The seed datasets' sources and actors.</summary>
internal static partial class SeedDatasets
{
    private static readonly ActorId Pakistan = new("pakistan");
    private static readonly ActorId PakistaniForces = new("pakistan-armed-forces");
    private static readonly ActorId Taliban = new("taliban");
    private static readonly ActorId Afghanistan = new("afghanistan");
    private static readonly ActorId India = new("india");
    private static readonly ActorId UnitedStates = new("united-states");
    private static readonly ActorId SaudiArabia = new("saudi-arabia");
    private static readonly ActorId Qatar = new("qatar");
    private static readonly ActorId China = new("china");
    private static readonly ActorId Iran = new("iran");
    private static readonly ActorId Russia = new("russia");
    private static readonly ActorId KhawajaAsif = new("khawaja-asif");
    private static readonly ActorId IshaqDar = new("ishaq-dar");
    private static readonly ActorId DonaldTrump = new("donald-trump");
    private static readonly ActorId GeoTv = new("geo-tv");
    private static readonly ActorId Ttp = new("tehreek-e-taliban-pakistan");
    private static readonly ActorId ArmedGroups = new("cross-border-armed-groups");
    private static readonly ActorId GulfNations = new("gulf-nations");
    private static readonly ActorId Analysts = new("analysts");
    private static readonly ActorId Scholars = new("scholars");

    private static readonly CountryCode Pak = new("PAK");
    private static readonly CountryCode Afg = new("AFG");
    private static readonly CountryCode Ind = new("IND");

    /// <summary>
    /// The Taliban's foreign minister. Article 000 names him "Muttahida Qadri", article 002 "Amir Khan Muttaqi"; a dataset
    /// of article 000 alone knows only its spelling, the merged dataset identifies the two.
    /// </summary>
    private static ActorId ForeignMinister(Seeds seeds) => new(seeds.HasFlag(Seeds.Dar) ? "amir-khan-muttaqi" : "muttahida-qadri");

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Sources() =>
    [
        (Seeds.Asif, _ => new Source(AsifArticle, SourceKind.NewsArticle, language: "en", basedOn: [AsifInterview])),
        (Seeds.Asif, _ => new Source(AsifInterview, SourceKind.Interview, outlet: GeoTv)),
        (Seeds.Dar, _ => new Source(DarArticle, SourceKind.NewsArticle, language: "en")),
    ];

    private static IEnumerable<(Seeds, Func<Seeds, ConflictRecord>)> Actors() =>
    [
        (Seeds.Both, _ => new Actor(
            Pakistan,
            "Pakistan",
            ActorKind.State,
            aliases: ["Islamabad"],
            country: Pak,
            description: "The state of Pakistan. The articles call its government \"Islamabad\" and use the two names interchangeably, so "
                + "the dataset does not split state and government.")),
        (Seeds.Both, seeds => new Actor(
            PakistaniForces,
            "Pakistani armed forces",
            ActorKind.ArmedForces,
            aliases: When(seeds.HasFlag(Seeds.Asif), "Pakistani forces"),
            country: Pak,
            affiliatedWith: Pakistan,
            description: "Pakistan's military; the side of the \"Pakistani soldiers\" whose deaths the Taliban claim.")),
        (Seeds.Both, seeds => new Actor(
            Taliban,
            "Taliban",
            ActorKind.Government,
            aliases: When(seeds.HasFlag(Seeds.Dar), "Afghan Taliban", "Taliban government"),
            country: Afg,
            affiliatedWith: Afghanistan,
            description: "The Taliban, governing Afghanistan; the articles report its fighters as \"Taliban fighters\" and \"Taliban "
                + "militants\" and do not distinguish them from the movement.")),
        (Seeds.Both, _ => new Actor(Afghanistan, "Afghanistan", ActorKind.State, country: Afg)),
        (Seeds.Both, _ => new Actor(India, "India", ActorKind.State, aliases: ["New Delhi"], country: Ind)),
        (Seeds.Asif, _ => new Actor(UnitedStates, "United States", ActorKind.State, aliases: ["U.S.", "Washington"], country: new CountryCode("USA"))),
        (Seeds.Asif, _ => new Actor(SaudiArabia, "Saudi Arabia", ActorKind.State, country: new CountryCode("SAU"))),
        (Seeds.Asif, _ => new Actor(Qatar, "Qatar", ActorKind.State, country: new CountryCode("QAT"))),
        (Seeds.Both, _ => new Actor(China, "China", ActorKind.State, country: new CountryCode("CHN"))),
        (Seeds.Dar, _ => new Actor(Iran, "Iran", ActorKind.State, country: new CountryCode("IRN"))),
        (Seeds.Dar, _ => new Actor(Russia, "Russia", ActorKind.State, country: new CountryCode("RUS"))),
        (Seeds.Asif, seeds => new Actor(
            KhawajaAsif,
            "Khawaja Asif",
            ActorKind.Person,
            country: Pak,
            affiliatedWith: Pakistan,
            roles: [new ActorRole("Defense Minister", of: Pakistan, sources: Cite(seeds, asif: "Pakistan’s Defense Minister Khawaja Asif"))])),
        (Seeds.Dar, seeds => new Actor(
            IshaqDar,
            "Ishaq Dar",
            ActorKind.Person,
            country: Pak,
            affiliatedWith: Pakistan,
            roles: [new ActorRole("Foreign Minister", of: Pakistan, sources: Cite(seeds, dar: "Pakistani Foreign Minister Ishaq Dar"))])),
        (Seeds.Both, seeds => new Actor(
            ForeignMinister(seeds),
            seeds.HasFlag(Seeds.Dar) ? "Amir Khan Muttaqi" : "Muttahida Qadri",
            ActorKind.Person,
            aliases: When(seeds == Seeds.Both, "Muttahida Qadri"),
            country: Afg,
            affiliatedWith: Taliban,
            roles:
            [
                new ActorRole(
                    "Foreign Minister",
                    of: Taliban,
                    sources: Cite(
                        seeds,
                        asif: "Taliban Foreign Minister Muttahida Qadri",
                        dar: "his Afghan Taliban counterpart, Amir Khan Muttaqi")),
            ],
            description: seeds == Seeds.Both
                ? "The Taliban's foreign minister. Article 000 spells his name \"Muttahida Qadri\"; both articles name the Taliban's "
                    + "foreign minister, so they are one person."
                : null)),
        (Seeds.Asif, seeds => new Actor(
            DonaldTrump,
            "Donald Trump",
            ActorKind.Person,
            country: new CountryCode("USA"),
            roles: [new ActorRole("President", of: UnitedStates, isFormer: true, sources: Cite(seeds, asif: "former U.S. President Donald Trump"))],
            description: "Article 000 calls him \"former U.S. President\"; the role is recorded as the article gives it.")),
        (Seeds.Asif, _ => new Actor(GeoTv, "Geo TV", ActorKind.MediaOutlet)),
        (Seeds.Dar, _ => new Actor(
            Ttp,
            "Tehreek-e-Taliban Pakistan",
            ActorKind.NonStateArmedGroup,
            aliases: ["TTP"],
            description: "An armed group that Islamabad cites as a primary threat.")),
        (Seeds.Dar, _ => new Actor(
            ArmedGroups,
            "Armed groups that instigate cross-border assaults",
            ActorKind.Group,
            description: "The unnamed armed groups Islamabad says the Taliban give refuge to.")),
        (Seeds.Dar, _ => new Actor(GulfNations, "Gulf nations", ActorKind.Group)),
        (Seeds.Both, _ => new Actor(
            Analysts,
            "Analysts",
            ActorKind.Group,
            description: "The unnamed analysts the articles cite; they are not identified, so not known to be the same people.")),
        (Seeds.Dar, _ => new Actor(Scholars, "Scholars", ActorKind.Group, description: "The unnamed scholars article 002 cites.")),
    ];
}

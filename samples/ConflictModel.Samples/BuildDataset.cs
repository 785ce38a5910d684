using System;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Samples;

/// <summary>Builds a small dataset in code, from a news report, and writes it as JSON Lines.</summary>
public static class BuildDataset
{
    public static int Run()
    {
        var article = new Source(new SourceId("article"), SourceKind.NewsArticle, title: "Pakistan accuses India of fueling Taliban tensions", language: "en");
        var pakistan = new Actor(new ActorId("pakistan"), "Pakistan", ActorKind.State, aliases: ["Islamabad"], country: new CountryCode("PAK"));
        var india = new Actor(new ActorId("india"), "India", ActorKind.State, aliases: ["New Delhi"], country: new CountryCode("IND"));
        var taliban = new Actor(new ActorId("taliban"), "Taliban", ActorKind.Government, country: new CountryCode("AFG"));
        var asif = new Actor(new ActorId("khawaja-asif"), "Khawaja Asif", ActorKind.Person, affiliatedWith: pakistan.Id,
            roles: [new ActorRole("Defense Minister", pakistan.Id)]);

        // "India has stirred up the Taliban": instigation, asserted by Pakistan's defence minister.
        var instigation = new Attribution(new AttributionId("india-stirred-up-taliban"), india.Id, ResponsibilityKind.Instigation,
            situation: "the conflict between Pakistan and the Taliban", accuser: asif.Id, beneficiary: taliban.Id,
            sources: [new Citation(article.Id, "India has stirred up the Taliban.")]);
        var accusation = new Claim(new ClaimId("asif-accuses-india"), asif.Id, ClaimStance.Asserts, ClaimSubject.About(instigation.Id),
            quote: "India has stirred up the Taliban. That is why the conflict has spiraled out of control.",
            sources: [new Citation(article.Id)]);

        Dataset dataset = Dataset.Create(new DatasetInfo("Built in code", license: "CC0-1.0"), [article, pakistan, india, taliban, asif, instigation, accusation]);
        Console.Write(ConflictJsonSerializer.SerializeLines(dataset));
        return 0;
    }
}

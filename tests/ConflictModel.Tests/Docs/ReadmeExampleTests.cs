using System;
using ConflictModel.Model;
using ConflictModel.Serialization;
using Xunit;

namespace ConflictModel.Tests.Docs;

/// <summary>The README's 30-second example, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ThirtySecondExample_Works()
    {
        // README example begins
        var taliban = new Actor(new ActorId("taliban"), "Taliban", ActorKind.Government, country: new CountryCode("AFG"));
        var pakistan = new Actor(new ActorId("pakistan"), "Pakistan", ActorKind.State, aliases: ["Islamabad"], country: new CountryCode("PAK"));
        var article = new Source(new SourceId("article-002"), SourceKind.NewsArticle, language: "en");

        // "over 200 Taliban fighters were reportedly killed": a figure with an open lower bound, claimed by Pakistan.
        var over200 = new CasualtyEstimate(new CasualtyEstimateId("over-200"), CasualtyPopulation.Killed,
            CasualtyFigure.AtLeast(200, exclusive: true, phrase: "over 200"), side: taliban.Id, claimedBy: pakistan.Id);
        var claim = new Claim(new ClaimId("claim-over-200"), pakistan.Id, ClaimStance.Asserts, ClaimSubject.About(over200.Id),
            made: EdtfDate.Parse("2025-10~"),
            sources: [new Citation(article.Id, "over 200 Taliban fighters were reportedly killed")]);

        Dataset dataset = Dataset.Create(new DatasetInfo("Example", license: "CC0-1.0"), [article, taliban, pakistan, over200, claim]);
        string json = ConflictJsonSerializer.Serialize(dataset);          // or SerializeLines(dataset) for JSON Lines
        Dataset again = ConflictJsonSerializer.Deserialize(json);
        Console.WriteLine(again == dataset);                               // True: records compare by value
        Console.WriteLine(again.Claims[0].Made?.Earliest);                 // 2025-10-01 (approximate month)
        // README example ends

        Assert.Equal(dataset, again);
        Assert.Equal(new NodaTime.LocalDate(2025, 10, 1), again.Claims[0].Made?.Earliest);
        Assert.Equal(201, again.CasualtyEstimates[0].Figure.Minimum());
    }
}

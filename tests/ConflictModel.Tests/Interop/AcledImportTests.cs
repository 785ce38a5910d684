using System;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Acled;
using ConflictModel.Model;
using Xunit;

namespace ConflictModel.Tests.Interop;

/// <summary>
/// ACLED's export columns. The rows are invented (ACLED's terms forbid redistributing its data): ACLED's column names
/// and codes, made-up events.
/// </summary>
public sealed class AcledImportTests
{
    private const string Header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private static readonly string[] Rows =
    [
        "XMPL1,2025-10-09,2025,2,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan (2018-),,1,,,0,10,,4,Caucasus and Central Asia,Afghanistan,Example Province,Example District,,Example Town,34.5000,69.2000,2,Example News; Example Radio,National,(invented) An air strike near the town; 3 killed.,3,,1760000000",
        "XMPL2,9 October 2025,2025,1,Political violence,Battles,Armed clash,Example Rebel Group,,Rebel group,Military Forces of Pakistan (2018-),,State forces,12,,586,Southern Asia,Pakistan,Example Province,,,Example Village,33.1,70.1,1,Example News,National,(invented) A clash.,0,,1760000001",
        "XMPL3,2025-10-01,2025,3,Demonstrations,Protests,Peaceful protest,Protesters (Pakistan),Example Union; Example Students,6,,,0,60,,586,Southern Asia,Pakistan,Example Province,,,Example City,33.7,73.0,3,Example Radio,Subnational,(invented) A protest.,0,crowd size=small,1760000002",
        "XMPL4,2025-10-02,2025,1,Political violence,Violence against civilians,Attack,Example Militia,,4,Civilians (Pakistan),,7,47,Civilian targeting,586,Southern Asia,Pakistan,,,,Example Hamlet,33.0,71.0,1,Example News,National,(invented) An attack.,two,,1760000003",
        "XMPL5,2025-10-03,2025,1,Political violence,Brand new type,Something,Example Militia,,4,,,0,40,,586,Southern Asia,Pakistan,,,,Example Hamlet,33.0,71.0,1,Example News,National,(invented) Unknown type.,1,,1760000004",
    ];

    private static ImportResult Import()
        => new AcledImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", Rows) + "\n")), "acled.csv", null);

    [Fact]
    public void Import_AcledRows_MapsTypesActorsDatesAndFatalities()
    {
        ImportResult result = Import();
        Dataset dataset = result.Dataset;

        Assert.Equal(5, result.Log.RowsRead);
        Assert.Equal(4, result.Log.RowsImported);
        Assert.Equal(["acled-XMPL1", "acled-XMPL2", "acled-XMPL3", "acled-XMPL5"], dataset.Events.Select(e => e.Id.Value));
        Event strike = dataset.Events[0];
        Assert.Equal(EventKind.AirOrDroneStrike, strike.Kind);
        Assert.Equal("2025-10-06/2025-10-12", strike.Date.ToString());
        Assert.Equal(new CountryCode("AFG"), strike.Location!.Country);
        Assert.Equal(LocationPrecision.Near, strike.Location.Precision);
        Assert.Equal(["Example Province", "Example District"], strike.Location.AdminAreas.ToArray());
        Assert.Equal(ParticipantRole.Initiator, Assert.Single(strike.Participants).Role);
        Assert.Equal(2, strike.Sources.Length);
        Assert.Equal("(invented) An air strike near the town; 3 killed.", strike.Description);
        Assert.Equal(3, dataset.CasualtyEstimates.Single(e => e.Event == strike.Id).Figure.Best);

        Event clash = dataset.Events[1];
        Assert.Equal("2025-10-09", clash.Date.ToString());
        Assert.All(clash.Participants, p => Assert.Equal(ParticipantRole.Participant, p.Role));
        Assert.Equal(ActorKind.NonStateArmedGroup, dataset.Actors.Single(a => a.Name == "Example Rebel Group").Kind); // "Rebel group", the label form
        Assert.Equal(ActorKind.ArmedForces, dataset.Actors.Single(a => a.Name == "Military Forces of Pakistan (2018-)").Kind);

        Event protest = dataset.Events[2];
        Assert.Equal("2025-10", protest.Date.ToString());
        Assert.Equal(3, protest.Participants.Length); // actor1 and its two associated actors
        Assert.Equal(LocationPrecision.AdminLevel1, protest.Location!.Precision);
        Assert.True(protest.Extensions.TryGetValue(AcledImporter.ExtensionMember, out string kept));
        Assert.Contains("\"tags\":\"crowd size=small\"", kept, StringComparison.Ordinal);

        Assert.Equal(2, dataset.Actors.Count(a => a.Kind == ActorKind.MediaOutlet));
    }

    [Fact]
    public void Import_AcledBadRows_AreNamed()
    {
        ImportResult result = Import();
        Assert.Equal(
            [
                "acled.csv(5,1) /fatalities: error CM6003: row 4 (ACLED id XMPL4): 'two' in column 'fatalities' is not a count of people (a whole number, 0 or more); the row was not imported",
                "acled.csv(6,1) /sub_event_type: warning CM6006: row 5 (ACLED id XMPL5): 'Brand new type / Something' in column 'event_type, sub_event_type' has no mapping (not in the event typology); left out, kept as extension data",
            ],
            result.Log.Diagnostics.Select(d => $"{d.Location} {d.Location.JsonPointer}: {Diagnostic(d)}"));
        Assert.Equal(EventKind.Other, result.Dataset.Events.Single(e => e.Id.Value == "acled-XMPL5").Kind);
    }

    private static string Diagnostic(ConflictModel.Diagnostics.Diagnostic d) => $"{ConflictModel.Diagnostics.Diagnostic.SeverityText(d.Severity)} {d.Id}: {d.GetMessage()}";
}

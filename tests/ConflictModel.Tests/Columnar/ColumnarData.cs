using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ConflictModel.Tests.Examples;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Interop;
using ConflictModel.Diagnostics;

namespace ConflictModel.Tests.Columnar;

/// <summary>The datasets the columnar tests export: the examples, the imported UCDP extracts, and one that uses every member.</summary>
internal static class ColumnarData
{
    // The extracts as `conflictmodel import` leaves them: imported, written as JSON Lines, and read from there.
    private static readonly Lazy<Dataset> GedDataset = new(() => AsJsonLines(new UcdpGedImporter().Import(InteropData.Open(InteropData.GedFile), InteropData.GedFile, null).Dataset));

    private static readonly Lazy<Dataset> PadDataset = new(() => AsJsonLines(new UcdpPadImporter().Import(InteropData.Open(InteropData.PadFile), InteropData.PadFile, null).Dataset));

    public static Dataset Ged => GedDataset.Value;

    public static Dataset Pad => PadDataset.Value;

    public static IEnumerable<string> ExampleNames
        => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples")).Select(Path.GetFileName).Where(n => n!.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!;

    private static Dataset AsJsonLines(Dataset imported) => ConflictJsonSerializer.DeserializeLines(ConflictJsonSerializer.SerializeLines(imported));

    public static Dataset Example(string name)
    {
        string text = File.ReadAllText(ExampleFiles.OutputPath(name));
        return name.EndsWith(".jsonl", StringComparison.Ordinal) ? ConflictJsonSerializer.DeserializeLines(text) : ConflictJsonSerializer.Deserialize(text);
    }

    /// <summary>Every record kind and every member of the wire form, with unknown members at every level, EDTF intervals and open bounds.</summary>
    public const string EveryMember = """
        {"type":"dataset","formatVersion":"1.0","info":{"title":"Every member","description":"d","license":"CC0-1.0","attribution":"a","publisher":"p","version":"1","created":"2025-10-12T08:30:00Z","infoExtra":[1,2]},"datasetExtra":{"x":"é \u0001"}}
        {"type":"source","id":"s1","kind":"newsArticle","title":"T","outlet":"a2","author":"Au","url":"https://example.org/a?b=c","published":"2025-10-12T08:30:00Z","accessed":"2025-10-13T00:00:00.5Z","language":"en","basedOn":["s2"],"sourceExtra":true}
        {"type":"source","id":"s2","kind":"interview"}
        {"type":"actor","id":"a1","name":"Pakistan","kind":"state","aliases":["Islamabad","Pak"],"country":"PAK","affiliatedWith":"a2","roles":[{"title":"Minister","of":"a2","period":"2021/..","isFormer":true,"sources":[{"source":"s1","excerpt":"e","locator":"p. 2","citeExtra":1}],"roleExtra":"r"}],"externalIds":[{"scheme":"ucdp-actor","value":"1","idExtra":null}],"description":"D","actorExtra":{"nested":[1,{"a":null}]}}
        {"type":"actor","id":"a2","name":"Geo TV","kind":"mediaOutlet"}
        {"type":"event","id":"e1","kind":"armedClash","title":"T","description":"D","date":"2025-10~","location":{"name":"Kabul","country":"AFG","adminAreas":["Kabul province"],"coordinates":{"latitude":34.5553,"longitude":69.2075,"coordExtra":0},"precision":"near","locExtra":"l"},"participants":[{"actor":"a1","role":"initiator","partExtra":2}],"inResponseTo":["e2"],"sources":[{"source":"s1"}],"externalIds":[{"scheme":"ucdp-ged","value":"4"}],"eventExtra":1.5e3}
        {"type":"event","id":"e2","kind":"airOrDroneStrike","date":"../2025-10-11"}
        {"type":"event","id":"e3","kind":"peacefulProtest","date":"2025-21"}
        {"type":"event","id":"e4","kind":"peacefulProtest","date":"201X"}
        {"type":"casualtyEstimate","id":"c1","population":"killed","figure":{"best":200,"low":150,"high":250,"lowExclusive":true,"highExclusive":true,"isApproximate":true,"phrase":"about 200","figExtra":"f"},"side":"a1","category":"combatants","event":"e1","period":"2025-05/2025-08","location":{"country":"AFG"},"claimedBy":"a1","components":["c2"],"sources":[{"source":"s1"}],"ceExtra":[]}
        {"type":"casualtyEstimate","id":"c2","population":"killed","figure":{"low":200,"lowExclusive":true,"phrase":"over 200"}}
        {"type":"casualtyEstimate","id":"c3","population":"wounded","figure":{}}
        {"type":"attribution","id":"at1","accused":"a1","responsibility":"perpetration","event":"e1","situation":"S","accuser":"a2","beneficiary":"a1","response":"denied","date":"2025-10-11","claims":["cl1"],"sources":[{"source":"s1"}],"atExtra":"z"}
        {"type":"claim","id":"cl1","claimant":"a1","stance":"asserts","subject":{"kind":"casualtyEstimate","target":"c1","targetKind":"casualtyEstimate","subjExtra":1},"statement":"S","quote":"Q","made":"2025-10-12","sources":[{"source":"s1"}],"inResponseTo":"cl2","supersedes":"cl2","claimExtra":{}}
        {"type":"claim","id":"cl2","claimant":"a2","stance":"denies","subject":{"kind":"position"}}
        {"type":"ceasefire","id":"cf1","name":"N","parties":["a1","a2"],"brokers":["a2"],"scope":"bilateral","purpose":"humanitarian","isWritten":false,"declared":"2025-10-15","effective":"2025-10-16","history":[{"status":"declared","date":"2025-10-15","by":"a1","events":["e1"],"claims":["cl1"],"sources":[{"source":"s1"}],"note":"n","histExtra":3}],"location":{"name":"L"},"agreement":"ag1","sources":[{"source":"s1"}],"cfExtra":"c"}
        {"type":"mediation","id":"m1","parties":["a1"],"mediators":[{"actor":"a2","role":"facilitator","onBehalfOf":"a1","medExtra":1}],"requestedBy":["a1"],"subject":"S","history":[{"status":"talksHeld","date":"2025-05"}],"rounds":[{"date":"2025-05","venue":{"name":"Doha","coordinates":{"latitude":-25.2854,"longitude":51.531}},"facilitators":["a2"],"participants":["a1"],"event":"e1","sources":[{"source":"s1"}],"note":"n","roundExtra":"r"}],"sources":[{"source":"s1"}],"mExtra":1}
        {"type":"agreement","id":"ag1","name":"Accord","signed":"2025-10-19","signatories":["a1","a2"],"thirdParties":[{"actor":"a2","role":"witness","tpExtra":1}],"provisions":[{"kind":"ceasefire","text":"T","ceasefire":"cf1","provExtra":1}],"kind":"full","ended":"2026","externalIds":[{"scheme":"ucdp-pad","value":"1"}],"sources":[{"source":"s1"}],"agExtra":1}
        """;
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using ConflictModel.Model;
using Parquet.Schema;

namespace ConflictModel.Columnar.Layout;

/// <summary>
/// The columnar layout of every record kind, member for member as the wire form (schemas/conflictmodel.schema.json)
/// has them; docs/columnar.md describes it. A member added to the wire form and not here is not lost: it lands in
/// the <c>extensions</c> JSON text of its object, and a test compares this table with the JSON Schema.
/// </summary>
internal static class RecordLayouts
{
    /// <summary>The layout's version, written in every file's key-value metadata.</summary>
    public const string Version = "1";

    /// <summary>Gets every kind's layout, in the order the files are written and read.</summary>
    public static ImmutableArray<RecordLayout> All { get; } =
    [
        new(RecordKind.Source, "source", "sources", Obj(
            "record", Text("id"), Text("kind"), Text("title"), Text("outlet"), Text("author"), Text("url"), Text("published"), Text("accessed"), Text("language"), TextList("basedOn"))),
        new(RecordKind.Actor, "actor", "actors", Obj(
            "record", Text("id"), Text("name"), Text("kind"), TextList("aliases"), Text("country"), Text("affiliatedWith"),
            List("roles", Obj("element", Text("title"), Text("of"), Edtf("period"), Flag("isFormer"), Sources())),
            ExternalIds(), Text("description"),
            List("members", Obj("element", Text("actor"), Text("role"), Text("title"), Edtf("period"), Sources())))),
        new(RecordKind.Event, "event", "events", Obj(
            "record", Text("id"), Text("kind"), Text("title"), Text("description"), Edtf("date"), ReportedDate(), Location("location"),
            List("participants", Obj("element", Text("actor"), Text("role"))), TextList("inResponseTo"), Sources(), ExternalIds())),
        new(RecordKind.CasualtyEstimate, "casualtyEstimate", "casualtyEstimates", Obj(
            "record", Text("id"), Text("population"), Figure("figure"), Text("side"), Text("category"), Text("event"), Edtf("period"), Location("location"),
            Text("claimedBy"), TextList("components"), Sources())),
        new(RecordKind.Attribution, "attribution", "attributions", Obj(
            "record", Text("id"), Text("accused"), Text("responsibility"), Text("event"), Text("situation"), Text("accuser"), Text("beneficiary"), Text("response"),
            Edtf("date"), TextList("claims"), Sources())),
        new(RecordKind.Claim, "claim", "claims", Obj(
            "record", Text("id"), Text("claimant"), Obj("claimantAsReported", Text("phrase"), Text("identity")), Text("stance"), Obj("subject", Text("kind"), Text("target"), Text("targetKind")), Text("statement"), Text("quote"),
            Edtf("made"), ReportedDate("madeAsReported"), Sources(), Text("inResponseTo"), Text("supersedes"))),
        new(RecordKind.Ceasefire, "ceasefire", "ceasefires", Obj(
            "record", Text("id"), Text("name"), TextList("parties"), TextList("brokers"), Text("scope"), Text("purpose"), new BooleanColumn("isWritten", absentIsFalse: false),
            Edtf("declared"), Edtf("effective"), History(), Location("location"), Text("agreement"), Sources(),
            Text("plannedDuration"), Edtf("plannedEnd"))),
        new(RecordKind.Mediation, "mediation", "mediations", Obj(
            "record", Text("id"), TextList("parties"), List("mediators", Obj("element", Text("actor"), Text("role"), Text("onBehalfOf"))), TextList("requestedBy"), Text("subject"),
            History(),
            List("rounds", Obj("element", Edtf("date"), ReportedDate(), Location("venue"), TextList("facilitators"), TextList("participants"), Text("event"), Sources(), Text("note"),
                TextList("observers"), Outcomes())),
            Sources(), Outcomes())),
        new(RecordKind.Agreement, "agreement", "agreements", Obj(
            "record", Text("id"), Text("name"), Edtf("signed"), TextList("signatories"), List("thirdParties", Obj("element", Text("actor"), Text("role"))),
            List("provisions", Obj("element", Text("kind"), Text("text"), Text("ceasefire"))), Text("kind"), Edtf("ended"), ExternalIds(), Sources())),
    ];

    /// <summary>Gets a kind's layout.</summary>
    public static RecordLayout For(RecordKind kind) => All.First(l => l.Kind == kind);

    private static TextColumn Text(string name) => new(name);

    private static TextListColumn TextList(string name) => new(name);

    private static BooleanColumn Flag(string name) => new(name, absentIsFalse: true);

    private static EdtfColumn Edtf(string name) => new(name);

    private static ObjectColumn Obj(string name, params Column[] members) => new(name, members);

    private static ObjectListColumn List(string name, ObjectColumn element) => new(name, element);

    // Every use gets its own columns: a Parquet.Net field records its path when added to a schema, so one field
    // object shared by two places in a schema writes one of them empty.
    private static ObjectListColumn Sources() => new("sources", Obj("element", Text("source"), Text("excerpt"), Text("locator"), Text("hedge"), Text("quote"), Figure("figure")));

    private static ObjectColumn ReportedDate(string name = "dateAsReported") => Obj(
        name, Text("phrase"), Edtf("date"), Text("yearless"), Flag("yearInferred"), Text("relativeTo"), Text("earliestOffset"), Text("latestOffset"), Text("duration"));

    private static ObjectListColumn ExternalIds() => new("externalIds", Obj("element", Text("scheme"), Text("value")));

    private static ObjectListColumn History() => List("history", Obj(
        "element", Text("status"), Edtf("date"), Text("by"), TextList("events"), TextList("claims"), Sources(), Text("note"),
        Edtf("until"), Text("duration"), TextList("agreedBy")));

    private static ObjectListColumn Outcomes() => List("outcomes", Obj("element", Text("kind"), Text("ceasefire"), Text("agreement"), Text("note"), Sources()));

    private static ObjectColumn Location(string name) => Obj(
        name, Text("name"), Text("country"), TextList("adminAreas"), Obj("coordinates", new NumberColumn("latitude"), new NumberColumn("longitude")), Text("precision"));

    /// <summary>
    /// A casualty figure: the wire members, and for engines its <c>minimum</c> and <c>maximum</c> as
    /// <see cref="CasualtyFigure.Minimum"/> and <see cref="CasualtyFigure.Maximum"/> give them (10% around an
    /// approximate best figure; maximum null when there is no upper bound, both null when the figure is unknown).
    /// </summary>
    private static ObjectColumn Figure(string name) => new(
        name,
        [new IntegerColumn("best"), new IntegerColumn("low"), new IntegerColumn("high"), Flag("lowExclusive"), Flag("highExclusive"), Flag("isApproximate"), Text("phrase")],
        [
            new DerivedField(new DataField<long?>("minimum"), figure => FigureOf(figure)?.Minimum()),
            new DerivedField(new DataField<long?>("maximum"), figure => FigureOf(figure)?.Maximum() is { } max && max != long.MaxValue ? max : null),
        ]);

    private static CasualtyFigure? FigureOf(JsonElement figure)
    {
        long? Number(string member) => figure.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
        bool Flag(string member) => figure.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.True;
        try
        {
            return new CasualtyFigure(Number("best"), Number("low"), Number("high"), Flag("lowExclusive"), Flag("highExclusive"), Flag("isApproximate"));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>One record kind's file: its name, its wire <c>type</c>, and its columns.</summary>
/// <param name="Kind">The record kind.</param>
/// <param name="Type">The JSON Lines <c>type</c> of the kind.</param>
/// <param name="FileStem">The file's name without <c>.parquet</c> (the JSON document's array name).</param>
/// <param name="Record">The record's columns (the file's top-level fields).</param>
internal sealed record RecordLayout(RecordKind Kind, string Type, string FileStem, ObjectColumn Record)
{
    /// <summary>Gets the file's name.</summary>
    public string FileName => FileStem + ".parquet";

    /// <summary>Gets the file's Parquet schema.</summary>
    public ParquetSchema Schema { get; } = new([.. Record.Fields]);
}

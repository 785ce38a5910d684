using System;
using System.Collections.Immutable;
using System.Linq;
using ConflictModel.Diagnostics;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Tests.Validation;
using NodaTime;
using Xunit;

namespace ConflictModel.Tests.Model;

/// <summary>
/// Ceasefires over time, groups of actors and mediation outcomes (issue 15): guarded construction, the hand-written
/// reader's located diagnostics for bad values, and the writer's byte-identical round trip.
/// </summary>
public class CeasefireAndMediationVocabularyTests
{
    private static readonly EdtfDate May10 = EdtfDate.Parse("2025-05-10");

    [Fact]
    public void Ceasefire_CurrentEnd_IsTheLatestExtensionsUntil_ElseThePlannedEnd()
    {
        var ceasefire = new Ceasefire(
            new CeasefireId("c"),
            declared: May10,
            plannedDuration: Period.FromDays(2),
            plannedEnd: EdtfDate.Parse("2025-05-12"),
            history:
            [
                new StatusChange<CeasefireStatus>(CeasefireStatus.Declared, May10),
                new StatusChange<CeasefireStatus>(CeasefireStatus.Extended, EdtfDate.Parse("2025-05-12"), until: EdtfDate.Parse("2025-05-14"), agreedBy: [new ActorId("a"), new ActorId("b")]),
                new StatusChange<CeasefireStatus>(CeasefireStatus.Suspended, EdtfDate.Parse("2025-05-13"), until: EdtfDate.Parse("2025-05-20")),
            ]);

        // A suspension's 'until' ends the suspension, not the ceasefire.
        Assert.Equal(EdtfDate.Parse("2025-05-14"), ceasefire.CurrentEnd);
        Assert.Equal(EdtfDate.Parse("2025-05-12"), (ceasefire with { History = [] }).CurrentEnd);
        Assert.Null(new Ceasefire(new CeasefireId("d")).CurrentEnd);
    }

    [Fact]
    public void Durations_ThatAreNotPositiveWholeSeconds_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ceasefire(new CeasefireId("c"), plannedDuration: Period.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ceasefire(new CeasefireId("c"), plannedDuration: Period.FromDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusChange<CeasefireStatus>(CeasefireStatus.Extended, duration: Period.FromMilliseconds(500)));
        Assert.Equal(Period.FromHours(72), new Ceasefire(new CeasefireId("c"), plannedDuration: Period.FromHours(72)).PlannedDuration);
    }

    [Fact]
    public void MediationOutcome_LinkThatDoesNotFitTheKind_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new MediationOutcome(MediationOutcomeKind.Understanding, ceasefire: new CeasefireId("c")));
        Assert.Throws<ArgumentException>(() => new MediationOutcome(MediationOutcomeKind.Ceasefire, agreement: new AgreementId("g")));
        Assert.Throws<ArgumentException>(() => new MediationOutcome(MediationOutcomeKind.Ceasefire, ceasefire: default(CeasefireId)));
        Assert.Equal(new CeasefireId("c"), new MediationOutcome(MediationOutcomeKind.Ceasefire, new CeasefireId("c")).Ceasefire);
    }

    [Fact]
    public void GroupMember_Guards_AndDefaultsToMember()
    {
        Assert.Throws<ArgumentException>(() => new GroupMember(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupMember(new ActorId("a"), (GroupMemberRole)99));
        Assert.Throws<ArgumentException>(() => new GroupMember(new ActorId("a"), title: " "));
        Assert.Equal(GroupMemberRole.Member, new GroupMember(new ActorId("a")).Role);
        Assert.Equal(new GroupMember(new ActorId("a"), sources: [new Citation(new SourceId("s"))]), new GroupMember(new ActorId("a"), sources: [new Citation(new SourceId("s"))]));
    }

    [Theory]
    [InlineData("\"P0D\"")]
    [InlineData("\"P-1D\"")]
    [InlineData("\"PT1.5S\"")]
    [InlineData("\"7 days\"")]
    [InlineData("\"P\"")]
    [InlineData("\"PT\"")]
    [InlineData("\"P1s\"")]
    public void Reader_BadDuration_IsCM0014AtTheValue_AndTheCeasefireIsKept(string duration)
    {
        string line = "{\"type\":\"ceasefire\",\"id\":\"c\",\"plannedDuration\":" + duration + "}";
        var result = RuleHarness.Validate(RuleHarness.Lines([line]));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "CM0014");
        Assert.Equal((2, line.IndexOf(duration, StringComparison.Ordinal) + 1, "/plannedDuration"), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Location.JsonPointer));
    }

    [Fact]
    public void Reader_BadDurationInAStatusChange_IsLocatedInTheHistory()
    {
        string line = "{\"type\":\"ceasefire\",\"id\":\"c\",\"history\":[{\"status\":\"extended\",\"duration\":42}]}";
        var result = RuleHarness.Validate(RuleHarness.Lines([line]));
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "CM0008");
        Assert.Equal("/history/0/duration", diagnostic.Location.JsonPointer);
    }

    [Theory]
    [InlineData("understanding", "ceasefire", "\"f\"")]
    [InlineData("ceasefire", "agreement", "\"g\"")]
    public void Reader_OutcomeLinkOfAnotherKind_IsCM0015_AndTheLinkIsDropped(string kind, string member, string value)
    {
        string line = "{\"type\":\"mediation\",\"id\":\"m\",\"outcomes\":[{\"kind\":\"" + kind + "\",\"" + member + "\":" + value + "}]}";
        DatasetReadResult read = new DatasetReader().ReadText(RuleHarness.Lines([line]), DatasetFormat.JsonLines, "test.jsonl");
        Diagnostic diagnostic = Assert.Single(read.Diagnostics, d => d.Id == "CM0015");
        Assert.Equal(($"/outcomes/0/{member}", line.IndexOf(value, StringComparison.Ordinal) + 1), (diagnostic.Location.JsonPointer, diagnostic.Location.StartColumn));
        MediationOutcome outcome = Assert.Single(Assert.Single(read.Dataset.Mediations).Outcomes);
        Assert.Equal((null, null), (outcome.Ceasefire, outcome.Agreement));
    }

    [Fact]
    public void Reader_GroupMemberWithoutActor_IsCM0007_AndTheOtherMembersAreKept()
    {
        string line = "{\"type\":\"actor\",\"id\":\"g\",\"name\":\"G\",\"kind\":\"group\",\"members\":[{\"role\":\"chair\"},{\"actor\":\"a\",\"role\":\"coChair\",\"period\":\"2025/..\"}]}";
        DatasetReadResult read = new DatasetReader().ReadText(RuleHarness.Lines([line]), DatasetFormat.JsonLines, "test.jsonl");
        Assert.Single(read.Diagnostics, d => d.Id == "CM0007");
        GroupMember member = Assert.Single(Assert.Single(read.Dataset.Actors).Members);
        Assert.Equal((new ActorId("a"), GroupMemberRole.CoChair, "2025/.."), (member.Actor, member.Role, member.Period.ToString()));
    }

    [Fact]
    public void Dataset_WithEveryAddition_RoundTripsByteIdentical_InBothForms_AndBothReadersAgree()
    {
        Dataset dataset = Everything();
        string document = ConflictJsonSerializer.Serialize(dataset);
        string lines = ConflictJsonSerializer.SerializeLines(dataset);
        Assert.Contains("\"plannedDuration\": \"PT30H\"", document, StringComparison.Ordinal);
        Assert.Contains("\"duration\": \"P1W\"", document, StringComparison.Ordinal);

        Dataset fromDocument = ConflictJsonSerializer.Deserialize(document);
        Assert.Equal(dataset, fromDocument);
        Assert.Equal(document, ConflictJsonSerializer.Serialize(fromDocument));
        Assert.Equal(lines, ConflictJsonSerializer.SerializeLines(ConflictJsonSerializer.DeserializeLines(lines)));

        DatasetReadResult read = new DatasetReader().ReadText(document, DatasetFormat.Document, "x.json");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(dataset, read.Dataset);
        Assert.Empty(RuleHarness.Validate(lines).Diagnostics.Where(d => d.Id.StartsWith("CM0", StringComparison.Ordinal) || d.Id is "CM1001"));
    }

    private static Dataset Everything()
    {
        ActorId a = new("a"), b = new("b"), c = new("c");
        var cite = ImmutableArray.Create(new Citation(new SourceId("s"), "an excerpt"));
        return new Dataset(
            new DatasetInfo("Everything"),
            sources: [new Source(new SourceId("s"))],
            actors:
            [
                new Actor(a, "A", ActorKind.State),
                new Actor(b, "B", ActorKind.State),
                new Actor(new ActorId("a2"), "Observer", ActorKind.State),
                new Actor(new ActorId("b2"), "Witness", ActorKind.Person),
                new Actor(c, "C", ActorKind.Group, members: [new GroupMember(a, GroupMemberRole.CoChair, "co-chair", EdtfDate.Parse("2025/.."), cite), new GroupMember(b)]),
            ],
            events: [new Event(new EventId("e"), EventKind.ObserverDeployment), new Event(new EventId("p"), EventKind.PeacekeeperDeployment), new Event(new EventId("n"), EventKind.Announcement)],
            ceasefires:
            [
                new Ceasefire(
                    new CeasefireId("f"),
                    parties: [a, b],
                    effective: EdtfDate.Parse("2025-04-19"),
                    plannedDuration: Period.FromHours(30),
                    plannedEnd: EdtfDate.Parse("2025-04-21"),
                    history:
                    [
                        new StatusChange<CeasefireStatus>(CeasefireStatus.Declared, EdtfDate.Parse("2025-04-19"), events: [new EventId("n")]),
                        new StatusChange<CeasefireStatus>(CeasefireStatus.Extended, EdtfDate.Parse("2025-04-21"), duration: Period.FromWeeks(1), agreedBy: [a, b]),
                        new StatusChange<CeasefireStatus>(CeasefireStatus.Suspended, EdtfDate.Parse("2025-04-23"), by: a, until: EdtfDate.Parse("2025-04-25")),
                        new StatusChange<CeasefireStatus>(CeasefireStatus.Resumed, EdtfDate.Parse("2025-04-25")),
                        new StatusChange<CeasefireStatus>(CeasefireStatus.Renewed, EdtfDate.Parse("2025-05"), until: EdtfDate.Parse("2025-06")),
                    ]),
            ],
            mediations:
            [
                new Mediation(
                    new MediationId("m"),
                    parties: [a, b],
                    mediators: [new Mediator(c, MediatorRole.Mediator), new Mediator(new ActorId("a2"), MediatorRole.Observer), new Mediator(new ActorId("b2"), MediatorRole.Witness)],
                    history: [new StatusChange<MediationStatus>(MediationStatus.Suspended, EdtfDate.Parse("2025-04-22")), new StatusChange<MediationStatus>(MediationStatus.Resumed, EdtfDate.Parse("2025-04-24"))],
                    rounds: [new MediationRound(EdtfDate.Parse("2025-04-19"), observers: [c], outcomes: [new MediationOutcome(MediationOutcomeKind.Ceasefire, new CeasefireId("f"), sources: cite)])],
                    outcomes: [new MediationOutcome(MediationOutcomeKind.Agreement, agreement: new AgreementId("g")), new MediationOutcome(MediationOutcomeKind.NoAgreement, note: "no deal on prisoners")]),
            ],
            agreements: [new Agreement(new AgreementId("g"), "G", signatories: [a, b])]);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1006: the same entry twice in one list.</summary>
internal sealed class DuplicateInListRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1006", "Repeated list entry", "'{0}' appears more than once in '{1}'", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "A party, signatory, participant, alias, component or citation listed twice says nothing more than once, and inflates counts (a bilateral ceasefire whose two parties are the same actor). Reported at each repetition.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        {
            switch (context.Record)
            {
                case Source r:
                    Ids(context, r.BasedOn, "basedOn");
                    break;
                case Actor r:
                    Check(context, r.Aliases, "aliases", a => a.Trim().ToUpperInvariant(), a => a);
                    break;
                case Event r:
                    Check(context, r.Participants, "participants", p => $"{p.Actor.Value}\u0000{p.Role}", p => $"{p.Actor.Value} as {Names.Of(p.Role)}");
                    Ids(context, r.InResponseTo, "inResponseTo");
                    Citations(context, r.Sources, "sources");
                    break;
                case CasualtyEstimate r:
                    Ids(context, r.Components, "components");
                    Citations(context, r.Sources, "sources");
                    break;
                case Attribution r:
                    Ids(context, r.Claims, "claims");
                    Citations(context, r.Sources, "sources");
                    break;
                case Claim r:
                    Citations(context, r.Sources, "sources");
                    break;
                case Ceasefire r:
                    Ids(context, r.Parties, "parties");
                    Ids(context, r.Brokers, "brokers");
                    Citations(context, r.Sources, "sources");
                    break;
                case Mediation r:
                    Ids(context, r.Parties, "parties");
                    Ids(context, r.RequestedBy, "requestedBy");
                    Check(context, r.Mediators, "mediators", m => m.Actor.Value, m => m.Actor.Value);
                    for (int i = 0; i < r.Rounds.Length; i++)
                    {
                        Ids(context, r.Rounds[i].Facilitators, $"rounds/{i}/facilitators");
                        Ids(context, r.Rounds[i].Participants, $"rounds/{i}/participants");
                    }

                    Citations(context, r.Sources, "sources");
                    break;
                case Agreement r:
                    Ids(context, r.Signatories, "signatories");
                    Check(context, r.ThirdParties, "thirdParties", t => t.Actor.Value, t => t.Actor.Value);
                    Citations(context, r.Sources, "sources");
                    break;
            }
        }
    }

    private static void Ids<TId>(RecordContext<ConflictRecord> context, ImmutableArray<TId> ids, string member)
        where TId : struct, IRecordId<TId>
        => Check(context, ids, member, id => id.Value, id => id.Value);

    private static void Citations(RecordContext<ConflictRecord> context, ImmutableArray<Citation> citations, string member)
        => Check(context, citations, member, c => $"{c.Source.Value}\u0000{c.Excerpt}\u0000{c.Locator}", c => c.Source.Value);

    private static void Check<T>(RecordContext<ConflictRecord> context, ImmutableArray<T> items, string member, Func<T, string> key, Func<T, string> display)
    {
        if (items.Length < 2)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Length; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                string name = member.Contains('/', StringComparison.Ordinal) ? member[(member.LastIndexOf('/') + 1)..] : member;
                context.Report(Descriptor, $"/{member}/{i}", display(items[i]), name);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ConflictModel.Model;
using ConflictModel.Validation;
using NodaTime;
using NodaTime.Text;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Interop.Ucdp;

/// <summary>
/// Imports the UCDP Peace Agreement Dataset (PAD) CSV, following docs/vocabulary.md section 7.5: an agreement per
/// row with its signatories (the UCDP actors of <c>actor_id</c>), third parties read from <c>pa_3rd</c> with a role
/// read from the wording of <c>c_3rd</c>, a provision per provision column set to 1, a ceasefire record for
/// <c>cease</c> = 1, and the full text as a source. The comma-separated id lists are split; the column names with a
/// trailing space (<c>ref </c>, <c>return </c>) and the empty last column are handled. Columns without a member are
/// kept in the agreement's <c>ucdpPad</c> extension member.
/// </summary>
public sealed class UcdpPadImporter : DatasetImporter
{
    /// <summary>The extension member of an agreement that holds the columns without a member.</summary>
    public const string ExtensionMember = "ucdpPad";

    private static readonly ImmutableArray<string> AllColumns =
    [
        "paid", "region", "gwno", "conflict_id", "conflict_name", "dyad_id", "dyad_name", "actor_id", "actor_name", "incompatibility",
        "pa_name", "year", "pa_date", "pa_comment", "pa_sign", "c_sign", "pa_3rd", "c_3rd", "ended", "duration", "c_duration", "cease",
        "intarmy", "ddr", "withd", "mil_prov", "pp", "intgov", "intciv", "elections", "interim", "natalks", "shagov", "pol_prov", "aut",
        "fed", "ind", "ref", "shaloc", "regdev", "cul", "demarcation", "locgov", "terr_prov", "amn", "pris", "recon", "return",
        "justice_prov", "reaffirm", "outlin", "pko", "gender", "co_impl", "termdur", "noconf17", "txt", "linktofulltextagreement",
        "inclusive", "no_dyad", "pa_type", "out_iss", "procID", "frame", "version", "dateintervalstart_meta", "dateintervalend_meta",
    ];

    /// <summary>Provision columns in the order of the file, and the kind each codes (codebook 6.17).</summary>
    private static readonly (string Column, ProvisionKind Kind, string? Text)[] ProvisionColumns =
    [
        ("cease", ProvisionKind.Ceasefire, null), ("intarmy", ProvisionKind.MilitaryIntegration, null), ("ddr", ProvisionKind.Disarmament, null),
        ("withd", ProvisionKind.Withdrawal, null), ("pp", ProvisionKind.Other, "UCDP PAD provision 'pp'"), ("intgov", ProvisionKind.PoliticalPowerSharing, null),
        ("intciv", ProvisionKind.PoliticalPowerSharing, null), ("elections", ProvisionKind.Elections, null), ("interim", ProvisionKind.InterimGovernment, null),
        ("natalks", ProvisionKind.NationalTalks, null), ("shagov", ProvisionKind.PoliticalPowerSharing, null), ("aut", ProvisionKind.Autonomy, null),
        ("fed", ProvisionKind.Federalism, null), ("ind", ProvisionKind.Independence, null), ("ref", ProvisionKind.Referendum, null),
        ("shaloc", ProvisionKind.LocalPowerSharing, null), ("regdev", ProvisionKind.LocalPowerSharing, null), ("cul", ProvisionKind.CulturalFreedoms, null),
        ("demarcation", ProvisionKind.Demarcation, null), ("locgov", ProvisionKind.LocalPowerSharing, null), ("amn", ProvisionKind.Amnesty, null),
        ("pris", ProvisionKind.PrisonerRelease, null), ("recon", ProvisionKind.Reconciliation, null), ("return", ProvisionKind.RefugeeReturn, null),
        ("reaffirm", ProvisionKind.Other, "Reaffirms an earlier agreement (UCDP PAD 'reaffirm')"),
        ("outlin", ProvisionKind.Other, "Outlines a process for settling the incompatibility (UCDP PAD 'outlin')"),
        ("pko", ProvisionKind.Peacekeeping, null), ("gender", ProvisionKind.Other, "Gender provisions (UCDP PAD 'gender')"),
        ("co_impl", ProvisionKind.Other, "UCDP PAD provision 'co_impl'"),
    ];

    /// <summary>Columns that become members; the others are kept as extension data.</summary>
    private static readonly HashSet<string> MappedColumns = new(StringComparer.Ordinal)
    {
        "paid", "conflict_id", "dyad_id", "actor_id", "actor_name", "pa_name", "pa_date", "pa_type", "linktofulltextagreement", "duration",
    };

    private static readonly HashSet<string> NumericColumns = new(StringComparer.Ordinal)
    {
        "paid", "region", "incompatibility", "year", "cease", "intarmy", "ddr", "withd", "mil_prov", "pp", "intgov", "intciv", "elections",
        "interim", "natalks", "shagov", "pol_prov", "aut", "fed", "ind", "ref", "shaloc", "regdev", "cul", "demarcation", "locgov", "terr_prov",
        "amn", "pris", "recon", "return", "justice_prov", "reaffirm", "outlin", "pko", "gender", "co_impl", "termdur", "noconf17", "txt",
        "inclusive", "no_dyad", "pa_type", "out_iss", "procID", "frame",
    };

    /// <inheritdoc />
    public override string Name => "UCDP PAD";

    /// <inheritdoc />
    public override DatasetInfo DefaultInfo => new(
        "UCDP Peace Agreement Dataset (PAD)",
        license: "CC-BY-4.0",
        attribution: "UCDP Peace Agreement Dataset; Pettersson, Högbladh and Öberg (2019), Organized violence, 1989–2018 and peace agreements, Journal of Peace Research 56(4)",
        publisher: "Uppsala Conflict Data Program");

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => AllColumns;

    private protected override IReadOnlyList<string> RequiredColumns => ["paid", "pa_name", "actor_id"];

    private protected override RowMapper CreateMapper(ImportLog log) => new Mapper(log);

    /// <summary>The role of the third parties of an agreement, from the words of <c>c_3rd</c> and <c>pa_3rd</c> (codebook 6.21).</summary>
    internal static ThirdPartyRole RoleFrom(string text)
    {
        string t = text.ToLowerInvariant();
        return t.Contains("mediat", StringComparison.Ordinal) || t.Contains("broker", StringComparison.Ordinal) ? ThirdPartyRole.Mediator
            : t.Contains("facilitat", StringComparison.Ordinal) ? ThirdPartyRole.Facilitator
            : t.Contains("guarant", StringComparison.Ordinal) ? ThirdPartyRole.Guarantor
            : t.Contains("host", StringComparison.Ordinal) ? ThirdPartyRole.Host
            : t.Contains("witness", StringComparison.Ordinal) ? ThirdPartyRole.Witness
            : ThirdPartyRole.Mediator;
    }

    /// <summary>The names in <c>pa_3rd</c>: split at commas, semicolons and line breaks outside parentheses.</summary>
    internal static List<string> ThirdPartyNames(string text)
    {
        var names = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ',';
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            if (depth == 0 && c is ',' or ';' or '\n' or '\r')
            {
                string name = text[start..i].Trim().TrimEnd('.').Trim();
                if (name.Length > 0)
                {
                    names.Add(name);
                }

                start = i + 1;
            }
        }

        return names;
    }

    /// <summary>
    /// What PAD writes in <c>pa_3rd</c> when no third party took part: "No" (agreement 1024 of 22.1, whose <c>c_3rd</c>
    /// says there are no reports of third parties) and the usual ways of writing nothing ("None", "N/A", "-"), compared
    /// without case, spaces or a final full stop. Read from the data: the PAD codebook's text was not available to check
    /// (docs/vocabulary.md 7.5).
    /// </summary>
    internal static bool SaysNoThirdParty(string text)
        => text.Trim().TrimEnd('.').Trim().ToLowerInvariant() is "no" or "none" or "n/a" or "na" or "-" or "--" or "nil" or "0" or "no third party" or "no third parties" or "not applicable";

    /// <summary>
    /// The end of an agreement from PAD's <c>duration</c>. The day as written, except where it falls before the signing
    /// day: PAD appears to write the first of January (or the first of a month) when only the year (or the month) of the
    /// end is known (read from the data, docs/vocabulary.md 7.5, not from the codebook), so a first of January in the signing year reads as that year, and a first of the month in the signing
    /// month as that month. Anything else before the signing is no end the model can carry: null.
    /// </summary>
    internal static EdtfDate? EndDate(LocalDate day, LocalDate? signed)
    {
        if (signed is not { } start || day >= start)
        {
            return EdtfDate.FromDate(day);
        }

        if (day.Month == 1 && day.Day == 1 && day.Year == start.Year)
        {
            return EdtfDate.FromDate(PartialDate.FromYear(day.Year));
        }

        if (day.Day == 1 && day.Year == start.Year && day.Month == start.Month)
        {
            return EdtfDate.FromDate(PartialDate.FromMonth(day.Year, day.Month));
        }

        return null;
    }

    private static string[] List(string text) => [.. text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)];

    private sealed class Mapper(ImportLog log) : RowMapper
    {
        private readonly Dictionary<string, (Actor Actor, long Row)> _actors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Actor> _thirdParties = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private readonly HashSet<string> _thirdPartyIds = new(StringComparer.Ordinal);
        private readonly SourceId _dataset = new("ucdp-pad");

        public override IEnumerable<ConflictRecord> Start()
        {
            yield return new Source(_dataset, SourceKind.Dataset, "UCDP Peace Agreement Dataset (PAD)", url: new Uri("https://ucdp.uu.se/downloads/"));
        }

        public override List<ConflictRecord> Map(SourceRow row)
        {
            var records = new List<ConflictRecord>();
            string paid = row.Text("paid");
            if (!SourceRow.IsWholeNumber(paid))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("paid"), Where(row), paid, "paid", "a whole number"));
                return records;
            }

            string where = Where(row, $"PAD id {paid}");
            if (_seen.TryGetValue(paid, out long first))
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.DuplicateRow, row.Location("paid"), where, paid, first));
                return records;
            }

            if (row.OptionalText("pa_name") is not { } name)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("pa_name"), where, string.Empty, "pa_name", "a name"));
                return records;
            }

            string[] actorIds = List(row.Text("actor_id"));
            if (actorIds.FirstOrDefault(id => !SourceRow.IsWholeNumber(id)) is { } badId)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InvalidValue, row.Location("actor_id"), where, badId, "actor_id", "a list of whole numbers"));
                return records;
            }

            _seen.Add(paid, row.Number);
            var extension = new SourceExtension(NumericColumns);
            var agreementId = new AgreementId("ucdp-pad-" + paid);

            // Signatories: actor_id and actor_name are parallel comma-separated lists.
            string[] actorNames = List(row.Text("actor_name"));
            if (actorNames.Length != actorIds.Length)
            {
                log.Report(Diagnostic.Create(ImportDiagnostics.InconsistentActor, row.Location("actor_name"), where, $"actor_id lists {actorIds.Length} ids but actor_name {actorNames.Length} names; actors not seen before are named by their ids"));
                extension.Keep("actor_name", row.Raw("actor_name"));
            }

            var signatories = new List<ActorId>();
            for (int i = 0; i < actorIds.Length; i++)
            {
                string? actorName = actorNames.Length == actorIds.Length ? actorNames[i] : null;
                ActorId id = Signatory(row, actorIds[i], actorName, where, records);
                if (!signatories.Contains(id))
                {
                    signatories.Add(id);
                }
            }

            // Third parties: free text; the role is read from the wording, mediator when it says nothing.
            var thirdParties = new List<ThirdParty>();
            string thirdText = row.Text("pa_3rd");
            if (thirdText.Length > 0 && !SaysNoThirdParty(thirdText))
            {
                ThirdPartyRole role = RoleFrom(row.Text("c_3rd") + " " + thirdText);
                foreach (string party in ThirdPartyNames(thirdText))
                {
                    ActorId id = ThirdParty(party, records);
                    if (!thirdParties.Exists(t => t.Actor == id))
                    {
                        thirdParties.Add(new ThirdParty(id, role));
                    }
                }
            }

            EdtfDate? signed = null;
            LocalDate? signedDay = null;
            if (row.OptionalText("pa_date") is { } date)
            {
                if (UcdpGedImporter.TryDay(date, out LocalDate day))
                {
                    signed = EdtfDate.FromDate(day);
                    signedDay = day;
                }
                else
                {
                    Unmapped(row, "pa_date", where, "not a date (YYYY-MM-DD)");
                    extension.Keep("pa_date", row.Raw("pa_date"));
                }
            }

            EdtfDate? ended = null;
            if (row.OptionalText("duration") is { } duration)
            {
                if (!UcdpGedImporter.TryDay(duration, out LocalDate day))
                {
                    Unmapped(row, "duration", where, "not a date (YYYY-MM-DD)");
                    extension.Keep("duration", row.Raw("duration"));
                }
                else if (EndDate(day, signedDay) is { } end)
                {
                    ended = end;
                    if (end.ToString() != EdtfDate.FromDate(day).ToString())
                    {
                        // The member says less than the column (a year, not its first day): the column is kept as written.
                        extension.Keep("duration", row.Raw("duration"));
                    }
                }
                else
                {
                    Unmapped(row, "duration", where, $"the agreement would end before it was signed ({signedDay:uuuu-MM-dd})");
                    extension.Keep("duration", row.Raw("duration"));
                }
            }

            // Provisions, one per kind, in the order of the columns; the ceasefire provision becomes a ceasefire.
            var provisions = new List<Provision>();
            CeasefireId? ceasefireId = null;
            foreach ((string column, ProvisionKind kind, string? text) in ProvisionColumns)
            {
                string flag = row.Text(column);
                if (flag == "1")
                {
                    if (kind == ProvisionKind.Ceasefire)
                    {
                        ceasefireId = new CeasefireId($"ucdp-pad-{paid}-ceasefire");
                        provisions.Add(new Provision(kind, ceasefire: ceasefireId));
                    }
                    else if (kind == ProvisionKind.Other || !provisions.Exists(p => p.Kind == kind))
                    {
                        provisions.Add(new Provision(kind, text));
                    }
                }
                else if (flag.Length > 0 && flag != "0")
                {
                    Unmapped(row, column, where, "a provision column is 0 or 1");
                }
            }

            AgreementKind? agreementType = row.Text("pa_type") switch
            {
                "1" => AgreementKind.Full,
                "2" => AgreementKind.Partial,
                "3" => AgreementKind.PeaceProcess,
                "" => null,
                _ => Unmapped(row, "pa_type", where, "PAD codes 1 full, 2 partial, 3 peace process"),
            };

            ImmutableArray<ExternalIdentifier>.Builder externalIds = ImmutableArray.CreateBuilder<ExternalIdentifier>();
            externalIds.Add(new ExternalIdentifier("ucdp-pad", paid));
            foreach (string conflict in List(row.Text("conflict_id")))
            {
                externalIds.Add(new ExternalIdentifier("ucdp-conflict", conflict));
            }

            foreach (string dyad in List(row.Text("dyad_id")))
            {
                externalIds.Add(new ExternalIdentifier("ucdp-dyad", dyad));
            }

            ImmutableArray<Citation>.Builder citations = ImmutableArray.CreateBuilder<Citation>();
            if (row.OptionalText("linktofulltextagreement") is { } link)
            {
                // As the reader reads a URL: UriKind.Absolute would also take "//host" and "/path" for file URIs (on Unix),
                // which the writer writes as given and the reader then refuses (CM0014; found by fuzzing csv-importer).
                if (Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out Uri? url) && url.IsAbsoluteUri)
                {
                    var text = new Source(new SourceId($"ucdp-pad-{paid}-text"), SourceKind.Other, $"{name} (full text)", url: url);
                    records.Add(text);
                    citations.Add(new Citation(text.Id));
                }
                else
                {
                    Unmapped(row, "linktofulltextagreement", where, "not an absolute URL");
                    extension.Keep("linktofulltextagreement", row.Raw("linktofulltextagreement"));
                }
            }

            citations.Add(new Citation(_dataset));

            foreach (KeyValuePair<string, string?> field in row.Fields)
            {
                if (field.Key.Length > 0 && !MappedColumns.Contains(field.Key))
                {
                    extension.Keep(field.Key, field.Value);
                }
            }

            var agreement = new Agreement(agreementId, name, signed, [.. signatories], [.. thirdParties], [.. provisions], agreementType, ended, externalIds.ToImmutable(), citations.ToImmutable());
            if (extension.ToJson() is { } json)
            {
                agreement = agreement.WithExtensions(ExtensionData.Create([new(ExtensionMember, json)]));
            }

            records.Add(agreement);
            if (ceasefireId is { } cid)
            {
                records.Add(new Ceasefire(cid, [.. signatories], name: name, isWritten: true, declared: signed, agreement: agreementId, sources: [.. citations]));
            }

            return records;
        }

        private ActorId Signatory(SourceRow row, string ucdpId, string? name, string where, List<ConflictRecord> records)
        {
            if (_actors.TryGetValue(ucdpId, out (Actor Actor, long Row) known))
            {
                if (name is not null && !string.Equals(name, known.Actor.Name, StringComparison.Ordinal) && !known.Actor.Name.StartsWith("UCDP actor ", StringComparison.Ordinal))
                {
                    log.Report(Diagnostic.Create(ImportDiagnostics.InconsistentActor, row.Location("actor_name"), where, $"UCDP actor {ucdpId} is named '{name}' here but '{known.Actor.Name}' in row {known.Row}; the first name is kept"));
                }

                return known.Actor.Id;
            }

            string actorName = name ?? $"UCDP actor {ucdpId}";
            ActorKind kind = actorName.StartsWith("Government of", StringComparison.OrdinalIgnoreCase) ? ActorKind.Government
                : actorName.StartsWith("United Nations", StringComparison.OrdinalIgnoreCase) ? ActorKind.InternationalOrganisation
                : ActorKind.NonStateArmedGroup;
            var actor = new Actor(new ActorId("ucdp-actor-" + ucdpId), actorName, kind, externalIds: [new ExternalIdentifier("ucdp-actor", ucdpId)]);
            _actors.Add(ucdpId, (actor, row.Number));
            records.Add(actor);
            return actor.Id;
        }

        private ActorId ThirdParty(string name, List<ConflictRecord> records)
        {
            if (_thirdParties.TryGetValue(name, out Actor? known))
            {
                return known.Id;
            }

            // A third party named exactly as a UCDP actor already read (a signatory of another agreement) is that actor.
            if (_actors.Values.FirstOrDefault(a => string.Equals(a.Actor.Name, name, StringComparison.OrdinalIgnoreCase)).Actor is { } ucdp)
            {
                _thirdParties.Add(name, ucdp);
                return ucdp.Id;
            }

            string slug = "ucdp-pad-third-party-" + Names.Slug(name, 80);
            string id = slug;
            for (int n = 2; !_thirdPartyIds.Add(id); n++)
            {
                id = $"{slug}-{n}";
            }

            // PAD names third parties in words ("Tanzania", "the UN Secretary-General"): what kind of actor each is, it does not code.
            var actor = new Actor(new ActorId(id), name, ActorKind.Other);
            _thirdParties.Add(name, actor);
            records.Add(actor);
            return actor.Id;
        }

        private AgreementKind? Unmapped(SourceRow row, string column, string where, string why)
        {
            log.Report(Diagnostic.Create(ImportDiagnostics.UnmappedValue, row.Location(column), where, row.Text(column), column, why));
            return null;
        }
    }
}

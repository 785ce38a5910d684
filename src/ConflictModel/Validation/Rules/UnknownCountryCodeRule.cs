using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation.Rules;

/// <summary>CM1007: a country code with the right shape that ISO 3166-1 does not assign.</summary>
internal sealed class UnknownCountryCodeRule : DatasetRule
{
    public static DiagnosticDescriptor Descriptor { get; } = RuleDescriptors.Create(
        "CM1007", "Unknown country code", "'{0}' is not an ISO 3166-1 alpha-3 country code", DiagnosticCategories.References, DiagnosticSeverity.Warning,
        "Country codes are ISO 3166-1 alpha-3. Codes with the right shape that ISO does not assign are usually typos (PAK for Pakistan, not PAC) or alpha-2 habits (UKR, not UKN). Codes reserved for user assignment (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ, such as XKX for Kosovo) and codes of former states that conflict data still uses (SUN, YUG, CSK, DDR, YMD, ZAR, SCG, …) are accepted.");

    /// <summary>The officially assigned ISO 3166-1 alpha-3 codes (249).</summary>
    internal static readonly FrozenSet<string> Assigned = (
        "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL BES BIH BWA BVT BRA IOT BRN " +
        "BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ " +
        "ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN " +
        "ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV " +
        "MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW " +
        "PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN " +
        "SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY " +
        "UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Codes of former states and territories, withdrawn from ISO 3166-1 but still found in conflict data.</summary>
    internal static readonly FrozenSet<string> Former = (
        "ANT BUR BYS CSK DDR DHY HVO NTZ RHO SCG SKM SUN TMP VDR YMD YUG ZAR").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(RuleRegistration context) => context.RegisterRecordAction<ConflictRecord>(Check);

    private static void Check(RecordContext<ConflictRecord> context)
    {
        {
            switch (context.Record)
            {
                case Actor r:
                    Check(context, r.Country, "/country");
                    break;
                case Event r:
                    Check(context, r.Location?.Country, "/location/country");
                    break;
                case CasualtyEstimate r:
                    Check(context, r.Location?.Country, "/location/country");
                    break;
                case Ceasefire r:
                    Check(context, r.Location?.Country, "/location/country");
                    break;
                case Mediation r:
                    for (int i = 0; i < r.Rounds.Length; i++)
                    {
                        Check(context, r.Rounds[i].Venue?.Country, $"/rounds/{i}/venue/country");
                    }

                    break;
            }
        }
    }

    internal static bool IsKnown(string code)
        => Assigned.Contains(code) || Former.Contains(code) || IsUserAssigned(code);

    private static bool IsUserAssigned(string code)
        => code[0] == 'X'
           || (code[0] == 'A' && code[1] == 'A')
           || (code[0] == 'Z' && code[1] == 'Z')
           || (code[0] == 'Q' && code[1] >= 'M');

    private static void Check(RecordContext<ConflictRecord> context, CountryCode? country, string pointer)
    {
        if (country?.Value is { } code && !IsKnown(code))
        {
            context.Report(Descriptor, pointer, code);
        }
    }
}

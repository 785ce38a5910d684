using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace ConflictModel.Interop;

/// <summary>
/// Country code conversions: Gleditsch–Ward state numbers (UCDP's <c>country_id</c>, <c>gwnoa</c>, <c>gwnob</c>) and
/// ISO 3166-1 numeric codes (ACLED's <c>iso</c>) to ISO 3166-1 alpha-3. States that no longer exist and have no
/// alpha-3 code of their own (the German Democratic Republic, South Yemen, the Republic of Vietnam, Czechoslovakia)
/// are left out, so they are reported as values without a mapping rather than converted wrongly.
/// </summary>
internal static class CountryCodes
{
    private static readonly FrozenDictionary<int, string> GleditschWard = new Dictionary<int, string>
    {
        [2] = "USA", [20] = "CAN", [31] = "BHS", [40] = "CUB", [41] = "HTI", [42] = "DOM", [51] = "JAM", [52] = "TTO", [53] = "BRB",
        [70] = "MEX", [80] = "BLZ", [90] = "GTM", [91] = "HND", [92] = "SLV", [93] = "NIC", [94] = "CRI", [95] = "PAN",
        [100] = "COL", [101] = "VEN", [110] = "GUY", [115] = "SUR", [130] = "ECU", [135] = "PER", [140] = "BRA", [145] = "BOL",
        [150] = "PRY", [155] = "CHL", [160] = "ARG", [165] = "URY",
        [200] = "GBR", [205] = "IRL", [210] = "NLD", [211] = "BEL", [212] = "LUX", [220] = "FRA", [225] = "CHE", [230] = "ESP",
        [235] = "PRT", [260] = "DEU", [290] = "POL", [305] = "AUT", [310] = "HUN", [316] = "CZE", [317] = "SVK", [325] = "ITA",
        [338] = "MLT", [339] = "ALB", [340] = "SRB", [341] = "MNE", [343] = "MKD", [344] = "HRV", [346] = "BIH", [349] = "SVN",
        [350] = "GRC", [352] = "CYP", [355] = "BGR", [359] = "MDA", [360] = "ROU", [365] = "RUS", [366] = "EST", [367] = "LVA",
        [368] = "LTU", [369] = "UKR", [370] = "BLR", [371] = "ARM", [372] = "GEO", [373] = "AZE", [375] = "FIN", [380] = "SWE",
        [385] = "NOR", [390] = "DNK", [395] = "ISL",
        [402] = "CPV", [404] = "GNB", [411] = "GNQ", [420] = "GMB", [432] = "MLI", [433] = "SEN", [434] = "BEN", [435] = "MRT",
        [436] = "NER", [437] = "CIV", [438] = "GIN", [439] = "BFA", [450] = "LBR", [451] = "SLE", [452] = "GHA", [461] = "TGO",
        [471] = "CMR", [475] = "NGA", [481] = "GAB", [482] = "CAF", [483] = "TCD", [484] = "COG", [490] = "COD", [500] = "UGA",
        [501] = "KEN", [510] = "TZA", [516] = "BDI", [517] = "RWA", [520] = "SOM", [522] = "DJI", [530] = "ETH", [531] = "ERI",
        [540] = "AGO", [541] = "MOZ", [551] = "ZMB", [552] = "ZWE", [553] = "MWI", [560] = "ZAF", [565] = "NAM", [570] = "LSO",
        [571] = "BWA", [572] = "SWZ", [580] = "MDG", [581] = "COM", [590] = "MUS",
        [600] = "MAR", [615] = "DZA", [616] = "TUN", [620] = "LBY", [625] = "SDN", [626] = "SSD", [630] = "IRN", [640] = "TUR",
        [645] = "IRQ", [651] = "EGY", [652] = "SYR", [660] = "LBN", [663] = "JOR", [666] = "ISR", [670] = "SAU", [678] = "YEM",
        [690] = "KWT", [692] = "BHR", [694] = "QAT", [696] = "ARE", [698] = "OMN",
        [700] = "AFG", [701] = "TKM", [702] = "TJK", [703] = "KGZ", [704] = "UZB", [705] = "KAZ", [710] = "CHN", [712] = "MNG",
        [713] = "TWN", [731] = "PRK", [732] = "KOR", [740] = "JPN", [750] = "IND", [760] = "BTN", [770] = "PAK", [771] = "BGD",
        [775] = "MMR", [780] = "LKA", [781] = "MDV", [790] = "NPL", [800] = "THA", [811] = "KHM", [812] = "LAO", [816] = "VNM",
        [820] = "MYS", [830] = "SGP", [835] = "BRN", [840] = "PHL", [850] = "IDN", [860] = "TLS",
        [900] = "AUS", [910] = "PNG", [920] = "NZL", [940] = "SLB", [950] = "FJI",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> GleditschWardByAlpha3 = GleditschWard.ToFrozenDictionary(p => p.Value, p => p.Key);

    private static readonly FrozenDictionary<int, string> IsoNumeric = new Dictionary<int, string>
    {
        [4] = "AFG", [8] = "ALB", [12] = "DZA", [24] = "AGO", [31] = "AZE", [32] = "ARG", [36] = "AUS", [40] = "AUT", [48] = "BHR",
        [50] = "BGD", [51] = "ARM", [56] = "BEL", [64] = "BTN", [68] = "BOL", [70] = "BIH", [72] = "BWA", [76] = "BRA", [96] = "BRN",
        [100] = "BGR", [104] = "MMR", [108] = "BDI", [112] = "BLR", [116] = "KHM", [120] = "CMR", [124] = "CAN", [132] = "CPV",
        [140] = "CAF", [144] = "LKA", [148] = "TCD", [152] = "CHL", [156] = "CHN", [158] = "TWN", [170] = "COL", [174] = "COM",
        [178] = "COG", [180] = "COD", [188] = "CRI", [191] = "HRV", [192] = "CUB", [196] = "CYP", [203] = "CZE", [204] = "BEN",
        [208] = "DNK", [214] = "DOM", [218] = "ECU", [222] = "SLV", [226] = "GNQ", [231] = "ETH", [232] = "ERI", [233] = "EST",
        [246] = "FIN", [250] = "FRA", [262] = "DJI", [266] = "GAB", [268] = "GEO", [270] = "GMB", [275] = "PSE", [276] = "DEU",
        [288] = "GHA", [300] = "GRC", [320] = "GTM", [324] = "GIN", [328] = "GUY", [332] = "HTI", [340] = "HND", [348] = "HUN",
        [356] = "IND", [360] = "IDN", [364] = "IRN", [368] = "IRQ", [372] = "IRL", [376] = "ISR", [380] = "ITA", [384] = "CIV",
        [388] = "JAM", [392] = "JPN", [398] = "KAZ", [400] = "JOR", [404] = "KEN", [408] = "PRK", [410] = "KOR", [414] = "KWT",
        [417] = "KGZ", [418] = "LAO", [422] = "LBN", [426] = "LSO", [428] = "LVA", [430] = "LBR", [434] = "LBY", [440] = "LTU",
        [450] = "MDG", [454] = "MWI", [458] = "MYS", [466] = "MLI", [478] = "MRT", [480] = "MUS", [484] = "MEX", [496] = "MNG",
        [498] = "MDA", [499] = "MNE", [504] = "MAR", [508] = "MOZ", [512] = "OMN", [516] = "NAM", [524] = "NPL", [528] = "NLD",
        [558] = "NIC", [562] = "NER", [566] = "NGA", [578] = "NOR", [586] = "PAK", [591] = "PAN", [598] = "PNG", [600] = "PRY",
        [604] = "PER", [608] = "PHL", [616] = "POL", [620] = "PRT", [624] = "GNB", [626] = "TLS", [634] = "QAT", [642] = "ROU",
        [643] = "RUS", [646] = "RWA", [682] = "SAU", [686] = "SEN", [688] = "SRB", [694] = "SLE", [702] = "SGP", [703] = "SVK",
        [704] = "VNM", [705] = "SVN", [706] = "SOM", [710] = "ZAF", [716] = "ZWE", [724] = "ESP", [728] = "SSD", [729] = "SDN",
        [732] = "ESH", [740] = "SUR", [748] = "SWZ", [752] = "SWE", [756] = "CHE", [760] = "SYR", [762] = "TJK", [764] = "THA",
        [768] = "TGO", [780] = "TTO", [784] = "ARE", [788] = "TUN", [792] = "TUR", [795] = "TKM", [800] = "UGA", [804] = "UKR",
        [807] = "MKD", [818] = "EGY", [826] = "GBR", [834] = "TZA", [840] = "USA", [854] = "BFA", [858] = "URY", [860] = "UZB",
        [862] = "VEN", [887] = "YEM", [894] = "ZMB",
    }.ToFrozenDictionary();

    /// <summary>The alpha-3 code of a Gleditsch–Ward state number, or null when the table has none.</summary>
    public static string? FromGleditschWard(long code) => GleditschWard.TryGetValue((int)code, out string? alpha3) ? alpha3 : null;

    /// <summary>The Gleditsch–Ward number of an alpha-3 code, or null.</summary>
    public static int? ToGleditschWard(string alpha3) => GleditschWardByAlpha3.TryGetValue(alpha3, out int code) ? code : null;

    /// <summary>The alpha-3 code of an ISO 3166-1 numeric code, or null when the table has none.</summary>
    public static string? FromIsoNumeric(long code) => IsoNumeric.TryGetValue((int)code, out string? alpha3) ? alpha3 : null;

    /// <summary>Gets the number of Gleditsch–Ward codes the table converts.</summary>
    public static int GleditschWardCount => GleditschWard.Count;

    /// <summary>Gets the alpha-3 codes of the tables, for checking them against the validator's list.</summary>
    public static IEnumerable<string> AllAlpha3 => GleditschWard.Values.Concat(IsoNumeric.Values).Distinct();
}

namespace ConflictModel.Model;

/// <summary>
/// EDTF level 1 seasons (month codes 21 to 24), read as northern-hemisphere meteorological seasons: spring is
/// March to May, summer June to August, autumn September to November, winter December to February of the
/// following year.
/// </summary>
public enum Season
{
    /// <summary>March to May (EDTF <c>21</c>).</summary>
    Spring = 21,

    /// <summary>June to August (EDTF <c>22</c>).</summary>
    Summer = 22,

    /// <summary>September to November (EDTF <c>23</c>).</summary>
    Autumn = 23,

    /// <summary>December to February of the next year (EDTF <c>24</c>).</summary>
    Winter = 24,
}

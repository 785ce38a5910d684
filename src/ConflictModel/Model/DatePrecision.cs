namespace ConflictModel.Model;

/// <summary>How precisely a date is known, from finest to coarsest. Values are ordered: a larger value is coarser.</summary>
public enum DatePrecision
{
    /// <summary>Known to the day (<c>2025-10-11</c>).</summary>
    Day,

    /// <summary>Known to the month (<c>2025-04</c>, or <c>2025-04-XX</c>).</summary>
    Month,

    /// <summary>Known to the season (<c>2025-21</c>, spring 2025).</summary>
    Season,

    /// <summary>Known to the year (<c>2025</c>, or <c>2025-XX</c>).</summary>
    Year,

    /// <summary>Known to the decade (<c>202X</c>).</summary>
    Decade,

    /// <summary>Known to the century (<c>20XX</c>).</summary>
    Century,
}

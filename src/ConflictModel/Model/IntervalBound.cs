namespace ConflictModel.Model;

/// <summary>What is known about one end of an EDTF interval.</summary>
public enum IntervalBound
{
    /// <summary>The end is a date.</summary>
    Known,

    /// <summary>The interval is open at this end (<c>..</c>): it runs on indefinitely, "before" or "since".</summary>
    Open,

    /// <summary>The end exists but is not known (an empty end, as in <c>2025-10/</c>).</summary>
    Unknown,
}

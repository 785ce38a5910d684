namespace ConflictModel.Model;

/// <summary>
/// How a source hedges what it reports, in its own voice: the word that tells the reader whether the source
/// vouches for it. Kept on the <see cref="Citation"/>, since two sources may report one thing with different hedges.
/// </summary>
public enum ReportingHedge
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>The source passes on what others report without vouching for it ("reportedly", "according to reports").</summary>
    Reportedly,

    /// <summary>The source reports an accusation or assertion it does not vouch for ("allegedly", "alleged").</summary>
    Allegedly,

    /// <summary>The source says it could not verify what it reports ("could not be independently verified", "unconfirmed").</summary>
    Unconfirmed,

    /// <summary>The source says what it reports has been confirmed ("confirmed", "verified").</summary>
    Confirmed,
}

namespace ConflictModel.Validation;

/// <summary>
/// How a rule that compares records checks them while they stream past, keeping only what it must (Roslyn's
/// compilation-start state with its symbol and compilation-end actions): <see cref="DatasetRule.BeginStreaming"/>
/// makes one per validation; <see cref="Record"/> sees each record once, in input order, and <see cref="End"/> runs
/// after the last, when every id is known. Keep ids, counts and <see cref="RecordHandle"/>s, never records or text.
/// Not shared between validations, so it need not be thread-safe.
/// </summary>
public abstract class StreamingRuleState
{
    /// <summary>Looks at one record as it is read (and may report about it, or about earlier ones).</summary>
    /// <param name="context">The record, its handle, lookups and where to report.</param>
    public abstract void Record(StreamingRuleContext context);

    /// <summary>Reports what can only be known once every record has been read.</summary>
    /// <param name="context">Lookups, locations by handle and where to report; <see cref="StreamingRuleContext.Record"/> is null.</param>
    public abstract void End(StreamingRuleContext context);
}

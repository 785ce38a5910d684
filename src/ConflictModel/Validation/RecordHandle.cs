namespace ConflictModel.Validation;

/// <summary>
/// Where a streamed record was, compactly (its line's offset, length and number; no text, no record), so that a
/// rule can report at it, or name it as an additional location, after it has been read
/// (<see cref="StreamingRuleContext.LocationOf(RecordHandle, string?)"/>). Immutable.
/// </summary>
public sealed class RecordHandle
{
    internal RecordHandle(RecordMark mark) => Mark = mark;

    internal RecordMark Mark { get; }

    /// <summary>Gets the record's id, when it could be read.</summary>
    public string? Id => Mark.Id;

    /// <summary>Gets the byte offset of the record in the input.</summary>
    public long ByteOffset => Mark.Offset;
}

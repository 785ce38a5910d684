using System;
using ConflictModel.Model;

namespace ConflictModel.Validation;

/// <summary>
/// Where a streamed record was, compactly (its line's offset, length and number, and the record's span in the line;
/// no text, no record), so that a rule can report at it, name it as an additional location, or read it again after it
/// has been read (<see cref="StreamingRuleContext.LocationOf(RecordHandle, string?)"/>,
/// <see cref="StreamingRuleContext.ReadAgain(RecordHandle)"/>). A small value type (32 bytes, no allocation, no
/// reference to anything), so that a state can keep one per record of a large file: keep the id beside it only if you
/// need it. Two handles are equal when they point at the same record.
/// </summary>
public readonly struct RecordHandle : IEquatable<RecordHandle>
{
    private readonly long _windowOffset;
    private readonly int _windowLength;
    private readonly int _linesBefore;
    private readonly int _start;
    private readonly int _end;
    private readonly RecordKind _kind;

    internal RecordHandle(RecordMark mark)
    {
        _windowOffset = mark.WindowOffset;
        _windowLength = mark.WindowLength;
        _linesBefore = mark.LinesBefore;
        _start = mark.Start;
        _end = mark.End;
        _kind = mark.Kind;
        HasRemaps = mark.Remaps is not null;
    }

    /// <summary>Gets the byte offset of the record in the input.</summary>
    public long ByteOffset => _windowOffset + _start;

    /// <summary>Gets whether this is the default value, not a handle a validation gave out (a record's span is never empty).</summary>
    internal bool IsDefault => _end == _start && _windowLength == 0;

    /// <summary>Gets whether the reader dropped array elements of the record (its mark has remapped pointers, kept by the validation).</summary>
    internal bool HasRemaps { get; }

    /// <summary>Tests two handles for equality.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns>Whether they point at the same record.</returns>
    public static bool operator ==(RecordHandle left, RecordHandle right) => left.Equals(right);

    /// <summary>Tests two handles for inequality.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns>Whether they point at different records.</returns>
    public static bool operator !=(RecordHandle left, RecordHandle right) => !left.Equals(right);

    /// <summary>Gets the mark this handle was made from, with the remapped pointers given (null when it had none).</summary>
    internal RecordMark ToMark(System.Collections.Generic.Dictionary<string, int[]>? remaps)
        => new(_kind, null, _windowOffset, _windowLength, _linesBefore, _start, _end, remaps);

    /// <inheritdoc/>
    public bool Equals(RecordHandle other)
        => _windowOffset == other._windowOffset && _start == other._start && _end == other._end && _windowLength == other._windowLength;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RecordHandle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_windowOffset, _start);

    /// <inheritdoc/>
    public override string ToString() => $"{_kind} record at byte {ByteOffset}";
}

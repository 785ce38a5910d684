using System;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A record met during a validation, compactly, so that a rule can report at it, name it as an additional location,
/// or read it again after it has gone by (<see cref="RecordContext{TRecord}.LocationOf(RecordHandle, string?)"/>,
/// <see cref="RuleEndContext.ReadAgain(RecordHandle)"/>): streamed, where its line is (offset, length and number) and
/// where the record is in it; loaded, its place among the records. A small value type (32 bytes, no allocation, no
/// reference to anything), so that a state can keep one per record of a large file: keep the id beside it only if you
/// need it. Valid only in the validation that gave it out. Two handles are equal when they point at the same record.
/// </summary>
public readonly struct RecordHandle : IEquatable<RecordHandle>
{
    private readonly long _windowOffset;
    private readonly int _windowLength; // -1 for a loaded record
    private readonly int _linesBefore; // a loaded record's place among the records
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

    /// <summary>Creates the handle of a loaded record: its place among the records of the dataset, in input order.</summary>
    internal RecordHandle(int index, long byteOffset, RecordKind kind)
    {
        _windowOffset = byteOffset;
        _windowLength = -1;
        _linesBefore = index;
        _kind = kind;
    }

    /// <summary>Gets the byte offset of the record in the input.</summary>
    public long ByteOffset => _windowOffset + _start;

    /// <summary>Gets whether this is the default value, not a handle a validation gave out (a record's span is never empty).</summary>
    internal bool IsDefault => _end == _start && _windowLength == 0;

    /// <summary>Gets whether the handle is a loaded record's (<see cref="Index"/>) rather than a streamed one's (<see cref="ToMark"/>).</summary>
    internal bool IsLoaded => _windowLength < 0;

    /// <summary>Gets a loaded record's place among the records.</summary>
    internal int Index => _linesBefore;

    /// <summary>Gets whether the reader dropped array elements of the record (locating inside it then needs the record read again).</summary>
    internal bool HasRemaps { get; }

    /// <summary>Gets the kind of the record.</summary>
    internal RecordKind Kind => _kind;

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

    /// <summary>Gets the mark of a streamed record this handle was made from (without remapped pointers: reading the record again gives them).</summary>
    internal RecordMark ToMark() => new(_kind, null, _windowOffset, _windowLength, _linesBefore, _start, _end, null);

    /// <inheritdoc/>
    public bool Equals(RecordHandle other)
        => _windowOffset == other._windowOffset && _start == other._start && _end == other._end && _windowLength == other._windowLength && _linesBefore == other._linesBefore;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RecordHandle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_windowOffset, _start);

    /// <inheritdoc/>
    public override string ToString() => $"{_kind} record at byte {ByteOffset}";
}

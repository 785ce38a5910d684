using System;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Validation;

/// <summary>
/// A record met during a validation, compactly, so that a rule can report at it, name it as an additional location,
/// or read it again after it has gone by (<see cref="RecordContext{TRecord}.LocationOf(RecordHandle, string?)"/>,
/// <see cref="RuleEndContext.ReadAgain(RecordHandle)"/>): streamed, where its line is (offset, length and number) and
/// where the record is in it; loaded, its place among the records. A small value type (16 bytes, no allocation, no
/// reference to anything), so that a state can keep one per record of a large file: keep the id beside it only if you
/// need it. Valid only in the validation that gave it out. Two handles are equal when they point at the same record.
/// </summary>
/// <remarks>
/// Bounds of the packed form: record offsets below 2^42 bytes (4 TiB), line numbers below 2^32, records shorter than
/// 64 MiB with fewer than 32 KiB before them on their line and fewer than 64 bytes after (the default
/// <see cref="DatasetReaderOptions.MaxRecordBytes"/> is 16 MiB). A streamed record outside the last three is still
/// handed out: its handle then keeps only its offset and kind, and the validation keeps its full place aside, once per
/// such record.
/// </remarks>
public readonly struct RecordHandle : IEquatable<RecordHandle>
{
    // _place: bits 0-41 the record's byte offset, 42-46 its kind, 47 loaded, 48 has remaps, 49 wide (the validation keeps
    // its place aside), 50-63 the bytes before it on its line (a streamed record's).
    // _extent: a streamed record's line number (bits 0-31), length (32-57) and bytes after it on its line (58-63);
    // a loaded record's place among the records (bits 0-31).
    private readonly ulong _place;
    private readonly ulong _extent;

    private const int KindShift = 42;
    private const int LeadShift = 50;
    private const int LengthShift = 32;
    private const int TrailShift = 58;
    private const ulong OffsetMask = (1UL << KindShift) - 1;
    private const ulong KindMask = 0x1F;
    private const ulong LoadedBit = 1UL << 47;
    private const ulong RemapsBit = 1UL << 48;
    private const ulong WideBit = 1UL << 49;
    private const ulong LeadMask = (1UL << 14) - 1;
    private const ulong LengthMask = (1UL << 26) - 1;
    private const ulong TrailMask = (1UL << 6) - 1;

    /// <summary>Gets the largest record byte offset a handle keeps (4 TiB less one byte).</summary>
    internal const long MaxOffset = (long)OffsetMask;

    private RecordHandle(ulong place, ulong extent)
    {
        _place = place;
        _extent = extent;
    }

    /// <summary>Creates the handle of a loaded record: its place among the records of the dataset, in input order.</summary>
    internal RecordHandle(int index, long byteOffset, RecordKind kind)
    {
        _place = Offset(byteOffset) | KindBits(kind) | LoadedBit;
        _extent = (uint)index;
    }

    /// <summary>
    /// Packs a streamed record's mark into a handle; false (with a wide handle that keeps the offset and kind alone) when
    /// the mark is outside the packed bounds, and the caller must then keep the mark aside (<see cref="IsWide"/>).
    /// </summary>
    internal static bool TryPack(RecordMark mark, out RecordHandle handle)
        => TryPack(mark.Kind, mark.WindowOffset, mark.WindowLength, mark.LinesBefore, mark.Start, mark.End, mark.Remaps is not null, out handle);

    /// <summary>Packs a streamed record's place given by its parts (see <see cref="TryPack(RecordMark, out RecordHandle)"/>), with no mark made.</summary>
    internal static bool TryPack(RecordKind kind, long windowOffset, int windowLength, int linesBefore, int start, int end, bool hasRemaps, out RecordHandle handle)
    {
        ulong place = Offset(windowOffset + start) | KindBits(kind) | (hasRemaps ? RemapsBit : 0);
        long lead = start;
        long length = end - (long)start;
        long trail = windowLength - (long)end;
        if (lead is >= 0 and <= (long)LeadMask && length is > 0 and <= (long)LengthMask && trail is >= 0 and <= (long)TrailMask
            && linesBefore >= 0 && (ulong)kind <= KindMask)
        {
            handle = new(place | ((ulong)lead << LeadShift), (uint)linesBefore | ((ulong)length << LengthShift) | ((ulong)trail << TrailShift));
            return true;
        }

        handle = new(place | WideBit, 0);
        return false;
    }

    /// <summary>Gets the number of lines before a streamed record's line (not for a wide or loaded handle).</summary>
    internal int LinesBefore => IsWide || IsLoaded ? throw new InvalidOperationException("A wide or loaded handle keeps no line.") : (int)(uint)_extent;

    private static ulong Offset(long offset)
        => offset is >= 0 and <= MaxOffset ? (ulong)offset : throw new ArgumentOutOfRangeException(nameof(offset), offset, "A record handle keeps byte offsets below 4 TiB.");

    private static ulong KindBits(RecordKind kind) => ((ulong)kind & KindMask) << KindShift;

    /// <summary>Gets the byte offset of the record in the input.</summary>
    public long ByteOffset => (long)(_place & OffsetMask);

    /// <summary>Gets whether this is the default value, not a handle a validation gave out (a record's span is never empty).</summary>
    internal bool IsDefault => _place == 0 && _extent == 0;

    /// <summary>Gets whether the handle is a loaded record's (<see cref="Index"/>) rather than a streamed one's (<see cref="ToMark"/>).</summary>
    internal bool IsLoaded => (_place & LoadedBit) != 0;

    /// <summary>Gets whether the streamed record did not fit the packed form: the validation keeps its mark by <see cref="ByteOffset"/>.</summary>
    internal bool IsWide => (_place & WideBit) != 0;

    /// <summary>Gets a loaded record's place among the records.</summary>
    internal int Index => (int)(uint)_extent;

    /// <summary>Gets whether the reader dropped array elements of the record (locating inside it then needs the record read again).</summary>
    internal bool HasRemaps => (_place & RemapsBit) != 0;

    /// <summary>Gets the kind of the record.</summary>
    internal RecordKind Kind => (RecordKind)((_place >> KindShift) & KindMask);

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

    /// <summary>
    /// Gets the mark of a streamed record this handle was packed from (without remapped pointers: reading the record
    /// again gives them); not for a wide handle, whose mark the validation keeps.
    /// </summary>
    internal RecordMark ToMark()
    {
        if (IsWide || IsLoaded)
        {
            throw new InvalidOperationException("A wide or loaded handle keeps no mark.");
        }

        int lead = (int)((_place >> LeadShift) & LeadMask);
        int linesBefore = (int)(uint)_extent;
        int length = (int)((_extent >> LengthShift) & LengthMask);
        int trail = (int)((_extent >> TrailShift) & TrailMask);
        return new(Kind, null, ByteOffset - lead, lead + length + trail, linesBefore, lead, lead + length, null);
    }

    /// <inheritdoc/>
    public bool Equals(RecordHandle other) => _place == other._place && _extent == other._extent;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RecordHandle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_place, _extent);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} record at byte {ByteOffset}";
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ConflictModel.Model;
using ConflictModel.Diagnostics;

namespace ConflictModel.Serialization;

/// <summary>
/// Reads one input into a <see cref="DatasetReadResult"/> by hand over <see cref="Utf8JsonReader"/>: member names matched
/// as UTF-8, dates parsed from the bytes, positions from token offsets. Every problem becomes a diagnostic; nothing
/// thrown by the JSON reader escapes (a syntax error ends the document, or the line in JSON Lines). Not thread-safe;
/// one instance per input.
/// </summary>
internal sealed partial class DatasetParser : IDisposable
{
    private const int UnknownMember = -1;
    private const int HandledMember = -2;

    private SourceText _text; // replaced line by line when streaming (DatasetParser.Streaming.cs)
    private readonly DatasetReaderOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<PathSegment> _path = [];
    private readonly List<RecordSpan> _spans = [];
    private readonly HashSet<(RecordKind Kind, string Id)> _declared = [];
    private readonly ArrayBufferWriter<byte> _rawBuffer = new();
    private readonly StringPool _ids;
    private readonly StringPool _texts;
    private Utf8JsonWriter? _rawWriter;
    private int _base;
    private int _recordDepth = -1;
    private string? _recordId;
    private Dictionary<string, int[]>? _remaps;
    private bool _diagnosticsFull;
    private Dictionary<object, HashSet<string>>? _extensionNames;

    private DatasetParser(SourceText text, DatasetReaderOptions options, bool streaming = false)
    {
        _text = text;
        _options = options;

        // Repeated ids and short text share one string. A whole-input read keeps every record, so a large pool pays
        // (records share their strings); a streaming read keeps none, so a window of recent strings catches the
        // repeats that matter (actors, outlets, the event an estimate names) without holding a quarter of a million.
        _ids = new StringPool(streaming ? 16 * 1024 : 256 * 1024);
        _texts = new StringPool(streaming ? 8 * 1024 : 64 * 1024);
    }

    public void Dispose() => _rawWriter?.Dispose();

    private delegate bool ValueReader<T>(DatasetParser parser, ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value);

    private int DiagnosticCount => _diagnostics.Count;

    private JsonReaderOptions ReaderOptions => new() { MaxDepth = _options.MaxDepth };

    // ---- Diagnostics and positions -------------------------------------------------------------------------

    private void Report(DiagnosticDescriptor descriptor, long start, long end, params object?[] args)
    {
        // Past MaxDiagnostics nothing more is kept: skip the location's cost, which millions of bad lines would pay.
        if (_diagnosticsFull || _silent)
        {
            return;
        }

        Add(Diagnostic.Create(descriptor, _text.GetLocation(start, end, Pointer(0)), args));
    }

    private void ReportAtToken(ref Utf8JsonReader reader, DiagnosticDescriptor descriptor, params object?[] args)
        => Report(descriptor, TokenStart(ref reader), TokenEnd(ref reader), args);

    private void Add(Diagnostic diagnostic)
    {
        if (_diagnosticsFull || _silent)
        {
            return;
        }

        if (_drained + _diagnostics.Count >= _options.MaxDiagnostics)
        {
            _diagnosticsFull = true;
            _diagnostics.Add(Diagnostic.Create(ReaderDiagnostics.TooManyDiagnostics, diagnostic.Location, _options.MaxDiagnostics));
            return;
        }

        _diagnostics.Add(diagnostic);
    }

    /// <summary>Forgets the diagnostics reported since <paramref name="count"/> (a record later found too large).</summary>
    private void TruncateDiagnostics(int count)
    {
        if (count < _diagnostics.Count)
        {
            _diagnostics.RemoveRange(count, _diagnostics.Count - count);
            _diagnosticsFull = false;
        }
    }

    private long TokenStart(ref Utf8JsonReader reader) => _base + reader.TokenStartIndex;

    private long TokenEnd(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject or JsonTokenType.StartArray => _base + reader.TokenStartIndex + 1,
        JsonTokenType.EndObject or JsonTokenType.EndArray => _base + reader.BytesConsumed,
        JsonTokenType.String or JsonTokenType.PropertyName => _base + reader.TokenStartIndex + reader.ValueSpan.Length + 2,
        _ => _base + reader.TokenStartIndex + reader.ValueSpan.Length,
    };

    private string Pointer(int fromDepth)
    {
        if (_path.Count <= fromDepth)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (int i = fromDepth; i < _path.Count; i++)
        {
            builder.Append('/');
            PathSegment segment = _path[i];
            if (segment.Name is null)
            {
                builder.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(DiagnosticLocation.EscapePointerToken(segment.Name));
            }
        }

        return builder.ToString();
    }

    private void Push(string name) => _path.Add(new PathSegment(name, -1));

    private void Push(int index) => _path.Add(new PathSegment(null, index));

    private void Pop() => _path.RemoveAt(_path.Count - 1);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>Reports a value of the wrong JSON type and skips it.</summary>
    private bool WrongType(ref Utf8JsonReader reader, string expected)
    {
        long start = TokenStart(ref reader);
        long end = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
            ? _base + JsonPointerNavigator.ValueEnd(ref reader)
            : TokenEnd(ref reader);
        Report(ReaderDiagnostics.WrongType, start, end, expected, Describe(reader.TokenType));
        reader.Skip();
        return false;
    }

    internal static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    // ---- Objects and members -------------------------------------------------------------------------------

    /// <summary>Moves to the next member name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// Matches the member name the reader is on against a type's members, pushes it on the path, reports and skips a
    /// repeated member, and moves to the value. Returns the member's index, <see cref="UnknownMember"/>, or
    /// <see cref="HandledMember"/> when the value was already dealt with. The caller pops the path.
    /// </summary>
    private int Match(ref Utf8JsonReader reader, MemberTable table, ref ulong seen)
    {
        if (reader.ValueIsEscaped && HasUnpairedSurrogate(reader.ValueSpan))
        {
            Push(Encoding.UTF8.GetString(reader.ValueSpan));
            CheckString(ref reader);
            reader.Read();
            reader.Skip();
            return HandledMember;
        }

        int index = table.IndexOf(ref reader, seen);
        if (index < 0 && _linesMode && _path.Count == _recordDepth && reader.ValueTextEquals("type"u8))
        {
            index = MemberTable.TypeIndex;
        }

        if (index < 0)
        {
            Push(reader.GetString()!);
            reader.Read();
            return UnknownMember;
        }

        string name = index == MemberTable.TypeIndex ? "type" : table.Names[index];
        Push(name);
        ulong bit = 1UL << index;
        if ((seen & bit) != 0)
        {
            ReportAtToken(ref reader, ReaderDiagnostics.DuplicateMember, name);
            reader.Read();
            reader.Skip();
            return HandledMember;
        }

        seen |= bit;
        reader.Read();
        if (index == MemberTable.TypeIndex)
        {
            reader.Skip(); // the discriminator was read before the record
            return HandledMember;
        }

        return index;
    }

    /// <summary>Reads a member the type does not know into extension data, as raw minified JSON text.</summary>
    private void ReadUnknown(ref Utf8JsonReader reader, MemberTable table, ref List<KeyValuePair<string, string>>? extensions)
    {
        string name = _path[^1].Name!;
        long nameStart = TokenStart(ref reader);
        if (extensions is not null && IsRepeated(extensions, name))
        {
            Report(ReaderDiagnostics.DuplicateMember, nameStart, nameStart + 1, name);
            reader.Skip();
            return;
        }

        if (table.SuggestFor(name) is { } suggestion)
        {
            Report(ReaderDiagnostics.MisspelledMember, TokenStart(ref reader), TokenEnd(ref reader), name, table.Owner, suggestion);
        }
        else if (_options.ReportUnknownMembers)
        {
            Report(ReaderDiagnostics.UnknownMember, TokenStart(ref reader), TokenEnd(ref reader), name, table.Owner);
        }

        string? raw = ReadRaw(ref reader);
        if (raw is not null)
        {
            (extensions ??= []).Add(new(name, raw));
        }
    }

    /// <summary>
    /// Gets whether an object's extension members already include <paramref name="name"/>: a scan for the few members
    /// objects have, a set once they have many, so that an object with a million members is read in linear time.
    /// </summary>
    private bool IsRepeated(List<KeyValuePair<string, string>> extensions, string name)
    {
        const int ScanLimit = 16;
        if (extensions.Count <= ScanLimit)
        {
            return extensions.Exists(m => string.Equals(m.Key, name, StringComparison.Ordinal));
        }

        _extensionNames ??= new(ReferenceEqualityComparer.Instance);
        if (!_extensionNames.TryGetValue(extensions, out HashSet<string>? names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _extensionNames.Add(extensions, names);
        }

        // The list only grows, and only by names not in it yet: the set catches up with it.
        for (int i = names.Count; i < extensions.Count; i++)
        {
            names.Add(extensions[i].Key);
        }

        return names.Contains(name);
    }

    /// <summary>
    /// Reads the value the reader is on as minified JSON text, exactly as the serializer keeps extension data
    /// (a <see cref="JsonElement"/> written with default writer options); null when a string in it is too long.
    /// </summary>
    private string? ReadRaw(ref Utf8JsonReader reader)
    {
        if (!CheckStringsWithin(ref reader))
        {
            reader.Skip();
            return null;
        }

        JsonElement element = JsonElement.ParseValue(ref reader);
        _rawBuffer.ResetWrittenCount();
        if (_rawWriter is null)
        {
            _rawWriter = new Utf8JsonWriter(_rawBuffer);
        }
        else
        {
            _rawWriter.Reset(_rawBuffer);
        }

        element.WriteTo(_rawWriter);
        _rawWriter.Flush();
        return Encoding.UTF8.GetString(_rawBuffer.WrittenSpan);
    }

    /// <summary>Checks every string and member name in the value the reader is on against the length limit.</summary>
    private bool CheckStringsWithin(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return reader.TokenType != JsonTokenType.String || CheckString(ref reader);
        }

        Utf8JsonReader probe = reader;
        int depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            if (probe.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !CheckString(ref probe))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reports a string or name token that cannot become text: longer than the limit, or with an escaped UTF-16
    /// surrogate that has no partner (<c>\ud800</c>), which System.Text.Json refuses to decode.
    /// </summary>
    private bool CheckString(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (reader.ValueIsEscaped && HasUnpairedSurrogate(raw))
        {
            ReportAtToken(ref reader, ReaderDiagnostics.InvalidValue, Clip(Encoding.UTF8.GetString(raw)), "valid text: it has an escaped surrogate (\\uD800–\\uDFFF) without its partner");
            return false;
        }

        if (raw.Length <= _options.MaxStringLength)
        {
            return true;
        }

        long length;
        if (!reader.ValueIsEscaped)
        {
            length = Encoding.UTF8.GetCharCount(raw);
        }
        else
        {
            char[] buffer = ArrayPool<char>.Shared.Rent(raw.Length);
            try
            {
                length = reader.CopyString(buffer);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        if (length <= _options.MaxStringLength)
        {
            return true;
        }

        ReportAtToken(ref reader, ReaderDiagnostics.StringTooLong, length, _options.MaxStringLength);
        return false;
    }

    /// <summary>Gets whether escaped JSON string bytes hold a <c>\uD800</c>–<c>\uDFFF</c> escape that is not part of a surrogate pair.</summary>
    internal static bool HasUnpairedSurrogate(ReadOnlySpan<byte> raw)
    {
        for (int i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u' || i + 6 > raw.Length)
            {
                i++;
                continue;
            }

            int unit = Hex(raw.Slice(i + 2, 4));
            i += 5;
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 7 > raw.Length || raw[i + 1] != (byte)'\\' || raw[i + 2] != (byte)'u' || Hex(raw.Slice(i + 3, 4)) is < 0xDC00 or > 0xDFFF)
                {
                    return true;
                }

                i += 6;
            }
        }

        return false;

        static int Hex(ReadOnlySpan<byte> digits)
        {
            int value = 0;
            foreach (byte b in digits)
            {
                int digit = b switch
                {
                    >= (byte)'0' and <= (byte)'9' => b - '0',
                    >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                    >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                    _ => -1,
                };
                if (digit < 0)
                {
                    return -1;
                }

                value = (value * 16) + digit;
            }

            return value;
        }
    }

    /// <summary>Checks that the reader is on an object; otherwise reports and skips the value.</summary>
    private bool ExpectObject(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.StartObject || WrongType(ref reader, "an object");

    private void Missing(long start, long end, MemberTable table, string member)
        => Report(ReaderDiagnostics.MissingMember, start, end, table.Owner, member);

    private static T Attach<T>(T value, List<KeyValuePair<string, string>>? extensions)
        where T : ExtensibleRecord
    {
        if (extensions is { Count: > 0 })
        {
            ((IExtensible)value).AttachExtensions(ExtensionData.Create(extensions));
        }

        return value;
    }

    // ---- Arrays ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Reads an array, dropping (and reporting) elements that cannot be read and remembering which wire index each
    /// kept element had. Null or a non-array is reported and read as empty.
    /// </summary>
    private ImmutableArray<T> ReadArray<T>(ref Utf8JsonReader reader, ValueReader<T> read, string element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref reader, "an array");
            return [];
        }

        // Most arrays hold one to five elements: the first is kept in a local, more in a pooled buffer, and the
        // result is one array of the exact length (no builder, no oversized array).
        T? first = default;
        T[]? buffer = null;
        int count = 0;
        List<int>? kept = null;
        int index = 0;
        bool dropped = false;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Push(index);
                bool ok;
                T? value = default;
                if (reader.TokenType == JsonTokenType.Null)
                {
                    ok = WrongType(ref reader, element);
                }
                else
                {
                    ok = read(this, ref reader, out value);
                }

                if (ok)
                {
                    if (count == 0)
                    {
                        first = value;
                    }
                    else
                    {
                        if (buffer is null)
                        {
                            buffer = ArrayPool<T>.Shared.Rent(8);
                            buffer[0] = first!;
                        }
                        else if (count == buffer.Length)
                        {
                            T[] larger = ArrayPool<T>.Shared.Rent(count * 2);
                            buffer.AsSpan(0, count).CopyTo(larger);
                            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                            buffer = larger;
                        }

                        buffer[count] = value!;
                    }

                    count++;
                    kept?.Add(index);
                }
                else if (!dropped)
                {
                    dropped = true;
                    kept = [];
                    for (int i = 0; i < index; i++)
                    {
                        kept.Add(i);
                    }
                }

                Pop();
                index++;
            }

            if (dropped && _recordDepth >= 0)
            {
                (_remaps ??= new(StringComparer.Ordinal))[Pointer(_recordDepth)] = [.. kept!];
            }

            return count switch
            {
                0 => [],
                1 => ImmutableCollectionsMarshal.AsImmutableArray(new[] { first! }),
                _ => ImmutableCollectionsMarshal.AsImmutableArray(buffer.AsSpan(0, count).ToArray()),
            };
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }
        }
    }

    private readonly record struct PathSegment(string? Name, int Index);
}

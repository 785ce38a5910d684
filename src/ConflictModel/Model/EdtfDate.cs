using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// A date as reporting gives it: exact, partial ("in April"), qualified ("around October"), or an interval
/// ("May to August", "until 11 October") — the EDTF (ISO 8601-2, Extended Date/Time Format) levels 0 and 1
/// forms <c>2025-04</c>, <c>2025-10~</c>, <c>2025-05/2025-08</c>, <c>../2025-10-11</c>, <c>2025-10/</c>.
/// <see cref="Earliest"/> and <see cref="Latest"/> give the inclusive span of days the date may denote
/// (null where an interval is open or unknown at that end). EDTF date-times and level 2 features are not
/// accepted: instants are <see cref="Instant"/>s in this model. The <c>default</c> value is not a date
/// (<see cref="IsDefault"/>). Immutable and thread-safe; equal when the EDTF text is equal.
/// </summary>
public readonly struct EdtfDate : IEquatable<EdtfDate>
{
    private readonly PartialDate _start;
    private readonly PartialDate _end;
    private readonly IntervalBound _startBound;
    private readonly IntervalBound _endBound;
    private readonly byte _shape; // 0 default, 1 single date, 2 interval

    private EdtfDate(PartialDate start, IntervalBound startBound, PartialDate end, IntervalBound endBound, byte shape)
    {
        _start = start;
        _startBound = startBound;
        _end = end;
        _endBound = endBound;
        _shape = shape;
    }

    /// <summary>Gets whether this is the <c>default</c> value, which is not a date.</summary>
    public bool IsDefault => _shape == 0;

    /// <summary>Gets whether this is an interval (<c>start/end</c>) rather than a single date.</summary>
    public bool IsInterval => _shape == 2;

    /// <summary>Gets the single date, or the interval's start when it is known; else null.</summary>
    public PartialDate? Start => _shape == 1 || _startBound == IntervalBound.Known && _shape == 2 ? _start : null;

    /// <summary>Gets the interval's end when it is known, or the single date; else null.</summary>
    public PartialDate? End => _shape == 1 ? _start : _shape == 2 && _endBound == IntervalBound.Known ? _end : null;

    /// <summary>Gets what is known of the start: <see cref="IntervalBound.Known"/> for a single date.</summary>
    public IntervalBound StartBound => _shape == 2 ? _startBound : IntervalBound.Known;

    /// <summary>Gets what is known of the end: <see cref="IntervalBound.Known"/> for a single date.</summary>
    public IntervalBound EndBound => _shape == 2 ? _endBound : IntervalBound.Known;

    /// <summary>Gets the first day the date may denote; null when the start is open or unknown.</summary>
    public LocalDate? Earliest => Start?.Earliest;

    /// <summary>Gets the last day the date may denote; null when the end is open or unknown.</summary>
    public LocalDate? Latest => End?.Latest;

    /// <summary>Gets the precision: that of the single date, or the coarser of an interval's known ends.</summary>
    /// <exception cref="InvalidOperationException">This is the <c>default</c> value.</exception>
    public DatePrecision Precision
    {
        get
        {
            ThrowIfDefault();
            PartialDate? start = Start;
            PartialDate? end = End;
            if (start is { } s && end is { } e)
            {
                return s.Precision > e.Precision ? s.Precision : e.Precision;
            }

            return (start ?? end)!.Value.Precision;
        }
    }

    /// <summary>Gets the union of the qualifications of the date or the interval's ends.</summary>
    public DateQualification Qualification => (Start?.Qualification ?? DateQualification.None) | (End?.Qualification ?? DateQualification.None);

    /// <summary>Creates a single date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The EDTF date.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is the <c>default</c> value.</exception>
    public static EdtfDate FromDate(PartialDate date)
    {
        CheckNotDefault(date, nameof(date));
        return new EdtfDate(date, IntervalBound.Known, default, IntervalBound.Known, 1);
    }

    /// <summary>Creates a single date known to the day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The EDTF date.</returns>
    public static EdtfDate FromDate(LocalDate date) => FromDate(PartialDate.FromDay(date));

    /// <summary>Creates an interval with both ends known (<c>2025-05/2025-08</c>).</summary>
    /// <param name="start">The first date.</param>
    /// <param name="end">The last date; its span must not end before <paramref name="start"/>'s begins.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentException">An end is the <c>default</c> value, or the interval ends before it starts.</exception>
    public static EdtfDate Between(PartialDate start, PartialDate end)
    {
        CheckNotDefault(start, nameof(start));
        CheckNotDefault(end, nameof(end));
        if (end.Latest < start.Earliest)
        {
            throw new ArgumentException($"The interval {start}/{end} ends before it starts.", nameof(end));
        }

        return new EdtfDate(start, IntervalBound.Known, end, IntervalBound.Known, 2);
    }

    /// <summary>Creates an interval whose start is open or unknown (<c>../2025-10-11</c>, <c>/2025-10-11</c>).</summary>
    /// <param name="startBound">What is known of the start: <see cref="IntervalBound.Open"/> or <see cref="IntervalBound.Unknown"/>.</param>
    /// <param name="end">The last date.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentException"><paramref name="startBound"/> is <see cref="IntervalBound.Known"/> or undefined, or <paramref name="end"/> is the <c>default</c> value.</exception>
    public static EdtfDate Until(IntervalBound startBound, PartialDate end)
    {
        CheckOpenOrUnknown(startBound, nameof(startBound));
        CheckNotDefault(end, nameof(end));
        return new EdtfDate(default, startBound, end, IntervalBound.Known, 2);
    }

    /// <summary>Creates an interval whose end is open or unknown (<c>2025-10/..</c>, <c>2025-10/</c>).</summary>
    /// <param name="start">The first date.</param>
    /// <param name="endBound">What is known of the end: <see cref="IntervalBound.Open"/> or <see cref="IntervalBound.Unknown"/>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentException"><paramref name="endBound"/> is <see cref="IntervalBound.Known"/> or undefined, or <paramref name="start"/> is the <c>default</c> value.</exception>
    public static EdtfDate Since(PartialDate start, IntervalBound endBound)
    {
        CheckNotDefault(start, nameof(start));
        CheckOpenOrUnknown(endBound, nameof(endBound));
        return new EdtfDate(start, IntervalBound.Known, default, endBound, 2);
    }

    /// <summary>Parses EDTF text, throwing on failure.</summary>
    /// <param name="text">The EDTF text.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not EDTF level 0 or 1, or names a day that does not exist.</exception>
    public static EdtfDate Parse(string text)
    {
        Guard.Against.Null(text);
        if (!TryParse(text, out EdtfDate date, out string? error))
        {
            throw new FormatException($"'{text}' is not a valid EDTF date: {error}");
        }

        return date;
    }

    /// <summary>Parses EDTF text.</summary>
    /// <param name="text">The EDTF text.</param>
    /// <param name="date">The date, when the text is valid.</param>
    /// <returns>Whether the text is a valid EDTF level 0 or 1 date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EdtfDate date) => TryParse(text.AsSpan(), out date, out _) && text is not null;

    /// <summary>Parses EDTF text, saying what is wrong on failure.</summary>
    /// <param name="text">The EDTF text.</param>
    /// <param name="date">The date, when the text is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the text is a valid EDTF level 0 or 1 date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out EdtfDate date, [NotNullWhen(false)] out string? error)
    {
        if (text.Length > EdtfParser.MaxLength)
        {
            date = default;
            error = $"it is longer than {EdtfParser.MaxLength} characters";
            return false;
        }

        Span<byte> ascii = stackalloc byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                date = default;
                error = $"character '{text[i]}' at position {i + 1} is not part of EDTF";
                return false;
            }

            ascii[i] = (byte)text[i];
        }

        return EdtfParser.TryParse(ascii, out date, out error);
    }

    /// <summary>Parses EDTF text given as UTF-8 bytes, without allocating on success.</summary>
    /// <param name="utf8Text">The EDTF text as UTF-8.</param>
    /// <param name="date">The date, when the text is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the text is a valid EDTF level 0 or 1 date.</returns>
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8Text, out EdtfDate date, [NotNullWhen(false)] out string? error)
        => EdtfParser.TryParse(utf8Text, out date, out error);

    /// <summary>Gets whether <paramref name="day"/> may be the day this date denotes.</summary>
    /// <param name="day">The day to test.</param>
    /// <returns>Whether the day lies between <see cref="Earliest"/> and <see cref="Latest"/>, treating open or unknown ends as unbounded.</returns>
    public bool MayBe(LocalDate day) => !IsDefault && (Earliest is not { } first || day >= first) && (Latest is not { } last || day <= last);

    /// <summary>Writes the canonical EDTF text.</summary>
    /// <returns>The text, or an empty string for the <c>default</c> value.</returns>
    public override string ToString()
    {
        if (_shape == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(24);
        if (_shape == 1)
        {
            _start.AppendTo(builder);
            return builder.ToString();
        }

        AppendEnd(builder, _start, _startBound);
        builder.Append('/');
        AppendEnd(builder, _end, _endBound);
        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(EdtfDate other)
        => _shape == other._shape && _start.Equals(other._start) && _end.Equals(other._end)
           && _startBound == other._startBound && _endBound == other._endBound;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EdtfDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_shape, _start, _end, _startBound, _endBound);

    /// <summary>Compares two dates for equality of their EDTF text.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(EdtfDate left, EdtfDate right) => left.Equals(right);

    /// <summary>Compares two dates for inequality of their EDTF text.</summary>
    /// <param name="left">The first date.</param>
    /// <param name="right">The second date.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EdtfDate left, EdtfDate right) => !left.Equals(right);

    internal static EdtfDate CreateUnchecked(PartialDate start, IntervalBound startBound, PartialDate end, IntervalBound endBound, bool interval)
        => new(start, startBound, end, endBound, interval ? (byte)2 : (byte)1);

    private static void AppendEnd(StringBuilder builder, PartialDate date, IntervalBound bound)
    {
        if (bound == IntervalBound.Known)
        {
            date.AppendTo(builder);
        }
        else if (bound == IntervalBound.Open)
        {
            builder.Append("..");
        }
    }

    private static void CheckNotDefault(PartialDate date, string parameterName)
    {
        if (date.IsDefault)
        {
            throw new ArgumentException("The default PartialDate is not a date.", parameterName);
        }
    }

    private static void CheckOpenOrUnknown(IntervalBound bound, string parameterName)
    {
        Guard.Against.Undefined(bound, parameterName);
        if (bound == IntervalBound.Known)
        {
            throw new ArgumentException("Give the date itself for a known end.", parameterName);
        }
    }

    private void ThrowIfDefault()
    {
        if (_shape == 0)
        {
            throw new InvalidOperationException("The default EdtfDate is not a date.");
        }
    }
}

using System;
using Ardalis.GuardClauses;
using NodaTime;

namespace ConflictModel.Model;

/// <summary>
/// A date as the report gives it: the verbatim phrase ("in April", "a recent week-long visit") and what can be
/// said of it. Exactly one reading of the phrase is given, or none when the phrase is all there is:
/// <list type="bullet">
/// <item><see cref="Date"/>: the year is known, stated or inferred (<see cref="YearInferred"/>), so the date has bounds;</item>
/// <item><see cref="Yearless"/>: the year is left implicit and not inferred (<c>XXXX-04</c>), so there are no bounds
/// until a year is inferred from the report's date (<see cref="BoundsRelativeTo"/>);</item>
/// <item><see cref="EarliestOffset"/> / <see cref="LatestOffset"/>: a relative phrase, bounded relative to the date of
/// the report <see cref="RelativeTo"/> ("recent": at most three months before it, <c>-P3M</c> to <c>P0D</c>).</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed record ReportedDate : ExtensibleRecord
{
    private readonly string _phrase = "?";
    private readonly EdtfDate? _date;
    private readonly YearlessDate? _yearless;
    private readonly SourceId? _relativeTo;
    private readonly Period? _earliestOffset;
    private readonly Period? _latestOffset;
    private readonly Period? _duration;

    /// <summary>Creates a reported date.</summary>
    /// <param name="phrase">The report's words for the date, verbatim ("in April").</param>
    /// <param name="date">The date, when its year is stated or inferred.</param>
    /// <param name="yearless">The date with its year unspecified (<c>XXXX-04</c>), when the year is neither stated nor inferred.</param>
    /// <param name="yearInferred">Whether <paramref name="date"/>'s year is not in the text but inferred from the date of the report <paramref name="relativeTo"/>.</param>
    /// <param name="relativeTo">The report whose date an inferred year or relative bounds are reckoned from.</param>
    /// <param name="earliestOffset">For a relative phrase, the earliest the date may be, as an offset from the report's date (negative before it: <c>-P3M</c>).</param>
    /// <param name="latestOffset">For a relative phrase, the latest the date may be, as an offset from the report's date (<c>P0D</c>: no later than the report).</param>
    /// <param name="duration">How long what is dated lasted, where the phrase says ("week-long": <c>P7D</c>).</param>
    /// <exception cref="ArgumentException">
    /// The phrase is missing or blank; both <paramref name="date"/> and <paramref name="yearless"/> are given; a year is
    /// inferred without a date or without the report it is inferred from; offsets are given without the report, beside a
    /// date, or with time units; or a value is default.
    /// </exception>
    public ReportedDate(
        string phrase,
        EdtfDate? date = null,
        YearlessDate? yearless = null,
        bool yearInferred = false,
        SourceId? relativeTo = null,
        Period? earliestOffset = null,
        Period? latestOffset = null,
        Period? duration = null)
    {
        Phrase = phrase;
        Date = date;
        Yearless = yearless;
        YearInferred = yearInferred;
        RelativeTo = relativeTo;
        EarliestOffset = earliestOffset;
        LatestOffset = latestOffset;
        Duration = duration;
        if (Inconsistency(date, yearless, yearInferred, relativeTo, earliestOffset is not null || latestOffset is not null) is { } problem)
        {
            throw new ArgumentException(problem, nameof(phrase));
        }
    }

    /// <summary>Gets the report's words for the date, verbatim.</summary>
    public string Phrase { get => _phrase; init => _phrase = Guard.Against.NullOrWhiteSpace(value, nameof(Phrase)); }

    /// <summary>Gets the date, when its year is stated or inferred.</summary>
    public EdtfDate? Date { get => _date; init => _date = ModelGuards.NotDefault(value, nameof(Date)); }

    /// <summary>Gets the date with its year unspecified (<c>XXXX-04</c>), when the year is neither stated nor inferred.</summary>
    public YearlessDate? Yearless
    {
        get => _yearless;
        init => _yearless = value is { IsDefault: true } ? throw new ArgumentException("The default YearlessDate is not a date; use null.", nameof(Yearless)) : value;
    }

    /// <summary>Gets whether <see cref="Date"/>'s year is not in the text but inferred from the date of the report <see cref="RelativeTo"/>.</summary>
    public bool YearInferred { get; init; }

    /// <summary>Gets the report whose date an inferred year or relative bounds are reckoned from.</summary>
    public SourceId? RelativeTo { get => _relativeTo; init => _relativeTo = Guard.Against.DefaultId(value, nameof(RelativeTo)); }

    /// <summary>Gets, for a relative phrase, the earliest the date may be as an offset from the report's date; null when unbounded.</summary>
    public Period? EarliestOffset { get => _earliestOffset; init => _earliestOffset = CheckDateOnly(value, nameof(EarliestOffset)); }

    /// <summary>Gets, for a relative phrase, the latest the date may be as an offset from the report's date; null when unbounded.</summary>
    public Period? LatestOffset { get => _latestOffset; init => _latestOffset = CheckDateOnly(value, nameof(LatestOffset)); }

    /// <summary>Gets how long what is dated lasted, where the phrase says ("week-long": <c>P7D</c>).</summary>
    public Period? Duration { get => _duration; init => _duration = CheckDateOnly(value, nameof(Duration)); }

    /// <summary>Gets whether the date is given relative to the report's date (an offset is given).</summary>
    public bool IsRelative => _earliestOffset is not null || _latestOffset is not null;

    /// <summary>Gets the first day the date may denote, when its year is known; else null.</summary>
    public LocalDate? Earliest => _date?.Earliest;

    /// <summary>Gets the last day the date may denote, when its year is known; else null.</summary>
    public LocalDate? Latest => _date?.Latest;

    /// <summary>
    /// Gets the span the date may denote, given the date of the report it is reckoned from: <see cref="Date"/> when
    /// given; a yearless date in the year inferred from the report (<see cref="YearlessDate.InferYear"/>); a relative
    /// phrase as the days between the report's date plus each offset, open where an offset is not given.
    /// </summary>
    /// <param name="reportDate">The date of the report (<see cref="RelativeTo"/>'s publication date).</param>
    /// <returns>The span, or null when the phrase is all there is.</returns>
    public EdtfDate? BoundsRelativeTo(LocalDate reportDate)
    {
        if (_date is { } date)
        {
            return date;
        }

        if (_yearless is { } yearless)
        {
            return EdtfDate.FromDate(yearless.InferYear(reportDate));
        }

        if (!IsRelative)
        {
            return null;
        }

        LocalDate? first = _earliestOffset is { } from ? reportDate.Plus(from) : null;
        LocalDate? last = _latestOffset is { } to ? reportDate.Plus(to) : null;
        if (first is { } a && last is { } b)
        {
            return b < a ? null : EdtfDate.Between(PartialDate.FromDay(a), PartialDate.FromDay(b));
        }

        return first is { } start
            ? EdtfDate.Since(PartialDate.FromDay(start), IntervalBound.Open)
            : EdtfDate.Until(IntervalBound.Open, PartialDate.FromDay(last!.Value));
    }

    /// <summary>Says why the readings given together cannot form a reported date, or null when they can.</summary>
    /// <param name="date">The date with a known year, if any.</param>
    /// <param name="yearless">The yearless date, if any.</param>
    /// <param name="yearInferred">Whether the year is inferred.</param>
    /// <param name="relativeTo">The report reckoned from, if any.</param>
    /// <param name="relative">Whether an offset is given.</param>
    /// <returns>The problem in words, or null.</returns>
    internal static string? Inconsistency(EdtfDate? date, YearlessDate? yearless, bool yearInferred, SourceId? relativeTo, bool relative)
    {
        if (date is not null && yearless is not null)
        {
            return "a reported date gives either a date with its year (date) or one with the year unspecified (yearless), not both";
        }

        if (yearInferred && date is null)
        {
            return "yearInferred says the year of date was inferred, but no date is given";
        }

        if (yearInferred && relativeTo is null)
        {
            return "an inferred year needs relativeTo, the report whose date it was inferred from";
        }

        if (relative && relativeTo is null)
        {
            return "earliestOffset and latestOffset are reckoned from the date of a report: give it as relativeTo";
        }

        if (relative && (date is not null || yearless is not null))
        {
            return "a reported date is either relative to the report (earliestOffset, latestOffset) or a date (date, yearless), not both";
        }

        return null;
    }

    private static Period? CheckDateOnly(Period? value, string parameterName)
    {
        if (value is not { } period)
        {
            return null;
        }

        if (period.HasTimeComponent)
        {
            throw new ArgumentException($"The period {period} has time units; a reported date is reckoned in years, months, weeks and days.", parameterName);
        }

        int[] units = [period.Years, period.Months, period.Weeks, period.Days];
        if (Array.Exists(units, u => u < 0) && Array.Exists(units, u => u > 0))
        {
            throw new ArgumentException($"The period {period} runs both forwards and backwards; give all its units one sign.", parameterName);
        }

        return period;
    }
}

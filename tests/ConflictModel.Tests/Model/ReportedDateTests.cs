using System;
using ConflictModel.Model;
using ConflictModel.Serialization;
using NodaTime;
using Xunit;

namespace ConflictModel.Tests.Model;

public class ReportedDateTests
{
    [Theory]
    [InlineData("XXXX-04", 4, null, DateQualification.None)]
    [InlineData("XXXX-10-11", 10, 11, DateQualification.None)]
    [InlineData("XXXX-02-29", 2, 29, DateQualification.None)]
    [InlineData("XXXX-04~", 4, null, DateQualification.Approximate)]
    [InlineData("XXXX-12-31%", 12, 31, DateQualification.UncertainAndApproximate)]
    public void YearlessDate_Parse_ReadsAndWritesTheSameText(string text, int month, int? day, DateQualification qualification)
    {
        YearlessDate date = YearlessDate.Parse(text);

        Assert.Equal(month, date.Month);
        Assert.Equal(day, date.Day);
        Assert.Equal(qualification, date.Qualification);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2025-04")]
    [InlineData("XXXX")]
    [InlineData("XXXX-13")]
    [InlineData("XXXX-00")]
    [InlineData("XXXX-04-31")]
    [InlineData("XXXX-02-30")]
    [InlineData("XXXX-4")]
    [InlineData("XXXX-04-1")]
    [InlineData("XXXX-04?~")]
    [InlineData("xxxx-04")]
    [InlineData("")]
    public void YearlessDate_TryParse_RejectsWhatIsNotAYearlessDate(string text)
    {
        Assert.False(YearlessDate.TryParse(text, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => YearlessDate.Parse(text));
    }

    [Theory]
    [InlineData(4, null, "2025-10-01", "2025-04")] // April reported in October: this year's
    [InlineData(4, null, "2025-04-02", "2025-04")] // within the month itself
    [InlineData(4, null, "2025-03-31", "2024-04")] // before April: last year's
    [InlineData(10, 11, "2025-10-11", "2025-10-11")]
    [InlineData(10, 11, "2025-10-10", "2024-10-11")]
    [InlineData(2, 29, "2025-03-01", "2024-02-29")] // the last 29 February on or before the report
    public void YearlessDate_InferYear_GivesTheLastOccurrenceBeginningByTheReport(int month, int? day, string report, string expected)
    {
        YearlessDate date = day is { } d ? YearlessDate.FromDay(month, d) : YearlessDate.FromMonth(month);

        PartialDate inferred = date.InferYear(LocalDate.FromDateTime(DateTime.Parse(report, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, inferred.ToString());
    }

    [Fact]
    public void YearlessDate_InYear_IsNullForADayTheYearLacks()
    {
        Assert.Null(YearlessDate.FromDay(2, 29).InYear(2025));
        Assert.Equal("2024-02-29", YearlessDate.FromDay(2, 29).InYear(2024).ToString());
    }

    [Fact]
    public void YearlessDate_Default_IsNotADate()
    {
        YearlessDate none = default;
        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Throws<InvalidOperationException>(() => none.InferYear(new LocalDate(2025, 1, 1)));
        Assert.Throws<ArgumentException>(() => new ReportedDate("in April", yearless: none));
    }

    [Fact]
    public void ReportedDate_WithAYear_HasTheDatesBounds()
    {
        var date = new ReportedDate("in April", EdtfDate.Parse("2025-04"), yearInferred: true, relativeTo: new SourceId("article"));

        Assert.Equal(new LocalDate(2025, 4, 1), date.Earliest);
        Assert.Equal(new LocalDate(2025, 4, 30), date.Latest);
        Assert.False(date.IsRelative);
        Assert.Equal(EdtfDate.Parse("2025-04"), date.BoundsRelativeTo(new LocalDate(2030, 1, 1)));
    }

    [Fact]
    public void ReportedDate_Yearless_HasNoBoundsUntilAReportDateIsGiven()
    {
        var date = new ReportedDate("in April", yearless: YearlessDate.FromMonth(4));

        Assert.Null(date.Earliest);
        Assert.Null(date.Latest);
        Assert.Equal(EdtfDate.Parse("2024-04"), date.BoundsRelativeTo(new LocalDate(2025, 3, 15)));
    }

    [Fact]
    public void ReportedDate_Relative_IsBoundedFromTheReportDate()
    {
        var recent = new ReportedDate("a recent week-long visit", relativeTo: new SourceId("article"), earliestOffset: Period.FromMonths(-3), latestOffset: Period.Zero, duration: Period.FromDays(7));
        var previously = new ReportedDate("previously", relativeTo: new SourceId("article"), latestOffset: Period.Zero);

        Assert.True(recent.IsRelative);
        Assert.Equal(EdtfDate.Parse("2025-07-15/2025-10-15"), recent.BoundsRelativeTo(new LocalDate(2025, 10, 15)));
        Assert.Equal(EdtfDate.Parse("../2025-10-15"), previously.BoundsRelativeTo(new LocalDate(2025, 10, 15)));
        Assert.Null(new ReportedDate("at some point").BoundsRelativeTo(new LocalDate(2025, 10, 15)));
    }

    [Fact]
    public void ReportedDate_Construction_RejectsReadingsThatContradictEachOther()
    {
        var source = new SourceId("article");
        Assert.Throws<ArgumentException>(() => new ReportedDate(" "));
        Assert.Throws<ArgumentException>(() => new ReportedDate("in April", EdtfDate.Parse("2025-04"), YearlessDate.FromMonth(4)));
        Assert.Throws<ArgumentException>(() => new ReportedDate("in April", yearless: YearlessDate.FromMonth(4), yearInferred: true, relativeTo: source));
        Assert.Throws<ArgumentException>(() => new ReportedDate("in April", EdtfDate.Parse("2025-04"), yearInferred: true));
        Assert.Throws<ArgumentException>(() => new ReportedDate("recently", latestOffset: Period.Zero));
        Assert.Throws<ArgumentException>(() => new ReportedDate("in April", EdtfDate.Parse("2025-04"), relativeTo: source, latestOffset: Period.Zero));
        Assert.Throws<ArgumentException>(() => new ReportedDate("this morning", relativeTo: source, latestOffset: Period.FromHours(-3)));
        Assert.Throws<ArgumentException>(() => new ReportedDate("oddly", relativeTo: source, latestOffset: Period.FromMonths(1) - Period.FromDays(3)));
    }

    [Theory]
    [InlineData("P7D", 0, 0, 0, 7)]
    [InlineData("-P3M", 0, -3, 0, 0)]
    [InlineData("P0D", 0, 0, 0, 0)]
    [InlineData("P1Y2M3W4D", 1, 2, 3, 4)]
    [InlineData("-P2W", 0, 0, -2, 0)]
    public void ReportedPeriod_ReadsAndWritesItsCanonicalText(string text, int years, int months, int weeks, int days)
    {
        Assert.True(ReportedPeriod.TryParse(text, out Period? period, out _));
        Assert.Equal(new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build(), period);
        Assert.Equal(text, ReportedPeriod.Format(period));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("-P")]
    [InlineData("7D")]
    [InlineData("P7")]
    [InlineData("P1D2M")]
    [InlineData("P1M1M")]
    [InlineData("PT3H")]
    [InlineData("P-3M")]
    [InlineData("P1234567D")]
    [InlineData("+P3D")]
    public void ReportedPeriod_RejectsOtherText(string text)
        => Assert.False(ReportedPeriod.TryParse(text, out _, out _));

    [Fact]
    public void ReportedClaimant_Construction_GuardsItsMembers()
    {
        Assert.Equal(ClaimantIdentity.Named, new ReportedClaimant("Asif said").Identity);
        Assert.Throws<ArgumentException>(() => new ReportedClaimant(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportedClaimant("officials said", (ClaimantIdentity)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Citation(new SourceId("s")) { Hedge = (ReportingHedge)9 });
        Assert.Throws<ArgumentException>(() => new Citation(new SourceId("s")) { Quote = " " });
    }
}

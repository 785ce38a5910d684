using System;
using System.Text;
using ConflictModel.Model;
using NodaTime;
using Xunit;

namespace ConflictModel.Tests.Model;

public class EdtfDateTests
{
    [Theory]
    [InlineData("2025-10-11", "2025-10-11", "2025-10-11", DatePrecision.Day)]
    [InlineData("2025-04", "2025-04-01", "2025-04-30", DatePrecision.Month)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2025", "2025-01-01", "2025-12-31", DatePrecision.Year)]
    [InlineData("2025-21", "2025-03-01", "2025-05-31", DatePrecision.Season)]
    [InlineData("2025-22", "2025-06-01", "2025-08-31", DatePrecision.Season)]
    [InlineData("2025-23", "2025-09-01", "2025-11-30", DatePrecision.Season)]
    [InlineData("2023-24", "2023-12-01", "2024-02-29", DatePrecision.Season)]
    [InlineData("201X", "2010-01-01", "2019-12-31", DatePrecision.Decade)]
    [InlineData("20XX", "2000-01-01", "2099-12-31", DatePrecision.Century)]
    [InlineData("2004-XX", "2004-01-01", "2004-12-31", DatePrecision.Year)]
    [InlineData("2004-XX-XX", "2004-01-01", "2004-12-31", DatePrecision.Year)]
    [InlineData("2004-06-XX", "2004-06-01", "2004-06-30", DatePrecision.Month)]
    [InlineData("2025-10~", "2025-10-01", "2025-10-31", DatePrecision.Month)]
    [InlineData("1984?", "1984-01-01", "1984-12-31", DatePrecision.Year)]
    [InlineData("2004-06-11%", "2004-06-11", "2004-06-11", DatePrecision.Day)]
    [InlineData("0000", "0000-01-01", "0000-12-31", DatePrecision.Year)]
    [InlineData("-0044-03-15", "-0044-03-15", "-0044-03-15", DatePrecision.Day)]
    [InlineData("2025-05/2025-08", "2025-05-01", "2025-08-31", DatePrecision.Month)]
    [InlineData("2025-05-02/2025-08", "2025-05-02", "2025-08-31", DatePrecision.Month)]
    [InlineData("2004~/2006-XX", "2004-01-01", "2006-12-31", DatePrecision.Year)]
    public void Parse_ValidText_RoundTripsAndSpans(string text, string earliest, string latest, DatePrecision precision)
    {
        EdtfDate date = EdtfDate.Parse(text);

        Assert.Equal(text, date.ToString());
        Assert.Equal(ParseIso(earliest), date.Earliest);
        Assert.Equal(ParseIso(latest), date.Latest);
        Assert.Equal(precision, date.Precision);
        Assert.True(EdtfDate.TryParseUtf8(Encoding.UTF8.GetBytes(text), out EdtfDate fromUtf8, out _));
        Assert.Equal(date, fromUtf8);
    }

    [Theory]
    [InlineData("../2025-10-11", IntervalBound.Open, IntervalBound.Known, null, "2025-10-11")]
    [InlineData("2025-10/..", IntervalBound.Known, IntervalBound.Open, "2025-10-01", null)]
    [InlineData("/2025-10-11", IntervalBound.Unknown, IntervalBound.Known, null, "2025-10-11")]
    [InlineData("2025-10/", IntervalBound.Known, IntervalBound.Unknown, "2025-10-01", null)]
    public void Parse_OpenOrUnknownEnds_AreUnbounded(string text, IntervalBound start, IntervalBound end, string? earliest, string? latest)
    {
        EdtfDate date = EdtfDate.Parse(text);

        Assert.True(date.IsInterval);
        Assert.Equal(start, date.StartBound);
        Assert.Equal(end, date.EndBound);
        Assert.Equal(earliest is null ? null : ParseIso(earliest), date.Earliest);
        Assert.Equal(latest is null ? null : ParseIso(latest), date.Latest);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2023-02-30", "day 30 does not exist in 2023-02, which has 28 days")]
    [InlineData("2025-13", "month 13 does not exist")]
    [InlineData("2025-00", "month 00 does not exist")]
    [InlineData("2025-25", "month 25 does not exist")]
    [InlineData("2025-21-01", "a season (21 to 24) cannot have a day")]
    [InlineData("25", "four digits")]
    [InlineData("2025-1", "two-digit month")]
    [InlineData("2025-10-1", "two-digit day")]
    [InlineData("2025-10-11T10:00:00Z", "date-times are not accepted")]
    [InlineData("Y170000002", "letter-prefixed years")]
    [InlineData("2025?-10", "EDTF level 2")]
    [InlineData("2X25", "only the last one or two digits")]
    [InlineData("201X-05", "cannot have a month")]
    [InlineData("2004-XX-11", "only an unspecified day")]
    [InlineData("2025-08/2025-05", "ends (2025-05) before it starts (2025-08)")]
    [InlineData("../..", "at least one end")]
    [InlineData("/", "at least one end")]
    [InlineData("2020/2021/2022", "exactly one '/'")]
    [InlineData("2025–10", "not part of EDTF")]
    [InlineData("-0000", "-0000 is not a year")]
    [InlineData("~", "a qualifier needs a date")]
    [InlineData("9999-24", "runs past the last supported year")]
    [InlineData("-9999", "before -9998")]
    public void TryParse_InvalidText_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(EdtfDate.TryParse(text.AsSpan(), out EdtfDate date, out string? error));
        Assert.True(date.IsDefault);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        FormatException thrown = Assert.Throws<FormatException>(() => EdtfDate.Parse(text));
        Assert.Contains(text, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TooLong_IsRejectedWithoutWork()
    {
        Assert.False(EdtfDate.TryParse(new string('1', 10_000).AsSpan(), out _, out string? error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
        Assert.False(EdtfDate.TryParse((string?)null, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
        => Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => EdtfDate.Parse(null!)).ParamName);

    [Fact]
    public void Qualification_IsTheUnionOfTheEnds()
    {
        Assert.Equal(DateQualification.Approximate, EdtfDate.Parse("2025-10~").Qualification);
        Assert.Equal(DateQualification.UncertainAndApproximate, EdtfDate.Parse("2004?/2006~").Qualification);
        Assert.True(EdtfDate.Parse("2004-06-11%").Start!.Value.IsUncertain);
        Assert.True(EdtfDate.Parse("2004-06-11%").Start!.Value.IsApproximate);
        Assert.Equal(DateQualification.None, EdtfDate.Parse("2004").Qualification);
    }

    [Fact]
    public void Factories_BuildTheSameValuesAsParsing()
    {
        Assert.Equal(EdtfDate.Parse("2025-10-11"), EdtfDate.FromDate(new LocalDate(2025, 10, 11)));
        Assert.Equal(EdtfDate.Parse("2025-05/2025-08"), EdtfDate.Between(PartialDate.FromMonth(2025, 5), PartialDate.FromMonth(2025, 8)));
        Assert.Equal(EdtfDate.Parse("../2025-10-11"), EdtfDate.Until(IntervalBound.Open, PartialDate.FromDay(new LocalDate(2025, 10, 11))));
        Assert.Equal(EdtfDate.Parse("2025-10/"), EdtfDate.Since(PartialDate.FromMonth(2025, 10), IntervalBound.Unknown));
        Assert.Equal(EdtfDate.Parse("2025-21~"), EdtfDate.FromDate(PartialDate.FromSeason(2025, Season.Spring, DateQualification.Approximate)));
        Assert.Equal(EdtfDate.Parse("201X"), EdtfDate.FromDate(PartialDate.FromDecade(2010)));
        Assert.Equal(EdtfDate.Parse("2025?"), EdtfDate.FromDate(PartialDate.FromYear(2025).WithQualification(DateQualification.Uncertain)));
    }

    [Fact]
    public void Factories_RejectMisuse_NamingTheParameter()
    {
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => EdtfDate.Between(PartialDate.FromMonth(2025, 8), PartialDate.FromMonth(2025, 5))).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => EdtfDate.Between(default, PartialDate.FromMonth(2025, 5))).ParamName);
        Assert.Equal("startBound", Assert.Throws<ArgumentException>(() => EdtfDate.Until(IntervalBound.Known, PartialDate.FromYear(2025))).ParamName);
        Assert.Equal("endBound", Assert.Throws<ArgumentOutOfRangeException>(() => EdtfDate.Since(PartialDate.FromYear(2025), (IntervalBound)9)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => EdtfDate.FromDate(default(PartialDate))).ParamName);
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromMonth(2025, 13)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromYear(10_000)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromSeason(9999, Season.Winter)).ParamName);
        Assert.Equal("season", Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromSeason(2025, (Season)5)).ParamName);
        Assert.Equal("firstYear", Assert.Throws<ArgumentException>(() => PartialDate.FromDecade(2015)).ParamName);
        Assert.Equal("qualification", Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.FromYear(2025, (DateQualification)8)).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => PartialDate.FromDay(new LocalDate(2025, 1, 1, CalendarSystem.Julian))).ParamName);
    }

    [Fact]
    public void Default_IsNotADate()
    {
        EdtfDate date = default;
        Assert.True(date.IsDefault);
        Assert.Equal(string.Empty, date.ToString());
        Assert.Null(date.Earliest);
        Assert.False(date.MayBe(new LocalDate(2025, 1, 1)));
        Assert.Throws<InvalidOperationException>(() => date.Precision);
        Assert.Throws<InvalidOperationException>(() => default(PartialDate).Earliest);
        Assert.Throws<InvalidOperationException>(() => default(PartialDate).WithQualification(DateQualification.None));
        Assert.Equal(string.Empty, default(PartialDate).ToString());
    }

    [Fact]
    public void MayBe_TreatsOpenEndsAsUnbounded()
    {
        EdtfDate until = EdtfDate.Parse("../2025-10-11");
        Assert.True(until.MayBe(new LocalDate(1900, 1, 1)));
        Assert.True(until.MayBe(new LocalDate(2025, 10, 11)));
        Assert.False(until.MayBe(new LocalDate(2025, 10, 12)));
        Assert.True(EdtfDate.Parse("2025-04").MayBe(new LocalDate(2025, 4, 30)));
        Assert.False(EdtfDate.Parse("2025-04").MayBe(new LocalDate(2025, 5, 1)));
        Assert.True(PartialDate.FromMonth(2025, 4).Contains(new LocalDate(2025, 4, 15)));
    }

    [Fact]
    public void Equality_IsByText()
    {
        Assert.Equal(EdtfDate.Parse("2004-XX"), EdtfDate.Parse("2004-XX"));
        Assert.NotEqual(EdtfDate.Parse("2004-XX"), EdtfDate.Parse("2004"));
        Assert.True(EdtfDate.Parse("2004") == EdtfDate.Parse("2004"));
        Assert.True(EdtfDate.Parse("2004") != EdtfDate.Parse("2004~"));
        Assert.Equal(EdtfDate.Parse("2004/2005").GetHashCode(), EdtfDate.Parse("2004/2005").GetHashCode());
        Assert.False(EdtfDate.Parse("2004").Equals((object)"2004"));
        Assert.True(PartialDate.FromYear(2004) == EdtfDate.Parse("2004").Start);
        Assert.True(PartialDate.FromYear(2004) != PartialDate.FromYear(2005));
    }

    [Fact]
    public void Properties_ExposeTheParts()
    {
        PartialDate day = EdtfDate.Parse("2025-10-11").Start!.Value;
        Assert.Equal((2025, 10, 11), (day.Year, day.Month, day.Day));
        Assert.Null(day.Season);
        PartialDate season = EdtfDate.Parse("2025-23").Start!.Value;
        Assert.Equal(Season.Autumn, season.Season);
        Assert.Null(season.Month);
        Assert.Null(EdtfDate.Parse("2025").Start!.Value.Month);
        Assert.Equal(2010, EdtfDate.Parse("201X").Start!.Value.Year);
        EdtfDate single = EdtfDate.Parse("2025");
        Assert.False(single.IsInterval);
        Assert.Equal(single.Start, single.End);
        Assert.Equal(IntervalBound.Known, single.StartBound);
    }

    private static LocalDate ParseIso(string text)
    {
        bool negative = text.StartsWith('-');
        string[] parts = (negative ? text[1..] : text).Split('-');
        int year = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        return new LocalDate(year, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}

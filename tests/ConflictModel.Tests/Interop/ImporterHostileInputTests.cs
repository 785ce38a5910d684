using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Acled;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Model;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;
using Xunit;

namespace ConflictModel.Tests.Interop;

/// <summary>
/// What the importers do with the files a careless or hostile user gives them (issue 18) and with GED-derived files
/// that keep only part of the codebook (issue 15): every case is named by a diagnostic, nothing is guessed.
/// </summary>
public sealed class ImporterHostileInputTests
{
    private static readonly Lazy<List<Dictionary<string, string>>> Raw = new(InteropData.GedRows);

    private static List<Dictionary<string, string>> Rows => Raw.Value;

    private static ImportResult Ged(string text, string name = "ged.csv") => new UcdpGedImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, null);

    private static string Line(Diagnostic d) => $"{d.Location} {d.Location.JsonPointer}: {Diagnostic.SeverityText(d.Severity)} {d.Id}: {d.GetMessage()}";

    [Fact]
    public void Ged_LowAndHighWithoutBest_ImportAsARangeWithAWarning()
    {
        List<Dictionary<string, string>> rows = [.. Rows.Take(2).Select(r => new Dictionary<string, string>(r))];
        rows[0]["best"] = string.Empty;
        ImportResult withEmptyBest = Ged(InteropData.GedCsv(rows, GedColumns.All), "aligned.csv");
        ImportResult withoutBest = Ged(InteropData.GedCsv(rows, [.. GedColumns.All.Where(c => c != "best")]), "aligned.csv");

        Assert.False(withEmptyBest.Log.HasErrors);
        Assert.Equal(2, withEmptyBest.Log.RowsImported);
        CasualtyEstimate total = withEmptyBest.Dataset.CasualtyEstimates.Single(e => e.Id.Value == $"ged-{rows[0]["id"]}-best");
        Assert.Null(total.Figure.Best);
        Assert.Equal(long.Parse(rows[0]["low"], System.Globalization.CultureInfo.InvariantCulture), total.Figure.Low);
        Assert.Equal(long.Parse(rows[0]["high"], System.Globalization.CultureInfo.InvariantCulture), total.Figure.High);
        Assert.Equal(
            [$"aligned.csv(2,1) /best: warning CM6012: row 1 (GED id {rows[0]["id"]}): best is empty; imported as the range [low {rows[0]["low"]}, high {rows[0]["high"]}] without a best figure"],
            withEmptyBest.Log.Diagnostics.Select(Line));

        Assert.False(withoutBest.Log.HasErrors);
        Assert.Equal(2, withoutBest.Log.RowsImported);
        Assert.Equal(2, withoutBest.Log.Diagnostics.Count(d => d.Id == "CM6012" && d.Severity == DiagnosticSeverity.Warning));
        Assert.All(withoutBest.Dataset.CasualtyEstimates.Where(e => e.Id.Value.EndsWith("-best", StringComparison.Ordinal)), e => Assert.Null(e.Figure.Best));
    }

    [Fact]
    public void Ged_CsvHeaderMissingColumns_OneDiagnosticNamesThemAll()
    {
        ImportResult result = Ged(InteropData.GedCsv(Rows.Take(3), [.. GedColumns.All.Where(c => c is not "low" and not "date_end" and not "side_b")]), "partial.csv");

        Assert.Equal(0, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics);
        Assert.Equal("partial.csv(1,1) : error CM6002: header: columns 'side_b', 'date_end', 'low' are missing; none of the file's 3 rows was imported", Line(d));
    }

    [Fact]
    public void Ged_JsonRowMissingColumns_OneDiagnosticNamesThemAll()
    {
        ImportResult result = Ged("""[{"id": 1, "type_of_violence": 1}]""", "rows.json");

        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.Id == "CM6002");
        Assert.Equal(
            "row 1: columns 'side_a_new_id', 'side_a', 'side_b_new_id', 'side_b', 'date_start', 'date_end', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'low', 'high' are missing; the row was not imported",
            d.GetMessage());
    }

    [Fact]
    public void Ged_JsonArrayRows_AreLocatedAtTheirOwnLineAndColumn()
    {
        // One line (as jq -c writes), then one object per line after a multi-byte name; every row lacks the same columns.
        ImportResult oneLine = Ged("""[{"id":1},{"id":2}, {"id":3}]""", "a.json");
        ImportResult lines = Ged("[\n  {\"id\": 1, \"side_a\": \"Séléka\"},\n  {\"id\": 2},\n\n    {\"id\": 3}\n]", "b.json");

        const string Wide = "{\"side_a\":\"Séléka 🙂\"}";
        ImportResult multiByte = Ged("[" + Wide + ",{\"id\":2}]", "c.json");
        Assert.Equal(["(1,2) /0", $"(1,{2 + Wide.Length + 1}) /1"], multiByte.Log.Diagnostics.Where(d => d.Id == "CM6002").Select(d => $"({d.Location.StartLine},{d.Location.StartColumn}) {d.Location.JsonPointer}"));
        Assert.Equal(["(1,2) /0", "(1,11) /1", "(1,21) /2"], oneLine.Log.Diagnostics.Where(d => d.Id == "CM6002").Select(d => $"({d.Location.StartLine},{d.Location.StartColumn}) {d.Location.JsonPointer}"));
        Assert.Equal(["(2,3) /0", "(3,3) /1", "(5,5) /2"], lines.Log.Diagnostics.Where(d => d.Id == "CM6002").Select(d => $"({d.Location.StartLine},{d.Location.StartColumn}) {d.Location.JsonPointer}"));
    }

    [Fact]
    public void Ged_GovernmentSidesWithoutStateCode_AreGovernments()
    {
        List<Dictionary<string, string>> rows = [.. Rows.Where(r => r["side_a"].StartsWith("Government of ", StringComparison.Ordinal) && r["type_of_violence"] == "1").Take(1).Select(r => new Dictionary<string, string>(r))];
        rows[0]["gwnoa"] = string.Empty;
        ImportResult result = Ged(InteropData.GedCsv(rows, [.. GedColumns.All.Where(c => c is not "gwnoa" and not "gwnob")]));

        Actor sideA = result.Dataset.Actors.Single(a => a.Name == rows[0]["side_a"]);
        Actor sideB = result.Dataset.Actors.Single(a => a.Name == rows[0]["side_b"]);
        Assert.Equal(ActorKind.Government, sideA.Kind);
        Assert.Equal(ActorKind.NonStateArmedGroup, sideB.Kind);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("5.0")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("0x10")]
    [InlineData("05")]
    [InlineData("５")]
    public void Acled_FatalitiesInAFormTheJsonReaderRefuses_AreNamedNotRounded(string fatalities)
    {
        string csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities\nX1,2025-10-09,Battles,Armed clash,Someone,\"" + fatalities + "\"\nX2,2025-10-09,Battles,Armed clash,Someone,7\n";
        ImportResult result = new AcledImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "acled.csv", null);

        Assert.Equal(1, result.Log.RowsImported);
        Assert.DoesNotContain(result.Dataset.CasualtyEstimates, e => e.Id.Value == "acled-X1-fatalities");
        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.IsError);
        Assert.Equal(
            $"acled.csv(2,1) /fatalities: error CM6003: row 1 (ACLED id X1): '{fatalities}' in column 'fatalities' is not {UcdpGedImporter.CountOfPeople}; the row was not imported",
            Line(d));
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("5.0")]
    [InlineData("-0.0")]
    public void Ged_JsonFiguresInAFormTheJsonReaderRefuses_AreNamed(string best)
    {
        Dictionary<string, string> row = new(Rows[0]) { ["best"] = best };
        string json = "[{" + string.Join(", ", GedColumns.All.Where(row.ContainsKey).Select(c => $"\"{c}\": " + (GedColumns.Numeric.Contains(c) && row[c].Length > 0 ? row[c] : System.Text.Json.JsonSerializer.Serialize(row[c])))) + "}]";
        ImportResult result = Ged(json, "api.json");

        Assert.Equal(0, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.IsError);
        Assert.Equal("CM6003", d.Id);
        Assert.Equal("/0/best", d.Location.JsonPointer);
        Assert.Contains($"'{best}' in column 'best'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_DuplicateColumn_IsReportedWithBothPositionsAndNothingIsGuessed()
    {
        string[] columns = [.. GedColumns.All, "best"];
        ImportResult result = Ged(InteropData.GedCsv(Rows.Take(2), columns), "twice.csv");

        Assert.Equal(2, result.Log.RowsRead);
        Assert.Equal(0, result.Log.RowsImported);
        Assert.True(result.Log.HasErrors);
        int first = GedColumns.All.IndexOf("best") + 1;
        Assert.Equal(
            [$"twice.csv(1,1) /best: error CM6013: Column 'best' appears at positions {first} and {columns.Length}; which of them a row means cannot be told, so no row was imported"],
            result.Log.Diagnostics.Select(Line));
    }

    [Fact]
    public void Csv_VeryWideHeader_IsReadInLinearTimeWithCappedDiagnostics()
    {
        // 100,000 columns nobody knows after the codebook's, then a repeat of the first of them at the very end.
        const int Extra = 100_000;
        var header = new StringBuilder(string.Join(",", GedColumns.All));
        var row = new StringBuilder(InteropData.GedCsv(Rows.Take(1), GedColumns.All).Split("\r\n")[1]);
        for (int i = 0; i < Extra; i++)
        {
            header.Append(",x").Append(i);
            row.Append(",v");
        }

        ImportResult wide = Ged(header + "\n" + row + "\n", "wide.csv");
        ImportResult repeated = Ged(header + ",x0\n" + row + ",w\n", "wide.csv");

        Assert.Equal(1, wide.Log.RowsImported);
        Assert.False(wide.Log.HasErrors);
        Assert.Equal(10_001, wide.Log.Diagnostics.Count);
        Assert.All(wide.Log.Diagnostics.Take(10_000), d => Assert.Equal("CM6009", d.Id));
        Assert.Equal(
            $"wide.csv(1,1) : warning CM6014: {Extra - 10_000:N0} more diagnostic(s) about this file were not reported (10,000 per file at most); the rows were imported or rejected as usual",
            Line(wide.Log.Diagnostics[^1]));
        Assert.Equal(Extra - 10_000, wide.Log.SuppressedDiagnostics);

        Assert.Equal(0, repeated.Log.RowsImported);
        Assert.True(repeated.Log.HasErrors);
        Assert.Contains(repeated.Log.Diagnostics, d => d.Id == "CM6013" && d.GetMessage().StartsWith($"Column 'x0' appears at positions {GedColumns.All.Length + 1} and {GedColumns.All.Length + Extra + 1};", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_DiagnosticsPastTheLimit_AreCountedAndSummarisedOncePerFile()
    {
        var csv = new StringBuilder("event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities\n");
        for (int i = 0; i < 20; i++)
        {
            csv.Append('X').Append(i).Append(",2025-10-09,Battles,Armed clash,Someone,many\n");
        }

        var log = new ImportLog { MaxDiagnostics = 5 };
        _ = new AcledImporter().ReadRecords(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "many.csv", log).ToList();

        Assert.Equal(20, log.RowsRead);
        Assert.Equal(20, log.RowsRejected);
        Assert.True(log.HasErrors);
        Assert.Equal(6, log.Diagnostics.Count);
        Assert.Equal("15 more diagnostic(s) about this file were not reported (5 per file at most); the rows were imported or rejected as usual", log.Diagnostics[^1].GetMessage());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportLog { MaxDiagnostics = 0 });
    }

    [Theory]
    [InlineData(';', "';' (semicolon)")]
    [InlineData('\t', "tabs")]
    [InlineData('|', "'|' (vertical bar)")]
    public void Csv_OtherSeparator_GetsAHint(char separator, string named)
    {
        string row = string.Join(separator, GedColumns.All.Select(_ => "1"));
        string csv = string.Join(separator, GedColumns.All) + "\n" + row + "\n" + row + "\n";
        ImportResult result = Ged(csv, "excel.csv");

        Assert.Equal(0, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.Id == "CM6002");
        Assert.EndsWith($"none of the file's 2 rows was imported; the header looks separated by {named} rather than ',': split there, it has 14 of the 14 required columns", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_CommaHeaderMissingAColumn_GetsNoSeparatorHint()
    {
        ImportResult result = Ged("id;x,best\n1,2\n", "plain.csv");

        Diagnostic d = Assert.Single(result.Log.Diagnostics, d => d.Id == "CM6002");
        Assert.EndsWith("none of the file's 1 rows was imported", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1565\0", "paid")]
    [InlineData("1565 \u0001", "paid")]
    [InlineData("1565\u0661", "paid")]
    public void Pad_IdWithTrailingControlOrNonAsciiDigits_IsRefusedNotThrown(string paid, string column)
    {
        // long.TryParse with NumberStyles.None accepts trailing NULs: "1565\0" reached an AgreementId and threw (fuzzing, csv-importer).
        string csv = $"paid,pa_name,actor_id,actor_name,pa_date\n\"{paid}\",Accord,5,Government of X,2001-01-01\n";
        ImportResult result = new UcdpPadImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "pad.csv", null);

        Assert.Empty(result.Dataset.Agreements);
        Diagnostic d = Assert.Single(result.Log.Diagnostics);
        Assert.Equal("CM6003", d.Id);
        Assert.Equal("/" + column, d.Location.JsonPointer);
    }

    [Theory]
    [InlineData("13\0")]
    [InlineData("13\u0000, 14")]
    [InlineData("5, \u0662")]
    public void Pad_ActorIdWithControlOrNonAsciiDigits_IsRefusedNotThrown(string actorIds)
    {
        string csv = $"paid,pa_name,actor_id,actor_name,pa_date\n1,Accord,\"{actorIds}\",\"A, B\",2001-01-01\n";
        ImportResult result = new UcdpPadImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "pad.csv", null);

        Assert.Empty(result.Dataset.Agreements);
        Assert.Empty(result.Dataset.Actors);
        Assert.Equal(0, result.Log.RowsImported);
        Diagnostic d = Assert.Single(result.Log.Diagnostics);
        Assert.Equal("CM6003", d.Id);
        Assert.Equal("/actor_id", d.Location.JsonPointer);
    }

    [Theory]
    [InlineData("//uce")]
    [InlineData("/etc/passwd")]
    [InlineData("agreement.pdf")]
    public void Pad_FullTextLinkThatIsNotAnAbsoluteUrl_IsUnmappedAndTheDatasetReadsBack(string link)
    {
        // UriKind.Absolute took "//uce" for file://uce/ on Unix; the writer wrote "//uce" and the reader refused it (fuzzing).
        string csv = $"paid,pa_name,actor_id,actor_name,pa_date,linktofulltextagreement\n1,Accord,5,Government of X,2001-01-01,{link}\n";
        ImportResult result = new UcdpPadImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "pad.csv", null);

        Assert.DoesNotContain(result.Dataset.Sources, s => s.Url is { } url && url.Scheme == Uri.UriSchemeFile);
        Assert.Single(result.Log.Diagnostics, d => d.Id == "CM6006" && d.Location.JsonPointer == "/linktofulltextagreement");
        DatasetReadResult read = new DatasetReader().ReadText(ConflictJsonSerializer.SerializeLines(result.Dataset), DatasetFormat.JsonLines, "imported.jsonl");
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Ged_JsonTextThatIsNotUtf8_IsAWarningAtTheRowAndNothingIsDropped()
    {
        // Bytes 0xB9 and 0xFF cannot start a UTF-8 sequence; the JSON reader passes them (fuzzing, csv-importer: it threw).
        byte[] json = [.. "[\n {\"id\": 1, \"x"u8, 0xB9, .. "d\": 2, \"side_a\": \"S"u8, 0xFF, .. "l\\u00e9ka\"},\n {\"extra\": [\"a"u8, 0xFE, .. "\"]}\n]"u8];
        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(json), "latin1.json", null);

        Assert.Equal(
            [
                "latin1.json(2,2) /0: warning CM6015: row 1: the name of member 'x\uFFFDd' is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD",
                "latin1.json(2,2) /0/side_a: warning CM6015: row 1: the value of 'side_a' is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD",
                "latin1.json(3,2) /1/extra: warning CM6015: row 2: the value of 'extra' is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD",
            ],
            result.Log.Diagnostics.Where(d => d.Id == "CM6015").Select(d => $"{d.Location} {d.Location.JsonPointer}: {Diagnostic.SeverityText(d.Severity)} {d.Id}: {d.GetMessage()}"));
        Assert.Equal(2, result.Log.RowsRead);
    }

    [Fact]
    public void Csv_TextThatIsNotUtf8_IsAWarningAtItsLineAndTheRowIsImported()
    {
        // A Latin-1 "Sél" (0xE9) as the last value of the second data row (line 3) and a lone 0xFF in the header's last
        // name; the CSV reader decoded both as U+FFFD without a word.
        List<Dictionary<string, string>> rows = [.. Rows.Take(3).Select(r => new Dictionary<string, string>(r))];
        byte[] utf8 = Encoding.UTF8.GetBytes(InteropData.GedCsv(rows, [.. GedColumns.All, "note"]));
        string text = Encoding.UTF8.GetString(utf8);
        int secondRow = text.IndexOf('\n', text.IndexOf('\n') + 1) + 1;
        int secondRowEnd = Encoding.UTF8.GetByteCount(text[..text.IndexOf("\r\n", secondRow, StringComparison.Ordinal)]);
        int headerNote = Encoding.UTF8.GetByteCount(text[..(text.IndexOf(",note", StringComparison.Ordinal) + 2)]);
        byte[] bytes = [.. utf8[..headerNote], 0xFF, .. utf8[headerNote..secondRowEnd], .. "S"u8, 0xE9, .. "l"u8, .. utf8[secondRowEnd..]];

        ImportResult result = new UcdpGedImporter().Import(new MemoryStream(bytes), "latin1.csv", null);

        Assert.Equal(
            [
                "latin1.csv(1,1) : warning CM6015: header: its text is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD",
                "latin1.csv(3,1) : warning CM6015: row 2: its text is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD",
            ],
            result.Log.Diagnostics.Where(d => d.Id == "CM6015").Select(Line));
        Assert.Equal(3, result.Log.RowsImported);
    }

    [Fact]
    public void Csv_MultiByteCharactersAcrossReadBoundaries_AreNotReported()
    {
        // Many rows of two- and four-byte characters, so that some straddle the reader's buffer boundaries; then one
        // invalid byte on a far line, which must be located exactly.
        // Values on one line each (GED's headlines may span lines), so that line N is row N - 1.
        List<Dictionary<string, string>> rows = [.. Enumerable.Range(0, 3000).Select(i => new Dictionary<string, string>(Rows[i % Rows.Count].Select(p => KeyValuePair.Create(p.Key, p.Value.ReplaceLineEndings(" ")))) { ["id"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["side_a"] = "Séléka 🙂 " + new string('é', i % 7) })];
        byte[] utf8 = Encoding.UTF8.GetBytes(InteropData.GedCsv(rows, GedColumns.All));
        Assert.DoesNotContain(new UcdpGedImporter().Import(new MemoryStream(utf8), "wide.csv", null).Log.Diagnostics, d => d.Id == "CM6015");

        int line = 2500;
        int at = 0;
        for (int i = 1; i < line; i++)
        {
            at = Array.IndexOf(utf8, (byte)'\n', at) + 1;
        }

        byte[] broken = [.. utf8[..(at + 3)], 0xC3, .. utf8[(at + 3)..]];
        Diagnostic d = Assert.Single(new UcdpGedImporter().Import(new MemoryStream(broken), "wide.csv", null).Log.Diagnostics, d => d.Id == "CM6015");
        Assert.Equal($"wide.csv({line},1) : warning CM6015: row {line - 1}: its text is not valid UTF-8; it was read as written in the file, each invalid byte sequence as U+FFFD", Line(d));
    }

    [Theory]
    [InlineData("No")]
    [InlineData("no.")]
    [InlineData(" None ")]
    [InlineData("N/A")]
    [InlineData("-")]
    public void Pad_ThirdPartySentinel_MeansNoThirdParty(string value)
    {
        string csv = "paid,pa_name,actor_id,actor_name,pa_date,pa_3rd,c_3rd\n1,Accord,5,Government of X,2001-01-01,\"" + value + "\",There are no reports of any third parties.\n";
        ImportResult result = new UcdpPadImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "pad.csv", null);

        Agreement agreement = Assert.Single(result.Dataset.Agreements);
        Assert.Empty(agreement.ThirdParties);
        Assert.Equal(["Government of X"], result.Dataset.Actors.Select(a => a.Name));
        Assert.Empty(result.Log.Diagnostics);
    }

    [Theory]
    [InlineData("2000-08-26", "2000-01-01", "2000", false)]
    [InlineData("2000-08-26", "2000-08-01", "2000-08", false)]
    [InlineData("2000-08-26", "2000-09-03", "2000-09-03", false)]
    [InlineData("2000-08-26", "2000-08-26", "2000-08-26", false)]
    [InlineData("2000-08-26", "1999-01-01", null, true)]
    [InlineData("2000-08-26", "2000-03-05", null, true)]
    public void Pad_Duration_NeverEndsBeforeTheSigning(string signed, string duration, string? ended, bool reported)
    {
        string csv = $"paid,pa_name,actor_id,actor_name,pa_date,ended,duration\n1,Accord,5,Government of X,{signed},True,{duration}\n";
        ImportResult result = new UcdpPadImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "pad.csv", null);

        Agreement agreement = Assert.Single(result.Dataset.Agreements);
        Assert.Equal(ended, agreement.Ended?.ToString());
        Assert.Equal(reported, result.Log.Diagnostics.Any(d => d.Id == "CM6006" && d.Location.JsonPointer == "/duration"));
        Assert.False(result.Log.HasErrors);
    }
}

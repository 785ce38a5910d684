using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ConflictModel.Interop;
using ConflictModel.Interop.Acled;
using ConflictModel.Interop.Ucdp;
using ConflictModel.Validation;
using Xunit;
using ConflictModel.Diagnostics;
using ConflictModel.Serialization;

namespace ConflictModel.Tests.Interop;

/// <summary>Importers never throw on data: whatever the bytes, rows are imported or named, and the rest is reported.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "ucdp-ged", string.Empty },
        { "ucdp-ged", "   \n\n" },
        { "ucdp-ged", "id,best\n" },
        { "ucdp-ged", "{}" },
        { "ucdp-ged", "[]" },
        { "ucdp-ged", "[1, \"x\", null, [], {}]" },
        { "ucdp-ged", "{\"features\": 5}" },
        { "ucdp-ged", "{\"features\": [{\"properties\": null, \"geometry\": {\"coordinates\": [\"a\"]}}]}" },
        { "ucdp-ged", "{\"Result\": [{\"id\": \"\\ud800\", \"best\": 1e400, \"low\": -1, \"high\": null}]}" },
        { "ucdp-ged", "{\"Result\": [{\"id\": 1, \"id\": 2}" },
        { "ucdp-ged", "\uFEFF{\"type\":\"FeatureCollection\",\"features\":[]}" },
        { "ucdp-ged", "id,type_of_violence,side_a_new_id,side_a,side_b_new_id,side_b,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high,latitude,longitude,where_prec,country_id,gwnoa\n1,9,1,,2,\" \",0000-01-01,9999-12-31,0,0,0,0,0,0,0,NaN,Infinity,-5,99999999999999999999,abc\n\"unterminated" },
        { "ucdp-pad", "paid,pa_name,actor_id\n1,Name,\"1,,x\"\n2,,3\n3,Name,3\n3,Name,3\n4,Name,4\n" },
        { "ucdp-pad", "paid,pa_name,actor_id,pa_date,duration,linktofulltextagreement,pa_type,cease,pa_3rd\n1,N,5,2020-13-01,yesterday,not a url,7,2,\"(((,;\n\"\n" },
        { "acled", "event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities,time_precision,inter1,iso,geo_precision,latitude\n\"a\u0001b\",2025-01-01,Battles,Armed clash,X,1,1,1,4,1,1\nB1,0001-01-01,Battles,Armed clash,X,1,2,99,-4,7,200\nB2,31 Febtober 2025,x,y,z,1,1,1,1,1,1\n" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Import_AnyInput_NeverThrowsAndAccountsForEveryRow(string source, string text)
    {
        DatasetImporter importer = source switch
        {
            "ucdp-ged" => new UcdpGedImporter(),
            "ucdp-pad" => new UcdpPadImporter(),
            _ => new AcledImporter(),
        };
        ImportResult result = importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "input", null);

        long rejectedWithError = result.Log.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && d.Id is "CM6002" or "CM6003" or "CM6007");
        bool headerMissing = result.Log.Diagnostics.Any(d => d.Id == "CM6002" && d.Location.StartLine == 1 && d.Location.JsonPointer.Length == 0);
        Assert.True(headerMissing || result.Log.RowsRejected == rejectedWithError, $"{result.Log.RowsRejected} rows rejected, {rejectedWithError} errors");
        Assert.All(result.Log.Diagnostics, d => Assert.Equal("input", d.Location.FilePath));

        // Whatever was imported is a dataset the serializer writes and the reader reads back without a format error.
        string jsonl = ConflictModel.Serialization.ConflictJsonSerializer.SerializeLines(result.Dataset);
        DatasetReadResult read = new DatasetReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "out.jsonl", DatasetFormat.JsonLines, gzip: false);
        Assert.Empty(read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ConflictModel.Tests.Interop;

/// <summary>The real UCDP extracts in TestData, and a reading of them that shares no code with the importers.</summary>
internal static class InteropData
{
    public const string GedFile = "ucdp-ged-23.1-car.geojson.gz";
    public const string PadFile = "ucdp-pad-22.1.csv.gz";

    /// <summary>The 46 GED columns of the GeoJSON extract, in its order.</summary>
    public static readonly string[] GeoJsonColumns =
    [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
        "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
        "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
        "where_coordinates", "where_description", "adm_1", "adm_2", "priogrid_gid", "country", "country_id", "region", "event_clarity",
        "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
    ];

    public static string PathOf(string name)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ConflictModel.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory!, "tests", "ConflictModel.Tests", "Interop", "TestData", name);
    }

    public static byte[] Bytes(string name)
    {
        using var zip = new GZipStream(File.OpenRead(PathOf(name)), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        zip.CopyTo(memory);
        return memory.ToArray();
    }

    public static MemoryStream Open(string name) => new(Bytes(name), writable: false);

    /// <summary>The GED features as column → text (numbers as written in the file), with latitude and longitude from the point.</summary>
    public static List<Dictionary<string, string>> GedRows()
    {
        using JsonDocument document = JsonDocument.Parse(Bytes(GedFile));
        var rows = new List<Dictionary<string, string>>();
        foreach (JsonElement feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty p in feature.GetProperty("properties").EnumerateObject())
            {
                row[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }

            JsonElement point = feature.GetProperty("geometry").GetProperty("coordinates");
            row["longitude"] = point[0].GetRawText();
            row["latitude"] = point[1].GetRawText();
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The GED rows as the CSV download writes them (the codebook's 49 columns, geom_wkt made from the point).</summary>
    public static string GedCsv(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string> columns)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", columns)).Append("\r\n");
        foreach (Dictionary<string, string> row in rows)
        {
            csv.Append(string.Join(",", columns.Select(c => Quote(c == "geom_wkt" ? $"POINT ({row["longitude"]} {row["latitude"]})" : row.GetValueOrDefault(c) ?? string.Empty)))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Quote(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A plain RFC 4180 reader (quoted fields, doubled quotes, line breaks in quotes), independent of CsvHelper.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        string[] header = [.. records[0].Select(h => h.Trim())];
        return [.. records.Skip(1).Select(r => Enumerable.Range(0, header.Length).Where(i => header[i].Length > 0).ToDictionary(i => header[i], i => i < r.Count ? r[i] : string.Empty, StringComparer.Ordinal))];
    }

    public static long Long(this Dictionary<string, string> row, string column) => long.Parse(row[column], CultureInfo.InvariantCulture);
}

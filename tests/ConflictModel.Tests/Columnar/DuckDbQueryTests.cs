using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ConflictModel.Columnar;
using ConflictModel.Model;
using DuckDB.NET.Data;
using Xunit;

namespace ConflictModel.Tests.Columnar;

/// <summary>
/// An embedded DuckDB reads the exported directory and answers by SQL what the library answers in C#: the two
/// answers must agree on the examples and the UCDP extracts. The SQL is the one docs/columnar.md shows.
/// </summary>
public sealed class DuckDbQueryTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "cm-duckdb-tests-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Datasets => [.. ColumnarData.ExampleNames, "ucdp-ged", "ucdp-pad"];

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task DuckDb_AnswersAsTheLibraryDoes(string name)
    {
        Dataset dataset = name switch
        {
            "ucdp-ged" => ColumnarData.Ged,
            "ucdp-pad" => ColumnarData.Pad,
            _ => ColumnarData.Example(name),
        };
        string directory = Path.Combine(_temp, "export");
        await ParquetExport.ExportAsync(dataset, directory);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();

        // Counts per kind.
        foreach ((string file, int expected) in new[]
        {
            ("sources", dataset.Sources.Length), ("actors", dataset.Actors.Length), ("events", dataset.Events.Length),
            ("casualtyEstimates", dataset.CasualtyEstimates.Length), ("attributions", dataset.Attributions.Length), ("claims", dataset.Claims.Length),
            ("ceasefires", dataset.Ceasefires.Length), ("mediations", dataset.Mediations.Length), ("agreements", dataset.Agreements.Length),
        })
        {
            Assert.Equal(expected, Convert.ToInt32(Scalar(connection, $"SELECT count(*) FROM '{directory}/{file}.parquet'"), CultureInfo.InvariantCulture));
        }

        // Claims by stance.
        var expectedStances = dataset.Claims.GroupBy(c => Camel(c.Stance.ToString())).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expectedStances.OrderBy(p => p.Key, StringComparer.Ordinal), Rows(connection, $"SELECT stance, count(*) FROM '{directory}/claims.parquet' GROUP BY stance ORDER BY stance").Select(r => KeyValuePair.Create((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))));

        // Deaths (best estimate of killed, all categories) per country and year of the event.
        var byId = dataset.Events.ToDictionary(e => e.Id);
        var expectedDeaths = dataset.CasualtyEstimates
            .Where(c => c.Population == CasualtyPopulation.Killed && c.Category == CasualtyCategory.All && c.Event is { } id && byId[id].Date?.Earliest is not null && c.Figure.Best is not null)
            .GroupBy(c => (Country: byId[c.Event!.Value].Location?.Country?.ToString(), Year: byId[c.Event!.Value].Date!.Value.Earliest!.Value.Year))
            .Select(g => $"{g.Key.Country ?? "NULL"} {g.Key.Year} {g.Sum(c => c.Figure.Best!.Value)}")
            .Order(StringComparer.Ordinal);
        var actualDeaths = Rows(connection, $"""
            SELECT e.location.country, year(e.date.earliest) AS year, sum(c.figure.best) AS deaths
            FROM '{directory}/casualtyEstimates.parquet' c JOIN '{directory}/events.parquet' e ON c.event = e.id
            WHERE c.population = 'killed' AND c.category = 'all' AND e.date.earliest IS NOT NULL AND c.figure.best IS NOT NULL
            GROUP BY ALL
            """).Select(r => $"{r[0] ?? "NULL"} {r[1]} {r[2]}").Order(StringComparer.Ordinal);
        Assert.Equal(expectedDeaths, actualDeaths);
        if (name == "ucdp-ged")
        {
            Assert.NotEmpty(expectedDeaths);
        }

        // Contested casualty figures: groups of estimates of one population (CountsSamePopulationAs) whose figures cannot all be true, with their envelopes.
        var expectedContested = dataset.CasualtyEstimates
            .GroupBy(c => (c.Population, c.Side, c.Category, c.Event, c.Period, c.Location))
            .Where(g => g.Count() > 1)
            .Select(g => (Ids: g.Select(c => c.Id.ToString()).Order(StringComparer.Ordinal).ToArray(), Envelope: CasualtyEnvelope.Of(g)))
            .Where(g => g.Envelope.IsContradictory)
            .Select(g => $"{string.Join(",", g.Ids)} {g.Envelope.Minimum} {(g.Envelope.Maximum == long.MaxValue ? "open" : g.Envelope.Maximum)} {g.Envelope.Conflicts.Length}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var actualContested = Rows(connection, $"""
            WITH e AS (
              SELECT id, population, side, category, event, period.edtf AS period, location, figure.minimum AS lo, coalesce(figure.maximum, 9223372036854775807) AS hi
              FROM '{directory}/casualtyEstimates.parquet'),
            g AS (
              SELECT population, side, category, event, period, location, list_sort(list(id)) AS ids, min(lo) AS lo, max(hi) AS hi
              FROM e GROUP BY ALL HAVING count(*) > 1),
            conflicts AS (
              SELECT a.population, a.side, a.category, a.event, a.period, a.location, count(*) AS n
              FROM e a JOIN e b ON a.id < b.id
                AND a.population IS NOT DISTINCT FROM b.population AND a.side IS NOT DISTINCT FROM b.side AND a.category IS NOT DISTINCT FROM b.category
                AND a.event IS NOT DISTINCT FROM b.event AND a.period IS NOT DISTINCT FROM b.period AND a.location IS NOT DISTINCT FROM b.location
                AND a.lo IS NOT NULL AND b.lo IS NOT NULL AND (a.hi < b.lo OR b.hi < a.lo)
              GROUP BY ALL)
            SELECT array_to_string(g.ids, ','), g.lo, CASE WHEN g.hi = 9223372036854775807 THEN 'open' ELSE g.hi::VARCHAR END, c.n
            FROM g JOIN conflicts c ON g.population IS NOT DISTINCT FROM c.population AND g.side IS NOT DISTINCT FROM c.side AND g.category IS NOT DISTINCT FROM c.category
              AND g.event IS NOT DISTINCT FROM c.event AND g.period IS NOT DISTINCT FROM c.period AND g.location IS NOT DISTINCT FROM c.location
            """).Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedContested, actualContested);
        if (name.StartsWith("seed-merged", StringComparison.Ordinal))
        {
            // The articles' "200" and "over 200" Taliban killed: one contradicting pair, from 200 with no upper bound.
            Assert.Equal(["casualties-200-taliban,casualties-over-200-taliban 200 open 1"], expectedContested);
            Assert.NotEmpty(expectedStances);
        }
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ConflictModel.Diagnostics;
using ConflictModel.Reporting;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ConflictModel.AspNetCore.Tests;

using Repository = ConflictModel.EndToEnd.Tests.Repository;

/// <summary>
/// The sample service (samples/ConflictModel.ValidationService) in the framework's test server: uploads in both
/// forms, plain and gzip, answered with the SARIF report; the server disallows synchronous I/O, so any synchronous
/// read of the request body would fail the request.
/// </summary>
public sealed class ValidationServiceTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string BrokenLines = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"stat\"}\n{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":-600000}}\n";

    private const string GoodLines = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n";

    private readonly WebApplicationFactory<Program> _factory;

    public ValidationServiceTests(WebApplicationFactory<Program> factory) => _factory = factory;

    [Fact]
    public async Task GoodJsonLines_Is200WithNoResults()
    {
        (HttpStatusCode status, JsonElement run) = await Post(Encoding.UTF8.GetBytes(GoodLines), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal("conflictmodel-validation-service", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.False(_factory.Server.AllowSynchronousIO);
    }

    [Fact]
    public async Task GoodGzipJsonLines_WithContentEncoding_Is200WithNoResults()
    {
        (HttpStatusCode status, JsonElement run) = await Post(Gzip(Encoding.UTF8.GetBytes(GoodLines)), "application/x-ndjson", gzipHeader: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Example_AsAJsonDocument_HasTheResultsTheValidatorFinds()
    {
        string path = Repository.Path("examples", "seed-merged.json");
        ValidationResult expected = new DatasetValidator().Validate(new DatasetReader().Read(path));

        (HttpStatusCode status, JsonElement run) = await Post(File.ReadAllBytes(path), "application/json");

        Assert.Equal(expected.HasErrors ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK, status);
        Assert.Equal(expected.Diagnostics.Select(d => d.Id), run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
    }

    [Theory]
    [InlineData("application/x-ndjson", false, "upload.jsonl")]
    [InlineData("application/x-ndjson", true, "upload.jsonl")]
    [InlineData("application/octet-stream", false, "upload")]
    [InlineData("application/octet-stream", true, "upload")]
    public async Task BrokenJsonLines_Is422WithLocatedResults(string contentType, bool gzip, string name)
    {
        byte[] body = Encoding.UTF8.GetBytes(BrokenLines);
        (HttpStatusCode status, JsonElement run) = await Post(gzip ? Gzip(body) : body, contentType, gzipHeader: gzip);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];

        // Counted against the validator run here on the same bytes: one located result per reported diagnostic.
        (string Id, string Level, int Line, int Column)[] expected = await Expected(body, name);
        Assert.Equal(expected, results.Select(r => (r.GetProperty("ruleId").GetString()!, r.GetProperty("level").GetString()!, Region(r).Line, Region(r).Column)));
        Assert.All(results, r => Assert.Equal(name, ArtifactUri(r)));

        // And the two known problems, where they are: the unknown actor kind and the negative count.
        Assert.Contains(("CM0009", "error", 2, 44), expected);
        Assert.Contains(("CM2003", "error", 3, 76), expected);
        Assert.Contains("'stat' is not a known 'actor kind'", results.Single(r => r.GetProperty("ruleId").GetString() == "CM0009").GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotJsonAtAll_Is422WithAReaderResult()
    {
        byte[] body = "this is not a dataset"u8.ToArray();
        (HttpStatusCode status, JsonElement run) = await Post(body, "text/plain");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        (string Id, string Level, int Line, int Column)[] expected = await Expected(body, "upload");
        Assert.Equal(expected, results.Select(r => (r.GetProperty("ruleId").GetString()!, r.GetProperty("level").GetString()!, Region(r).Line, Region(r).Column)));
        Assert.Contains(expected, e => e.Level == "error" && e.Line == 1);
    }

    /// <summary>What the validator finds in the same bytes under the same name, as SARIF levels.</summary>
    private static async Task<(string Id, string Level, int Line, int Column)[]> Expected(byte[] body, string name)
    {
        DatasetFormat? format = name.EndsWith(".jsonl", StringComparison.Ordinal) ? DatasetFormat.JsonLines : null;
        using var stream = new MemoryStream(body);
        ValidationResult result = await new DatasetValidator().ValidateAsync(stream, name, format);
        Assert.NotEmpty(result.Diagnostics);
        return [.. result.Diagnostics.Where(ValidationReport.IsReported).Select(d => (d.Id, d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        }, d.Location.StartLine, d.Location.StartColumn))];
    }

    private static string? ArtifactUri(JsonElement result)
        => result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();

    private static (int Line, int Column) Region(JsonElement result)
    {
        JsonElement region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        return (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(data);
        }

        return output.ToArray();
    }

    private async Task<(HttpStatusCode Status, JsonElement Run)> Post(byte[] body, string contentType, bool gzipHeader = false)
    {
        using HttpClient client = _factory.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (gzipHeader)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using HttpResponseMessage response = await client.PostAsync(new Uri("/validate", UriKind.Relative), content);
        Assert.Equal("application/sarif+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument sarif = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        JsonElement run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        return (response.StatusCode, run.Clone());
    }
}

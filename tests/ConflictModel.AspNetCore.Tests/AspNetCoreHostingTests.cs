using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ConflictModel.Model;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using ConflictModel.Diagnostics;

namespace ConflictModel.AspNetCore.Tests;

using Repository = ConflictModel.EndToEnd.Tests.Repository;

/// <summary>
/// The async API inside a real ASP.NET Core app: Kestrel on 127.0.0.1, an ephemeral port, synchronous I/O disallowed
/// (the default), datasets posted as request bodies. The synchronous deserializer fails there; the async ones work.
/// </summary>
public sealed class AspNetCoreHostingTests : IAsyncLifetime, IDisposable
{
    private const string BrokenLines = "{\"type\":\"dataset\",\"formatVersion\":\"1.0\",\"info\":{\"title\":\"t\"}}\n{\"type\":\"actor\",\"id\":\"a\",\"name\":\"A\",\"kind\":\"stat\"}\n{\"type\":\"casualtyEstimate\",\"id\":\"k\",\"population\":\"killed\",\"figure\":{\"best\":-600000}}\n";

    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();

        // Diagnostics back as validate's lines, one a line.
        app.MapPost("/validate", async (HttpRequest request) =>
        {
            ValidationResult result = await new DatasetValidator().ValidateAsync(request.Body, "upload.jsonl", cancellationToken: request.HttpContext.RequestAborted);
            return Results.Text(string.Join('\n', result.Diagnostics.Select(d => d.ToString())));
        });
        app.MapPost("/read-pipe", async (HttpRequest request) =>
        {
            DatasetReadResult read = await new DatasetReader().ReadAsync(request.BodyReader, "upload.json", cancellationToken: request.HttpContext.RequestAborted);
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{read.Dataset.RecordCount} records, {read.Diagnostics.Length} diagnostics"));
        });
        app.MapPost("/deserialize-async", async (HttpRequest request) =>
        {
            try
            {
                Dataset dataset = await ConflictJsonSerializer.DeserializeAsync(request.Body, request.HttpContext.RequestAborted);
                return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{dataset.RecordCount} records"));
            }
            catch (JsonException ex)
            {
                return Results.Text(ex.Message, statusCode: 400);
            }
        });
        app.MapPost("/deserialize-lines-async", async (HttpRequest request) =>
        {
            try
            {
                Dataset dataset = await ConflictJsonSerializer.DeserializeLinesAsync(request.BodyReader, request.HttpContext.RequestAborted);
                return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{dataset.RecordCount} records"));
            }
            catch (JsonException ex)
            {
                return Results.Text(ex.Message, statusCode: 400);
            }
        });
        app.MapPost("/deserialize-sync", (HttpRequest request) =>
        {
            try
            {
                return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{ConflictJsonSerializer.Deserialize(request.Body).RecordCount} records"));
            }
            catch (InvalidOperationException ex)
            {
                return Results.Text(ex.Message, statusCode: 500);
            }
        });

        await app.StartAsync();
        _app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public void Dispose() => _client?.Dispose();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ValidateAsync_PostedBrokenJsonLines_ReturnsTheDiagnostics()
    {
        string body = await Post("/validate", BrokenLines, HttpStatusCode.OK);
        string[] lines = body.Split('\n');
        Assert.Contains("upload.jsonl(2,44): error CM0009: 'stat' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other", lines);
        Assert.Contains("upload.jsonl(3,76): error CM2003: 'best' is -600000; a count of people cannot be negative", lines);
    }

    [Fact]
    public async Task ValidateAsync_PostedExample_SameDiagnosticsAsTheSynchronousValidator()
    {
        string path = Repository.Path("examples", "seed-merged.jsonl");
        string body = await Post("/validate", File.ReadAllText(path), HttpStatusCode.OK);
        using DatasetRecordReader records = new DatasetReader().OpenRecords(path);
        string expected = string.Join('\n', new DatasetValidator().Validate(records).Diagnostics.Select(d => d.ToString().Replace(path, "upload.jsonl", StringComparison.Ordinal)));
        Assert.Equal(expected, body);
        Assert.NotEmpty(body);
    }

    [Fact]
    public async Task Deserialize_Synchronous_FailsInAspNetCore_TheAsyncOneWorks()
    {
        string document = File.ReadAllText(Repository.Path("examples", "seed-merged.json"));
        int records = ConflictJsonSerializer.Deserialize(document).RecordCount;

        string sync = await Post("/deserialize-sync", document, HttpStatusCode.InternalServerError);
        Assert.Contains("Synchronous operations are disallowed", sync, StringComparison.Ordinal);

        Assert.Equal($"{records} records", await Post("/deserialize-async", document, HttpStatusCode.OK));
        Assert.Equal($"{records} records, 0 diagnostics", await Post("/read-pipe", document, HttpStatusCode.OK));
    }

    [Fact]
    public async Task DeserializeLinesAsync_BrokenBody_IsTheValidatorsMessage()
    {
        Assert.Equal(
            "(2,44): error CM0009: 'stat' is not a known actor kind; expected one of: state, government, armedForces, nonStateArmedGroup, politicalParty, person, internationalOrganisation, mediaOutlet, civilSociety, group, other (at /kind); 1 more error after it (DatasetReader reports every one)",
            await Post("/deserialize-lines-async", BrokenLines, HttpStatusCode.BadRequest));
    }

    private async Task<string> Post(string path, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client!.PostAsync(path, content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }
}

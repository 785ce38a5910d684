using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ConflictModel.Reporting;
using ConflictModel.Serialization;
using ConflictModel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

// POST /validate with the dataset as the request body:
//   Content-Type application/x-ndjson (or application/jsonl) for JSON Lines, application/json for a JSON document,
//   anything else to let the reader tell the form from the first bytes; gzip-compressed bodies are recognised by
//   their first bytes (Content-Encoding: gzip is accepted as well).
// The answer is the SARIF 2.1.0 report of `conflictmodel validate --format sarif`: 200 when the upload has no errors,
// 422 when it has, with every diagnostic located in the upload (line, column, JSON Pointer).
// The body is only ever read asynchronously (Kestrel disallows synchronous I/O, and so does this service).
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
WebApplication app = builder.Build();
app.MapPost("/validate", ValidationEndpoint.ValidateAsync);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public so that the tests' <c>WebApplicationFactory&lt;Program&gt;</c> can host the app.</summary>
public partial class Program;

/// <summary>The one endpoint: the request body through async validation, the SARIF report back.</summary>
internal static class ValidationEndpoint
{
    /// <summary>The SARIF media type (SARIF 2.1.0, §3.1).</summary>
    public const string SarifMediaType = "application/sarif+json";

    private static readonly ReportWriter Sarif = ReportWriter.Create(ReportFormat.Sarif, new ReportOptions { ToolName = "conflictmodel-validation-service" });

    public static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        (string name, DatasetFormat? format) = Describe(request);
        var validator = new DatasetValidator();

        // The request body goes to the validator's async overload: copied with async reads only, validated record by
        // record, never held whole in memory.
        ValidationResult result = await validator.ValidateAsync(request.Body, name, format, cancellationToken: cancellationToken).ConfigureAwait(false);
        ValidationReport report = ValidationReport.FromResults([result]);

        // The report is written to memory, then sent by the framework with an async write: the response is never
        // written synchronously.
        return Results.Text(Sarif.WriteToString(report), SarifMediaType, Encoding.UTF8, report.HasErrors ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    /// <summary>The name diagnostics are located in, and the wire form the request says (null: tell from the bytes).</summary>
    private static (string Name, DatasetFormat? Format) Describe(HttpRequest request)
    {
        string? mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? parsed) ? parsed.MediaType.Value : null;
        DatasetFormat? format = mediaType?.ToLowerInvariant() switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/json-lines" or "application/x-jsonlines" => DatasetFormat.JsonLines,
            "application/json" => DatasetFormat.Document,
            _ => null,
        };
        string name = format switch
        {
            DatasetFormat.JsonLines => "upload.jsonl",
            DatasetFormat.Document => "upload.json",
            _ => "upload",
        };
        return (name, format);
    }
}

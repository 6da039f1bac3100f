using System.Globalization;
using System.Text.Json.Nodes;
using JobManager.Api.Apis;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;
using JobManager.Core.Storage;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobManager.Api.OpenApi;

/// <summary>
/// Gives path and query parameters their real types and ranges. Handlers take them as strings and check
/// them by hand (<see cref="Validation.QueryReader"/>), so that every bad parameter is reported at once
/// by name; the document still tells generators that <c>limit</c> is an integer from 1 to 1000.
/// </summary>
internal sealed class ParameterSchemaTransformer : IOpenApiOperationTransformer
{
    /// <summary>One row per parameter name, the same rules as the handlers apply.</summary>
    private static readonly Dictionary<string, Func<OpenApiSchema>> Schemas = new(StringComparer.Ordinal)
    {
        ["limit"] = () => Integer(1, Paging.MaxLimit, Paging.DefaultLimit, "Page size"),
        ["count"] = () => Integer(1, SchedulesApi.MaxCount, SchedulesApi.DefaultCount, "How many instants"),
        ["enabled"] = () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Only enabled (true) or paused (false) jobs" },
        ["status"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. ExecutionStatus.All.Select(s => (JsonNode)JsonValue.Create(s))],
            Description = "Only executions with this status",
        },
        ["from"] = () => Instant("Scheduled at or after this instant (ISO 8601; UTC when it has no offset)"),
        ["to"] = () => Instant("Scheduled at or before this instant (ISO 8601; UTC when it has no offset)"),
        ["after"] = () => Instant("Instants after this one (default: now)"),
        ["cursor"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Description = "next_cursor of the previous page, unchanged" },
        ["expression"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Description = "cron(...), rate(...) or at(...)" },
        [Apis.JobTestApi.WaitSeconds] = () => Integer(JobTests.JobTestRunner.MinWaitSeconds, JobTests.JobTestRunner.MaxWaitSeconds,
            JobTests.JobTestRunner.DefaultWaitSeconds, "How long to wait for the test's callback (seconds)"),
        ["test"] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Boolean,
            Description = "Send a test event first; save only when the target answers 2xx (else 422 with the test result)",
        },
        ["service"] = Name,
        ["job"] = Name,
        ["keyId"] = () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9a-f]{16}$" },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && Schemas.TryGetValue(name, out var schema))
            {
                parameter.Schema = schema();
                parameter.Required |= name == "expression";
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Name() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = ResourceName.Rule,
        MaxLength = 64,
    };

    private static OpenApiSchema Integer(int min, int max, int fallback, string description) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
        Description = description,
    };

    private static OpenApiSchema Instant(string description) => new()
    {
        Type = JsonSchemaType.String,
        Format = "date-time",
        Description = description,
    };
}

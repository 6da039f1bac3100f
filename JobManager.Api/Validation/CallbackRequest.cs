using System.Text;
using System.Text.Json;
using JobManager.Core.Executions;
using JobManager.Core.Jobs;

namespace JobManager.Api.Validation;

/// <summary>
/// Reads a callback body: <c>{"status", "state"?, "summary"?, "correlation_id"?}</c> as in the seed, and a
/// heartbeat's <c>extend_seconds</c> (1 to the job's <c>ttl_seconds</c>, which only the store knows).
/// </summary>
public static class CallbackRequest
{
    public const string ExtendSeconds = "extend_seconds";
    /// <summary>Every field a callback body may carry (the OpenAPI body, CallbackRequestBody, declares the same).</summary>
    public static IReadOnlySet<string> KnownFields => Known;

    private static readonly HashSet<string> Known = ["status", "state", "summary", "correlation_id", ExtendSeconds];
    private static readonly string[] Statuses = [ExecutionStatus.Success, ExecutionStatus.Failure, CallbackReport.Heartbeat];

    public static CallbackReport? Read(JsonElement body, ValidationErrors errors)
    {
        var fields = new JsonFields(body, errors);
        fields.RejectUnknown(Known, Known);
        var status = fields.String("status");
        if (status is null)
        {
            if (!fields.Has("status"))
            {
                errors.Add("status", "is required: success, failure or heartbeat");
            }
        }
        else if (!Statuses.Contains(status))
        {
            errors.Add("status", $"must be success, failure or heartbeat, got \"{status}\"");
        }
        var state = Limited(fields, "state", CallbackReport.MaxStateBytes, errors);
        var summary = Limited(fields, "summary", CallbackReport.MaxSummaryBytes, errors);
        var correlationId = Limited(fields, "correlation_id", CallbackReport.MaxCorrelationIdBytes, errors);
        var extendSeconds = fields.Int(ExtendSeconds, 1, JobDefaults.MaxTtlSeconds);
        if (fields.Has(ExtendSeconds) && status is not null && status != CallbackReport.Heartbeat)
        {
            errors.Add(ExtendSeconds, "is only for heartbeats: a final status ends the execution");
        }
        return errors.Any || status is null ? null : new CallbackReport(status, state, summary, correlationId, extendSeconds);
    }

    private static string? Limited(JsonFields fields, string name, int maxBytes, ValidationErrors errors)
    {
        var value = fields.String(name);
        if (value is not null && Encoding.UTF8.GetByteCount(value) > maxBytes)
        {
            errors.Add(name, $"must be at most {maxBytes} bytes (UTF-8)");
            return null;
        }
        return value;
    }
}

using System.Text.Json.Serialization;

namespace JobManager.Core.Webhooks;

/// <summary>
/// What the service receives: exactly the seed's fields, in the seed's order, plus
/// <c>service_name</c> and <c>execution_id</c>; a test event (<c>POST .../jobs/{j}/test</c>) adds <c>"test": true</c>,
/// which real deliveries leave out.
/// </summary>
public sealed record WebhookBody(
    string CallbackUrl,
    long InvocationLatencyMs,
    double InvocationLatencyPct,
    string JobName,
    LastSuccessfulExecution? LastSuccessfulExecution,
    string? Payload,
    string Schedule,
    long ScheduledTimeMs,
    string ScheduledTime,
    string ServiceName,
    string ExecutionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Test = null);

/// <summary>The job's last successful execution; its <c>state</c> and <c>summary</c> carry over between runs.</summary>
public sealed record LastSuccessfulExecution(
    string Name,
    long ScheduledTimeMs,
    string ScheduledTime,
    long? ServiceInvokedAtMs,
    string? State,
    string Status,
    string? Summary);

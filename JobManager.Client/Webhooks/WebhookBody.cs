namespace JobManager.Client.Webhooks;

/// <summary>The webhook's JSON as the Api sends it (its own copy of the wire contract).</summary>
internal sealed record WebhookBody(
    string CallbackUrl,
    long InvocationLatencyMs,
    double InvocationLatencyPct,
    string JobName,
    LastSuccessfulExecution? LastSuccessfulExecution,
    string? Payload,
    string Schedule,
    long ScheduledTimeMs,
    DateTimeOffset ScheduledTime,
    string ServiceName,
    string ExecutionId);

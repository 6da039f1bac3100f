namespace JobManager.Client.Webhooks;

/// <summary>
/// A received, verified webhook: every field of its body, typed, and the means to report progress while the
/// handler runs. Heartbeats go out on their own; <see cref="ReportProgressAsync"/> sends one at once.
/// </summary>
public sealed class JobInvocation
{
    private readonly Heartbeats _heartbeats;

    internal JobInvocation(WebhookBody body, string webhookId, DateTimeOffset webhookTimestamp, Heartbeats heartbeats,
        IServiceProvider services)
    {
        ExecutionId = body.ExecutionId;
        ServiceName = body.ServiceName;
        JobName = body.JobName;
        Schedule = body.Schedule;
        ScheduledTime = body.ScheduledTime;
        ScheduledTimeMs = body.ScheduledTimeMs;
        Payload = body.Payload;
        CallbackUrl = new Uri(body.CallbackUrl);
        InvocationLatencyMs = body.InvocationLatencyMs;
        InvocationLatencyPct = body.InvocationLatencyPct;
        LastSuccessfulExecution = body.LastSuccessfulExecution;
        WebhookId = webhookId;
        WebhookTimestamp = webhookTimestamp;
        Services = services;
        _heartbeats = heartbeats;
    }

    public string ExecutionId { get; }
    public string ServiceName { get; }
    public string JobName { get; }
    /// <summary>The job's schedule expression, e.g. <c>rate(5 minutes)</c>.</summary>
    public string Schedule { get; }
    public DateTimeOffset ScheduledTime { get; }
    public long ScheduledTimeMs { get; }
    /// <summary>The job's payload string, as saved (often JSON-encoded); null when it has none.</summary>
    public string? Payload { get; }
    /// <summary>Where heartbeats and the final callback go; its token is its credential, keep it secret.</summary>
    public Uri CallbackUrl { get; }
    public long InvocationLatencyMs { get; }
    /// <summary>The latency as a percentage of the job's TTL.</summary>
    public double InvocationLatencyPct { get; }
    /// <summary>The last success's state and summary; null until the job first succeeds.</summary>
    public LastSuccessfulExecution? LastSuccessfulExecution { get; }
    /// <summary>The <c>webhook-id</c> header: the execution id, the same on every redelivery.</summary>
    public string WebhookId { get; }
    public DateTimeOffset WebhookTimestamp { get; }
    /// <summary>Services of a scope that lives as long as the run (the request's scope ends with the 202).</summary>
    public IServiceProvider Services { get; }
    /// <summary>The deadline the last heartbeat got; null before the first.</summary>
    public DateTimeOffset? Deadline => _heartbeats.Deadline;
    public int HeartbeatsSent => _heartbeats.Sent;
    /// <summary>What the handler last reported; null when it reported nothing.</summary>
    public JobProgress? Progress => _heartbeats.Progress;

    /// <summary>
    /// Sends <paramref name="state"/> and <paramref name="summary"/> to the Api with a heartbeat at once (or, within a
    /// second of the last one, with the next), which extends the deadline by the job's TTL; the running execution
    /// shows them as <c>progress_state</c> and <c>progress_summary</c>.
    /// </summary>
    public async Task ReportProgressAsync(string? state = null, string? summary = null, CancellationToken cancellationToken = default)
    {
        _heartbeats.Progress = new JobProgress(state, summary, _heartbeats.Now);
        await _heartbeats.BeatSoonAsync(cancellationToken);
    }
}

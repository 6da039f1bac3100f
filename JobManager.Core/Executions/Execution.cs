namespace JobManager.Core.Executions;

/// <summary>
/// One run of a job, as stored. <paramref name="TraceParent"/> is the W3C <c>traceparent</c> of the span that
/// sent its webhook, null until then or when dispatchers are not traced; <paramref name="ClaimedAtMs"/> when a
/// dispatcher first claimed it for its scheduled instant (null for a run started by hand).
/// </summary>
public sealed record Execution(
    string ExecutionId,
    string Service,
    string JobName,
    string Trigger,
    long ScheduledTimeMs,
    long? ServiceInvokedAtMs,
    long? InvocationLatencyMs,
    string Status,
    string? FailureReason,
    string? State,
    string? Summary,
    string? CorrelationId,
    long? DeadlineMs,
    int Heartbeats,
    long? FinishedAtMs,
    int Attempt,
    int MissedRuns,
    string? Error,
    int? HttpStatus,
    IReadOnlyList<DeliveryAttempt> DeliveryAttempts,
    string? TraceParent = null,
    long? ClaimedAtMs = null,
    ExecutionProgress? Progress = null)
{
    /// <summary>When it fired: the scheduled time plus the job's flexible-window offset (the scheduled time without one).</summary>
    public long FireTimeMs { get; init; } = ScheduledTimeMs;
}

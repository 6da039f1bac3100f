namespace JobManager.Core.Executions;

/// <summary>One run of a job, as stored.</summary>
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
    IReadOnlyList<DeliveryAttempt> DeliveryAttempts)
{
    /// <summary>When it fired: the scheduled time plus the job's flexible-window offset (the scheduled time without one).</summary>
    public long FireTimeMs { get; init; } = ScheduledTimeMs;
}

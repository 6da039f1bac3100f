namespace JobManager.Client.Resources;

/// <summary>One execution of a job (<c>GET .../executions/{execution_id}</c>).</summary>
public sealed record Execution(
    string ExecutionId,
    string Service,
    string JobName,
    string Trigger,
    DateTimeOffset ScheduledTime,
    long ScheduledTimeMs,
    long? ServiceInvokedAtMs,
    long? InvocationLatencyMs,
    string Status,
    string? FailureReason,
    string? State,
    string? Summary,
    string? CorrelationId,
    DateTimeOffset? Deadline,
    int Heartbeats,
    DateTimeOffset? FinishedAt,
    int FencingToken,
    int MissedRuns,
    string? Error,
    int? HttpStatus,
    IReadOnlyList<DeliveryAttempt> DeliveryAttempts)
{
    /// <summary>When JobManager meant to send it: <see cref="ScheduledTime"/> plus the job's flexible-window offset.</summary>
    public DateTimeOffset? FireTime { get; init; }
    public long? FireTimeMs { get; init; }
    /// <summary>The trace of the webhook's dispatch; null when untraced.</summary>
    public string? TraceId { get; init; }
    /// <summary>When a dispatcher first claimed the scheduled instant; null for a manual run.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
    /// <summary>The last heartbeat's state and summary, while the execution runs.</summary>
    public string? ProgressState { get; init; }
    public string? ProgressSummary { get; init; }
    public DateTimeOffset? LastHeartbeatAt { get; init; }

    /// <summary>Whether the execution reached <c>success</c> or <c>failure</c>; it changes no more.</summary>
    public bool IsFinished => Status is ExecutionStatuses.Success or ExecutionStatuses.Failure;
}

/// <summary>One try at delivering the webhook.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? HttpStatus, string? Error);

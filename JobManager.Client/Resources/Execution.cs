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
    /// <summary>Whether the execution reached <c>success</c> or <c>failure</c>; it changes no more.</summary>
    public bool IsFinished => Status is ExecutionStatuses.Success or ExecutionStatuses.Failure;
}

/// <summary>One try at delivering the webhook.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? HttpStatus, string? Error);

using JobManager.Core.Executions;
using JobManager.Core.Schedules;

namespace JobManager.Api.Contracts;

/// <summary>
/// The execution resource; <c>trace_id</c> names the trace of the webhook's dispatch (null when untraced),
/// <c>claimed_at</c> when a dispatcher first claimed the scheduled instant (null for a manual run).
/// </summary>
public sealed record ExecutionResponse(
    string ExecutionId,
    string Service,
    string JobName,
    string Trigger,
    string ScheduledTime,
    long ScheduledTimeMs,
    long? ServiceInvokedAtMs,
    long? InvocationLatencyMs,
    string Status,
    string? FailureReason,
    string? State,
    string? Summary,
    string? CorrelationId,
    DateTime? Deadline,
    int Heartbeats,
    DateTime? FinishedAt,
    int FencingToken,
    int MissedRuns,
    string? Error,
    int? HttpStatus,
    IReadOnlyList<DeliveryAttemptResponse> DeliveryAttempts,
    string? TraceId,
    DateTime? ClaimedAt,
    string? ProgressState,
    string? ProgressSummary,
    DateTime? LastHeartbeatAt)
{
    /// <summary>The trace id of a W3C traceparent (<c>00-{trace id}-{span id}-{flags}</c>), or null.</summary>
    private static string? TraceIdOf(string? traceParent) =>
        traceParent is { Length: 55 } && traceParent[2] == '-' && traceParent[35] == '-' ? traceParent[3..35] : null;

    /// <summary><c>scheduled_time</c> plus the job's flexible-window offset: when JobManager meant to send it.</summary>
    public string FireTime { get; init; } = ScheduledTime;

    /// <summary><see cref="FireTime"/> in Unix ms.</summary>
    public long FireTimeMs { get; init; } = ScheduledTimeMs;

    public static ExecutionResponse From(Execution e) => new(
        e.ExecutionId,
        e.Service,
        e.JobName,
        e.Trigger,
        ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(e.ScheduledTimeMs)),
        e.ScheduledTimeMs,
        e.ServiceInvokedAtMs,
        e.InvocationLatencyMs,
        e.Status,
        e.FailureReason,
        e.State,
        e.Summary,
        e.CorrelationId,
        e.Status == ExecutionStatus.Running && e.DeadlineMs is { } deadline ? DateTimeOffset.FromUnixTimeMilliseconds(deadline).UtcDateTime : null,
        e.Heartbeats,
        e.FinishedAtMs is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished).UtcDateTime : null,
        e.Attempt,
        e.MissedRuns,
        e.Error,
        e.HttpStatus,
        [.. e.DeliveryAttempts.Select(a => new DeliveryAttemptResponse(DateTimeOffset.FromUnixTimeMilliseconds(a.AtMs).UtcDateTime, a.HttpStatus, a.Error))],
        TraceIdOf(e.TraceParent),
        e.ClaimedAtMs is { } claimed ? DateTimeOffset.FromUnixTimeMilliseconds(claimed).UtcDateTime : null,
        // Progress describes a run in progress: a finished execution's state and summary are the final callback's.
        Running(e)?.State,
        Running(e)?.Summary,
        Running(e) is { } progress ? DateTimeOffset.FromUnixTimeMilliseconds(progress.LastHeartbeatAtMs).UtcDateTime : null)
    {
        FireTime = ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(e.FireTimeMs)),
        FireTimeMs = e.FireTimeMs,
    };

    private static ExecutionProgress? Running(Execution e) => e.Status == ExecutionStatus.Running ? e.Progress : null;
}

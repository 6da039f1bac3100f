using JobManager.Core.Jobs;
using JobManager.Core.Schedules;

namespace JobManager.Api.Contracts;

/// <summary>
/// The job resource: the seed's fields plus identity, timestamps, the next instant and the job's health
/// (read-only: <c>last_execution</c>, <c>last_success_time</c>, <c>consecutive_failures</c>, <c>health</c>).
/// </summary>
public sealed record JobResponse(
    string Service,
    string JobName,
    bool Async,
    bool Enabled,
    bool Exclusive,
    string InvocationTarget,
    string InvocationType,
    string? Payload,
    string Schedule,
    int TtlSeconds,
    int CatchupWindowSeconds,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? NextScheduledTime,
    long? NextScheduledTimeMs,
    LastExecutionResponse? LastExecution,
    DateTime? LastSuccessTime,
    int ConsecutiveFailures,
    string Health,
    string? PausedReason,
    int PauseAfterFailures)
{
    /// <summary>The IANA zone <c>cron</c> and <c>at</c> are read in (default <c>UTC</c>).</summary>
    public string Timezone { get; init; } = ScheduleZone.DefaultId;

    /// <summary>No instant fires before it; null when unbounded.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>No instant fires after it; null when unbounded.</summary>
    public DateTime? EndTime { get; init; }

    /// <summary>Each instant fires up to this many seconds after it, by an offset hashed from job and instant.</summary>
    public int FlexibleWindowSeconds { get; init; }

    public static JobResponse From(Job job) => new(
        job.Ref.Service,
        job.Ref.Job,
        job.Async,
        job.Enabled,
        job.Exclusive,
        job.InvocationTarget,
        job.InvocationType,
        job.Payload,
        job.Schedule,
        job.TtlSeconds,
        job.CatchupWindowSeconds,
        job.CreatedAt.UtcDateTime,
        job.UpdatedAt.UtcDateTime,
        job.NextScheduledMs is { } next ? ScheduleTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(next)) : null,
        job.NextScheduledMs,
        LastExecutionResponse.From(job.Health?.LastExecution),
        job.Health?.LastSuccessMs is { } success ? DateTimeOffset.FromUnixTimeMilliseconds(success).UtcDateTime : null,
        job.Health?.ConsecutiveFailures ?? 0,
        job.HealthStatus,
        job.PausedReason,
        job.PauseAfterFailures)
    {
        Timezone = job.Calendar.TimeZoneId,
        StartTime = job.Calendar.Start?.UtcDateTime,
        EndTime = job.Calendar.End?.UtcDateTime,
        FlexibleWindowSeconds = job.FlexibleWindowSeconds,
    };
}

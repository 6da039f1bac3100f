using JobManager.Core.Schedules;

namespace JobManager.Core.Jobs;

/// <summary>A job's configuration as its owner sets it with <c>PUT</c>; already validated.</summary>
public sealed record JobDefinition(
    bool Async,
    bool Enabled,
    bool Exclusive,
    string InvocationTarget,
    string InvocationType,
    string? Payload,
    ScheduleExpression Schedule,
    int TtlSeconds,
    int CatchupWindowSeconds)
{
    /// <summary>Why the job is disabled (<c>paused_reason</c>); null keeps the stored one. Ignored when enabled.</summary>
    public string? PausedReason { get; init; }

    /// <summary>Consecutive failures after which the job disables itself; 0 for never.</summary>
    public int PauseAfterFailures { get; init; }

    /// <summary>The time zone and bounds of the schedule (<c>timezone</c>, <c>start_time</c>, <c>end_time</c>).</summary>
    public JobCalendar Calendar { get; init; } = JobCalendar.Default;

    /// <summary><c>flexible_window_seconds</c>: each instant fires up to this much later, by a hashed offset.</summary>
    public int FlexibleWindowSeconds { get; init; }
}

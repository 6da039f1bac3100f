namespace JobManager.Core.Jobs;

/// <summary>A stored job as the API shows it.</summary>
public sealed record Job(
    JobRef Ref,
    bool Async,
    bool Enabled,
    bool Exclusive,
    string InvocationTarget,
    string InvocationType,
    string? Payload,
    string Schedule,
    int TtlSeconds,
    int CatchupWindowSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? NextScheduledMs,
    JobHealth? Health = null)
{
    /// <summary><c>healthy</c>, <c>failing</c> or <c>paused</c> (<see cref="JobHealth.StatusFor"/>).</summary>
    public string HealthStatus => (Health ?? JobHealth.None).StatusFor(Enabled);

    /// <summary>Why the job is disabled, by its owner or by itself; null while enabled.</summary>
    public string? PausedReason { get; init; }

    /// <summary>Consecutive failures after which the job disables itself; 0 for never.</summary>
    public int PauseAfterFailures { get; init; }

    /// <summary>The time zone and bounds of the schedule (<c>timezone</c>, <c>start_time</c>, <c>end_time</c>).</summary>
    public JobCalendar Calendar { get; init; } = JobCalendar.Default;

    /// <summary><c>flexible_window_seconds</c>: each instant fires up to this much later, by a hashed offset.</summary>
    public int FlexibleWindowSeconds { get; init; }
}

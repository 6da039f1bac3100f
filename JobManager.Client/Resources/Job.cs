namespace JobManager.Client.Resources;

/// <summary>A job as the Api returns it (<c>GET /services/{service}/jobs/{job}</c>).</summary>
public sealed record Job(
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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextScheduledTime,
    long? NextScheduledTimeMs)
{
    /// <summary>The IANA zone <c>cron(...)</c> and <c>at(...)</c> are read in.</summary>
    public string Timezone { get; init; } = "UTC";
    /// <summary>No instant fires before this (inclusive); null: no start.</summary>
    public DateTimeOffset? StartTime { get; init; }
    /// <summary>No instant fires after this (inclusive); null: no end.</summary>
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Each instant fires up to this many seconds late, spread per job and instant (0-3600).</summary>
    public int FlexibleWindowSeconds { get; init; }
    /// <summary>Why the job is disabled; kept while disabled, cleared when enabled.</summary>
    public string? PausedReason { get; init; }
    /// <summary>Consecutive failures after which the job disables itself; 0 never.</summary>
    public int PauseAfterFailures { get; init; }
    /// <summary>The last execution to finish; null before the first.</summary>
    public LastExecution? LastExecution { get; init; }
    public DateTimeOffset? LastSuccessTime { get; init; }
    /// <summary>Final failures since the last success.</summary>
    public int ConsecutiveFailures { get; init; }
    /// <summary><see cref="JobHealth.Healthy"/>, <see cref="JobHealth.Failing"/> or <see cref="JobHealth.Paused"/>.</summary>
    public string? Health { get; init; }

    /// <summary>The job's definition, as a <c>PUT</c> would send it back unchanged.</summary>
    public JobDefinition ToDefinition() => new(Schedule, InvocationTarget)
    {
        Async = Async,
        Enabled = Enabled,
        Exclusive = Exclusive,
        InvocationType = InvocationType,
        Payload = Payload,
        TtlSeconds = TtlSeconds,
        CatchupWindowSeconds = CatchupWindowSeconds,
        Timezone = Timezone,
        StartTime = StartTime,
        EndTime = EndTime,
        FlexibleWindowSeconds = FlexibleWindowSeconds,
        PausedReason = PausedReason,
        PauseAfterFailures = PauseAfterFailures,
    };
}

namespace JobManager.Client.Resources;

/// <summary>
/// What a <c>PUT /services/{service}/jobs/{job}</c> sends. A null field is left out, so the Api applies
/// its default (<c>enabled</c> true, <c>ttl_seconds</c> 300, ...).
/// </summary>
public sealed record JobDefinition(string Schedule, string InvocationTarget)
{
    public bool? Async { get; init; }
    public bool? Enabled { get; init; }
    public bool? Exclusive { get; init; }
    public string? InvocationType { get; init; }
    /// <summary>A string (often JSON-encoded) sent with every webhook; at most 64 KiB.</summary>
    public string? Payload { get; init; }
    public int? TtlSeconds { get; init; }
    public int? CatchupWindowSeconds { get; init; }
    /// <summary>An IANA zone for <c>cron(...)</c> and <c>at(...)</c>; the Api's default is UTC.</summary>
    public string? Timezone { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>0-3600; the Api's default is 0.</summary>
    public int? FlexibleWindowSeconds { get; init; }
    /// <summary>Why the job is disabled (at most 256 characters); left out, a disabled job keeps its reason.</summary>
    public string? PausedReason { get; init; }
    /// <summary>0-1000; the Api's default is 0 (never pause).</summary>
    public int? PauseAfterFailures { get; init; }
}

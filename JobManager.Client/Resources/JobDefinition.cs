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
}

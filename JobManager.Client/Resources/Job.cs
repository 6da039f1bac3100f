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
    };
}

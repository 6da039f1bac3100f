namespace JobManager.Client.Resources;

/// <summary>Filters of an execution listing; every one optional.</summary>
public sealed record ExecutionQuery
{
    /// <summary><c>pending</c>, <c>running</c>, <c>success</c> or <c>failure</c>.</summary>
    public string? Status { get; init; }
    /// <summary>Scheduled at or after.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Scheduled at or before.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Items fetched per request (1-1000; the Api's default is 100).</summary>
    public int? PageSize { get; init; }
}

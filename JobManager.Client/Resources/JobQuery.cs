namespace JobManager.Client.Resources;

/// <summary>Filters of a job listing; every one optional.</summary>
public sealed record JobQuery
{
    public bool? Enabled { get; init; }
    /// <summary>One of <see cref="JobHealth"/>'s values.</summary>
    public string? Health { get; init; }
    /// <summary>Items fetched per request (1-1000; the Api's default is 100).</summary>
    public int? PageSize { get; init; }
}

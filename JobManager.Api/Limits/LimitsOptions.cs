using System.ComponentModel.DataAnnotations;

namespace JobManager.Api.Limits;

/// <summary>Per-key and per-service limits of the Api. Bound from <c>JobManager:Limits</c>.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "JobManager:Limits";
    public const string JobsPerServiceSetting = SectionName + ":JobsPerService";
    public const string KeysPerServiceSetting = SectionName + ":KeysPerService";

    /// <summary>
    /// Requests per second each API key may send on average (a token bucket's refill). Generous by
    /// default: it stops a runaway or leaked key, not a platform registering its jobs.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Requests a key may send at once after being idle (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int RequestBurst { get; set; } = 5000;

    /// <summary>Jobs a service may have; creating one more answers 409.</summary>
    [Range(1, 10_000_000)]
    public int JobsPerService { get; set; } = 10_000;

    /// <summary>API keys a service may have at once; creating one more answers 409.</summary>
    [Range(1, 1000)]
    public int KeysPerService { get; set; } = 10;
}

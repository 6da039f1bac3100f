using System.ComponentModel.DataAnnotations;

namespace JobManager.Dispatcher.Configuration;

/// <summary>Outbound webhook settings. Bound from <c>JobManager:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "JobManager:Webhooks";

    /// <summary>Time allowed to open the TCP (and TLS) connection.</summary>
    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Time allowed for the whole delivery: connect, send, and the service's answer.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Tries per delivery when it fails transiently (connection errors, timeouts, 5xx, 408, 429); other
    /// answers are final. Retries stop early when the next one would end past the job's TTL.
    /// </summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter. A Retry-After header wins.</summary>
    [Range(10, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;
}

using System.ComponentModel.DataAnnotations;

namespace JobManager.Core.Configuration;

/// <summary>
/// Outbound webhook settings, read by both services: the dispatchers send webhooks, the Api refuses
/// targets they may not send to. Bound from <c>JobManager:Webhooks</c>.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "JobManager:Webhooks";

    /// <summary>Time allowed to open the TCP (and TLS) connection.</summary>
    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Time allowed for one try: connect, send, and the service's answer.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Tries per delivery when it fails transiently (connection errors, timeouts, 5xx, 408, 429); other
    /// answers are final. Retries stop early when the next one would start past the job's TTL.
    /// </summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter. A Retry-After header wins.</summary>
    [Range(10, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>, <c>::1/128</c>) that webhooks may reach although
    /// they are loopback, private, link-local or otherwise blocked. Empty by default: a job can only
    /// call public addresses. The app host allows loopback for local development.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// How long, after a signing secret is rotated, webhooks still carry a signature made with the
    /// previous secret as well, so receivers can switch without dropping webhooks. 0 drops it at once.
    /// </summary>
    [Range(0, 720)]
    public int SecretRotationHours { get; set; } = 24;
}

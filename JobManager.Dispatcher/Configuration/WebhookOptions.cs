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
}

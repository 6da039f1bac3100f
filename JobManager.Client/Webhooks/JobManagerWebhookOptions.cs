namespace JobManager.Client.Webhooks;

/// <summary>How received webhooks are checked and run. Bound from <see cref="SectionName"/>.</summary>
public sealed class JobManagerWebhookOptions
{
    public const string SectionName = "JobManager:Webhooks";

    /// <summary>The service's signing secret (<c>whsec_...</c>), as <c>jm secret rotate</c> or the Api showed it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// More accepted secrets, e.g. the new one while a rotation is deployed: a webhook signed with any
    /// accepted secret passes.
    /// </summary>
    public IList<string> AdditionalSigningSecrets { get; } = [];

    /// <summary>
    /// Rotate the service's secret when the host starts, through <see cref="IJobManagerClient"/> with the
    /// service's own key (<see cref="JobManagerClientOptions.Service"/>), and accept the new one: no secret to
    /// copy by hand. For one replica (a development setup): each start replaces the secret.
    /// </summary>
    public bool RotateSigningSecretAtStart { get; set; }

    /// <summary>How far a <c>webhook-timestamp</c> may be from now (Standard Webhooks: 5 minutes); older is a replay.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A fixed time between heartbeats. By default a heartbeat goes out half a second after the webhook,
    /// then whenever half the time left before the deadline the Api answered has passed.
    /// </summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>The largest webhook body read (the Api's payload and state are at most 64 KiB each).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

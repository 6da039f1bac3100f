using Microsoft.Extensions.Options;

namespace JobManager.Client.Webhooks;

/// <summary>The secrets webhooks are verified with: the configured ones and the one rotated at start.</summary>
internal sealed class WebhookSecrets(IOptionsMonitor<JobManagerWebhookOptions> options)
{
    private volatile string? _rotated;

    public IReadOnlyList<string> Current =>
        [.. Configured(options.CurrentValue), .. _rotated is null ? Array.Empty<string>() : [_rotated]];

    public void Accept(string secret) => _rotated = secret;

    internal static IEnumerable<string> Configured(JobManagerWebhookOptions options) =>
        new[] { options.SigningSecret }.Concat(options.AdditionalSigningSecrets).OfType<string>().Where(s => s.Length > 0);
}

using Microsoft.Extensions.Options;

namespace JobManager.Client.Webhooks;

/// <summary>Refuses at start a receiver that could verify nothing, or a secret that is not <c>whsec_</c> + base64.</summary>
internal sealed class JobManagerWebhookOptionsValidator : IValidateOptions<JobManagerWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, JobManagerWebhookOptions options)
    {
        var failures = new List<string>();
        var secrets = WebhookSecrets.Configured(options).ToList();
        if (secrets.Count == 0 && !options.RotateSigningSecretAtStart)
        {
            failures.Add($"{JobManagerWebhookOptions.SectionName}:SigningSecret is required (or RotateSigningSecretAtStart).");
        }
        failures.AddRange(secrets.Where(s => !WebhookSignature.IsSecret(s))
            .Select(_ => $"{JobManagerWebhookOptions.SectionName}: a signing secret is not 'whsec_' followed by base64."));
        if (options.SignatureTolerance <= TimeSpan.Zero)
        {
            failures.Add($"{JobManagerWebhookOptions.SectionName}:SignatureTolerance must be positive.");
        }
        if (options.HeartbeatInterval is { } interval && interval <= TimeSpan.Zero)
        {
            failures.Add($"{JobManagerWebhookOptions.SectionName}:HeartbeatInterval must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

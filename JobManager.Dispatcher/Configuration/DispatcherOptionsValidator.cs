using JobManager.Core.Configuration;
using Microsoft.Extensions.Options;

namespace JobManager.Dispatcher.Configuration;

/// <summary>Checks what one options class cannot see alone: the lease must outlast a delivery.</summary>
internal sealed class DispatcherOptionsValidator(IOptions<WebhookOptions> webhooks) : IValidateOptions<DispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatcherOptions options) =>
        options.LeaseSeconds > webhooks.Value.TimeoutSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"JobManager:Dispatcher:LeaseSeconds ({options.LeaseSeconds}) must be greater than " +
                $"JobManager:Webhooks:TimeoutSeconds ({webhooks.Value.TimeoutSeconds}), or live deliveries would be taken over.");
}

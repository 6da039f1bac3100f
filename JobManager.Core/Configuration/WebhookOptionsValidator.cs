using System.Net;
using Microsoft.Extensions.Options;

namespace JobManager.Core.Configuration;

/// <summary>Refuses to start with an allowed network that is not CIDR notation, naming the entry.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var bad = options.AllowedNetworks
            .Select((network, index) => (network, index))
            .Where(entry => !IPNetwork.TryParse(entry.network.Trim(), out _))
            .Select(entry =>
                $"{WebhookOptions.SectionName}:AllowedNetworks:{entry.index} (\"{entry.network}\") is not a network in CIDR notation " +
                "such as 10.20.0.0/16 or ::1/128.")
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }
}

using JobManager.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobManager.Api.Authentication;

/// <summary>
/// Stores the configured <see cref="ProvisionedKeyOptions.ProvisionedKeys"/> before the Api serves requests
/// (hosted services start before the server listens), so a service handed such a key can call at once.
/// </summary>
internal sealed class KeyProvisioning(
    IOptions<ProvisionedKeyOptions> options, ServiceKeyStore store, ILogger<KeyProvisioning> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int Attempts = 30;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (service, key) in options.Value.ProvisionedKeys)
        {
            if (!await ProvisionAsync(service, key, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"JobManager:ProvisionedKeys:{service}: the key's id belongs to another key or service; generate a new key.");
            }
            Log.KeyProvisioned(logger, service);
        }
    }

    /// <summary>Redis may still be starting beside the Api: a few retries instead of a failed start.</summary>
    private async Task<bool> ProvisionAsync(string service, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.ProvisionAsync(service, key);
            }
            catch (RedisConnectionException) when (attempt < Attempts)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
